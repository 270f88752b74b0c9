//! The user's preferences that shape every screen. Plain data; stored
//! through [`crate::storage`]. More settings join this struct in later
//! versions of the format, each with a migration step.

mod amount;
mod choice;
pub mod html;

pub use {amount::Amount, choice::Choice};

use crate::{storage::Stored, units::Unit};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Colour scheme: follow the phone, or force one.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Follow the system setting (`prefers-color-scheme`).
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// Every choice, in the order the settings screen offers them.
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    /// The value of `data-theme` on `<html>`, read by the stylesheet.
    pub fn as_attr(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// What the settings screen calls it.
    pub fn label(self) -> &'static str {
        match self {
            Theme::System => "Match my phone",
            Theme::Light => "Light",
            Theme::Dark => "Dark",
        }
    }
}

/// Everything the user has chosen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Prefs {
    /// Colour scheme.
    pub theme: Theme,
    /// Body weight in kilograms, if entered (the leg press starts at half
    /// of it, F18).
    pub body_weight_kg: Option<f32>,
    /// A short beep at the end of each rest and 3 s before.
    pub sound: bool,
    /// A vibration at the same moments.
    pub vibration: bool,
    /// Breathing and tempo prompts during sets.
    pub prompts: bool,
    /// How loads are shown (always stored in kg).
    pub unit: Unit,
    /// Sessions a week the user aims for.
    pub weekly_target: u8,
    /// Rest between sets per exercise id, in seconds, where the user changed
    /// it from the suggestion.
    pub rest_s: BTreeMap<String, u32>,
    /// The weight step of each machine (by exercise id) where the user set
    /// one, so the load stepper moves like the stack.
    pub load_steps: BTreeMap<String, LoadStep>,
    /// Exercises whose machine the user's gym lacks: done with the source's
    /// own variant, or left out where it has none.
    pub missing_machines: BTreeSet<String>,
    /// Sets and reps per exercise where the user chose other values within
    /// the source's ranges.
    pub sets_reps: BTreeMap<String, SetsReps>,
}

/// Sets and reps the user chose for an exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetsReps {
    /// Sets.
    pub sets: u16,
    /// Reps in each set.
    pub reps: u16,
}

/// One machine's weight step, in the unit it was chosen in.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LoadStep {
    /// How much one step adds.
    pub amount: f64,
    /// In kilograms or pounds.
    pub unit: Unit,
}

/// The steps machines come with, in each unit.
pub fn load_steps_of(unit: Unit) -> &'static [f64] {
    match unit {
        Unit::Kg => &[1.0, 2.5, 5.0, 10.0],
        Unit::Lb => &[2.5, 5.0, 10.0],
    }
}

/// Sessions a week, unless the user sets another target (the source asks
/// for regular training, F6–F7, without a number: our suggestion).
pub const DEFAULT_WEEKLY_TARGET: u8 = 3;
/// Targets the app accepts.
pub const WEEKLY_TARGET_RANGE: std::ops::RangeInclusive<u8> = 1..=7;
/// Rest lengths the app accepts, in seconds.
pub const REST_RANGE_S: std::ops::RangeInclusive<u32> = 15..=600;

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            theme: Theme::System,
            body_weight_kg: None,
            sound: true,
            vibration: true,
            prompts: true,
            unit: Unit::Kg,
            weekly_target: DEFAULT_WEEKLY_TARGET,
            rest_s: BTreeMap::new(),
            load_steps: BTreeMap::new(),
            missing_machines: BTreeSet::new(),
            sets_reps: BTreeMap::new(),
        }
    }
}

/// A cue during sessions that can be switched on or off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// The beep.
    Sound,
    /// The vibration.
    Vibration,
    /// Breathing and tempo prompts.
    Prompts,
}

impl Cue {
    /// Every cue, in the order settings shows them.
    pub const ALL: [Cue; 3] = [Cue::Sound, Cue::Vibration, Cue::Prompts];

    /// Its id, for tests.
    pub fn id(self) -> &'static str {
        match self {
            Cue::Sound => "sound",
            Cue::Vibration => "vibration",
            Cue::Prompts => "prompts",
        }
    }

    /// What settings calls it.
    pub fn label(self) -> &'static str {
        match self {
            Cue::Sound => "Beep at the end of each rest, and 3 s before",
            Cue::Vibration => "Vibrate at the same moments",
            Cue::Prompts => "Breathing and tempo prompts during sets",
        }
    }
}

