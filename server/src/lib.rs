#![recursion_limit = "256"]
//! BackStrong's optional server. The site is rendered once, at start, into
//! memory (`site`): every page, the 404 page, the service worker and every
//! built file, each with its brotli and gzip forms and its headers. The
//! server answers from that map (`listen`, `respond`); the export writes
//! that same map to a folder (`export`). The two cannot differ: they are
//! one value.

pub mod config;
pub mod csp;
pub mod export;
pub mod listen;
pub mod pack;
pub mod preload;
pub mod render;
pub mod respond;
pub mod security;
pub mod site;
pub mod sw;
pub mod sync;

pub use config::{Command, Config, ConfigError};
pub use export::{ExportError, export};
pub use site::{Site, SiteError};
