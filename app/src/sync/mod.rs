//! Sync between devices, end to end encrypted (issue 16): the device side's
//! keys and sealed snapshots, in plain Rust (tested natively).
//!
//! One random 256-bit key is all a person has. Everything else comes from
//! it, so pairing a device means handing over that key only (a link whose
//! fragment never reaches a server, or a recovery code to write down):
//! - the sync id, which names the snapshot on the server;
//! - the key that encrypts it (AES-256-GCM), which never leaves the devices;
//! - the write token, which the server asks for before it replaces or
//!   deletes the snapshot (it keeps only the token's SHA-256).
//!
//! A snapshot is sealed for one sync id and one version number: the
//! encryption's associated data binds both, so the server cannot hand one
//! person's blob to another or pass an old blob off as a new version
//! unnoticed. A device also remembers the highest version it has seen and
//! refuses an older one ([`check_version`]).
//!
//! Randomness is a parameter here (the key, each nonce), as time is
//! elsewhere: the browser passes in bytes from `crypto.getRandomValues`.
//!
//! What a snapshot holds and how two become one: [`merge`]; between this
//! device's stored data and a snapshot: [`Stamps`] and [`apply`].
//!
//! One round's decisions (read, merge, write back): [`decide`]. The
//! requests, the encryption (WebCrypto: HKDF-SHA256 and AES-256-GCM) and
//! the screens are the browser's (`state::syncing`, `platform::subtle`,
//! `ui::sync`); native code has the same derivation and cipher from
//! RustCrypto crates, for the tests and tools, and test vectors pin both
//! to the same bytes.

mod envelope;
pub mod html;
mod keys;
mod local;
mod merge;
mod round;
mod state;
mod status;
// Native only: proptest does not build for wasm32.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

pub use envelope::{FORMAT, NONCE_LEN, associated_data, check_version, frame, unframe};
#[cfg(not(target_arch = "wasm32"))]
pub use envelope::{open, seal};
pub use keys::{CipherKey, Derived, LABELS, SALT, SyncId, SyncKey, WriteToken};
pub use local::{Stamps, apply};
pub use merge::{Snapshot, Stamped, merge, stamp_changes};
pub use round::{MAX_UNPACKED_BYTES, Remote, Round, Write, decide, pack, unpack};
pub use state::SyncState;
pub use status::{Activity, Pairing, QrPicture, SyncStatus, last_synced_label, retry_delay_ms};

use thiserror::Error;

/// What can go wrong with sync's keys and snapshots, in words for the user.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SyncError {
    /// A pairing link or recovery code that is not one.
    #[error("that is not a BackStrong sync key: {0}")]
    BadKey(&'static str),
    /// A recovery code whose check letters do not match: a typo.
    #[error("the recovery code has a typo: check each group against what you wrote down")]
    Typo,
    /// The browser offers no WebCrypto on this page: `crypto.subtle` exists
    /// only on https pages (and the device's own address).
    #[error(
        "this browser cannot encrypt on this page, so sync cannot run here: open BackStrong over https"
    )]
    NoCrypto,
    /// Bytes from the server that are not a sealed snapshot at all.
    #[error("the synced copy is not in a format this app knows (format {0})")]
    UnknownFormat(u8),
    /// The snapshot failed its authentication: changed on the server, made
    /// for another id or version, or sealed with another key.
    #[error(
        "the synced copy could not be opened: it was changed on the server or made with another key. \
         Nothing on this device was changed"
    )]
    Tampered,
    /// A snapshot that opened but does not read: made by a newer version of
    /// the app, or packed wrong.
    #[error(
        "the synced copy was made by a newer version of BackStrong: update this app (reload it) to sync. \
         Nothing on this device was changed"
    )]
    Unreadable,
    /// The server offered an older version than this device has seen.
    #[error(
        "the server offered an older copy (version {offered}) than this device has seen (version {seen}). \
         Nothing on this device was changed"
    )]
    Rollback {
        /// The highest version this device has seen.
        seen: u64,
        /// The version offered.
        offered: u64,
    },
}
