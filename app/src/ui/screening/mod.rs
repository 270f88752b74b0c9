//! The safety check before each session, the stop control on every
//! exercise screen, and what to do when something hurts.

mod end_session_offer;
mod red_flags;
pub mod safety_check;
mod stop_button;
mod stop_page;

pub use end_session_offer::EndSessionOffer;
pub use red_flags::RedFlags;
pub use stop_button::StopButton;
pub use stop_page::StopPage;
