//! The offline pack: the files the service worker keeps, in one download.
//!
//! The worker used to fetch every page and every lazy part of the wasm on
//! its own: about 70 requests, each compressed alone. In one file, brotli
//! finds what the files have in common (the pages share their head and
//! navigation, the wasm parts share Leptos's code patterns), so the same
//! files cost about a fifth fewer bytes, and a patchy connection has one
//! request to finish instead of 70. The worker cuts the pack back into
//! files (`assets/sw.js`), each with its own headers, as if fetched alone.
//!
//! The format: one line of JSON, the index (`[{"path", "headers", "size"}]`
//! in the order of the bodies), a newline, then the bodies back to back.
//! The index holds no raw newline: JSON escapes it.

use serde_json::{Value, json};
use std::borrow::Cow;
use thiserror::Error;

/// One file of the pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry<'a> {
    /// Its address, such as `/program` or `/pkg/…/chunk_1.wasm`.
    pub path: Cow<'a, str>,
    /// The headers it is kept with (name, value).
    pub headers: Vec<(String, String)>,
    /// Its bytes.
    pub body: &'a [u8],
}

/// Why a pack cannot be read.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum PackError {
    /// No newline ends the index.
    #[error("the pack has no index line")]
    NoIndex,
    /// The index is not the JSON the format describes.
    #[error("the pack's index is not valid: {0}")]
    BadIndex(String),
    /// The bodies do not add up to the rest of the pack.
    #[error("the pack's index lists {listed} bytes of files, but {present} follow it")]
    WrongLength {
        /// What the index lists.
        listed: usize,
        /// What follows the index.
        present: usize,
    },
}

/// The pack of these files, in this order.
pub fn write(entries: &[Entry<'_>]) -> Vec<u8> {
    let index: Vec<Value> = entries
        .iter()
        .map(|e| json!({ "path": e.path, "headers": e.headers, "size": e.body.len() }))
        .collect();
    let mut pack = serde_json::to_vec(&index).unwrap_or_else(|_| b"[]".to_vec());
    pack.push(b'\n');
    for entry in entries {
        pack.extend_from_slice(entry.body);
    }
    pack
}

/// The files of a pack, as [`write`] made them. The worker reads packs in
/// the browser; this reader lets the tests check what it will find.
pub fn read(pack: &[u8]) -> Result<Vec<Entry<'_>>, PackError> {
    let end = pack
        .iter()
        .position(|&b| b == b'\n')
        .ok_or(PackError::NoIndex)?;
    let bad = |e: &dyn std::fmt::Display| PackError::BadIndex(e.to_string());
    let index: Vec<Value> = serde_json::from_slice(&pack[..end]).map_err(|e| bad(&e))?;
    let bodies = &pack[end + 1..];
    let mut entries = Vec::with_capacity(index.len());
    let mut at = 0usize;
    for item in &index {
        let path = item["path"]
            .as_str()
            .ok_or_else(|| bad(&"a file has no path"))?;
        let size = item["size"]
            .as_u64()
            .and_then(|s| usize::try_from(s).ok())
            .ok_or_else(|| bad(&format!("{path} has no size")))?;
        let headers = item["headers"]
            .as_array()
            .ok_or_else(|| bad(&format!("{path} has no headers")))?
            .iter()
            .map(|pair| match pair.as_array().map(Vec::as_slice) {
                Some([Value::String(name), Value::String(value)]) => {
                    Ok((name.clone(), value.clone()))
                }
                _ => Err(bad(&format!("{path} has a header that is not a pair"))),
            })
            .collect::<Result<_, _>>()?;
        let body = at
            .checked_add(size)
            .and_then(|stop| bodies.get(at..stop))
            .ok_or(PackError::WrongLength {
                listed: at.saturating_add(size),
                present: bodies.len(),
            })?;
        at += size;
        entries.push(Entry {
            path: Cow::Owned(path.to_owned()),
            headers,
            body,
        });
    }
    if at != bodies.len() {
        return Err(PackError::WrongLength {
            listed: at,
            present: bodies.len(),
        });
    }
    Ok(entries)
}

/// `name: value` lines (CRLF-ended, as the server writes them) as pairs.
pub fn header_pairs(lines: &str) -> Vec<(String, String)> {
    lines
        .split("\r\n")
        .filter_map(|line| line.split_once(": "))
        .map(|(name, value)| (name.to_owned(), value.to_owned()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry<'a>(path: &'a str, kind: &str, body: &'a [u8]) -> Entry<'a> {
        Entry {
            path: path.into(),
            headers: vec![("content-type".into(), kind.into())],
            body,
        }
    }

    #[test]
    fn files_come_back_as_they_went_in() {
        let entries = [
            entry("/", "text/html; charset=utf-8", b"<p>home\n</p>"),
            entry("/pkg/a/chunk_1.wasm", "application/wasm", b"\0asm\n\x01"),
            entry("/empty", "text/plain", b""),
        ];
        let pack = write(&entries);
        assert_eq!(pack.iter().filter(|&&b| b == b'\n').count(), 3);
        assert_eq!(read(&pack), Ok(entries.to_vec()));
    }

    #[test]
    fn a_broken_pack_is_refused_with_a_reason() {
        let pack = write(&[entry("/a", "text/plain", b"abc")]);
        assert_eq!(read(b"[]"), Err(PackError::NoIndex));
        assert!(matches!(read(b"{\n"), Err(PackError::BadIndex(_))));
        assert!(matches!(
            read(b"[{\"path\":\"/a\",\"headers\":[[\"x\"]],\"size\":0}]\n"),
            Err(PackError::BadIndex(m)) if m.contains("/a")
        ));
        assert_eq!(
            read(&pack[..pack.len() - 1]),
            Err(PackError::WrongLength {
                listed: 3,
                present: 2
            })
        );
        let mut longer = pack.clone();
        longer.push(b'!');
        assert_eq!(
            read(&longer),
            Err(PackError::WrongLength {
                listed: 3,
                present: 4
            })
        );
    }

    #[test]
    fn header_lines_become_pairs() {
        assert_eq!(
            header_pairs("x-frame-options: DENY\r\ncontent-security-policy: a: b\r\n"),
            [
                ("x-frame-options".to_owned(), "DENY".to_owned()),
                ("content-security-policy".to_owned(), "a: b".to_owned())
            ]
        );
    }
}
