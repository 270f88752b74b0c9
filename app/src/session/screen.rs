//! What the session page shows, worked out from the stored session and the
//! clock, and what the person enters on a set before logging it. Plain
//! Rust: the runner (`ui::session`) reads the screen on every frame, writes
//! its markup (`ui::session::screens`), and turns taps into [`Tap`]s.

use super::{Effort, Event, LoadFrom, MAX_LOAD_KG, MAX_REPS, Phase, Session, Symptom};
use crate::{
    program::{Basics, basics, name_of},
    units::Unit,
};

/// What the screen shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    /// No session: the safety check, then Start.
    Check,
    WarmUp,
    /// A set, and whether the exercise brought on pain last time.
    Set(SetTarget, bool),
    Rest {
        until_ms: u64,
        next: String,
        /// The exercise just stopped because it brought on pain (F13).
        stopped: Option<String>,
    },
    Paused {
        left_ms: Option<u64>,
        /// What was under way: "Leg press, set 2 of 5".
        what: String,
    },
    Ended(Box<Session>),
}

impl Screen {
    /// Which screen this is, for people: a new key is a new screen, which
    /// opens at its top with its heading focused. A rest made longer or a
    /// set with other equipment is the same screen.
    pub fn key(&self) -> String {
        match self {
            Screen::Check => "check".to_owned(),
            Screen::WarmUp => "warm-up".to_owned(),
            Screen::Set(t, _) => format!("set:{}:{}", t.exercise.id, t.set),
            Screen::Rest { next, .. } => format!("rest:{next}"),
            Screen::Paused { .. } => "paused".to_owned(),
            Screen::Ended(s) => format!("ended:{}", s.id),
        }
    }

    /// True for the screens with Stop, Pause and End session.
    pub fn under_way(&self) -> bool {
        matches!(
            self,
            Screen::WarmUp | Screen::Set(..) | Screen::Rest { .. } | Screen::Paused { .. }
        )
    }
}

/// What one set asks for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SetTarget {
    /// The exercise (its card's text is looked up by the screen's markup,
    /// which is a part of the wasm of its own).
    pub exercise: &'static Basics,
    /// This set, from 1.
    pub set: u16,
    /// Sets planned.
    pub sets: u16,
    /// Reps to aim for.
    pub reps: u16,
    /// Load to use, if known: the set before's, or the plan's.
    pub load_kg: Option<f32>,
    /// Where the plan's load came from.
    pub load_from: LoadFrom,
    /// One step of the load stepper, in the unit loads are shown in (the
    /// machine's own step).
    pub load_step: f64,
    /// True when sets and reps are our suggestion.
    pub suggested: bool,
    /// What it is done with today, when not the usual machine (the gym
    /// lacks it).
    pub instead: Option<&'static str>,
    /// True when the exercise has not begun and others follow: "machine
    /// taken" can move it.
    pub can_wait: bool,
    /// True when the exercise has not begun: its equipment can change.
    pub fresh: bool,
    /// What it is done with (its place in the exercise's equipment list).
    pub equipment: u8,
}

impl SetTarget {
    /// No load known for a machine yet: the person finds one, with the
    /// load stepper in view, before the first set.
    pub fn first_time(&self) -> bool {
        self.set == 1 && self.load_kg.is_none() && self.exercise.uses_load()
    }
}

/// "Leg press, set 2 of 5".
fn set_label(session: &Session, item: usize, set: u16) -> String {
    let planned = &session.plan.items[item];
    format!(
        "{}, set {set} of {}",
        name_of(&planned.exercise_id),
        planned.sets
    )
}

