//! States, events, and the transitions between them.

use super::Plan;
use crate::screening::local_day;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// How hard a set felt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Effort {
    /// Could have done many more.
    Easy,
    /// About right.
    Right,
    /// Close to the limit.
    Hard,
}

/// What was felt when a session was stopped for pain (F12–F13).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Symptom {
    /// Pain in the back or where the exercise loads.
    Pain,
    /// Pain spreading into the buttock or leg.
    Radiating,
    /// Numbness.
    Numbness,
    /// Tingling.
    Tingling,
}

impl Symptom {
    /// Every symptom, in the order the Stop screen lists them.
    pub const ALL: [Symptom; 4] = [
        Symptom::Pain,
        Symptom::Radiating,
        Symptom::Numbness,
        Symptom::Tingling,
    ];

    /// In words, as the Stop screen and the report show it.
    pub fn label(self) -> &'static str {
        match self {
            Symptom::Pain => "Pain",
            Symptom::Radiating => "Pain spreading into buttock or leg",
            Symptom::Numbness => "Numbness",
            Symptom::Tingling => "Tingling",
        }
    }
}

/// Where the session is.
// Externally tagged (serde's default): internally tagged enums need a
// buffering deserializer that costs the wasm a lot of code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Warming up before the first set.
    WarmUp,
    /// Doing set `set` (from 1) of plan item `item`.
    Working {
        /// Index into the plan.
        item: usize,
        /// Set number, from 1.
        set: u16,
    },
    /// Resting before set `set` of the same exercise, until `until_ms`.
    Resting {
        /// Index into the plan.
        item: usize,
        /// The set that comes after the rest.
        set: u16,
        /// When the rest ends.
        until_ms: u64,
    },
    /// Resting before the first set of plan item `item`, until `until_ms`.
    BetweenExercises {
        /// The exercise that comes next.
        item: usize,
        /// When the rest ends.
        until_ms: u64,
    },
    /// Paused; `left_ms` is what was left of a rest (0 outside rests).
    Paused {
        /// Where to go back to.
        from: Box<Phase>,
        /// Rest time left when paused.
        left_ms: u64,
    },
    /// Done.
    Finished,
    /// Ended at once because something hurt.
    StoppedForPain {
        /// What was felt.
        felt: Vec<Symptom>,
    },
    /// Left unfinished for too long, then closed; kept as it was.
    Incomplete,
}

impl Phase {
    fn name(&self) -> &'static str {
        match self {
            Phase::WarmUp => "warm-up",
            Phase::Working { .. } => "working a set",
            Phase::Resting { .. } => "resting",
            Phase::BetweenExercises { .. } => "between exercises",
            Phase::Paused { .. } => "paused",
            Phase::Finished => "finished",
            Phase::StoppedForPain { .. } => "stopped for pain",
            Phase::Incomplete => "closed as incomplete",
        }
    }

    /// True once the session has ended.
    pub fn is_over(&self) -> bool {
        matches!(
            self,
            Phase::Finished | Phase::StoppedForPain { .. } | Phase::Incomplete
        )
    }
}

/// Something the user did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Event {
    /// Warm-up done: start the first set.
    Start,
    /// The current set is done.
    SetDone {
        /// Reps done.
        reps: u16,
        /// Load used.
        load_kg: Option<f32>,
        /// How hard it felt, if said.
        effort: Option<Effort>,
        /// Pain 0–10, if said.
        pain: Option<u8>,
    },
    /// The current set brought on pain (F13): it is logged with the pain,
    /// the rest of this exercise is stopped for today, and the session
    /// moves on to the next exercise.
    Hurts {
        /// Reps done before it hurt.
        reps: u16,
        /// Load used.
        load_kg: Option<f32>,
        /// How hard it felt, if said.
        effort: Option<Effort>,
        /// Pain 0–10, if said.
        pain: Option<u8>,
    },
    /// The machine of the exercise about to start is taken: do it later
    /// today (the program's order rules still hold).
    DoLater,
    /// Do the exercise about to start another of the source's ways today:
    /// its place in the exercise's equipment list.
    UseEquipment(u8),
    /// Skip the current set.
    SkipSet,
    /// Skip the rest of the current (or coming) exercise.
    SkipExercise,
    /// End the rest now.
    SkipRest,
    /// Lengthen (positive) or shorten (negative) the rest, in seconds.
    AdjustRest(i32),
    /// Pause.
    Pause,
    /// Resume after a pause.
    Resume,
    /// Stop at once: something hurts.
    StopForPain(Vec<Symptom>),
    /// End the session now.
    Finish,
}

