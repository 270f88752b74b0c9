//! An in-memory [`Backend`]: used by native tests, and by the app when the
//! browser offers no storage at all, so the current visit keeps working.

use super::{Backend, StorageError};
use std::{
    cell::{Cell, RefCell},
    collections::BTreeMap,
};

/// A map of strings behind a [`RefCell`]; optionally refusing every call, to
/// stand in for a browser whose storage is disabled.
#[derive(Debug, Default)]
pub struct MemoryBackend {
    map: RefCell<BTreeMap<String, String>>,
    unavailable: bool,
    /// Bytes of keys and values it holds at most, like a browser's quota.
    quota: Cell<Option<usize>>,
}

impl MemoryBackend {
    /// A backend that fails every call with [`StorageError::Unavailable`].
    pub fn unavailable() -> Self {
        Self {
            map: RefCell::default(),
            unavailable: true,
            quota: Cell::new(None),
        }
    }

    /// Sets (or lifts, with `None`) a quota on what it holds.
    pub fn set_quota(&self, bytes: Option<usize>) {
        self.quota.set(bytes);
    }

    fn check(&self) -> Result<(), StorageError> {
        if self.unavailable {
            Err(StorageError::Unavailable)
        } else {
            Ok(())
        }
    }
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.check()?;
        Ok(self.map.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.check()?;
        if let Some(quota) = self.quota.get() {
            let others: usize = self
                .map
                .borrow()
                .iter()
                .filter(|(k, _)| k.as_str() != key)
                .map(|(k, v)| k.len() + v.len())
                .sum();
            if others + key.len() + value.len() > quota {
                return Err(StorageError::QuotaExceeded);
            }
        }
        self.map
            .borrow_mut()
            .insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.check()?;
        self.map.borrow_mut().remove(key);
        Ok(())
    }
}
