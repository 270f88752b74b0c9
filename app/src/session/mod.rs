//! The guided session as a state machine over (plan, now). Plain Rust:
//! time comes in as milliseconds since the epoch with every event and every
//! query, and is never read here. A rest is stored as an absolute deadline,
//! so "seconds left" is right after any gap: a locked screen, a background
//! tab, a reload, a crash.

mod machine;
mod plan;
mod records;
mod wire;

pub use machine::{
    Effort, Event, MAX_LOAD_KG, MAX_REPS, Phase, STALE_AFTER_MS, Session, SessionError, SetLog,
    Symptom,
};
pub use plan::{Plan, PlanItem, suggested_rest_s};
pub use records::{ActiveSession, History};
