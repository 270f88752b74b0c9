//! The frame around every screen.

mod client_runtime;
mod nav_bar;
mod storage_banner;
mod top_bar;
mod update_banner;

pub use client_runtime::ClientRuntime;
pub use nav_bar::NavBar;
pub use storage_banner::StorageBanner;
pub use top_bar::TopBar;
pub use update_banner::UpdateBanner;
