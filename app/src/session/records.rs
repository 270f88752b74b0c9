//! How sessions are stored: the one under way (saved on every event, so a
//! reload or crash resumes exactly where it was) and the history of ended
//! ones, merged by id so two tabs cannot overwrite each other's sessions.

use super::{Event, Session, SessionError, wire::HistoryWire};
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

/// What an event did to the stored session.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// Applied; the session goes on.
    Applied,
    /// The session ended with this event and moved to the history.
    Ended(Session),
    /// The session had gone stale before the event: it was closed as
    /// incomplete (moved to the history) and the event was not applied.
    Closed(Session),
}

/// Moves an unfinished session that may no longer be resumed (see
/// [`Session::is_stale`]) to the history as incomplete, keeping every set.
/// Returns it when it did.
pub fn close_if_stale(
    active: &mut ActiveSession,
    history: &mut History,
    now_ms: u64,
    utc_offset_min: i32,
) -> Option<Session> {
    if !active
        .session
        .as_ref()
        .is_some_and(|s| s.is_stale(now_ms, utc_offset_min))
    {
        return None;
    }
    let mut session = active.session.take()?;
    session.close_incomplete();
    history.upsert(session.clone());
    Some(session)
}

/// Applies a person's event to the session under way at `now_ms`: a stale
/// session is closed first (the event is then not applied), and a session
/// that ends moves to the history. Nothing changes when the event is refused.
pub fn dispatch(
    active: &mut ActiveSession,
    history: &mut History,
    event: Event,
    now_ms: u64,
    utc_offset_min: i32,
) -> Result<Step, SessionError> {
    if let Some(closed) = close_if_stale(active, history, now_ms, utc_offset_min) {
        return Ok(Step::Closed(closed));
    }
    let Some(session) = active.session.as_mut() else {
        return Err(SessionError::NoSession);
    };
    session.apply(event, now_ms)?;
    if session.phase.is_over() {
        let ended = session.clone();
        active.session = None;
        history.upsert(ended.clone());
        return Ok(Step::Ended(ended));
    }
    Ok(Step::Applied)
}

