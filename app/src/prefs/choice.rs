//! The settings made with one tap: a colour theme, a unit, a cue on or off,
//! a machine the gym lacks, a machine's weight step. Each button of those
//! panels names its choice in one attribute (`data-choice`), so one handler
//! serves them all and the buttons can be written as plain markup
//! (`prefs::html`). Plain Rust, tested natively.

use super::{Cue, LoadStep, Prefs, Theme, load_steps_of};
use crate::units::{Unit, kg};

/// One tap's worth of settings.
#[derive(Debug, Clone, PartialEq)]
pub enum Choice {
    /// The colour theme.
    Theme(Theme),
    /// How loads are shown.
    Unit(Unit),
    /// A session cue, switched on or off by each tap.
    Cue(Cue),
    /// The gym lacks this exercise's machine; each tap switches it.
    NoMachine(String),
    /// The weight step of this exercise's machine.
    Step(String, LoadStep),
}

impl Choice {
    /// The value of `data-choice`: `theme:dark`, `unit:lb`, `cue:sound`,
    /// `no-machine:leg-press`, `step:leg-press:kg:2.5`.
    pub fn attr(&self) -> String {
        match self {
            Choice::Theme(theme) => format!("theme:{}", theme.as_attr()),
            Choice::Unit(unit) => format!("unit:{}", unit.symbol()),
            Choice::Cue(cue) => format!("cue:{}", cue.id()),
            Choice::NoMachine(id) => format!("no-machine:{id}"),
            Choice::Step(id, step) => {
                format!(
                    "step:{id}:{}:{}",
                    step.unit.symbol(),
                    kg(step.amount as f32)
                )
            }
        }
    }

    /// Reads `data-choice`; `None` for anything that is not a choice this
    /// build knows.
    pub fn parse(attr: &str) -> Option<Choice> {
        let unit = |symbol: &str| Unit::ALL.into_iter().find(|u| u.symbol() == symbol);
        let mut parts = attr.split(':');
        let choice = match (parts.next()?, parts.next()?) {
            ("theme", value) => {
                Choice::Theme(Theme::ALL.into_iter().find(|t| t.as_attr() == value)?)
            }
            ("unit", value) => Choice::Unit(unit(value)?),
            ("cue", value) => Choice::Cue(Cue::ALL.into_iter().find(|c| c.id() == value)?),
            ("no-machine", id) if !id.is_empty() => Choice::NoMachine(id.to_owned()),
            ("step", id) if !id.is_empty() => {
                let unit = unit(parts.next()?)?;
                // One of the unit's steps, as `attr` writes it (no float
                // parsing in the wasm for this).
                let written = parts.next()?;
                let amount = *load_steps_of(unit)
                    .iter()
                    .find(|&&a| kg(a as f32) == written)?;
                Choice::Step(id.to_owned(), LoadStep { amount, unit })
            }
            _ => return None,
        };
        parts.next().is_none().then_some(choice)
    }
}

impl Prefs {
    /// Makes `choice`: sets it, or switches it where a tap switches.
    pub fn choose(&mut self, choice: &Choice) {
        match choice {
            Choice::Theme(theme) => self.theme = *theme,
            Choice::Unit(unit) => self.unit = *unit,
            Choice::Cue(cue) => self.set_cue(*cue, !self.cue(*cue)),
            Choice::NoMachine(id) => {
                if !self.missing_machines.remove(id) {
                    self.missing_machines.insert(id.clone());
                }
            }
            Choice::Step(id, step) => {
                self.load_steps.insert(id.clone(), *step);
            }
        }
    }

    /// Whether `choice` is what these settings hold: its button shows
    /// pressed.
    pub fn chosen(&self, choice: &Choice) -> bool {
        match choice {
            Choice::Theme(theme) => self.theme == *theme,
            Choice::Unit(unit) => self.unit == *unit,
            Choice::Cue(cue) => self.cue(*cue),
            Choice::NoMachine(id) => self.missing_machines.contains(id),
            Choice::Step(id, step) => self.load_step(id, step.unit) == step.amount,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all() -> Vec<Choice> {
        let mut all: Vec<Choice> = Theme::ALL.into_iter().map(Choice::Theme).collect();
        all.extend(Unit::ALL.into_iter().map(Choice::Unit));
        all.extend(Cue::ALL.into_iter().map(Choice::Cue));
        all.push(Choice::NoMachine("leg-press".into()));
        for unit in Unit::ALL {
            for &amount in load_steps_of(unit) {
                all.push(Choice::Step("leg-press".into(), LoadStep { amount, unit }));
            }
        }
        all
    }

    #[test]
    fn every_choice_reads_back_from_its_attribute() {
        for choice in all() {
            assert_eq!(
                Choice::parse(&choice.attr()),
                Some(choice.clone()),
                "{}",
                choice.attr()
            );
        }
        assert_eq!(
            Choice::Step(
                "seated-row".into(),
                LoadStep {
                    amount: 2.5,
                    unit: Unit::Kg
                }
            )
            .attr(),
            "step:seated-row:kg:2.5"
        );
    }

    #[test]
    fn what_is_not_a_choice_is_refused() {
        for attr in [
            "",
            "theme",
            "theme:purple",
            "unit:stone",
            "cue:",
            "cue:sound:extra",
            "no-machine:",
            "step:leg-press:kg:3",
            "step:leg-press:lb:1",
            "step:leg-press:kg",
            "step::kg:2.5",
            "volume:11",
        ] {
            assert_eq!(Choice::parse(attr), None, "{attr}");
        }
    }

    #[test]
    fn a_choice_shows_pressed_once_made_and_toggles_switch_back() {
        // Cues start on: switched off here, so each tap below switches one on.
        let mut prefs = Prefs {
            sound: false,
            vibration: false,
            prompts: false,
            ..Prefs::default()
        };
        for choice in all() {
            prefs.choose(&choice);
            assert!(prefs.chosen(&choice), "{}", choice.attr());
        }
        // The last unit and step chosen win; the others show unpressed.
        assert_eq!(prefs.unit, Unit::Lb);
        assert!(!prefs.chosen(&Choice::Unit(Unit::Kg)));
        assert!(!prefs.chosen(&Choice::Theme(Theme::Light)));
        // Cues and machines switch with each tap.
        prefs.choose(&Choice::Cue(Cue::Sound));
        assert!(!prefs.sound);
        assert!(prefs.missing_machines.contains("leg-press"));
        prefs.choose(&Choice::NoMachine("leg-press".into()));
        assert!(prefs.missing_machines.is_empty());
        // A step chosen in pounds is the machine's step in pounds only.
        let ten_lb = Choice::Step(
            "leg-press".into(),
            LoadStep {
                amount: 10.0,
                unit: Unit::Lb,
            },
        );
        assert!(prefs.chosen(&ten_lb));
        assert_eq!(prefs.load_step("leg-press", Unit::Kg), Unit::Kg.step());
    }
}
