//! Today's session: the safety check, then the guided session, set by set,
//! with its rest timer, to a summary.

mod exercise_stopped;
mod in_session;
mod rest_screen;
mod session_page;
mod session_runner;
mod set_screen;
mod stepper;
mod stopped_screen;
mod summary;
mod symptom_log;

pub use exercise_stopped::ExerciseStopped;
pub use rest_screen::RestScreen;
pub use session_page::SessionPage;
pub use session_runner::SessionRunner;
pub use set_screen::{SetScreen, SetTarget};
pub use stepper::Stepper;
pub use stopped_screen::StoppedScreen;
pub use summary::Summary;
pub use symptom_log::SymptomLog;

/// "1:05" from milliseconds left, rounding up: the display reaches 0:00 at
/// the deadline, not a second before it.
pub fn clock(left_ms: u64) -> String {
    let secs = left_ms.div_ceil(1000);
    format!("{}:{:02}", secs / 60, secs % 60)
}

#[cfg(test)]
mod tests {
    use super::clock;

    #[test]
    fn the_clock_rounds_up_to_whole_seconds() {
        assert_eq!(clock(90_000), "1:30");
        assert_eq!(clock(89_001), "1:30");
        assert_eq!(clock(89_000), "1:29");
        assert_eq!(clock(1), "0:01");
        assert_eq!(clock(0), "0:00");
        assert_eq!(clock(600_000), "10:00");
    }
}
