//! What a session will ask for: the exercises in program order, each with
//! its sets, target reps, load and rest.

use super::History;
use crate::{
    prefs::{Prefs, SetsReps},
    program::{Basics, Origin, leg_press_start_load, session_order},
    progress::{Advice, next_load},
    units::Unit,
};
use serde::{Deserialize, Serialize};

/// Where the load a plan item starts with comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LoadFrom {
    /// No load known yet: the first time on this machine, the person finds
    /// a starting load (the set screen offers that step).
    #[default]
    Unknown,
    /// Half of body weight, the program's start for the leg press (F18).
    HalfBodyWeight,
    /// The working load of the last time, as it was.
    LastTime,
    /// The app's suggestion for next time (see [`crate::progress::next_load`]).
    Suggested,
}

impl LoadFrom {
    /// Its number in the compact stored form.
    pub fn code(self) -> u8 {
        match self {
            LoadFrom::Unknown => 0,
            LoadFrom::HalfBodyWeight => 1,
            LoadFrom::LastTime => 2,
            LoadFrom::Suggested => 3,
        }
    }

    /// From its number; `None` for a number no version wrote.
    pub fn from_code(code: u8) -> Option<LoadFrom> {
        Some(match code {
            0 => LoadFrom::Unknown,
            1 => LoadFrom::HalfBodyWeight,
            2 => LoadFrom::LastTime,
            3 => LoadFrom::Suggested,
            _ => return None,
        })
    }
}

/// Rest between sets when the user has set none, in seconds. The source
/// gives no rest times: these are our suggestion, and the app says so.
pub fn suggested_rest_s(exercise: &Basics) -> u32 {
    match exercise.id {
        "leg-press" | "leg-curl" | "chest-press" | "seated-row" => 90,
        _ => 60,
    }
}

/// One exercise of a planned session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanItem {
    /// The exercise's id in the program.
    pub exercise_id: String,
    /// How many sets to do.
    pub sets: u16,
    /// Reps to aim for in each set.
    pub target_reps: u16,
    /// The load to use, if known.
    pub load_kg: Option<f32>,
    /// Rest after each set, in seconds.
    pub rest_s: u32,
    /// True when sets and reps are our suggestion, not the program's.
    pub suggested: bool,
    /// Where `load_kg` comes from.
    #[serde(default)]
    pub load_from: LoadFrom,
    /// How it is done today: its place in the exercise's equipment list
    /// (0, the usual gym way; another when the gym lacks the machine).
    #[serde(default)]
    pub equipment: u8,
}

/// The exercises of one session, in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// In the order they are done.
    pub items: Vec<PlanItem>,
}

impl Plan {
    /// The program's session: every exercise in session order, at the low
    /// end of its set range (a cautious start) and the low end of its rep
    /// range; the leg press at half body weight when it is known (F18).
    pub fn from_program(body_weight_kg: Option<f32>) -> Plan {
        Self::for_prefs(&Prefs {
            body_weight_kg,
            ..Prefs::default()
        })
    }

    /// The program's session as this person set it up: their sets and reps
    /// within the source's ranges, their rest lengths, the leg press start
    /// rounded to a step of their unit, and their gym: an exercise whose
    /// machine is missing is done the source's other way, or left out when
    /// the source gives none.
    pub fn for_prefs(prefs: &Prefs) -> Plan {
        let items = session_order()
            .filter_map(|e| {
                let equipment = if e.needs_machine() && prefs.missing_machines.contains(e.id) {
                    e.without_machine()?
                } else {
                    0
                };
                let half = e
                    .limits
                    .start_at_half_body_weight
                    .then(|| leg_press_start_load(prefs.body_weight_kg, prefs.unit))
                    .flatten();
                let SetsReps { sets, reps } = prefs.sets_reps_of(e);
                Some(PlanItem {
                    exercise_id: e.id.to_owned(),
                    sets,
                    target_reps: reps,
                    load_kg: half,
                    load_from: if half.is_some() {
                        LoadFrom::HalfBodyWeight
                    } else {
                        LoadFrom::Unknown
                    },
                    rest_s: prefs
                        .rest_s
                        .get(e.id)
                        .copied()
                        .unwrap_or_else(|| suggested_rest_s(e)),
                    suggested: matches!(e.prescription.origin, Origin::Suggested(_)),
                    equipment: equipment as u8,
                })
            })
            .collect();
        Plan { items }
    }

