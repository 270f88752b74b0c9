//! The settings set with − and + (each exercise's rest, sets and reps, the
//! weekly target), named in the markup as `data-amount` (`rest:leg-press`,
//! `sets:chest-press`, `reps:chest-press`, `weekly-target`) so the one
//! handler of the settings panels serves them too. Each step keeps the
//! value inside what the program allows. Plain Rust, tested natively.

use super::{Prefs, REST_RANGE_S, SetsReps, WEEKLY_TARGET_RANGE};
use crate::{
    program::{Basics, basics},
    session::suggested_rest_s,
};

/// A number in settings with − and + buttons.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Amount {
    /// Rest between sets of an exercise, in steps of 15 s.
    Rest(&'static Basics),
    /// Sets of an exercise, within the program's range.
    Sets(&'static Basics),
    /// Reps of an exercise, within the program's range.
    Reps(&'static Basics),
    /// Sessions a week to aim for.
    WeeklyTarget,
}

/// Rest changes by this much a tap, in seconds.
const REST_STEP_S: i32 = 15;

impl Amount {
    /// The value of `data-amount`.
    pub fn attr(self) -> String {
        match self {
            Amount::Rest(e) => format!("rest:{}", e.id),
            Amount::Sets(e) => format!("sets:{}", e.id),
            Amount::Reps(e) => format!("reps:{}", e.id),
            Amount::WeeklyTarget => "weekly-target".to_owned(),
        }
    }

    /// Reads `data-amount`; `None` for anything else.
    pub fn parse(attr: &str) -> Option<Amount> {
        if attr == "weekly-target" {
            return Some(Amount::WeeklyTarget);
        }
        let (kind, id) = attr.split_once(':')?;
        let exercise = basics(id)?;
        match kind {
            "rest" => Some(Amount::Rest(exercise)),
            "sets" => Some(Amount::Sets(exercise)),
            "reps" => Some(Amount::Reps(exercise)),
            _ => None,
        }
    }
}

impl Prefs {
    /// Moves `amount` by `steps` (−1 or +1 a tap), never past what the
    /// program allows. A value back at the app's starting point is no
    /// longer stored, so a later change of that starting point applies.
    pub fn step(&mut self, amount: Amount, steps: i32) {
        match amount {
            Amount::Rest(e) => {
                let suggested = suggested_rest_s(e);
                let now = self.rest_s.get(e.id).copied().unwrap_or(suggested);
                let next = (now as i32 + steps * REST_STEP_S)
                    .clamp(*REST_RANGE_S.start() as i32, *REST_RANGE_S.end() as i32)
                    as u32;
                if next == suggested {
                    self.rest_s.remove(e.id);
                } else {
                    self.rest_s.insert(e.id.to_owned(), next);
                }
            }
            Amount::Sets(e) | Amount::Reps(e) => {
                let rx = e.prescription;
                let mut next = self.sets_reps_of(e);
                let moved = |n: u16| n.saturating_add_signed(steps as i16);
                if matches!(amount, Amount::Sets(_)) {
                    next.sets = moved(next.sets).clamp(rx.sets.min, rx.sets.max);
                } else {
                    next.reps = moved(next.reps).clamp(rx.reps.min, rx.reps.max);
                }
                if next
                    == (SetsReps {
                        sets: rx.sets.min,
                        reps: rx.reps.min,
                    })
                {
                    self.sets_reps.remove(e.id);
                } else {
                    self.sets_reps.insert(e.id.to_owned(), next);
                }
            }
            Amount::WeeklyTarget => {
                self.weekly_target = (i32::from(self.weekly_target) + steps).clamp(
                    i32::from(*WEEKLY_TARGET_RANGE.start()),
                    i32::from(*WEEKLY_TARGET_RANGE.end()),
                ) as u8;
            }
        }
    }

    /// `amount` as its stepper shows it: "90 s", "4".
    pub fn shown(&self, amount: Amount) -> String {
        match amount {
            Amount::Rest(e) => format!(
                "{} s",
                self.rest_s
                    .get(e.id)
                    .copied()
                    .unwrap_or(suggested_rest_s(e))
            ),
            Amount::Sets(e) => self.sets_reps_of(e).sets.to_string(),
            Amount::Reps(e) => self.sets_reps_of(e).reps.to_string(),
            Amount::WeeklyTarget => self.weekly_target.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exercise(id: &str) -> &'static Basics {
        basics(id).unwrap()
    }

    #[test]
    fn every_amount_reads_back_from_its_attribute() {
        let press = exercise("chest-press");
        for amount in [
            Amount::Rest(press),
            Amount::Sets(press),
            Amount::Reps(press),
            Amount::WeeklyTarget,
        ] {
            assert_eq!(Amount::parse(&amount.attr()), Some(amount));
        }
        for attr in [
            "",
            "rest",
            "rest:",
            "rest:no-such",
            "load:chest-press",
            "weekly",
        ] {
            assert_eq!(Amount::parse(attr), None, "{attr}");
        }
    }

    #[test]
    fn rest_moves_in_quarter_minutes_within_its_range() {
        let press = exercise("leg-press");
        let mut p = Prefs::default();
        assert_eq!(p.shown(Amount::Rest(press)), "90 s");
        p.step(Amount::Rest(press), 1);
        assert_eq!(p.shown(Amount::Rest(press)), "105 s");
        p.step(Amount::Rest(press), -1);
        // Back at the suggestion: nothing stored.
        assert!(p.rest_s.is_empty());
        for _ in 0..100 {
            p.step(Amount::Rest(press), -1);
        }
        assert_eq!(p.shown(Amount::Rest(press)), "15 s");
        for _ in 0..100 {
            p.step(Amount::Rest(press), 1);
        }
        assert_eq!(p.shown(Amount::Rest(press)), "600 s");
    }

    #[test]
    fn sets_and_reps_stay_in_the_programs_range() {
        let press = exercise("chest-press");
        let rx = press.prescription;
        let mut p = Prefs::default();
        for _ in 0..5 {
            p.step(Amount::Sets(press), 1);
        }
        p.step(Amount::Reps(press), -1);
        assert_eq!(p.shown(Amount::Sets(press)), rx.sets.max.to_string());
        assert_eq!(p.shown(Amount::Reps(press)), rx.reps.min.to_string());
        for _ in 0..5 {
            p.step(Amount::Sets(press), -1);
        }
        // Back at the low end of both: nothing stored.
        assert!(p.sets_reps.is_empty());
    }

    #[test]
    fn the_weekly_target_stays_between_one_and_seven() {
        let mut p = Prefs::default();
        for _ in 0..10 {
            p.step(Amount::WeeklyTarget, 1);
        }
        assert_eq!(p.shown(Amount::WeeklyTarget), "7");
        for _ in 0..10 {
            p.step(Amount::WeeklyTarget, -1);
        }
        assert_eq!(p.weekly_target, 1);
    }
}
