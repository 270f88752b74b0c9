//! How sessions are stored: the one under way (saved on every event, so a
//! reload or crash resumes exactly where it was) and the history of ended
//! ones, merged by id so two tabs cannot overwrite each other's sessions.

use super::{Session, wire::HistoryWire};
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

/// Every ended session, oldest first. Stored in the compact form of
/// [`super::wire`] (format 2); format 1 stored whole session objects.
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
#[serde(into = "HistoryWire", try_from = "HistoryWire")]
pub struct History {
    /// Ended sessions, by start time.
    pub sessions: Vec<Session>,
}

impl From<History> for HistoryWire {
    fn from(history: History) -> Self {
        HistoryWire::from(&history.sessions[..])
    }
}

impl TryFrom<HistoryWire> for History {
    type Error = String;
    fn try_from(wire: HistoryWire) -> Result<Self, String> {
        let mut history = History::default();
        for session in Vec::<Session>::try_from(wire)? {
            history.upsert(session);
        }
        Ok(history)
    }
}

/// Format 1: every session as a full object.
#[derive(Deserialize)]
struct HistoryV1 {
    sessions: Vec<Session>,
}

impl Stored for History {
    const KEY: &'static str = "backstrong:history";
    const VERSION: u32 = 2;

    fn migrate_step(from: u32, data: serde_json::Value) -> Result<serde_json::Value, String> {
        match from {
            1 => {
                let v1: HistoryV1 = serde_json::from_value(data).map_err(|e| e.to_string())?;
                serde_json::to_value(HistoryWire::from(&v1.sessions[..])).map_err(|e| e.to_string())
            }
            _ => Err(format!("no migration from format {from}")),
        }
    }

    /// Sessions are records with unique ids: what another tab saved in the
    /// meantime joins this tab's list instead of being overwritten.
    fn merge_stored(&mut self, stored: Self) {
        self.merge(stored);
    }
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

    /// Adds every session of `other` that this history lacks (by id).
    /// Returns how many were added.
    pub fn merge(&mut self, other: History) -> usize {
        let mut added = 0;
        for session in other.sessions {
            if !self.sessions.iter().any(|s| s.id == session.id) {
                self.upsert(session);
                added += 1;
            }
        }
        added
    }