impl Prefs {
    /// Sets and reps of `exercise` for a session: the user's choice, kept
    /// inside the source's ranges, else the low end of each (a cautious
    /// start).
    pub fn sets_reps_of(&self, exercise: &crate::program::Basics) -> SetsReps {
        let rx = exercise.prescription;
        let chosen = self.sets_reps.get(exercise.id);
        SetsReps {
            sets: chosen.map_or(rx.sets.min, |c| c.sets.clamp(rx.sets.min, rx.sets.max)),
            reps: chosen.map_or(rx.reps.min, |c| c.reps.clamp(rx.reps.min, rx.reps.max)),
        }
    }

    /// The load step of `exercise_id` in `unit`: the machine's own when set
    /// in this unit (and one machines have), else 2.5 kg or 5 lb.
    pub fn load_step(&self, exercise_id: &str, unit: Unit) -> f64 {
        self.load_steps
            .get(exercise_id)
            .filter(|s| s.unit == unit && load_steps_of(unit).contains(&s.amount))
            .map_or(unit.step(), |s| s.amount)
    }

    /// Whether a cue is on.
    pub fn cue(&self, cue: Cue) -> bool {
        match cue {
            Cue::Sound => self.sound,
            Cue::Vibration => self.vibration,
            Cue::Prompts => self.prompts,
        }
    }

    /// Switches a cue on or off.
    pub fn set_cue(&mut self, cue: Cue, on: bool) {
        match cue {
            Cue::Sound => self.sound = on,
            Cue::Vibration => self.vibration = on,
            Cue::Prompts => self.prompts = on,
        }
    }
}

/// Body weights the app accepts, in kilograms.
pub const BODY_WEIGHT_RANGE_KG: std::ops::RangeInclusive<f32> = 25.0..=350.0;

/// Why a body weight was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BodyWeightError {
    /// Not a number.
    #[error("Enter your weight as a number, like 72 or 72.5.")]
    NotANumber,
    /// Outside [`BODY_WEIGHT_RANGE_KG`].
    #[error("That weight is outside 25–350 kg (55–770 lb). Check the number and try again.")]
    OutOfRange,
}

/// Reads a body weight typed in `unit`, as kilograms: blank clears it; a
/// comma works as the decimal point.
pub fn parse_body_weight_in(input: &str, unit: Unit) -> Result<Option<f32>, BodyWeightError> {
    let input = input.trim();
    if input.is_empty() {
        return Ok(None);
    }
    let value = crate::units::parse_decimal(input).ok_or(BodyWeightError::NotANumber)?;
    let kg = unit.to_kg(value);
    if !kg.is_finite() || !BODY_WEIGHT_RANGE_KG.contains(&kg) {
        return Err(BodyWeightError::OutOfRange);
    }
    Ok(Some(kg))
}

/// Reads a body weight typed in kilograms.
pub fn parse_body_weight(input: &str) -> Result<Option<f32>, BodyWeightError> {
    parse_body_weight_in(input, Unit::Kg)
}

impl Stored for Prefs {
    const KEY: &'static str = "backstrong:prefs";
    const VERSION: u32 = 5;

