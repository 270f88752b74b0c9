//! The safety check before each session: the four entry criteria answered
//! yes or no, when, and whether they clear today's session. Plain Rust;
//! the clock and the time zone come in as arguments.

use crate::{
    program::{CRITERIA, Criterion},
    storage::Stored,
};
use serde::{Deserialize, Serialize};

const DAY_MS: i64 = 86_400_000;
/// How many past checks are kept: enough to show a physiotherapist.
pub const HISTORY_LIMIT: usize = 200;

/// One completed safety check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    /// When it was answered, in ms since the epoch.
    pub at_ms: u64,
    /// The user's UTC offset then, in minutes east of UTC.
    pub utc_offset_min: i32,
    /// One answer per criterion, in the order of [`CRITERIA`].
    pub answers: [bool; 4],
}

impl Check {
    /// True when all four criteria hold.
    pub fn all_yes(&self) -> bool {
        self.answers.iter().all(|a| *a)
    }

    /// The criteria answered "no", with what to do about each.
    pub fn failed(&self) -> impl Iterator<Item = &'static Criterion> + '_ {
        CRITERIA
            .iter()
            .zip(self.answers)
            .filter(|(_, yes)| !yes)
            .map(|(c, _)| c)
    }
}

/// The answers given so far on the safety check on screen: nothing is
/// pre-filled, so each check starts with none.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Answers(pub [Option<bool>; 4]);

impl Answers {
    /// Answers criterion `index` (in the order of [`CRITERIA`]); returns
    /// all four once all four are given, to be recorded.
    pub fn answer(&mut self, index: usize, yes: bool) -> Option<[bool; 4]> {
        *self.0.get_mut(index)? = Some(yes);
        match self.0 {
            [Some(a), Some(b), Some(c), Some(d)] => Some([a, b, c, d]),
            _ => None,
        }
    }

    /// True when all four are answered, whatever the answers.
    pub fn complete(&self) -> bool {
        self.0.iter().all(Option::is_some)
    }

    /// True when all four are answered yes.
    pub fn all_yes(&self) -> bool {
        self.0.iter().all(|a| *a == Some(true))
    }

    /// The criteria answered "no" so far, with what to do about each.
    pub fn refused(&self) -> impl Iterator<Item = &'static Criterion> + '_ {
        CRITERIA
            .iter()
            .zip(self.0)
            .filter(|(_, a)| *a == Some(false))
            .map(|(c, _)| c)
    }
}

/// The local calendar day of an instant, as a day number.
pub fn local_day(at_ms: u64, utc_offset_min: i32) -> i64 {
    let local = at_ms as i64 + i64::from(utc_offset_min) * 60_000;
    local.div_euclid(DAY_MS)
}

/// Every safety check the user has answered, newest last.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScreeningLog {
    /// Past checks, oldest first, at most [`HISTORY_LIMIT`].
    pub checks: Vec<Check>,
}

impl Stored for ScreeningLog {
    const KEY: &'static str = "backstrong:screening";
    const VERSION: u32 = 1;
}

impl ScreeningLog {
    /// Records a completed check.
    pub fn record(&mut self, check: Check) {
        self.checks.push(check);
        if self.checks.len() > HISTORY_LIMIT {
            let extra = self.checks.len() - HISTORY_LIMIT;
            self.checks.drain(..extra);
        }
    }

    /// Today's latest check, if one was answered today (local time).
    pub fn today(&self, now_ms: u64, utc_offset_min: i32) -> Option<&Check> {
        let today = local_day(now_ms, utc_offset_min);
        self.checks
            .last()
            .filter(|c| local_day(c.at_ms, c.utc_offset_min) == today)
    }

    /// Whether today's session is open: a check today with four yeses.
    pub fn cleared_today(&self, now_ms: u64, utc_offset_min: i32) -> bool {
        self.today(now_ms, utc_offset_min)
            .is_some_and(Check::all_yes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOON_UTC: u64 = 1_764_072_000_000; // 2025-11-25 12:00 UTC

    fn check(at_ms: u64, answers: [bool; 4]) -> Check {
        Check {
            at_ms,
            utc_offset_min: 0,
            answers,
        }
    }

    #[test]
    fn only_four_yeses_clear_the_session() {
        let mut log = ScreeningLog::default();
        assert!(!log.cleared_today(NOON_UTC, 0), "no check, no session");
        log.record(check(NOON_UTC, [true, true, false, true]));
        assert!(!log.cleared_today(NOON_UTC, 0));
        let failed: Vec<_> = log
            .today(NOON_UTC, 0)
            .unwrap()
            .failed()
            .map(|c| c.id)
            .collect();
        assert_eq!(failed, ["motor-control"]);
        log.record(check(NOON_UTC + 60_000, [true; 4]));
        assert!(log.cleared_today(NOON_UTC + 120_000, 0));
        assert_eq!(log.checks.len(), 2, "both answers are kept");
    }

    #[test]
    fn answers_count_once_all_four_are_given() {
        let mut a = Answers::default();
        assert!(!a.complete() && !a.all_yes());
        assert_eq!(a.answer(0, true), None);
        assert_eq!(a.answer(2, false), None);
        assert_eq!(a.answer(7, true), None, "no fifth criterion");
        let refused: Vec<_> = a.refused().map(|c| c.id).collect();
        assert_eq!(refused, ["motor-control"]);
        assert_eq!(a.answer(1, true), None);
        assert_eq!(a.answer(3, true), Some([true, true, false, true]));
        assert!(a.complete() && !a.all_yes());
        // A changed answer counts again.
        assert_eq!(a.answer(2, true), Some([true; 4]));
        assert!(a.all_yes());
        assert_eq!(a.refused().count(), 0);
    }

    #[test]
    fn a_check_counts_for_its_local_day_only() {
        let mut log = ScreeningLog::default();
        log.record(check(NOON_UTC, [true; 4]));
        assert!(
            log.cleared_today(NOON_UTC + 11 * 3_600_000, 0),
            "23:00 same day"
        );
        assert!(
            !log.cleared_today(NOON_UTC + 13 * 3_600_000, 0),
            "01:00 next day"
        );
        // At UTC+2 noon UTC is 14:00 local; 23:00 UTC is already tomorrow.
        let mut log = ScreeningLog::default();
        log.record(Check {
            at_ms: NOON_UTC,
            utc_offset_min: 120,
            answers: [true; 4],
        });
        assert!(!log.cleared_today(NOON_UTC + 11 * 3_600_000, 120));
    }

    #[test]
    fn history_is_bounded() {
        let mut log = ScreeningLog::default();
        for i in 0..(HISTORY_LIMIT as u64 + 5) {
            log.record(check(i, [true; 4]));
        }
        assert_eq!(log.checks.len(), HISTORY_LIMIT);
        assert_eq!(log.checks[0].at_ms, 5);
    }
}
