//! The start screen.

mod home_page;
mod resume_offer;

pub use home_page::HomePage;
pub use resume_offer::ResumeOffer;