impl Event {
    fn name(&self) -> &'static str {
        match self {
            Event::Start => "start",
            Event::SetDone { .. } => "set done",
            Event::Hurts { .. } => "stop this exercise for pain",
            Event::DoLater => "do it later",
            Event::UseEquipment(_) => "change the equipment",
            Event::SkipSet => "skip set",
            Event::SkipExercise => "skip exercise",
            Event::SkipRest => "skip rest",
            Event::AdjustRest(_) => "change rest",
            Event::Pause => "pause",
            Event::Resume => "resume",
            Event::StopForPain(_) => "stop for pain",
            Event::Finish => "finish",
        }
    }
}

/// An event that does not fit the session's state, or bad values.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SessionError {
    /// The event makes no sense now.
    #[error("cannot {event} while {phase}")]
    Invalid {
        /// The event.
        event: &'static str,
        /// The state the session was in.
        phase: &'static str,
    },
    /// Pain is rated 0 to 10.
    #[error("pain is rated from 0 to 10, not {0}")]
    PainOutOfRange(u8),
    /// Reps must be a count from 0 to [`MAX_REPS`].
    #[error("reps must be between 0 and {MAX_REPS}")]
    RepsOutOfRange,
    /// Load must be from 0 to [`MAX_LOAD_KG`] kg.
    // As a whole number: formatting the f32 itself would pull Rust's float
    // formatting (kilobytes of wasm) into the session page.
    #[error("the load must be between 0 and {} kg", MAX_LOAD_KG as u32)]
    LoadOutOfRange,
    /// The plan has no exercises.
    #[error("the session has no exercises")]
    EmptyPlan,
    /// "Do it later" with nothing left to do before it.
    #[error(
        "there is nothing left to do before it: it is the last exercise (or the program's order allows no other)"
    )]
    NothingLater,
    /// There is no session under way.
    #[error("no session is under way")]
    NoSession,
}

/// The most reps a set can log.
pub const MAX_REPS: u16 = 1000;
/// The heaviest load a set can log, in kg.
pub const MAX_LOAD_KG: f32 = 1000.0;
/// A session can be resumed only within this time of its last logged
/// action (and on the same local day); after that it is closed as
/// incomplete and a new session needs a new safety check. The source gives
/// no such rule: two hours is the app's own, cautious suggestion.
pub const RESUME_WINDOW_MS: u64 = 2 * 3_600_000;

/// One logged set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SetLog {
    /// Index into the plan.
    pub item: usize,
    /// Set number, from 1.
    pub set: u16,
    /// Reps done (0 when skipped).
    pub reps: u16,
    /// Load used.
    pub load_kg: Option<f32>,
    /// How hard it felt.
    pub effort: Option<Effort>,
    /// Pain 0–10.
    pub pain: Option<u8>,
    /// When it was logged.
    pub at_ms: u64,
    /// True when the set was skipped, not done.
    pub skipped: bool,
    /// This set brought on pain, so the exercise was stopped after it (F13).
    #[serde(default, skip_serializing_if = "is_false")]
    pub hurt: bool,
    /// Not done: the exercise had been stopped for pain (F13). Not a skip.
    #[serde(default, skip_serializing_if = "is_false")]
    pub stopped_for_pain: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl SetLog {
    /// True for a set actually done (not skipped, not left out for pain).
    pub fn done(&self) -> bool {
        !self.skipped && !self.stopped_for_pain
    }
}

/// A session in progress or ended.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// Unique id (the start time and a random part, made by the caller).
    pub id: String,
    /// What was planned.
    pub plan: Plan,
    /// When it started.
    pub started_ms: u64,
    /// When it ended.
    pub ended_ms: Option<u64>,
    /// Where it is.
    pub phase: Phase,
    /// Every set logged, in order.
    pub sets: Vec<SetLog>,
    /// Plan items skipped as a whole or in part.
    pub skipped_items: Vec<usize>,
    /// The exercise that was under way when the session was stopped for pain.
    pub pain_item: Option<usize>,
}

