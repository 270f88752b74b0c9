//! Sync's cryptography done by the browser (WebCrypto, `crypto.subtle`):
//! HKDF-SHA256 for the keys and AES-256-GCM for the snapshots. The layout
//! of a sealed snapshot, its associated data and the HKDF labels are the
//! domain's (`crate::sync`); native code has the same operations from
//! RustCrypto crates, and test vectors pin both to the same bytes.
//!
//! Why the browser's and not compiled-in code: the browser's is audited,
//! constant-time and hardware-accelerated, and the wasm then carries no
//! cipher at all. `crypto.subtle` exists only on secure pages (https, or the
//! device's own address): elsewhere every call here answers
//! [`SyncError::NoCrypto`], and sync cannot be turned on.

use super::net::{invoke_async, object, prop, window};
use crate::sync::{
    Derived, LABELS, NONCE_LEN, SALT, SyncError, SyncId, SyncKey, associated_data, frame, unframe,
};
use wasm_bindgen::JsValue;
use web_sys::js_sys::{Array, Uint8Array};

/// `window.crypto.subtle`, where the page has it.
fn subtle() -> Result<JsValue, SyncError> {
    let crypto = prop(&window().ok_or(SyncError::NoCrypto)?, "crypto");
    crypto
        .and_then(|crypto| prop(&crypto, "subtle"))
        .ok()
        .filter(JsValue::is_object)
        .ok_or(SyncError::NoCrypto)
}

/// Whether this page can encrypt: sync is offered only where it can.
pub fn available() -> bool {
    subtle().is_ok()
}

fn bytes(data: &[u8]) -> JsValue {
    Uint8Array::from(data).into()
}

fn strings(items: &[&str]) -> JsValue {
    items
        .iter()
        .map(|s| JsValue::from_str(s))
        .collect::<Array>()
        .into()
}

/// `subtle.importKey("raw", …)`, not extractable, for `uses`.
async fn import(
    subtle: &JsValue,
    raw: &[u8],
    algorithm: &str,
    uses: &[&str],
) -> Result<JsValue, SyncError> {
    invoke_async(
        subtle,
        "importKey",
        &[
            JsValue::from_str("raw"),
            bytes(raw),
            JsValue::from_str(algorithm),
            JsValue::FALSE,
            strings(uses),
        ],
    )
    .await
    .map_err(|_| SyncError::NoCrypto)
}

/// The `N` bytes HKDF-SHA256 gives for `label`.
async fn hkdf<const N: usize>(
    subtle: &JsValue,
    base: &JsValue,
    label: &[u8],
) -> Result<[u8; N], SyncError> {
    let params = object(&[
        ("name", JsValue::from_str("HKDF")),
        ("hash", JsValue::from_str("SHA-256")),
        ("salt", bytes(SALT)),
        ("info", bytes(label)),
    ])
    .map_err(|_| SyncError::NoCrypto)?;
    let bits = invoke_async(
        subtle,
        "deriveBits",
        &[params.into(), base.clone(), JsValue::from(N as u32 * 8)],
    )
    .await
    .map_err(|_| SyncError::NoCrypto)?;
    let mut out = [0u8; N];
    let array = Uint8Array::new(&bits);
    if array.length() as usize != N {
        return Err(SyncError::NoCrypto);
    }
    array.copy_to(&mut out);
    Ok(out)
}

/// The sync id, the cipher key and the write token from the key (the same
/// bytes as the native `SyncKey::derive`).
pub async fn derive(key: &SyncKey) -> Result<Derived, SyncError> {
    let subtle = subtle()?;
    let base = import(&subtle, key.secret(), "HKDF", &["deriveBits"]).await?;
    let [id, cipher, write] = LABELS;
    Ok(Derived::from_parts(
        hkdf(&subtle, &base, id).await?,
        hkdf(&subtle, &base, cipher).await?,
        hkdf(&subtle, &base, write).await?,
    ))
}

/// The AES-GCM parameters for one snapshot: its nonce, and its id and
/// version as associated data.
fn gcm(nonce: &[u8], id: &SyncId, version: u64) -> Result<JsValue, SyncError> {
    object(&[
        ("name", JsValue::from_str("AES-GCM")),
        ("iv", bytes(nonce)),
        ("additionalData", bytes(&associated_data(id, version))),
        ("tagLength", JsValue::from(128)),
    ])
    .map(Into::into)
    .map_err(|_| SyncError::NoCrypto)
}

/// Seals packed snapshot bytes as version `version` (the same bytes as the
/// native `sync::seal`). `nonce` must be fresh random bytes.
pub async fn seal(
    keys: &Derived,
    version: u64,
    nonce: [u8; NONCE_LEN],
    plaintext: &[u8],
) -> Result<Vec<u8>, SyncError> {
    let subtle = subtle()?;
    let key = import(&subtle, keys.cipher.secret(), "AES-GCM", &["encrypt"]).await?;
    let sealed = invoke_async(
        &subtle,
        "encrypt",
        &[gcm(&nonce, &keys.id, version)?, key, bytes(plaintext)],
    )
    .await
    .map_err(|_| SyncError::NoCrypto)?;
    Ok(frame(&nonce, &Uint8Array::new(&sealed).to_vec()))
}

/// Opens a blob the server returned as version `version`. A blob that fails
/// its authentication (changed, another id, version or key) is
/// [`SyncError::Tampered`].
pub async fn open(keys: &Derived, version: u64, blob: &[u8]) -> Result<Vec<u8>, SyncError> {
    let (nonce, sealed) = unframe(blob)?;
    let subtle = subtle()?;
    let key = import(&subtle, keys.cipher.secret(), "AES-GCM", &["decrypt"]).await?;
    // WebCrypto rejects a failed tag check with an `OperationError`, and
    // nothing else can fail once the key is imported.
    let plain = invoke_async(
        &subtle,
        "decrypt",
        &[gcm(nonce, &keys.id, version)?, key, bytes(sealed)],
    )
    .await
    .map_err(|_| SyncError::Tampered)?;
    Ok(Uint8Array::new(&plain).to_vec())
}
