//! What a session will ask for: the exercises in program order, each with
//! its sets, target reps, load and rest.

use crate::{
    program::{Exercise, Origin, leg_press_start_load, session_order},
    units::Unit,
};
use serde::{Deserialize, Serialize};

/// Rest between sets when the user has set none, in seconds. The source
/// gives no rest times: these are our suggestion, and the app says so.
pub fn suggested_rest_s(exercise: &Exercise) -> u32 {
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
        Self::for_user(body_weight_kg, &Default::default(), Unit::Kg)
    }

    /// The program's session with the user's own rest lengths (by exercise
    /// id) where they set one, and the leg press start rounded to a step of
    /// their unit.
    pub fn for_user(
        body_weight_kg: Option<f32>,
        rest_s: &std::collections::BTreeMap<String, u32>,
        unit: Unit,
    ) -> Plan {
        let items = session_order()
            .map(|e| PlanItem {
                exercise_id: e.id.to_owned(),
                sets: e.prescription.sets.min,
                target_reps: e.prescription.reps.min,
                load_kg: if e.limits.start_at_half_body_weight {
                    leg_press_start_load(body_weight_kg, unit)
                } else {
                    None
                },
                rest_s: rest_s
                    .get(e.id)
                    .copied()
                    .unwrap_or_else(|| suggested_rest_s(e)),
                suggested: matches!(e.prescription.origin, Origin::Suggested(_)),
            })
            .collect();
        Plan { items }
    }
}