    /// The plan with item `index` moved later ("machine taken: do it
    /// later"): to the end, and with it any exercise the program says must
    /// come after it (the chest press after the seated row, F41), so the
    /// order rules still hold. `None` when it is already last, or when no
    /// later place keeps the rules.
    pub fn do_later(&self, index: usize) -> Option<Plan> {
        if index + 1 >= self.items.len() {
            return None;
        }
        let mut items = self.items.clone();
        let moved = items.remove(index);
        items.push(moved);
        // Whatever must follow the moved exercise goes after it, in order.
        for _ in 0..self.items.len() {
            let ids: Vec<&str> = items.iter().map(|i| i.exercise_id.as_str()).collect();
            match crate::program::check_order(&ids, true) {
                Ok(()) => return Some(Plan { items }),
                Err(crate::program::OrderError::ChestPressBeforeRow) => {
                    let press = ids.iter().position(|id| *id == "chest-press")?;
                    let press = items.remove(press);
                    items.push(press);
                }
                Err(_) => return None,
            }
        }
        None
    }

    /// Loads carried over from the history: each exercise starts with the
    /// app's suggested load for next time when there is one, else with its
    /// last working load (after a session stopped for symptoms there is no
    /// suggestion, F12), else as it was (half of body weight for the leg
    /// press, or a load still to find).
    pub fn with_history(mut self, history: &History, unit: Unit) -> Plan {
        for item in &mut self.items {
            let Some(s) = next_load(history, &item.exercise_id, unit) else {
                continue;
            };
            match (s.advice, s.next_kg, s.last_kg) {
                (Advice::None, _, Some(last)) | (_, None, Some(last)) => {
                    item.load_kg = Some(last);
                    item.load_from = LoadFrom::LastTime;
                }
                (_, Some(next), _) => {
                    item.load_kg = Some(next);
                    item.load_from = LoadFrom::Suggested;
                }
                _ => {}
            }
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::{Effort, Event, Session, Symptom};

    /// One leg press session: three sets of `reps` at `kg`, then ended the
    /// given way.
    fn leg_press(id: &str, at: u64, reps: u16, kg: f32, effort: Option<Effort>) -> Session {
        let mut plan = Plan::from_program(None);
        plan.items.truncate(1);
        plan.items[0].sets = 3;
        let mut s = Session::new(id.into(), plan, at).unwrap();
        s.apply(Event::Start, at + 1).unwrap();
        for n in 0..3 {
            s.apply(
                Event::SetDone {
                    reps,
                    load_kg: Some(kg),
                    effort,
                    pain: None,
                },
                at + 10 + n,
            )
            .unwrap();
            let _ = s.apply(Event::SkipRest, at + 11 + n);
        }
        s
    }

    fn history(sessions: Vec<Session>) -> History {
        let mut h = History::default();
        for s in sessions {
            h.upsert(s);
        }
        h
    }

    #[test]
    fn a_first_session_starts_from_the_program() {
        let plan = Plan::from_program(Some(80.0)).with_history(&History::default(), Unit::Kg);
        assert_eq!(plan.items[0].load_kg, Some(40.0), "F18");
        assert_eq!(plan.items[0].load_from, LoadFrom::HalfBodyWeight);
        assert!(plan.items[1..].iter().all(|i| i.load_kg.is_none()));
        assert!(
            plan.items[1..]
                .iter()
                .all(|i| i.load_from == LoadFrom::Unknown)
        );
    }

    #[test]
    fn the_next_session_starts_from_the_suggestion_or_the_last_load() {
        // Every set at the top without pain: up a step, marked as suggested.
        let h = history(vec![leg_press("a", 1_000, 15, 50.0, None)]);
        let plan = Plan::from_program(Some(80.0)).with_history(&h, Unit::Kg);
        assert_eq!(plan.items[0].load_kg, Some(52.5));
        assert_eq!(plan.items[0].load_from, LoadFrom::Suggested);
        // A hard set: the same load again (F33).
        let h = history(vec![leg_press("a", 1_000, 15, 50.0, Some(Effort::Hard))]);
        let plan = Plan::from_program(None).with_history(&h, Unit::Kg);
        assert_eq!(plan.items[0].load_kg, Some(50.0));
        // In pounds the step is 5 lb.
        let h = history(vec![leg_press("a", 1_000, 15, Unit::Lb.to_kg(100.0), None)]);
        let plan = Plan::from_program(None).with_history(&h, Unit::Lb);
        assert_eq!(Unit::Lb.show(plan.items[0].load_kg.unwrap()), "105 lb");
        // After a session stopped for symptoms (F12): no suggestion, the
        // last working load as it was.
        let mut plan = Plan::from_program(None);
        plan.items.truncate(1);
        let mut stopped = Session::new("b".into(), plan, 9_000).unwrap();
        stopped.apply(Event::Start, 9_001).unwrap();
        stopped
            .apply(
                Event::SetDone {
                    reps: 15,
                    load_kg: Some(50.0),
                    effort: None,
                    pain: None,
                },
                9_002,
            )
            .unwrap();
        stopped
            .apply(Event::StopForPain(vec![Symptom::Numbness]), 9_100)
            .unwrap();
        let h = history(vec![stopped]);
        let plan = Plan::from_program(Some(80.0)).with_history(&h, Unit::Kg);
        assert_eq!(plan.items[0].load_kg, Some(50.0));
        assert_eq!(plan.items[0].load_from, LoadFrom::LastTime);
    }

    #[test]
    fn within_a_session_a_set_starts_from_the_set_before() {
        let mut s = Session::new("c".into(), Plan::from_program(None), 0).unwrap();
        assert_eq!(s.load_for(0), None);
        s.apply(Event::Start, 1).unwrap();
        s.apply(
            Event::SetDone {
                reps: 15,
                load_kg: Some(20.0),
                effort: None,
                pain: None,
            },
            2,
        )
        .unwrap();
        assert_eq!(s.load_for(0), Some(20.0), "set 2 starts at set 1's load");
        s.apply(Event::SkipRest, 3).unwrap();
        s.apply(Event::SkipSet, 4).unwrap();
        assert_eq!(s.load_for(0), Some(20.0), "a skipped set changes nothing");
        assert_eq!(s.load_for(1), None, "another exercise keeps its own");
    }

    #[test]
    fn where_a_load_came_from_survives_the_compact_history() {
        let h = history(vec![leg_press("a", 1_000, 15, 50.0, None)]);
        let mut next = leg_press("b", 90_000, 15, 52.5, None);
        next.plan = Plan::from_program(None).with_history(&h, Unit::Kg);
        next.plan.items.truncate(1);
        next.plan.items[0].sets = 3;
        let both = history(vec![h.sessions[0].clone(), next]);
        let raw = crate::storage::encode(&both);
        let back = crate::storage::decode::<History>(&raw).unwrap();
        assert_eq!(back, both);
        assert_eq!(
            back.sessions[1].plan.items[0].load_from,
            LoadFrom::Suggested
        );
    }

    #[test]
    fn your_gym_shapes_the_plan_without_inventing_exercises() {
        use crate::program::{Equipment, exercise};
        let mut prefs = Prefs::default();
        for id in ["leg-press", "leg-extension", "seated-row", "chest-press"] {
            prefs.missing_machines.insert(id.into());
        }
        prefs
            .sets_reps
            .insert("leg-curl".into(), SetsReps { sets: 5, reps: 10 });
        let plan = Plan::for_prefs(&prefs);
        let ids: Vec<&str> = plan.items.iter().map(|i| i.exercise_id.as_str()).collect();
        // No leg press or chest press machine: the source gives no other
        // way, so they are left out.
        assert!(!ids.contains(&"leg-press") && !ids.contains(&"chest-press"));
        assert_eq!(ids.len(), 8);
        let item = |id: &str| plan.items.iter().find(|i| i.exercise_id == id).unwrap();
        let with = |id: &str| exercise(id).unwrap().equipment[usize::from(item(id).equipment)];
        assert_eq!(
            with("leg-extension"),
            Equipment::AnkleWeights,
            "F53's ankle weights"
        );
        assert_eq!(with("seated-row"), Equipment::Cable, "F43: many ways");
        assert!(matches!(with("leg-curl"), Equipment::Machine(_)));
        assert_eq!(
            (item("leg-curl").sets, item("leg-curl").target_reps),
            (5, 10)
        );
        assert_eq!(crate::program::check_order(&ids, true), Ok(()));
        // Every exercise again once the machines are back.
        assert_eq!(Plan::for_prefs(&Prefs::default()).items.len(), 10);
    }
}