/// The screen for `session` at `t`; `hurt_last_time` says whether an
/// exercise brought on pain last time, `step_of` gives its load step in
/// the shown unit.
pub fn screen_of(
    session: &Session,
    t: u64,
    hurt_last_time: impl Fn(&str) -> bool,
    step_of: impl Fn(&str) -> f64,
) -> Screen {
    match session.phase_at(t) {
        Phase::WarmUp => Screen::WarmUp,
        Phase::Working { item, set } => {
            let planned = &session.plan.items[item];
            let begun = session.sets.iter().any(|s| s.item == item);
            match basics(&planned.exercise_id) {
                Some(e) => Screen::Set(
                    SetTarget {
                        exercise: e,
                        set,
                        sets: planned.sets,
                        reps: planned.target_reps,
                        load_kg: session.load_for(item),
                        load_from: planned.load_from,
                        load_step: step_of(e.id),
                        suggested: planned.suggested,
                        instead: (planned.equipment > 0)
                            .then(|| e.equipment.get(usize::from(planned.equipment)))
                            .flatten()
                            .map(|eq| eq.label()),
                        fresh: set == 1 && !begun,
                        equipment: planned.equipment,
                        can_wait: set == 1 && item + 1 < session.plan.items.len() && !begun,
                    },
                    hurt_last_time(e.id),
                ),
                None => Screen::Check,
            }
        }
        Phase::Resting {
            item,
            set,
            until_ms,
        } => Screen::Rest {
            until_ms,
            next: set_label(session, item, set),
            stopped: None,
        },
        Phase::BetweenExercises { item, until_ms } => Screen::Rest {
            until_ms,
            next: name_of(&session.plan.items[item].exercise_id).to_owned(),
            stopped: item
                .checked_sub(1)
                .filter(|&before| session.hurt_in(before))
                .map(|before| name_of(&session.plan.items[before].exercise_id).to_owned()),
        },
        Phase::Paused { from, .. } => Screen::Paused {
            left_ms: session.rest_left_ms(t),
            what: match *from {
                Phase::Working { item, set } | Phase::Resting { item, set, .. } => {
                    set_label(session, item, set)
                }
                Phase::BetweenExercises { item, .. } => {
                    format!("Next: {}", name_of(&session.plan.items[item].exercise_id))
                }
                _ => "Warm-up".to_owned(),
            },
        },
        Phase::Finished | Phase::StoppedForPain { .. } | Phase::Incomplete => {
            Screen::Ended(Box::new(session.clone()))
        }
    }
}

/// "1:05" from milliseconds left, rounding up: the display reaches 0:00 at
/// the deadline, not a second before it.
pub fn clock(left_ms: u64) -> String {
    let secs = left_ms.div_ceil(1000);
    format!("{}:{:02}", secs / 60, secs % 60)
}

/// The efforts a set can be marked with, in the order shown.
pub const EFFORTS: [(Effort, &str); 3] = [
    (Effort::Easy, "Easy"),
    (Effort::Right, "About right"),
    (Effort::Hard, "Hard"),
];

/// What the person has entered for the set on screen, before it is logged.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct SetEntry {
    pub reps: u16,
    pub load_kg: Option<f32>,
    pub effort: Option<Effort>,
    pub pain: Option<u8>,
}

/// A stepper on the set screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Reps,
    Load,
    Pain,
}

impl Field {
    /// Its name in test ids, element ids and `data-step`.
    pub fn id(self) -> &'static str {
        match self {
            Field::Reps => "reps",
            Field::Load => "load",
            Field::Pain => "pain",
        }
    }

    /// The field named `id`.
    pub fn from_id(id: &str) -> Option<Field> {
        [Field::Reps, Field::Load, Field::Pain]
            .into_iter()
            .find(|f| f.id() == id)
    }
}

impl SetEntry {
    /// The set as planned: its reps and load, nothing else said yet.
    pub fn new(target: &SetTarget) -> Self {
        SetEntry {
            reps: target.reps,
            load_kg: target.load_kg,
            effort: None,
            pain: None,
        }
    }

    /// `field` moved one step (`up` or down): reps within 0 to the most a
    /// set can log, pain within 0–10, a load by one step of the machine in
    /// the shown unit, from wherever it was to the next step of the stack.
    pub fn step(&mut self, field: Field, up: bool, unit: Unit, load_step: f64) {
        let d = if up { 1 } else { -1 };
        match field {
            Field::Reps => {
                self.reps = (i32::from(self.reps) + d).clamp(0, i32::from(MAX_REPS)) as u16;
            }
            Field::Load => {
                self.load_kg = Some(unit.step_load(self.load_kg, load_step, d, MAX_LOAD_KG));
            }
            Field::Pain => {
                self.pain = Some((i32::from(self.pain.unwrap_or(0)) + d).clamp(0, 10) as u8);
            }
        }
    }

    /// The value a stepper shows: "—" for nothing entered yet.
    pub fn shown(&self, field: Field, unit: Unit) -> String {
        match field {
            Field::Reps => self.reps.to_string(),
            Field::Load => self.load_kg.map_or("—".to_owned(), |kg| unit.show(kg)),
            Field::Pain => self.pain.map_or("—".to_owned(), |p| p.to_string()),
        }
    }

    /// What to do, with the load as it stands now: "15 reps at 20 kg".
    pub fn target_text(&self, reps: u16, unit: Unit) -> String {
        match self.load_kg {
            Some(kg) => format!("{reps} reps at {}", unit.show(kg)),
            None => format!("{reps} reps"),
        }
    }

    /// The event that logs the set as entered; `hurt` says "This hurts"
    /// was tapped (F13): the set is logged and the exercise ends for today.
    pub fn log(&self, hurt: bool) -> Event {
        let SetEntry {
            reps,
            load_kg,
            effort,
            pain,
        } = *self;
        if hurt {
            Event::Hurts {
                reps,
                load_kg,
                effort,
                pain,
            }
        } else {
            Event::SetDone {
                reps,
                load_kg,
                effort,
                pain,
            }
        }
    }
}

