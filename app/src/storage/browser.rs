//! localStorage as a [`Backend`]. Only touched from effects and event
//! handlers; off the browser every call answers [`StorageError::Unavailable`]
//! instead of panicking.
//!
//! This talks to `web_sys::Storage` directly rather than through
//! gloo-storage: gloo's `LocalStorage::raw()` panics when storage is disabled
//! (private modes, blocked cookies), and its typed `set` would wrap our
//! envelope in a second layer of JSON.

use super::{Backend, KEY_PREFIX, StorageError};
use wasm_bindgen::{JsCast, JsValue};

/// The browser's localStorage.
#[derive(Debug, Default, Clone, Copy)]
pub struct BrowserBackend;

impl BrowserBackend {
    fn storage() -> Result<web_sys::Storage, StorageError> {
        if !cfg!(target_arch = "wasm32") {
            return Err(StorageError::Unavailable);
        }
        web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .ok_or(StorageError::Unavailable)
    }

    /// Every key this app owns, for export and "delete all my data".
    pub fn own_keys(&self) -> Result<Vec<String>, StorageError> {
        let storage = Self::storage()?;
        let len = storage.length().map_err(|_| StorageError::Unavailable)?;
        Ok((0..len)
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter(|k| k.starts_with(KEY_PREFIX))
            .collect())
    }
}

/// A failed `setItem` is almost always the quota: `QuotaExceededError` in
/// every current browser, `NS_ERROR_DOM_QUOTA_REACHED` in older Firefox.
/// Anything else means storage is not there for us. (Exact names, not a
/// search for "quota": a substring search costs a kilobyte of wasm on
/// every page that saves.)
fn write_error(err: JsValue) -> StorageError {
    let name = err
        .dyn_ref::<web_sys::DomException>()
        .map(|e| e.name())
        .unwrap_or_default();
    match name.as_str() {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StorageError::QuotaExceeded,
        _ => StorageError::Unavailable,
    }
}

impl Backend for BrowserBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Self::storage()?
            .get_item(key)
            .map_err(|_| StorageError::Unavailable)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        Self::storage()?.set_item(key, value).map_err(write_error)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        Self::storage()?
            .remove_item(key)
            .map_err(|_| StorageError::Unavailable)
    }
}
