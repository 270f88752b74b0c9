//! Rules of the program the app acts on: the leg press starting load and the
//! order of a session.

use super::{Basics, basics};
use thiserror::Error;

/// The leg press starting load: half of body weight (F18), when the user has
/// entered it. Rounded down to the nearest 2.5 kg, a step most machines have.
pub fn leg_press_start_load_kg(body_weight_kg: Option<f32>) -> Option<f32> {
    leg_press_start_load(body_weight_kg, crate::units::Unit::Kg)
}

/// The same, rounded down to a whole step of the unit the user reads loads
/// in (2.5 kg or 5 lb), still returned in kilograms.
pub fn leg_press_start_load(body_weight_kg: Option<f32>, unit: crate::units::Unit) -> Option<f32> {
    let body = body_weight_kg.filter(|w| w.is_finite() && *w > 0.0)?;
    let half = unit.from_kg(body) / 2.0;
    Some(unit.to_kg((half / unit.step()).floor() * unit.step()))
}

/// Why an order of exercises breaks the program's rules.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum OrderError {
    /// Chest press placed before the seated row (F41).
    #[error("the seated row has to come before the chest press (F41)")]
    ChestPressBeforeRow,
    /// Chest press without the shoulder rotations of the warm-up (F41).
    #[error("the chest press needs the shoulder rotations of the warm-up first (F41)")]
    NoShoulderWarmUp,
    /// An id that is not in the program.
    #[error("no exercise called {0:?} in the program")]
    Unknown(String),
}

/// Checks an order of exercise ids. `shoulder_warm_up` says whether the
/// warm-up before it includes the shoulder rotations.
pub fn check_order(ids: &[&str], shoulder_warm_up: bool) -> Result<(), OrderError> {
    if let Some(unknown) = ids.iter().find(|id| basics(id).is_none()) {
        return Err(OrderError::Unknown((*unknown).to_owned()));
    }
    let position = |id: &str| ids.iter().position(|i| *i == id);
    let Some(press) = position("chest-press") else {
        return Ok(());
    };
    if !shoulder_warm_up {
        return Err(OrderError::NoShoulderWarmUp);
    }
    match position("seated-row") {
        Some(row) if row < press => Ok(()),
        _ => Err(OrderError::ChestPressBeforeRow),
    }
}

/// The program's exercises in the order a session runs them: their
/// basics; [`super::EXERCISES`] has the cards, in the same order.
pub fn session_order() -> impl Iterator<Item = &'static Basics> {
    super::BASICS.iter()
}
