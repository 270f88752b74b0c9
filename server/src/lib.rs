#![recursion_limit = "256"]
//! BackStrong's optional server: renders every page with leptos_axum, serves
//! the hashed assets, and writes the static export from the very same
//! router, so the export can never differ from what the server sends.

pub mod cache;
pub mod config;
pub mod export;
pub mod listen;
pub mod routes;
pub mod security;
pub mod sw;

pub use config::{Command, Config, ConfigError};
pub use export::{ExportError, export};
pub use routes::{router, router_with, serving_router};