/// Marks `symptom` as felt on a session stopped for pain, or unmarks it
/// if it was; returns whether it is marked now (`None`: the session was
/// not stopped for pain, and is unchanged).
pub fn toggle_felt(session: &mut Session, symptom: Symptom) -> Option<bool> {
    let Phase::StoppedForPain { felt } = &mut session.phase else {
        return None;
    };
    match felt.iter().position(|f| *f == symptom) {
        Some(i) => {
            felt.remove(i);
            Some(false)
        }
        None => {
            felt.push(symptom);
            Some(true)
        }
    }
}

/// True when `symptom` is marked as felt on `session`.
pub fn felt(session: &Session, symptom: Symptom) -> bool {
    matches!(&session.phase, Phase::StoppedForPain { felt } if felt.contains(&symptom))
}

/// A tap on a session screen, named in its markup by `data-tap` (the
/// steppers' buttons are named by `data-step` and `data-by` instead).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tap {
    /// An event for the session, as it is.
    Send(TapEvent),
    /// "Set done", or "This hurts" (`true`).
    Log(bool),
    /// An effort, by its place in [`EFFORTS`].
    Effort(usize),
    /// A symptom felt, by its place in `Symptom::ALL`.
    Felt(usize),
    /// "Done" under the summary.
    Close,
    /// A safety check answer: the criterion, and yes (`true`) or no.
    Answer(usize, bool),
    /// "Start the session", once the check clears it.
    Begin,
    /// "Try again" when a screen could not load.
    Retry,
}

/// The taps that are session events with nothing entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TapEvent {
    Start,
    DoLater,
    Equipment(u8),
    SkipSet,
    SkipExercise,
    SkipRest,
    Rest(i8),
    Resume,
    Pause,
    Finish,
    /// Stop for pain, numbness or tingling (F12).
    Stop,
}

impl TapEvent {
    /// The session's event.
    pub fn event(self) -> Event {
        match self {
            TapEvent::Start => Event::Start,
            TapEvent::DoLater => Event::DoLater,
            TapEvent::Equipment(i) => Event::UseEquipment(i),
            TapEvent::SkipSet => Event::SkipSet,
            TapEvent::SkipExercise => Event::SkipExercise,
            TapEvent::SkipRest => Event::SkipRest,
            TapEvent::Rest(by) => Event::AdjustRest(i32::from(by)),
            TapEvent::Resume => Event::Resume,
            TapEvent::Pause => Event::Pause,
            TapEvent::Finish => Event::Finish,
            TapEvent::Stop => Event::StopForPain(Vec::new()),
        }
    }
}

impl Tap {
    /// The tap a `data-tap` value names; `None` for anything else.
    pub fn parse(value: &str) -> Option<Tap> {
        let (name, arg) = value.split_once(':').unwrap_or((value, ""));
        Some(match (name, arg) {
            ("start", "") => Tap::Send(TapEvent::Start),
            ("later", "") => Tap::Send(TapEvent::DoLater),
            ("equipment", i) => Tap::Send(TapEvent::Equipment(i.parse().ok()?)),
            ("skip-set", "") => Tap::Send(TapEvent::SkipSet),
            ("skip-exercise", "") => Tap::Send(TapEvent::SkipExercise),
            ("skip-rest", "") => Tap::Send(TapEvent::SkipRest),
            ("rest", by) => Tap::Send(TapEvent::Rest(by.parse().ok()?)),
            ("resume", "") => Tap::Send(TapEvent::Resume),
            ("done", "") => Tap::Log(false),
            ("hurts", "") => Tap::Log(true),
            ("effort", i) => Tap::Effort(i.parse().ok().filter(|&i| i < EFFORTS.len())?),
            ("felt", i) => Tap::Felt(i.parse().ok().filter(|&i| i < Symptom::ALL.len())?),
            ("close", "") => Tap::Close,
            ("pause", "") => Tap::Send(TapEvent::Pause),
            ("finish", "") => Tap::Send(TapEvent::Finish),
            ("stop", "") => Tap::Send(TapEvent::Stop),
            ("begin", "") => Tap::Begin,
            ("retry", "") => Tap::Retry,
            ("answer", answer) => {
                let (i, yes) = answer.split_once(':')?;
                let i: usize = i
                    .parse()
                    .ok()
                    .filter(|&i| i < crate::program::CRITERIA.len())?;
                match yes {
                    "yes" => Tap::Answer(i, true),
                    "no" => Tap::Answer(i, false),
                    _ => return None,
                }
            }
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests;