    fn migrate_step(from: u32, mut data: serde_json::Value) -> Result<serde_json::Value, String> {
        match from {
            // Version 1 had only the theme; no body weight was known.
            1 => {
                let map = data.as_object_mut().ok_or("settings are not an object")?;
                map.insert("body_weight_kg".into(), serde_json::Value::Null);
                Ok(data)
            }
            // Version 2 had no cue settings: every cue starts switched on.
            2 => {
                let map = data.as_object_mut().ok_or("settings are not an object")?;
                for key in ["sound", "vibration", "prompts"] {
                    map.insert(key.into(), serde_json::Value::Bool(true));
                }
                Ok(data)
            }
            // Version 3 had no units, weekly target or rest lengths.
            3 => {
                let map = data.as_object_mut().ok_or("settings are not an object")?;
                map.insert("unit".into(), "kg".into());
                map.insert("weekly_target".into(), DEFAULT_WEEKLY_TARGET.into());
                map.insert(
                    "rest_s".into(),
                    serde_json::Value::Object(Default::default()),
                );
                Ok(data)
            }
            // Version 4 had no machine steps, gym or own sets and reps:
            // every machine there, the program's sets and reps.
            4 => {
                let map = data.as_object_mut().ok_or("settings are not an object")?;
                for key in ["load_steps", "sets_reps"] {
                    map.insert(key.into(), serde_json::Value::Object(Default::default()));
                }
                map.insert(
                    "missing_machines".into(),
                    serde_json::Value::Array(Vec::new()),
                );
                Ok(data)
            }
            _ => Err(format!("no migration from format {from}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::{MemoryBackend, decode, load, save};

    #[test]
    fn every_older_format_kept_in_the_repo_is_migrated() {
        let fixture = |v| {
            std::fs::read_to_string(format!(
                "{}/tests/fixtures/prefs-v{v}.json",
                env!("CARGO_MANIFEST_DIR")
            ))
            .unwrap()
        };
        let v1 = decode::<Prefs>(&fixture(1)).unwrap();
        assert_eq!(v1.theme, Theme::Dark);
        assert_eq!(v1.body_weight_kg, None);
        let v2 = decode::<Prefs>(&fixture(2)).unwrap();
        assert_eq!(v2.body_weight_kg, Some(70.0));
        assert!(v2.sound && v2.vibration && v2.prompts);
        let v3 = decode::<Prefs>(&fixture(3)).unwrap();
        assert!(!v3.sound && v3.vibration);
        let v4 = decode::<Prefs>(&fixture(4)).unwrap();
        assert_eq!(v4.unit, Unit::Lb);
        assert_eq!(v4.weekly_target, 4);
        assert_eq!(v4.rest_s.get("leg-press"), Some(&120));
        assert!(v4.load_steps.is_empty());
        assert!(v4.missing_machines.is_empty() && v4.sets_reps.is_empty());
        for prefs in [v1, v2, v3] {
            assert_eq!(prefs.unit, Unit::Kg);
            assert_eq!(prefs.weekly_target, DEFAULT_WEEKLY_TARGET);
            assert!(prefs.rest_s.is_empty());
            assert!(prefs.load_steps.is_empty());
        }
    }

    #[test]
    fn sets_and_reps_stay_inside_the_source_ranges() {
        let chest = crate::program::exercise("chest-press").unwrap();
        let mut prefs = Prefs::default();
        assert_eq!(prefs.sets_reps_of(chest), SetsReps { sets: 3, reps: 10 });
        prefs
            .sets_reps
            .insert("chest-press".into(), SetsReps { sets: 4, reps: 12 });
        assert_eq!(prefs.sets_reps_of(chest), SetsReps { sets: 4, reps: 12 });
        // Edited storage beyond 3–4 × 10–12 (F42) is brought back inside.
        prefs
            .sets_reps
            .insert("chest-press".into(), SetsReps { sets: 9, reps: 1 });
        assert_eq!(prefs.sets_reps_of(chest), SetsReps { sets: 4, reps: 10 });
    }

    #[test]
    fn each_machine_has_its_own_step_in_its_unit() {
        let mut prefs = Prefs::default();
        assert_eq!(prefs.load_step("leg-press", Unit::Kg), 2.5);
        assert_eq!(prefs.load_step("leg-press", Unit::Lb), 5.0);
        prefs.load_steps.insert(
            "leg-press".into(),
            LoadStep {
                amount: 10.0,
                unit: Unit::Kg,
            },
        );
        prefs.load_steps.insert(
            "chest-press".into(),
            LoadStep {
                amount: 2.5,
                unit: Unit::Lb,
            },
        );
        assert_eq!(prefs.load_step("leg-press", Unit::Kg), 10.0);
        assert_eq!(prefs.load_step("leg-press", Unit::Lb), 5.0, "chosen in kg");
        assert_eq!(prefs.load_step("chest-press", Unit::Lb), 2.5);
        // A step no machine has (edited storage) falls back to the default.
        prefs.load_steps.insert(
            "leg-curl".into(),
            LoadStep {
                amount: 7.0,
                unit: Unit::Kg,
            },
        );
        assert_eq!(prefs.load_step("leg-curl", Unit::Kg), 2.5);
        let raw = crate::storage::encode(&prefs);
        assert_eq!(decode::<Prefs>(&raw).unwrap(), prefs);
    }

    #[test]
    fn version_1_settings_are_migrated() {
        // The exact format the first release wrote.
        let v1 = r#"{"v":1,"data":{"theme":"dark"}}"#;
        let prefs = decode::<Prefs>(v1).unwrap();
        assert_eq!(
            prefs,
            Prefs {
                theme: Theme::Dark,
                ..Prefs::default()
            }
        );
        let store = MemoryBackend::default();
        crate::storage::Backend::set(&store, Prefs::KEY, v1).unwrap();
        assert_eq!(load::<Prefs>(&store, 0).value.theme, Theme::Dark);
    }

    #[test]
    fn version_2_settings_get_every_cue_switched_on() {
        let v2 = r#"{"v":2,"data":{"theme":"light","body_weight_kg":70.0}}"#;
        let prefs = decode::<Prefs>(v2).unwrap();
        assert_eq!(prefs.body_weight_kg, Some(70.0));
        assert!(prefs.sound && prefs.vibration && prefs.prompts);
    }

    #[test]
    fn body_weight_is_parsed_and_checked() {
        assert_eq!(parse_body_weight(" 72,5 "), Ok(Some(72.5)));
        assert_eq!(parse_body_weight("80"), Ok(Some(80.0)));
        assert_eq!(parse_body_weight(""), Ok(None));
        assert_eq!(parse_body_weight("heavy"), Err(BodyWeightError::NotANumber));
        assert_eq!(parse_body_weight("7"), Err(BodyWeightError::OutOfRange));
        assert_eq!(parse_body_weight("inf"), Err(BodyWeightError::NotANumber));
        assert_eq!(parse_body_weight("NaN"), Err(BodyWeightError::NotANumber));
        assert_eq!(parse_body_weight("-80"), Err(BodyWeightError::NotANumber));
    }

    #[test]
    fn body_weight_can_be_typed_in_pounds() {
        let kg = parse_body_weight_in("176", Unit::Lb).unwrap().unwrap();
        assert!((kg - 79.8).abs() < 0.06, "{kg}");
        assert_eq!(parse_body_weight_in("72,5", Unit::Kg), Ok(Some(72.5)));
        assert_eq!(parse_body_weight_in("", Unit::Lb), Ok(None));
        assert_eq!(
            parse_body_weight_in("40", Unit::Lb),
            Err(BodyWeightError::OutOfRange)
        );
        assert_eq!(
            parse_body_weight_in("inf", Unit::Lb),
            Err(BodyWeightError::NotANumber)
        );
        assert_eq!(
            parse_body_weight_in("heavy", Unit::Lb),
            Err(BodyWeightError::NotANumber)
        );
    }

    #[test]
    fn theme_is_stored_by_name() {
        let prefs = Prefs {
            theme: Theme::Dark,
            body_weight_kg: Some(70.0),
            sound: false,
            ..Prefs::default()
        };
        let raw = crate::storage::encode(&prefs);
        assert!(raw.contains(r#""theme":"dark""#), "{raw}");
        assert_eq!(decode::<Prefs>(&raw).unwrap(), prefs);
    }

    #[test]
    fn an_unknown_theme_is_reported_not_guessed() {
        let store = MemoryBackend::default();
        crate::storage::Backend::set(&store, Prefs::KEY, r#"{"v":5,"data":{"theme":"purple"}}"#)
            .unwrap();
        let loaded = load::<Prefs>(&store, 1);
        assert_eq!(loaded.value, Prefs::default());
        assert!(loaded.problem.is_some());
        // the unreadable value is kept, and saving again is safe
        save(
            &store,
            &Prefs {
                theme: Theme::Light,
                ..Prefs::default()
            },
        )
        .unwrap();
        assert_eq!(
            crate::storage::Backend::get(&store, "backstrong:prefs:corrupt:1")
                .unwrap()
                .as_deref(),
            Some(r#"{"v":5,"data":{"theme":"purple"}}"#)
        );
    }
}
