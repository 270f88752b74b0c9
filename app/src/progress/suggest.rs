//! The next-load suggestion, after the traffic-light pain monitoring that
//! physiotherapists use: pain 0–2 is green (carry on, progress when the
//! reps are all there), 3–5 amber (hold), 6 or more red (ease off). The
//! source program gives no progression numbers for loads: the step is our
//! suggestion, and the app says so.

use super::{heaviest, items_of};
use crate::{
    program::exercise,
    session::{History, Phase},
    units::Unit,
};

/// What to do with the load next time.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Advice {
    /// Add a step.
    Up,
    /// Keep the load.
    Hold,
    /// Take a step off, and take care.
    Down,
}

/// Why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// Every set reached the top of the rep range, pain at most 2.
    AllRepsLowPain,
    /// Pain of 3 to 5 was reported.
    ModeratePain(u8),
    /// A set fell short of its target reps, or was skipped.
    MissedReps,
    /// The target was met but not the top of the range yet.
    BuildReps,
    /// Pain of 6 or more was reported.
    HighPain(u8),
    /// The session was stopped for pain.
    StoppedForPain,
}

impl Reason {
    /// The reason in words.
    pub fn text(self) -> String {
        match self {
            Reason::AllRepsLowPain => {
                "Every set reached the top of the rep range and pain stayed at 2 or less.".into()
            }
            Reason::ModeratePain(p) => format!(
                "You reported pain of {p} out of 10 (amber: 3 to 5). Stay at this load until it settles."
            ),
            Reason::MissedReps => {
                "Some sets fell short of their reps or were skipped. Stay at this load until they are all there."
                    .into()
            }
            Reason::BuildReps => {
                "All sets reached their target. Build up to the top of the rep range before adding load."
                    .into()
            }
            Reason::HighPain(p) => format!(
                "You reported pain of {p} out of 10 (red: 6 or more). Go lighter, and stop if it comes back."
            ),
            Reason::StoppedForPain => {
                "The last session was stopped for pain. Go lighter, and stop if it comes back.".into()
            }
        }
    }
}

/// The suggestion for one exercise.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// Up, hold or down.
    pub advice: Advice,
    /// Why.
    pub reason: Reason,
    /// The working load last time, if loads were logged.
    pub last_kg: Option<f32>,
    /// The load suggested for next time, if loads were logged.
    pub next_kg: Option<f32>,
}

impl Suggestion {
    /// True when the suggestion comes with a caution.
    pub fn caution(&self) -> bool {
        self.advice == Advice::Down
    }
}

/// The suggestion from the latest session in which `exercise_id` was done,
/// or `None` before there is one. `unit` sets the step (2.5 kg or 5 lb).
pub fn next_load(history: &History, exercise_id: &str, unit: Unit) -> Option<Suggestion> {
    let top = exercise(exercise_id).map(|e| e.prescription.reps.max)?;
    let (session, items) = history.sessions.iter().rev().find_map(|s| {
        let items = items_of(s, exercise_id);
        let done = s
            .sets
            .iter()
            .any(|set| !set.skipped && items.contains(&set.item));
        let hurt_here = s.pain_item.is_some_and(|p| items.contains(&p));
        (done || hurt_here).then_some((s, items))
    })?;
    let sets: Vec<_> = session
        .sets
        .iter()
        .filter(|s| items.contains(&s.item))
        .collect();
    let done: Vec<_> = sets.iter().filter(|s| !s.skipped).collect();
    let max_pain = done.iter().filter_map(|s| s.pain).max().unwrap_or(0);
    let last_kg = heaviest(done.iter().filter_map(|s| s.load_kg));
    let planned_sets: u16 = items.iter().map(|&i| session.plan.items[i].sets).sum();
    let missed = sets.iter().any(|s| s.skipped)
        || done.len() < usize::from(planned_sets)
        || done
            .iter()
            .any(|s| s.reps < session.plan.items[s.item].target_reps);
    let (advice, reason) = if matches!(session.phase, Phase::StoppedForPain { .. }) {
        (Advice::Down, Reason::StoppedForPain)
    } else if max_pain >= 6 {
        (Advice::Down, Reason::HighPain(max_pain))
    } else if max_pain >= 3 {
        (Advice::Hold, Reason::ModeratePain(max_pain))
    } else if missed {
        (Advice::Hold, Reason::MissedReps)
    } else if done.iter().all(|s| s.reps >= top) {
        (Advice::Up, Reason::AllRepsLowPain)
    } else {
        (Advice::Hold, Reason::BuildReps)
    };
    let step_kg = f64::from(unit.to_kg(unit.step()));
    let next_kg = last_kg.map(|kg| {
        let kg = f64::from(kg);
        (match advice {
            Advice::Up => kg + step_kg,
            Advice::Hold => kg,
            Advice::Down => (kg - step_kg).max(0.0),
        }) as f32
    });
    Some(Suggestion {
        advice,
        reason,
        last_kg,
        next_kg,
    })
}
