//! The sync key, what comes from it, and how people carry it between devices.

use super::SyncError;
use base64::{Engine as _, engine::general_purpose::URL_SAFE_NO_PAD};
use sha2::{Digest, Sha256};

/// The HKDF salt: names the app and this scheme, so the same 256 bits used
/// anywhere else give unrelated keys. A new scheme gets a new salt.
pub const SALT: &[u8] = b"backstrong-sync-v1";

/// HKDF-SHA256's `info` label of each thing the key gives (the sync id,
/// 16 bytes; the AES-256-GCM key and the write token, 32 bytes each). The
/// browser derives them with WebCrypto, native code (tests, tools) with the
/// `hkdf` crate; both must agree to the byte.
pub const LABELS: [&[u8]; 3] = [b"sync id", b"snapshot key", b"write token"];

/// The one secret: 32 random bytes.
#[derive(Clone, PartialEq, Eq)]
pub struct SyncKey([u8; 32]);

/// Never printed, even in debug output.
impl std::fmt::Debug for SyncKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SyncKey(…)")
    }
}

/// Names a snapshot on the server: 128 bits from the key, as 32 hex digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SyncId(String);

/// The AES-256-GCM key. Stays on the devices.
#[derive(Clone, PartialEq, Eq)]
pub struct CipherKey([u8; 32]);

impl CipherKey {
    /// The raw key, for the browser's `crypto.subtle.importKey`.
    pub fn secret(&self) -> &[u8; 32] {
        &self.0
    }
}

impl std::fmt::Debug for CipherKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CipherKey(…)")
    }
}

/// Proves to the server that a request may replace or delete the snapshot.
#[derive(Clone, PartialEq, Eq)]
pub struct WriteToken([u8; 32]);

impl std::fmt::Debug for WriteToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("WriteToken(…)")
    }
}

/// Everything the key gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Derived {
    /// See [`SyncId`].
    pub id: SyncId,
    /// See [`CipherKey`].
    pub cipher: CipherKey,
    /// See [`WriteToken`].
    pub write: WriteToken,
}

impl SyncKey {
    /// A key from 32 random bytes (`crypto.getRandomValues` in the browser).
    pub fn from_random(bytes: [u8; 32]) -> Self {
        Self(bytes)
    }

    /// The raw key, for the browser's `crypto.subtle.importKey`.
    pub fn secret(&self) -> &[u8; 32] {
        &self.0
    }

