//! The program as data: exercises, muscles, prescriptions, cues, cautions,
//! variations and progressions, the warm-up, who may start, and when to
//! stop. Plain Rust, no Leptos. Every figure carries where it comes from: a
//! fact of the source program (`F1`–`F55` of `shared/seed/PROGRAM-FACTS.md`)
//! or our own suggestion where the source gives none, which the app labels
//! as such.

mod about;
mod exercises;
mod facts;
mod muscles;
mod rules;
mod safety;
mod warmup;

pub use about::{ABOUT, PROGRAM_INTRO, YOUR_BACK};
pub use exercises::{BASICS, EXERCISES, basics, exercise, name_of};
pub use facts::{COVERED_FACTS, Fact};
pub use muscles::{BodySide, Muscle};
pub use rules::{
    OrderError, check_order, leg_press_start_load, leg_press_start_load_kg, session_order,
};
pub use safety::{CRITERIA, Criterion, RED_FLAGS, STOP_RULES};
pub use warmup::{
    FOAM_ROLLING, SHOULDER_ROTATIONS, SHOULDER_ROTATIONS_PRESCRIPTION, STRETCH_NOTE, STRETCHES,
    WarmUpItem,
};

/// Where a value or an instruction comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Stated by the source program, in these facts.
    Program(&'static [Fact]),
    /// The source gives no figure (these facts say so): this is our
    /// suggestion, shown as such.
    Suggested(&'static [Fact]),
}

impl Origin {
    /// True for values the app adds where the source is silent.
    pub fn is_suggested(self) -> bool {
        matches!(self, Origin::Suggested(_))
    }
}

/// An inclusive range of whole numbers, like "3–4" sets or "10–12" reps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    /// The low end.
    pub min: u16,
    /// The high end (equal to `min` for a single number).
    pub max: u16,
}

impl Range {
    /// A range from `min` to `max`.
    pub const fn new(min: u16, max: u16) -> Range {
        Range { min, max }
    }

    /// A single number.
    pub const fn exactly(n: u16) -> Range {
        Range { min: n, max: n }
    }
}

impl std::fmt::Display for Range {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.min == self.max {
            write!(f, "{}", self.min)
        } else {
            write!(f, "{}–{}", self.min, self.max)
        }
    }
}

/// Sets and reps for an exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prescription {
    /// How many sets.
    pub sets: Range,
    /// How many repetitions in each set.
    pub reps: Range,
    /// Whether the source gives these numbers.
    pub origin: Origin,
}

impl Prescription {
    /// "5 sets × 15 reps", "3–4 sets × 10–12 reps".
    pub fn label(&self) -> String {
        let sets = if self.sets == Range::exactly(1) {
            "set"
        } else {
            "sets"
        };
        format!("{} {sets} × {} reps", self.sets, self.reps)
    }
}

/// One instruction: a cue, a caution, a variation or a progression, with the
/// facts it stands on (empty for our own practical notes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Point {
    /// What the app shows, in our words.
    pub text: &'static str,
    /// The facts of the source it carries.
    pub facts: &'static [Fact],
}

/// What an exercise can be done with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Equipment {
    /// A gym machine, by name.
    Machine(&'static str),
    /// A mat on the floor, body weight only.
    Floor,
    /// A bench.
    Bench,
    /// One or two dumbbells.
    Dumbbell,
    /// Ankle weights.
    AnkleWeights,
    /// A resistance band.
    Band,
    /// A cable station.
    Cable,
}

impl Equipment {
    /// How the card names it.
    pub fn label(self) -> &'static str {
        match self {
            Equipment::Machine(name) => name,
            Equipment::Floor => "Floor mat",
            Equipment::Bench => "Bench",
            Equipment::Dumbbell => "Dumbbell",
            Equipment::AnkleWeights => "Ankle weights",
            Equipment::Band => "Resistance band",
            Equipment::Cable => "Cable station",
        }
    }
}

/// A named movement inside an exercise group (core, hips and glutes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Movement {
    /// Stable id, e.g. `crunch-with-rotation`.
    pub id: &'static str,
    /// Its name.
    pub name: &'static str,
    /// The muscles it works.
    pub muscles: &'static [Muscle],
    /// How to do it.
    pub how: Point,
}

/// Rules of an exercise that the app acts on, not just shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Limits {
    /// Most lumbar extension past neutral, in degrees (back extension, F35).
    pub max_lumbar_extension_deg: Option<u8>,
    /// Never take sets to fatigue (leg curl, F33).
    pub never_to_fatigue: bool,
    /// Starting load is half of body weight (leg press, F18).
    pub start_at_half_body_weight: bool,
}

