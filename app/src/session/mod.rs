//! The guided session as a state machine over (plan, now). Plain Rust:
//! time comes in as milliseconds since the epoch with every event and every
//! query, and is never read here. A rest is stored as an absolute deadline,
//! so "seconds left" is right after any gap: a locked screen, a background
//! tab, a reload, a crash.

pub mod cues;
mod machine;
mod plan;
mod records;
pub mod screen;
mod wire;

pub use machine::{
    Effort, Event, MAX_LOAD_KG, MAX_REPS, Phase, RESUME_WINDOW_MS, Session, SessionError, SetLog,
    Symptom,
};
pub use plan::{LoadFrom, Plan, PlanItem, suggested_rest_s};
pub use records::{ActiveSession, History, Step, close_if_stale, dispatch};

/// How long a session was in use, for people: "under a minute", "25 min",
/// "1 h 5 min". An ended session counts to its end; an incomplete one
/// ends at its last logged set.
pub fn active_time_label(session: &Session) -> String {
    duration_label(session.duration_ms(session.last_action_ms()))
}

/// A duration in words, rounded down to the minute.
pub fn duration_label(ms: u64) -> String {
    let min = ms / 60_000;
    match (min / 60, min % 60) {
        (0, 0) => "under a minute".to_owned(),
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

#[cfg(test)]
mod label_tests {
    #[test]
    fn durations_read_as_people_say_them() {
        use super::duration_label as d;
        assert_eq!(d(59_999), "under a minute");
        assert_eq!(d(60_000), "1 min");
        assert_eq!(d(59 * 60_000 + 59_999), "59 min");
        assert_eq!(d(3_600_000), "1 h");
        assert_eq!(d(3_900_000), "1 h 5 min");
    }
}
