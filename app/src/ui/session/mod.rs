//! The Session screen.

mod session_page;

pub use session_page::SessionPage;