/// What sessions, plans and stored data need of an exercise. The card's
/// text ([`Exercise`]) is kept apart: the release build splits the wasm by
/// the code that uses each piece of data, so the session screens that only
/// need these fields never download the whole program's text with them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Basics {
    /// Stable id, used in URLs (`/exercise/leg-press`) and storage.
    pub id: &'static str,
    /// Its name.
    pub name: &'static str,
    /// What it is done with; the first is the usual gym way.
    pub equipment: &'static [Equipment],
    /// Sets and reps.
    pub prescription: Prescription,
    /// Rules the app enforces.
    pub limits: Limits,
}

/// One exercise card of the program: its [`Basics`] (reached through it
/// as `exercise.id`, `exercise.name`, …), then the text of its card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exercise {
    /// Id, name, equipment, sets and reps, rules.
    pub basics: Basics,
    /// One line on what it is for.
    pub summary: &'static str,
    /// The muscles it strengthens.
    pub muscles: &'static [Muscle],
    /// The facts that name those muscles, if the source does.
    pub muscle_facts: &'static [Fact],
    /// Named movements, for groups such as core; empty for one movement.
    pub movements: &'static [Movement],
    /// How to do it; the first [`Exercise::KEY_CUES`] are shown on the card.
    pub cues: &'static [Point],
    /// What to watch for; the first is shown on the card.
    pub cautions: &'static [Point],
    /// Other ways to do it.
    pub variations: &'static [Point],
    /// How to make it harder once it is easy.
    pub progressions: &'static [Point],
    /// Where the exercise comes from, when the source does not name it
    /// (F55): shown on its card and its page.
    pub source_note: Option<Point>,
}

// Composition, not inheritance: an exercise's card reads as the exercise
// itself (`exercise.name`), and code that needs only the basics takes
// `&Basics`, which an `&Exercise` coerces to.
impl std::ops::Deref for Exercise {
    type Target = Basics;
    fn deref(&self) -> &Basics {
        &self.basics
    }
}

impl Basics {
    /// True when the usual way needs a gym machine (a gym may lack it).
    pub fn needs_machine(&self) -> bool {
        matches!(self.equipment.first(), Some(Equipment::Machine(_)))
    }

    /// Without its machine: the source's own other way to do it, by its
    /// place in [`Exercise::equipment`], or `None` when the source gives
    /// none (the exercise is then left out; the app never invents one).
    pub fn without_machine(&self) -> Option<usize> {
        self.equipment
            .iter()
            .position(|e| !matches!(e, Equipment::Machine(_)))
    }

    /// What sessions do when the gym lacks this exercise's machine, in
    /// words (Settings and the Program page say the same).
    pub fn without_machine_text(&self) -> String {
        match self.without_machine().and_then(|i| self.equipment.get(i)) {
            Some(other) => format!(
                "{}: done with {} in your sessions, as the program allows.",
                self.name,
                other.label().to_ascii_lowercase()
            ),
            None => format!(
                "{}: left out of your sessions, since your gym has no machine for it. The program includes it.",
                self.name
            ),
        }
    }

    /// True when sets are done with a load to choose (a machine, a cable,
    /// dumbbells); floor work with body weight has none.
    pub fn uses_load(&self) -> bool {
        matches!(
            self.equipment.first(),
            Some(Equipment::Machine(_) | Equipment::Cable | Equipment::Dumbbell)
        )
    }
}

impl Exercise {
    /// How many cues the card shows.
    pub const KEY_CUES: usize = 3;

    /// The cues shown on the card.
    pub fn key_cues(&self) -> &'static [Point] {
        &self.cues[..self.cues.len().min(Self::KEY_CUES)]
    }

    /// Every fact this exercise's data stands on.
    pub fn facts(&self) -> impl Iterator<Item = Fact> + '_ {
        let (Origin::Program(origin) | Origin::Suggested(origin)) = self.prescription.origin;
        let points = self
            .cues
            .iter()
            .chain(self.cautions)
            .chain(self.variations)
            .chain(self.progressions)
            .chain(self.source_note.as_ref())
            .chain(self.movements.iter().map(|m| &m.how));
        origin
            .iter()
            .chain(self.muscle_facts)
            .copied()
            .chain(points.flat_map(|p| p.facts.iter().copied()))
    }
}

#[cfg(test)]
mod tests;