impl Session {
    /// A new session, in its warm-up.
    pub fn new(id: String, plan: Plan, now_ms: u64) -> Result<Session, SessionError> {
        if plan.items.is_empty() {
            return Err(SessionError::EmptyPlan);
        }
        Ok(Session {
            id,
            plan,
            started_ms: now_ms,
            ended_ms: None,
            phase: Phase::WarmUp,
            sets: Vec::new(),
            skipped_items: Vec::new(),
            pain_item: None,
        })
    }

    /// The phase as it is at `now_ms`: a rest whose deadline has passed is
    /// over, and the next set is on.
    pub fn phase_at(&self, now_ms: u64) -> Phase {
        match self.phase {
            Phase::Resting {
                item,
                set,
                until_ms,
            } if now_ms >= until_ms => Phase::Working { item, set },
            Phase::BetweenExercises { item, until_ms } if now_ms >= until_ms => {
                Phase::Working { item, set: 1 }
            }
            ref other => other.clone(),
        }
    }

    /// Milliseconds of rest left at `now_ms`, when resting or paused in a rest.
    pub fn rest_left_ms(&self, now_ms: u64) -> Option<u64> {
        match self.phase_at(now_ms) {
            Phase::Resting { until_ms, .. } | Phase::BetweenExercises { until_ms, .. } => {
                Some(until_ms - now_ms)
            }
            Phase::Paused { from, left_ms }
                if matches!(
                    *from,
                    Phase::Resting { .. } | Phase::BetweenExercises { .. }
                ) =>
            {
                Some(left_ms)
            }
            _ => None,
        }
    }

    /// The plan item under way (or coming next) at `now_ms`.
    pub fn current_item(&self, now_ms: u64) -> Option<usize> {
        fn item_of(phase: &Phase) -> Option<usize> {
            match phase {
                Phase::Working { item, .. }
                | Phase::Resting { item, .. }
                | Phase::BetweenExercises { item, .. } => Some(*item),
                Phase::Paused { from, .. } => item_of(from),
                _ => None,
            }
        }
        item_of(&self.phase_at(now_ms))
    }

