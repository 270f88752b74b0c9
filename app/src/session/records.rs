//! How sessions are stored: the one under way (saved on every event, so a
//! reload or crash resumes exactly where it was) and the history of ended
//! ones, merged by id so two tabs cannot overwrite each other's sessions.

use super::Session;
use crate::storage::Stored;
use serde::{Deserialize, Serialize};

/// The session under way, if any.
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActiveSession {
    /// The session, until it ends and moves to [`History`].
    pub session: Option<Session>,
}

impl Stored for ActiveSession {
    const KEY: &'static str = "backstrong:active-session";
    const VERSION: u32 = 1;
}

/// Every ended session, oldest first.
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
pub struct History {
    /// Ended sessions, by start time.
    pub sessions: Vec<Session>,
}

impl Stored for History {
    const KEY: &'static str = "backstrong:history";
    const VERSION: u32 = 1;
}

impl History {
    /// Adds or replaces a session by id, keeping start-time order.
    pub fn upsert(&mut self, session: Session) {
        match self.sessions.iter_mut().find(|s| s.id == session.id) {
            Some(existing) => *existing = session,
            None => {
                self.sessions.push(session);
                self.sessions.sort_by_key(|s| s.started_ms);
            }
        }
    }

    /// The exercises that hurt in the most recent session that was stopped
    /// for pain, if it is the latest session: shown with a caution next time.
    pub fn last_pain_exercise(&self) -> Option<&str> {
        let last = self.sessions.last()?;
        let item = last.pain_item?;
        last.plan.items.get(item).map(|i| i.exercise_id.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::{Event, Plan, Symptom};

    fn session(id: &str, at: u64) -> Session {
        Session::new(id.into(), Plan::from_program(None), at).unwrap()
    }

    #[test]
    fn history_merges_by_id_in_time_order() {
        let mut h = History::default();
        h.upsert(session("b", 20));
        h.upsert(session("a", 10));
        let mut b = session("b", 20);
        b.apply(Event::Finish, 30).unwrap();
        h.upsert(b.clone());
        assert_eq!(
            h.sessions.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
            ["a", "b"]
        );
        assert_eq!(h.sessions[1], b);
    }

    #[test]
    fn the_exercise_that_hurt_is_remembered() {
        let mut s = session("p", 0);
        s.apply(Event::Start, 1).unwrap();
        s.apply(Event::StopForPain(vec![Symptom::Pain]), 2).unwrap();
        let mut h = History::default();
        h.upsert(s);
        assert_eq!(h.last_pain_exercise(), Some("leg-press"));
    }

    #[test]
    fn a_stale_session_is_closed_as_incomplete_not_dropped() {
        let mut s = session("old", 0);
        s.apply(Event::Start, 1).unwrap();
        assert!(!s.is_stale(crate::session::STALE_AFTER_MS));
        assert!(s.is_stale(crate::session::STALE_AFTER_MS + 1));
        s.close_incomplete(99);
        assert_eq!(s.phase, crate::session::Phase::Incomplete);
        assert_eq!(s.ended_ms, Some(99));
        assert!(!s.is_stale(u64::MAX), "an ended session is never stale");
    }
}
