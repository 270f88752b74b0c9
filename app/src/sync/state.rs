//! What this device keeps about sync, stored beside its data under
//! `backstrong:sync`: the key (none: sync is off), the highest version seen,
//! the change stamps, and when the last sync went through. Never part of a
//! backup file: a backup is data, the key is a secret.

use super::{Stamps, SyncKey};
use crate::storage::Stored;
use serde::{Deserialize, Serialize};

/// This device's sync state.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SyncState {
    /// The key, as a pairing link's fragment (`k=…`); `None`: sync is off.
    pub key: Option<String>,
    /// The highest snapshot version this device has seen under that key:
    /// an older one offered later is refused.
    pub seen_version: Option<u64>,
    /// When each setting and note last changed here.
    pub stamps: Stamps,
    /// When a sync last went through, in ms since the epoch.
    pub last_synced_ms: Option<u64>,
}

impl Stored for SyncState {
    const KEY: &'static str = "backstrong:sync";
    const VERSION: u32 = 1;

    /// Two tabs: the highest version either has seen stays (forgetting one
    /// would let a server roll this device back), the later sync time too.
    fn merge_stored(&mut self, stored: Self) {
        if stored.key == self.key {
            self.seen_version = self.seen_version.max(stored.seen_version);
            self.last_synced_ms = self.last_synced_ms.max(stored.last_synced_ms);
        }
    }
}

impl SyncState {
    /// The key, when sync is on and the stored key reads.
    pub fn key(&self) -> Option<SyncKey> {
        self.key.as_deref().and_then(|k| SyncKey::from_link(k).ok())
    }

    /// Sync on with `key` (a new one, or another device's): versions seen
    /// under another key mean nothing for this one.
    pub fn turn_on(&mut self, key: &SyncKey) {
        let fragment = key.link_fragment();
        if self.key.as_deref() != Some(fragment.as_str()) {
            self.seen_version = None;
            self.last_synced_ms = None;
        }
        self.key = Some(fragment);
    }

    /// Sync off. The data on this device stays as it is.
    pub fn turn_off(&mut self) {
        self.key = None;
        self.seen_version = None;
        self.last_synced_ms = None;
    }

    /// The server had no snapshot and this device wrote the first one
    /// (`version` 1): whatever it saw before was deleted (on another device,
    /// or the server expired it), so counting starts again. Nothing is lost
    /// by trusting this: a merge only ever adds to this device's data.
    pub fn started_over(&mut self, version: u64, now_ms: u64) {
        self.seen_version = Some(version);
        self.last_synced_ms = Some(now_ms);
    }

    /// A version went through (read or written) at `now_ms`.
    pub fn synced(&mut self, version: u64, now_ms: u64) {
        self.seen_version = self.seen_version.max(Some(version));
        self.last_synced_ms = Some(now_ms);
    }
}
