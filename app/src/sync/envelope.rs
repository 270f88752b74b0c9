//! A snapshot sealed for one sync id and one version.
//!
//! Layout: the format byte ([`FORMAT`]), the 12-byte nonce, then the
//! AES-256-GCM ciphertext with its 16-byte tag. The associated data, which
//! is authenticated but not sent, is this scheme's name, the sync id and the
//! version: a blob opened under any other id or version fails as tampered.
//!
//! The encryption itself is the browser's (WebCrypto, in
//! `platform::subtle`); native code (tests, tools) uses the `aes-gcm` crate
//! in `seal` and `open`. Both give the same bytes: the layout and the
//! associated data are defined here once.

use super::{SyncError, SyncId};
#[cfg(not(target_arch = "wasm32"))]
use {
    super::CipherKey,
    aes_gcm::{
        Aes256Gcm, KeyInit, Nonce,
        aead::{Aead, Payload},
    },
};

/// The format byte that starts every sealed snapshot.
pub const FORMAT: u8 = 1;
/// Bytes of random nonce per seal. With a fresh random nonce per snapshot,
/// a key would have to seal billions of snapshots before a repeat matters.
pub const NONCE_LEN: usize = 12;
const TAG_LEN: usize = 16;

/// What the encryption authenticates besides the snapshot.
pub fn associated_data(id: &SyncId, version: u64) -> Vec<u8> {
    let mut aad = b"backstrong-sync-v1\0".to_vec();
    aad.extend_from_slice(id.as_str().as_bytes());
    aad.push(0);
    aad.extend_from_slice(&version.to_be_bytes());
    aad
}

/// A sealed snapshot from its nonce and its AES-GCM output (ciphertext,
/// then tag).
pub fn frame(nonce: &[u8; NONCE_LEN], sealed: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(1 + NONCE_LEN + sealed.len());
    out.push(FORMAT);
    out.extend_from_slice(nonce);
    out.extend_from_slice(sealed);
    out
}

/// A blob's nonce and AES-GCM output, or why it is not a sealed snapshot.
pub fn unframe(blob: &[u8]) -> Result<(&[u8], &[u8]), SyncError> {
    let (&format, rest) = blob.split_first().ok_or(SyncError::UnknownFormat(0))?;
    if format != FORMAT {
        return Err(SyncError::UnknownFormat(format));
    }
    if rest.len() < NONCE_LEN + TAG_LEN {
        return Err(SyncError::Tampered);
    }
    Ok(rest.split_at(NONCE_LEN))
}

/// Seals `plaintext` as version `version` of the snapshot `id`. `nonce`
/// must be fresh random bytes for every call.
#[cfg(not(target_arch = "wasm32"))]
pub fn seal(
    key: &CipherKey,
    id: &SyncId,
    version: u64,
    nonce: [u8; NONCE_LEN],
    plaintext: &[u8],
) -> Vec<u8> {
    let cipher = Aes256Gcm::new(key.secret().into());
    let aad = associated_data(id, version);
    let sealed = cipher
        .encrypt(
            Nonce::from_slice(&nonce),
            Payload {
                msg: plaintext,
                aad: &aad,
            },
        )
        // aes-gcm fails only past 64 GiB of plaintext.
        .expect("a snapshot far below AES-GCM's limit");
    frame(&nonce, &sealed)
}

/// Opens a blob the server returned as version `version` of `id`.
#[cfg(not(target_arch = "wasm32"))]
pub fn open(key: &CipherKey, id: &SyncId, version: u64, blob: &[u8]) -> Result<Vec<u8>, SyncError> {
    let (nonce, sealed) = unframe(blob)?;
    let cipher = Aes256Gcm::new(key.secret().into());
    let aad = associated_data(id, version);
    cipher
        .decrypt(
            Nonce::from_slice(nonce),
            Payload {
                msg: sealed,
                aad: &aad,
            },
        )
        .map_err(|_| SyncError::Tampered)
}

/// Whether a device that has seen version `seen` (none yet: `None`) may take
/// version `offered`: never an older one, which is how a server rolling a
/// person back to an old snapshot is caught.
pub fn check_version(seen: Option<u64>, offered: u64) -> Result<(), SyncError> {
    match seen {
        Some(seen) if offered < seen => Err(SyncError::Rollback { seen, offered }),
        _ => Ok(()),
    }
}