    /// The id, the cipher key and the write token, each from HKDF-SHA256
    /// with its own label (see [`LABELS`]), so knowing one tells nothing of
    /// the others (the server sees the id and the token, never the cipher
    /// key). Native code only: the browser asks WebCrypto
    /// (`platform::subtle::derive`), which gives the same bytes.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn derive(&self) -> Derived {
        let hkdf = hkdf::Hkdf::<Sha256>::new(Some(SALT), &self.0);
        let expand = |label: &[u8], out: &mut [u8]| {
            // Cannot fail: 32 bytes is far below HKDF's 255 × 32 limit.
            hkdf.expand(label, out)
                .expect("HKDF output of at most 32 bytes");
        };
        let mut id = [0u8; 16];
        expand(LABELS[0], &mut id);
        let mut cipher = [0u8; 32];
        expand(LABELS[1], &mut cipher);
        let mut write = [0u8; 32];
        expand(LABELS[2], &mut write);
        Derived::from_parts(id, cipher, write)
    }

    /// The fragment of a pairing link, `k=` then the key in base64url:
    /// `/sync#k=…`. A fragment is never sent to a server.
    pub fn link_fragment(&self) -> String {
        format!("k={}", URL_SAFE_NO_PAD.encode(self.0))
    }

    /// Reads a pairing link's fragment (with or without its `#`), or a
    /// whole link.
    pub fn from_link(link: &str) -> Result<Self, SyncError> {
        let fragment = link.rsplit_once('#').map_or(link, |(_, f)| f);
        let encoded = fragment
            .split('&')
            .find_map(|part| part.strip_prefix("k="))
            .ok_or(SyncError::BadKey("the link has no key in it"))?;
        let bytes = URL_SAFE_NO_PAD
            .decode(encoded.trim())
            .map_err(|_| SyncError::BadKey("the link's key is damaged"))?;
        let key: [u8; 32] = bytes
            .try_into()
            .map_err(|_| SyncError::BadKey("the link's key has the wrong length"))?;
        Ok(Self(key))
    }

    /// Reads what a person pastes or types to pair a device: a pairing
    /// link (or its fragment) or a recovery code.
    pub fn read(text: &str) -> Result<Self, SyncError> {
        if text.contains("k=") {
            Self::from_link(text)
        } else {
            Self::from_recovery_code(text)
        }
    }

    /// The key as a code to write down: 55 letters and digits in 11 groups
    /// of 5 (Crockford's base32, which has no I, L, O or U to misread),
    /// the last three of them check letters that catch a typo.
    pub fn recovery_code(&self) -> String {
        let mut bytes = self.0.to_vec();
        bytes.extend_from_slice(&Sha256::digest(self.0)[..2]);
        let letters = base32(&bytes);
        letters
            .as_bytes()
            .chunks(5)
            .map(|group| std::str::from_utf8(group).unwrap_or_default())
            .collect::<Vec<_>>()
            .join("-")
    }

    /// Reads a recovery code as people type it: any case, with or without
    /// dashes or spaces, I and L read as 1, O as 0.
    pub fn from_recovery_code(code: &str) -> Result<Self, SyncError> {
        let letters: String = code
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect();
        if letters.chars().count() != 55 {
            return Err(SyncError::BadKey(
                "a recovery code has 55 letters and digits (11 groups of 5)",
            ));
        }
        let bytes = from_base32(&letters).ok_or(SyncError::BadKey(
            "a recovery code has only the digits 0-9 and the letters A-Z without U",
        ))?;
        let (key, check) = bytes.split_at(32);
        if Sha256::digest(key)[..2] != check[..2] {
            return Err(SyncError::Typo);
        }
        let mut out = [0u8; 32];
        out.copy_from_slice(key);
        Ok(Self(out))
    }
}

impl Derived {
    /// From the bytes HKDF gave for each of [`LABELS`], in order.
    pub fn from_parts(id: [u8; 16], cipher: [u8; 32], write: [u8; 32]) -> Self {
        Self {
            id: SyncId(hex(&id)),
            cipher: CipherKey(cipher),
            write: WriteToken(write),
        }
    }
}

impl SyncId {
    /// As the server's API and the snapshot's associated data name it.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl WriteToken {
    /// As sent in the `Authorization: Bearer` header.
    pub fn to_header_value(&self) -> String {
        URL_SAFE_NO_PAD.encode(self.0)
    }

    /// What the server keeps instead of the token: its SHA-256, hex.
    pub fn server_hash(&self) -> String {
        hex(&Sha256::digest(self.0))
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Crockford base32, 5 bits a letter, the last letter padded with zeros.
fn base32(bytes: &[u8]) -> String {
    let mut out = String::new();
    let (mut acc, mut bits) = (0u32, 0u32);
    for &b in bytes {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(CROCKFORD[((acc >> bits) & 31) as usize] as char);
        }
    }
    if bits > 0 {
        out.push(CROCKFORD[((acc << (5 - bits)) & 31) as usize] as char);
    }
    out
}

/// The bytes of a Crockford base32 text (whole bytes only; padding bits
/// dropped). `None` on a character outside the alphabet.
fn from_base32(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.chars() {
        let c = match c.to_ascii_uppercase() {
            'I' | 'L' => '1',
            'O' => '0',
            c => c,
        };
        let value = CROCKFORD.iter().position(|&a| a as char == c)? as u32;
        acc = (acc << 5) | value;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}
