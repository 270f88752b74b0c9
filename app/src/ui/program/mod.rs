//! The Program screen.

mod program_page;

pub use program_page::ProgramPage;
