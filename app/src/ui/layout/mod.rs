//! The frame around every screen.

mod nav_bar;
mod storage_banner;

pub use nav_bar::NavBar;
pub use storage_banner::StorageBanner;
