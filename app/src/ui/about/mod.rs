//! Where the program comes from, and what the app is not.

mod about_page;

pub use about_page::AboutPage;
