//! The start screen.

mod home_page;

pub use home_page::HomePage;
