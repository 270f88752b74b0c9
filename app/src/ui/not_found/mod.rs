//! The page for addresses the app does not know.

mod not_found_page;

pub use not_found_page::NotFoundPage;