    /// Applies an event at `now_ms`. An event that does not fit the state is
    /// refused and changes nothing.
    pub fn apply(&mut self, event: Event, now_ms: u64) -> Result<(), SessionError> {
        let phase = self.phase_at(now_ms);
        let invalid = || SessionError::Invalid {
            event: event.name(),
            phase: phase.name(),
        };
        let next = match (&phase, &event) {
            (p, _) if p.is_over() => return Err(invalid()),
            (Phase::WarmUp, Event::Start) => Phase::Working { item: 0, set: 1 },
            (
                Phase::Working { item, set },
                Event::SetDone {
                    reps,
                    load_kg,
                    effort,
                    pain,
                }
                | Event::Hurts {
                    reps,
                    load_kg,
                    effort,
                    pain,
                },
            ) => {
                if let Some(p) = pain.filter(|p| *p > 10) {
                    return Err(SessionError::PainOutOfRange(p));
                }
                if *reps > MAX_REPS {
                    return Err(SessionError::RepsOutOfRange);
                }
                if load_kg.is_some_and(|kg| !(0.0..=MAX_LOAD_KG).contains(&kg)) {
                    return Err(SessionError::LoadOutOfRange);
                }
                // Any pain at all is a stop signal for the exercise (F13),
                // whichever button logged it.
                let hurt = matches!(event, Event::Hurts { .. }) || pain.is_some_and(|p| p > 0);
                self.sets.push(SetLog {
                    item: *item,
                    set: *set,
                    reps: *reps,
                    load_kg: *load_kg,
                    effort: *effort,
                    pain: *pain,
                    at_ms: now_ms,
                    skipped: false,
                    hurt,
                    stopped_for_pain: false,
                });
                if hurt {
                    self.stop_exercise_for_pain(*item, *set, now_ms)
                } else {
                    self.after_set(*item, *set, now_ms)
                }
            }
            // Only an exercise not yet begun moves: its sets stay together.
            (
                Phase::Working { item, set: 1 } | Phase::BetweenExercises { item, .. },
                Event::DoLater,
            ) if !self.sets.iter().any(|s| s.item == *item) => {
                let Some(plan) = self.plan.do_later(*item) else {
                    return Err(SessionError::NothingLater);
                };
                self.plan = plan;
                // The exercise now in this place starts; a rest goes on.
                phase.clone()
            }
            (Phase::Working { item, set: 1 }, Event::UseEquipment(choice))
                if !self.sets.iter().any(|s| s.item == *item)
                    && crate::program::basics(&self.plan.items[*item].exercise_id)
                        .is_some_and(|e| usize::from(*choice) < e.equipment.len()) =>
            {
                self.plan.items[*item].equipment = *choice;
                phase.clone()
            }
            (Phase::Working { item, set }, Event::SkipSet) => {
                self.sets.push(SetLog {
                    item: *item,
                    set: *set,
                    reps: 0,
                    load_kg: None,
                    effort: None,
                    pain: None,
                    at_ms: now_ms,
                    skipped: true,
                    hurt: false,
                    stopped_for_pain: false,
                });
                self.mark_skipped(*item);
                self.after_set(*item, *set, now_ms)
            }
            (
                Phase::Working { item, .. }
                | Phase::Resting { item, .. }
                | Phase::BetweenExercises { item, .. },
                Event::SkipExercise,
            ) => {
                self.mark_skipped(*item);
                if item + 1 < self.plan.items.len() {
                    Phase::Working {
                        item: item + 1,
                        set: 1,
                    }
                } else {
                    self.ended_ms = Some(now_ms);
                    Phase::Finished
                }
            }
            (Phase::Resting { item, set, .. }, Event::SkipRest) => Phase::Working {
                item: *item,
                set: *set,
            },
            (Phase::BetweenExercises { item, .. }, Event::SkipRest) => Phase::Working {
                item: *item,
                set: 1,
            },
            (
                Phase::Resting {
                    item,
                    set,
                    until_ms,
                },
                Event::AdjustRest(delta_s),
            ) => Phase::Resting {
                item: *item,
                set: *set,
                until_ms: adjust(*until_ms, *delta_s, now_ms),
            },
            (Phase::BetweenExercises { item, until_ms }, Event::AdjustRest(delta_s)) => {
                Phase::BetweenExercises {
                    item: *item,
                    until_ms: adjust(*until_ms, *delta_s, now_ms),
                }
            }
            (
                Phase::WarmUp
                | Phase::Working { .. }
                | Phase::Resting { .. }
                | Phase::BetweenExercises { .. },
                Event::Pause,
            ) => Phase::Paused {
                left_ms: self.rest_left_ms(now_ms).unwrap_or(0),
                from: Box::new(phase.clone()),
            },
            (Phase::Paused { from, left_ms }, Event::Resume) => match **from {
                // The rest goes on from where it was paused.
                Phase::Resting { item, set, .. } => Phase::Resting {
                    item,
                    set,
                    until_ms: now_ms + left_ms,
                },
                Phase::BetweenExercises { item, .. } => Phase::BetweenExercises {
                    item,
                    until_ms: now_ms + left_ms,
                },
                ref other => other.clone(),
            },
            (_, Event::StopForPain(felt)) => self.stopped_for_pain(felt.clone(), now_ms),
            (_, Event::Finish) => {
                self.ended_ms = Some(now_ms);
                Phase::Finished
            }
            _ => return Err(invalid()),
        };
        self.phase = next;
        Ok(())
    }

    /// Ends the session at once because something hurt (F12), remembering
    /// the exercise under way. Returns the new phase.
    fn stopped_for_pain(&mut self, felt: Vec<Symptom>, now_ms: u64) -> Phase {
        self.pain_item = self.current_item(now_ms);
        self.ended_ms = Some(now_ms);
        Phase::StoppedForPain { felt }
    }

    /// Ends an unfinished session at once as stopped for pain, whatever
    /// screen it was on (the Stop page's "end it now"); `false` when it had
    /// already ended.
    pub fn stop_now(&mut self, now_ms: u64) -> bool {
        if self.phase.is_over() {
            return false;
        }
        self.phase = self.stopped_for_pain(Vec::new(), now_ms);
        true
    }

    /// After set `set` of `item`: rest before the next set, or before the
    /// next exercise, or the end.
    fn after_set(&mut self, item: usize, set: u16, now_ms: u64) -> Phase {
        let planned = &self.plan.items[item];
        let rest_ms = u64::from(planned.rest_s) * 1000;
        if set < planned.sets {
            Phase::Resting {
                item,
                set: set + 1,
                until_ms: now_ms + rest_ms,
            }
        } else if item + 1 < self.plan.items.len() {
            Phase::BetweenExercises {
                item: item + 1,
                until_ms: now_ms + rest_ms,
            }
        } else {
            self.ended_ms = Some(now_ms);
            Phase::Finished
        }
    }

