//! App-wide reactive state, provided as contexts. Each store wraps plain
//! domain data in signals and is the only place that data is saved from, so
//! a save can never run before the stored value has been loaded.

mod prefs_store;

pub use prefs_store::{PrefsStore, StorageNotice};
