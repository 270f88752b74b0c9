//! The Progress screen.

mod progress_page;

pub use progress_page::ProgressPage;
