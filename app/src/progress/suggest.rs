//! The next-load suggestion. The source program gives no rule for loads, so
//! every rule here is the app's own suggestion, and where it has to choose
//! it takes the cautious option. Pain is never a level to train through:
//! an exercise that brought on pain is discontinued that day (F13) and is
//! never suggested heavier until it has gone through a whole session
//! without pain; sets are never taken to fatigue (F33); after a session
//! stopped for radiating pain, numbness or tingling (F12) there is no load
//! suggestion at all.

use super::heaviest;
use crate::{
    program::basics,
    session::{Effort, History, Phase},
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
    /// No load suggestion: answer the safety check, see a clinician first.
    None,
}

/// Why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// Every set reached the top of the rep range, without pain and
    /// without a set logged as hard.
    AllRepsNoPain,
    /// A set fell short of its target reps, or was skipped.
    MissedReps,
    /// The target was met but not the top of the range yet.
    BuildReps,
    /// A set was logged as hard: sets are never taken to fatigue (F33).
    HardSet,
    /// The exercise brought on pain last time (F13).
    BroughtOnPain,
    /// The latest session was stopped for pain, numbness or tingling (F12).
    SessionStopped,
}

impl Reason {
    /// The reason in words.
    pub fn text(self) -> &'static str {
        match self {
            Reason::AllRepsNoPain => {
                "Every set reached the top of the rep range, with no pain and no set that felt hard."
            }
            Reason::MissedReps => {
                "Some sets fell short of their reps or were skipped. Stay at this load until they are all there."
            }
            Reason::BuildReps => {
                "All sets reached their target. Build up to the top of the rep range before adding load."
            }
            Reason::HardSet => {
                "A set felt hard. The program says never to train to fatigue, so stay at this load until every set ends with reps to spare."
            }
            Reason::BroughtOnPain => {
                "This exercise brought on pain last time, and the program says to stop an exercise that does. Go a step lighter, and stop it at once if the pain comes back. It goes up again only after a whole session without pain."
            }
            Reason::SessionStopped => {
                "Your last session was stopped for pain, numbness or tingling. No load suggestion until you have answered the safety check again; if the symptoms come back, see your doctor or physiotherapist before you train."
            }
        }
    }
}

/// The suggestion for one exercise.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// Up, hold, down, or none at all.
    pub advice: Advice,
    /// Why.
    pub reason: Reason,
    /// The working load last time, if loads were logged.
    pub last_kg: Option<f32>,
    /// The load suggested for next time, if loads were logged and a load
    /// is suggested at all.
    pub next_kg: Option<f32>,
}

impl Suggestion {
    /// True when the suggestion comes with a caution.
    pub fn caution(&self) -> bool {
        matches!(self.advice, Advice::Down | Advice::None)
    }
}

/// The suggestion from the latest session in which `exercise_id` was done
/// or hurt, or `None` before there is one. `unit` sets the step (2.5 kg or
/// 5 lb, our suggestion).
pub fn next_load(history: &History, exercise_id: &str, unit: Unit) -> Option<Suggestion> {
    let top = basics(exercise_id).map(|e| e.prescription.reps.max)?;
    let (session, items) = history.sessions.iter().rev().find_map(|s| {
        let items = s.items_of(exercise_id);
        let done = s
            .sets
            .iter()
            .any(|set| set.done() && items.contains(&set.item));
        let hurt_here = s.pain_item.is_some_and(|p| items.contains(&p));
        (done || hurt_here).then_some((s, items))
    })?;
    let sets: Vec<_> = session
        .sets
        .iter()
        .filter(|s| items.contains(&s.item))
        .collect();
    let done: Vec<_> = sets.iter().filter(|s| s.done()).collect();
    let last_kg = heaviest(done.iter().filter_map(|s| s.load_kg));
    let planned_sets: u16 = items.iter().map(|&i| session.plan.items[i].sets).sum();
    let missed = sets.iter().any(|s| !s.done())
        || done.len() < usize::from(planned_sets)
        || done
            .iter()
            .any(|s| s.reps < session.plan.items[s.item].target_reps);
    let latest_stopped = history
        .sessions
        .last()
        .is_some_and(|s| matches!(s.phase, Phase::StoppedForPain { .. }));
    let hurt = items.iter().any(|&i| session.hurt_in(i))
        || done.iter().any(|s| s.pain.is_some_and(|p| p > 0));
    let (advice, reason) = if latest_stopped {
        (Advice::None, Reason::SessionStopped)
    } else if hurt {
        (Advice::Down, Reason::BroughtOnPain)
    } else if missed {
        (Advice::Hold, Reason::MissedReps)
    } else if done.iter().any(|s| s.effort == Some(Effort::Hard)) {
        (Advice::Hold, Reason::HardSet)
    } else if done.iter().all(|s| s.reps >= top) {
        (Advice::Up, Reason::AllRepsNoPain)
    } else {
        (Advice::Hold, Reason::BuildReps)
    };
    let step_kg = f64::from(unit.to_kg(unit.step()));
    let next_kg = last_kg.and_then(|kg| {
        let kg = f64::from(kg);
        match advice {
            Advice::Up => Some((kg + step_kg) as f32),
            Advice::Hold => Some(kg as f32),
            Advice::Down => Some((kg - step_kg).max(0.0) as f32),
            Advice::None => None,
        }
    });
    Some(Suggestion {
        advice,
        reason,
        last_kg,
        next_kg,
    })
}