    /// After a set of `item` brought on pain: its remaining sets are logged
    /// as stopped for pain, and the session moves on to the next exercise
    /// (after the usual rest), or ends when it was the last.
    fn stop_exercise_for_pain(&mut self, item: usize, set: u16, now_ms: u64) -> Phase {
        let planned = self.plan.items[item].sets;
        for left in set + 1..=planned {
            self.sets.push(SetLog {
                item,
                set: left,
                reps: 0,
                load_kg: None,
                effort: None,
                pain: None,
                at_ms: now_ms,
                skipped: false,
                hurt: false,
                stopped_for_pain: true,
            });
        }
        self.after_set(item, planned.max(set), now_ms)
    }

    /// The plan items that are `exercise_id` (usually one).
    pub fn items_of(&self, exercise_id: &str) -> Vec<usize> {
        self.plan
            .items
            .iter()
            .enumerate()
            .filter(|(_, i)| i.exercise_id == exercise_id)
            .map(|(n, _)| n)
            .collect()
    }

    /// True when plan item `item` was stopped today because it brought on
    /// pain (F13), or was under way when the session was stopped (F12).
    pub fn hurt_in(&self, item: usize) -> bool {
        self.pain_item == Some(item) || self.sets.iter().any(|s| s.item == item && s.hurt)
    }

    fn mark_skipped(&mut self, item: usize) {
        if !self.skipped_items.contains(&item) {
            self.skipped_items.push(item);
        }
    }

    /// The load set `set` of plan item `item` starts with: the load of the
    /// latest set of that item done before it in this session, else the
    /// plan's load. So a load changed on set 1 carries to set 2.
    pub fn load_for(&self, item: usize) -> Option<f32> {
        self.sets
            .iter()
            .rev()
            .filter(|s| s.item == item && s.done())
            .find_map(|s| s.load_kg)
            .or_else(|| self.plan.items.get(item).and_then(|i| i.load_kg))
    }

    /// When the person last did something that was logged: the start, or
    /// the latest set.
    pub fn last_action_ms(&self) -> u64 {
        self.sets
            .iter()
            .map(|s| s.at_ms)
            .fold(self.started_ms, u64::max)
    }

    /// True when an unfinished session may no longer be resumed: more than
    /// [`RESUME_WINDOW_MS`] since its last logged action, or begun on
    /// another local day than today. Days are counted in the time zone the
    /// person is in now, and the two-hour window holds whatever the zone,
    /// so travelling cannot stretch a session across days.
    pub fn is_stale(&self, now_ms: u64, utc_offset_min: i32) -> bool {
        if self.phase.is_over() {
            return false;
        }
        let last = self.last_action_ms();
        let today = local_day(now_ms, utc_offset_min);
        now_ms.saturating_sub(last) > RESUME_WINDOW_MS
            || local_day(self.started_ms, utc_offset_min) != today
            || local_day(last, utc_offset_min) != today
    }

    /// Closes a session that was left unfinished, keeping all it logged. It
    /// ends at its last logged action, so its time is the time it was used.
    pub fn close_incomplete(&mut self) {
        if !self.phase.is_over() {
            self.ended_ms = Some(self.last_action_ms());
            self.phase = Phase::Incomplete;
        }
    }

    /// How long it took, in ms (so far, while it runs).
    pub fn duration_ms(&self, now_ms: u64) -> u64 {
        self.ended_ms
            .unwrap_or(now_ms)
            .saturating_sub(self.started_ms)
    }

    /// Sets done (not skipped, not stopped for pain).
    pub fn sets_done(&self) -> usize {
        self.sets.iter().filter(|s| s.done()).count()
    }

    /// Total volume: reps × load over the sets done, in kg.
    pub fn volume_kg(&self) -> f32 {
        self.sets
            .iter()
            .filter(|s| s.done())
            .map(|s| f32::from(s.reps) * s.load_kg.unwrap_or(0.0))
            .sum()
    }
}

/// A rest deadline moved by `delta_s`, never into the past.
fn adjust(until_ms: u64, delta_s: i32, now_ms: u64) -> u64 {
    let moved = until_ms as i64 + i64::from(delta_s) * 1000;
    moved.max(now_ms as i64) as u64
}

#[cfg(test)]
mod tests;