    /// Three years of sessions (600 sessions, 20,400 sets, loads rising
    /// slowly, a little pain now and then): for the size test and
    /// `make bench-storage`.
    pub fn three_years_sample() -> History {
        use super::{Event, Plan};
        let mut plan = Plan::from_program(Some(80.0));
        for item in &mut plan.items {
            item.sets += 2;
        }
        let mut history = History::default();
        let day = 86_400_000u64;
        let start = 1_700_000_000_000u64;
        for n in 0..600u64 {
            let at = start + n * day * 18 / 10;
            // The plan is never empty, and every event below fits its state.
            let Ok(mut s) = Session::new(format!("{at}-{n:04x}"), plan.clone(), at) else {
                continue;
            };
            let _ = s.apply(Event::Start, at + 60_000);
            let mut now = at + 120_000;
            let mut sets = 0;
            while !s.phase.is_over() && sets < 34 {
                let _ = s.apply(
                    Event::SetDone {
                        reps: 12 + (n % 4) as u16,
                        load_kg: Some(40.0 + (n / 20) as f32 * 2.5),
                        effort: Some(crate::session::Effort::Right),
                        pain: Some((n % 3) as u8),
                    },
                    now,
                );
                now += 150_000;
                sets += 1;
                if !s.phase.is_over() {
                    let _ = s.apply(Event::SkipRest, now);
                }
            }
            if !s.phase.is_over() {
                let _ = s.apply(Event::Finish, now);
            }
            history.upsert(s);
        }
        history
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

    /// What the first release wrote, kept in the repo as it was.
    const HISTORY_V1: &str = include_str!("../../tests/fixtures/history-v1.json");

    #[test]
    fn the_first_format_is_migrated_with_every_set() {
        let history = crate::storage::decode::<History>(HISTORY_V1).unwrap();
        assert_eq!(history.sessions.len(), 3);
        let first = &history.sessions[0];
        assert_eq!(first.id, "1764000000000-1a2b");
        assert_eq!(first.phase, crate::session::Phase::Finished);
        assert_eq!(first.ended_ms, Some(1_764_001_800_000));
        assert_eq!(first.sets.len(), 4);
        assert_eq!(first.sets[1].load_kg, Some(42.5));
        assert_eq!(first.sets[1].effort, Some(crate::session::Effort::Hard));
        assert_eq!(first.sets[1].at_ms, 1_764_000_500_000);
        assert!(first.sets[2].skipped);
        assert_eq!(first.plan.items[1].load_kg, None);
        assert!(first.plan.items[1].suggested);
        assert_eq!(
            history.sessions[1].phase,
            crate::session::Phase::StoppedForPain {
                felt: vec![Symptom::Pain, Symptom::Tingling]
            }
        );
        assert_eq!(history.sessions[1].pain_item, Some(0));
        assert_eq!(history.sessions[2].phase, crate::session::Phase::Incomplete);
        // and it is written back in the compact format, losing nothing
        let raw = crate::storage::encode(&history);
        assert!(raw.starts_with(r#"{"v":2,"data":{"plans":"#), "{raw}");
        assert_eq!(crate::storage::decode::<History>(&raw).unwrap(), history);
    }

    #[test]
    fn a_compact_history_that_does_not_add_up_is_refused() {
        for bad in [
            r#"{"v":2,"data":{"plans":[],"s":[["x",1,-1,0,0,[],[],[],-1]]}}"#,
            r#"{"v":2,"data":{"plans":[[["leg-press",1,1,-1,60,0]]],"s":[["x",1,-1,0,0,[],[[5,1,1,-1,0,-1,0,0]],[],-1]]}}"#,
            r#"{"v":2,"data":{"plans":[[["leg-press",1,1,-1,60,0]]],"s":[["x",1,-1,0,0,[],[[0,1,1,-1,0,11,0,0]],[],-1]]}}"#,
            r#"{"v":2,"data":{"plans":[[["leg-press",1,1,-1,60,0]]],"s":[["x",1,-1,0,9,[],[],[],-1]]}}"#,
            r#"{"v":2,"data":{"plans":[[["leg-press",1,1,-1,60,0]]],"s":[["x",1,-1,0,0,[]"#,
        ] {
            assert!(
                matches!(
                    crate::storage::decode::<History>(bad),
                    Err(crate::storage::StorageError::Corrupt { .. })
                ),
                "{bad}"
            );
        }
    }

    #[test]
    fn three_years_of_sessions_fit_well_under_a_megabyte() {
        let history = History::three_years_sample();
        let sets: usize = history.sessions.iter().map(|s| s.sets.len()).sum();
        assert!(sets >= 19_000, "{sets} sets");
        let raw = crate::storage::encode(&history);
        assert!(raw.len() < 1_000_000, "{} bytes", raw.len());
        assert_eq!(crate::storage::decode::<History>(&raw).unwrap(), history);
    }

    #[test]
    fn saving_folds_in_what_another_tab_saved() {
        use crate::storage::{MemoryBackend, load, save_merged};
        let store = MemoryBackend::default();
        // Both tabs start from the same (empty) history.
        let mut tab_a = History::default();
        let mut tab_b = History::default();
        let ended = |id: &str, at: u64| {
            let mut s = session(id, at);
            s.apply(Event::Finish, at + 5).unwrap();
            s
        };
        tab_a.upsert(ended("a", 10));
        save_merged(&store, &mut tab_a, 0).unwrap();
        tab_b.upsert(ended("b", 20));
        save_merged(&store, &mut tab_b, 0).unwrap();
        let stored = load::<History>(&store, 0).value;
        assert_eq!(
            stored
                .sessions
                .iter()
                .map(|s| s.id.as_str())
                .collect::<Vec<_>>(),
            ["a", "b"]
        );
        assert_eq!(tab_b, stored, "the saving tab sees both too");
    }

    #[test]
    fn a_full_storage_keeps_the_session_in_memory_and_saves_it_on_the_next_change() {
        use crate::storage::{MemoryBackend, StorageError, load, save_merged};
        let ended = |id: &str, at: u64| {
            let mut s = session(id, at);
            s.apply(Event::Finish, at + 5).unwrap();
            s
        };
        let store = MemoryBackend::default();
        store.set_quota(Some(100));
        let mut history = History::default();
        history.upsert(ended("a", 10));
        assert_eq!(
            save_merged(&store, &mut history, 0),
            Err(StorageError::QuotaExceeded)
        );
        // still all here in memory, nothing half-written
        assert_eq!(history.sessions.len(), 1);
        assert_eq!(load::<History>(&store, 0).value, History::default());
        // space is freed; the next change saves everything
        store.set_quota(None);
        history.upsert(ended("b", 20));
        save_merged(&store, &mut history, 0).unwrap();
        assert_eq!(load::<History>(&store, 0).value.sessions.len(), 2);
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
