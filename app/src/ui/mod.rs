//! Components, one per file, grouped by screen. They read state and send
//! events; the rules live in the domain modules.

pub mod about;
pub mod art;
pub mod cards;
pub mod home;
pub mod layout;
pub mod not_found;
pub mod progress;
pub mod report;
pub mod screening;
pub mod session;
pub mod settings;
pub mod sync;
