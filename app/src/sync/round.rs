//! One sync round's decisions, without the network or the cipher: what the
//! device takes from the server's snapshot and what it writes back. The
//! browser does the requests (`state::syncing`) and the encryption
//! (WebCrypto), and calls [`check_version`], [`unpack`] and [`decide`]
//! between them, so every rule of a round is tested natively.
//!
//! A round: read the server's snapshot (or learn there is none), open it,
//! merge it with this device's data, keep the merged data here, and write it
//! back when the server lacks something. When another device writes first,
//! the write is refused (412) and the round starts again from the read:
//! nothing is lost, because the merge keeps everything of both sides.

#[cfg(doc)]
use super::check_version;
use super::{Snapshot, SyncError, merge};
use miniz_oxide::{deflate::compress_to_vec, inflate::decompress_to_vec_with_limit};

/// The largest snapshot a device unpacks: far above any real history (a
/// three-year one is about 0.6 MB of JSON), low enough that a hostile blob
/// cannot make the page run out of memory.
pub const MAX_UNPACKED_BYTES: usize = 32 * 1024 * 1024;

/// Deflate level: 6 packs a history about as tight as 9 does, much faster.
const LEVEL: u8 = 6;

/// A snapshot as the bytes that get sealed: its JSON, deflated (the JSON of
/// a history repeats its field names and exercise ids thousands of times).
pub fn pack(snapshot: &Snapshot) -> Vec<u8> {
    // Serializing plain data (maps with string keys) cannot fail.
    let json = serde_json::to_vec(snapshot).expect("a snapshot serializes");
    compress_to_vec(&json, LEVEL)
}

/// The snapshot in bytes that opened: authentic, so a failure here means a
/// newer app made them, not that someone changed them.
pub fn unpack(bytes: &[u8]) -> Result<Snapshot, SyncError> {
    let json = decompress_to_vec_with_limit(bytes, MAX_UNPACKED_BYTES)
        .map_err(|_| SyncError::Unreadable)?;
    serde_json::from_slice(&json).map_err(|_| SyncError::Unreadable)
}

/// What the server holds: its version and the sealed bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remote {
    /// The version the server named (its `ETag`).
    pub version: u64,
    /// The sealed snapshot.
    pub blob: Vec<u8>,
}

/// A write the round asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Write {
    /// The version the device read (`If-Match`; 0: there was none).
    pub if_match: u64,
    /// The version this write becomes: the server stores the next one.
    pub version: u64,
    /// The merged snapshot packed: seal it as `version`, then send it.
    pub packed: Vec<u8>,
}

/// What a round decided.
#[derive(Debug, Clone, PartialEq)]
pub struct Round {
    /// This device's data and the server's, merged.
    pub merged: Snapshot,
    /// True when the merged data differs from this device's: keep it here.
    pub local_changed: bool,
    /// The version read from the server (none: it had no snapshot).
    pub read_version: Option<u64>,
    /// What to write back, when the server lacks something of the merge.
    pub write: Option<Write>,
}

/// Decides a round: `local` is this device's data as a snapshot, `theirs`
/// the server's version and snapshot (`None`: it had none), already past
/// [`check_version`], opened and unpacked: whatever fails there stops the
/// round before any of it touches this device's data.
pub fn decide(local: &Snapshot, theirs: Option<(u64, Snapshot)>) -> Round {
    let (read_version, theirs) = match theirs {
        Some((version, snapshot)) => (Some(version), Some(snapshot)),
        None => (None, None),
    };
    let merged = match &theirs {
        Some(theirs) => merge(local, theirs),
        None => local.clone(),
    };
    let server_lacks = theirs.as_ref() != Some(&merged);
    let write = server_lacks.then(|| {
        let if_match = read_version.unwrap_or(0);
        Write {
            if_match,
            version: if_match + 1,
            packed: pack(&merged),
        }
    });
    Round {
        local_changed: merged != *local,
        merged,
        read_version,
        write,
    }
}