/// Every ended session, oldest first. Stored in the compact form of
/// [`super::wire`] (format 3: format 2 plus the set statuses of an exercise
/// stopped for pain); format 1 stored whole session objects.
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
    const VERSION: u32 = 3;

    fn migrate_step(from: u32, data: serde_json::Value) -> Result<serde_json::Value, String> {
        match from {
            1 => {
                // Through text, with the readers and writers every page's
                // wasm has anyway (see `storage::decode`).
                let v1: HistoryV1 =
                    serde_json::from_str(&data.to_string()).map_err(|e| e.to_string())?;
                let wire = serde_json::to_string(&HistoryWire::from(&v1.sessions[..]))
                    .map_err(|e| e.to_string())?;
                serde_json::from_str(&wire).map_err(|e| e.to_string())
            }
            // Format 3 only adds set statuses 2 and 3: a format 2 history
            // reads as it is.
            2 => Ok(data),
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
    /// Adds or replaces a session by id, keeping the order by start time
    /// (and by id for sessions that started at the same instant), so the
    /// order is the same however the sessions arrived.
    pub fn upsert(&mut self, session: Session) {
        match self.sessions.iter_mut().find(|s| s.id == session.id) {
            Some(existing) => *existing = session,
            None => self.sessions.push(session),
        }
        // A replaced session may have a new start time: sort in both cases.
        self.sessions
            .sort_by(|a, b| (a.started_ms, &a.id).cmp(&(b.started_ms, &b.id)));
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
                        // Pain now and then: it stops that exercise (F13).
                        pain: Some(u8::from(n % 25 == 0 && sets == 3)),
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

    /// True when `exercise_id` brought on pain the last time it was done
    /// (F13), or was under way when that session was stopped (F12): it is
    /// shown with its caution next time.
    pub fn hurt_last_time(&self, exercise_id: &str) -> bool {
        self.sessions
            .iter()
            .rev()
            .find_map(|s| {
                let items = s.items_of(exercise_id);
                let reached = s.pain_item.is_some_and(|p| items.contains(&p))
                    || s.sets
                        .iter()
                        .any(|set| set.done() && items.contains(&set.item));
                reached.then(|| items.iter().any(|&i| s.hurt_in(i)))
            })
            .unwrap_or(false)
    }

    /// The latest session stopped with the Stop control (F12) that ended on
    /// the local day of `now_ms`: while there is one, no new session starts
    /// today.
    pub fn stopped_today(&self, now_ms: u64, utc_offset_min: i32) -> Option<&Session> {
        use crate::screening::local_day;
        let today = local_day(now_ms, utc_offset_min);
        self.sessions.iter().rev().find(|s| {
            matches!(s.phase, super::Phase::StoppedForPain { .. })
                && s.ended_ms
                    .is_some_and(|end| local_day(end, utc_offset_min) >= today)
        })
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
        assert!(raw.starts_with(r#"{"v":3,"data":{"plans":"#), "{raw}");
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
    fn the_exercise_that_hurt_is_remembered_until_done_without_pain() {
        let mut h = History::default();
        assert!(!h.hurt_last_time("leg-press"));
        // F12: stopped during the leg press.
        let mut s = session("p", 0);
        s.apply(Event::Start, 1).unwrap();
        s.apply(Event::StopForPain(vec![Symptom::Pain]), 2).unwrap();
        h.upsert(s);
        assert!(h.hurt_last_time("leg-press"));
        assert!(!h.hurt_last_time("leg-curl"), "never reached");
        // F13: the next session's leg press hurt on set 2.
        let mut s = session("q", 100);
        s.apply(Event::Start, 101).unwrap();
        s.apply(set_done(0), 102).unwrap();
        s.apply(Event::SkipRest, 103).unwrap();
        s.apply(hurts(), 104).unwrap();
        s.apply(Event::Finish, 105).unwrap();
        h.upsert(s);
        assert!(h.hurt_last_time("leg-press"));
        // Then a session without pain on it: the caution goes.
        let mut s = session("r", 200);
        s.apply(Event::Start, 201).unwrap();
        s.apply(set_done(0), 202).unwrap();
        s.apply(Event::Finish, 203).unwrap();
        h.upsert(s);
        assert!(!h.hurt_last_time("leg-press"));
    }

    fn set_done(pain: u8) -> Event {
        Event::SetDone {
            reps: 15,
            load_kg: Some(40.0),
            effort: None,
            pain: Some(pain),
        }
    }

    fn hurts() -> Event {
        Event::Hurts {
            reps: 8,
            load_kg: Some(40.0),
            effort: None,
            pain: None,
        }
    }

    #[test]
    fn a_stop_for_pain_locks_the_rest_of_the_local_day() {
        const DAY: u64 = 86_400_000;
        let noon = 20_000 * DAY + DAY / 2;
        let mut s = session("p", noon);
        s.apply(Event::Start, noon + 1).unwrap();
        s.apply(Event::StopForPain(vec![Symptom::Tingling]), noon + 2)
            .unwrap();
        let mut h = History::default();
        h.upsert(s);
        assert!(h.stopped_today(noon + 3, 0).is_some());
        assert!(h.stopped_today(20_001 * DAY - 1, 0).is_some(), "23:59:59");
        assert!(h.stopped_today(20_001 * DAY, 0).is_none(), "midnight");
        // At UTC+10 the stop (22:00 local) locks until local midnight, 2 h later.
        assert!(h.stopped_today(noon + 2 * 3_600_000 - 1, 600).is_some());
        assert!(h.stopped_today(noon + 2 * 3_600_000, 600).is_none());
        // A session ended normally locks nothing.
        let mut h = History::default();
        let mut s = session("f", noon);
        s.apply(Event::Finish, noon + 5).unwrap();
        h.upsert(s);
        assert!(h.stopped_today(noon + 6, 0).is_none());
    }

    #[test]
    fn a_session_resumes_only_within_two_hours_on_the_same_day() {
        use crate::session::RESUME_WINDOW_MS;
        const HOUR: u64 = 3_600_000;
        let morning = 20_000 * 86_400_000 + 8 * HOUR;
        let mut s = session("old", morning);
        s.apply(Event::Start, morning + 1).unwrap();
        assert!(!s.is_stale(morning + RESUME_WINDOW_MS, 0));
        assert!(s.is_stale(morning + RESUME_WINDOW_MS + 1, 0));
        // A logged set restarts the window.
        s.apply(set_done(0), morning + HOUR).unwrap();
        assert!(!s.is_stale(morning + HOUR + RESUME_WINDOW_MS, 0));
        assert!(s.is_stale(morning + HOUR + RESUME_WINDOW_MS + 1, 0));
        // Past local midnight it is stale even within the window.
        let late = 20_000 * 86_400_000 + 23 * HOUR;
        let mut s = session("late", late);
        s.apply(Event::Start, late + 1).unwrap();
        assert!(!s.is_stale(late + HOUR - 1, 0));
        assert!(s.is_stale(late + HOUR, 0), "00:00 is another day");
        assert!(
            !s.is_stale(late + 30 * 60_000, 120),
            "01:00 to 01:30 at UTC+2: one day, the one the person is in"
        );
        // Closing keeps everything and ends at the last logged action.
        let mut s = session("kept", morning);
        s.apply(Event::Start, morning + 1).unwrap();
        s.apply(set_done(0), morning + 600_000).unwrap();
        s.close_incomplete();
        assert_eq!(s.phase, crate::session::Phase::Incomplete);
        assert_eq!(s.ended_ms, Some(morning + 600_000));
        assert_eq!(s.sets.len(), 1);
        assert!(!s.is_stale(u64::MAX, 0), "an ended session is never stale");
    }

    #[test]
    fn dispatch_archives_an_ended_session_and_closes_a_stale_one() {
        use super::{Step, close_if_stale, dispatch};
        let mut active = ActiveSession {
            session: Some(session("d", 1_000)),
        };
        let mut history = History::default();
        assert_eq!(
            dispatch(&mut active, &mut history, Event::Start, 2_000, 0),
            Ok(Step::Applied)
        );
        // A refused event changes nothing.
        let before = (active.clone(), history.clone());
        assert!(dispatch(&mut active, &mut history, Event::Resume, 3_000, 0).is_err());
        assert_eq!((active.clone(), history.clone()), before);
        // Ending moves it to the history.
        let Ok(Step::Ended(ended)) = dispatch(&mut active, &mut history, Event::Finish, 4_000, 0)
        else {
            panic!("not ended")
        };
        assert_eq!(active.session, None);
        assert_eq!(history.sessions, vec![ended]);
        assert_eq!(
            dispatch(&mut active, &mut history, Event::Start, 5_000, 0),
            Err(SessionError::NoSession)
        );
        // Three hours later an unfinished session is closed, not resumed.
        let mut active = ActiveSession {
            session: Some(session("s", 1_000)),
        };
        let later = 1_000 + 3 * 3_600_000;
        let Ok(Step::Closed(closed)) = dispatch(&mut active, &mut history, Event::Start, later, 0)
        else {
            panic!("not closed")
        };
        assert_eq!(closed.phase, crate::session::Phase::Incomplete);
        assert_eq!(active.session, None);
        assert_eq!(history.sessions.len(), 2);
        assert_eq!(close_if_stale(&mut active, &mut history, later, 0), None);
    }
}
