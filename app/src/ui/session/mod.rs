//! Today's session: the safety check, then the guided session, set by set,
//! with its rest timer, to a summary.

mod frame;
mod in_session;
mod screens;
mod session_page;
mod session_runner;

pub use session_page::SessionPage;
pub use session_runner::SessionRunner;
