//! Sync between devices (issue 16): the server keeps one sealed snapshot per
//! sync id and cannot read it (the devices hold the key; see `app::sync`).
//!
//! `/api/sync/v1/{id}`:
//! - `GET`: the snapshot, its version in `ETag` (200), or 204 when nothing
//!   is stored under the id (a device joining after the copy was deleted
//!   reads that; a 404 would show as an error in its browser's console);
//! - `PUT` with `Authorization: Bearer <write token>` and
//!   `If-Match: <version the device last saw>` (0 for none): stores the next
//!   version (201 for the first, 200 after), or 412 when someone wrote
//!   first (the `ETag` names the version there now), 401 for another token;
//! - `DELETE` with the token: removes it (200), 404, 401;
//! - 400 for a malformed id or header, 413 past the body cap, 429 past the
//!   rate limit per client address, 503 when the store fails.
//!
//! Nothing about a request is logged: no address, no id.

pub mod limit;
pub mod store;

use crate::respond::{self, Answer, Head};
use base64::{Engine as _, engine::general_purpose::URL_SAFE_NO_PAD};
use bytes::Bytes;
use limit::Limiter;
use sha2::{Digest, Sha256};
use std::{
    net::IpAddr,
    time::{Duration, SystemTime, UNIX_EPOCH},
};
use store::{Deleted, SyncStore, Written};

/// Where the API lives.
pub const PREFIX: &str = "/api/sync/v1/";

/// The sync settings of a server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncOptions {
    /// A SQLite file's path, or a `postgres://` address.
    pub db: String,
    /// The largest snapshot accepted (413 beyond).
    pub max_body_bytes: u64,
    /// A snapshot not written for this long is deleted.
    pub idle: Duration,
    /// Requests a minute one client address may make.
    pub per_minute: u32,
    /// Origins whose pages may call the API (a static export elsewhere).
    pub allow_origins: Vec<String>,
}

/// The default body cap. A three-year history (600 sessions, 20,400 sets)
/// is 630 KB of JSON, which devices deflate before sealing: 27 KB sealed
/// (`make bench-sync` prints it). 512 KiB leaves room for about nineteen
/// times that: decades of training, or notes far longer than anyone
/// writes, while one id cannot park megabytes on the server.
pub const DEFAULT_MAX_BODY_BYTES: u64 = 512 * 1024;

/// A sync request's head, owned: its body is read after the head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncRequest {
    /// The method.
    pub method: String,
    /// What follows the prefix (checked when answered).
    pub id: String,
    /// The `Authorization` header.
    pub authorization: Option<String>,
    /// The `If-Match` header.
    pub if_match: Option<String>,
    /// The `Origin` header.
    pub origin: Option<String>,
}

impl SyncRequest {
    /// The request, when `path` is under [`PREFIX`].
    pub fn from_head(head: &Head, path: &str) -> Option<Self> {
        let id = path.strip_prefix(PREFIX)?;
        let one = |name: &str| {
            head.headers
                .iter()
                .find(|h| h.name.eq_ignore_ascii_case(name))
                .and_then(|h| std::str::from_utf8(h.value).ok())
                .map(|v| v.trim().to_owned())
        };
        Some(Self {
            method: head.method.to_owned(),
            id: id.to_owned(),
            authorization: one("authorization"),
            if_match: one("if-match"),
            origin: one("origin"),
        })
    }
}

/// The API over a store.
#[derive(Debug)]
pub struct Api<S> {
    store: S,
    limiter: Limiter,
    options: SyncOptions,
}

/// A sync id: 32 lowercase hex digits (128 bits from the device's key).
fn valid_id(id: &str) -> bool {
    id.len() == 32 && id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The SHA-256 (hex) of the bearer token, if the header carries one.
fn token_hash(authorization: Option<&str>) -> Option<String> {
    let token = authorization?.strip_prefix("Bearer ")?.trim();
    let bytes = URL_SAFE_NO_PAD.decode(token).ok()?;
    (bytes.len() == 32).then(|| {
        Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    })
}

/// `If-Match: "3"` or `3`.
fn expected_version(if_match: Option<&str>) -> Option<u64> {
    let value = if_match?.trim();
    let value = value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .unwrap_or(value);
    value.parse().ok()
}

fn ms(now: SystemTime) -> u64 {
    now.duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

impl<S: SyncStore> Api<S> {
    /// The API over `store`.
    pub fn new(store: S, options: SyncOptions) -> Self {
        Self {
            limiter: Limiter::new(options.per_minute),
            store,
            options,
        }
    }

    /// The options it runs with.
    pub fn options(&self) -> &SyncOptions {
        &self.options
    }

    /// Deletes snapshots idle for longer than the options allow.
    pub async fn expire(&self, now: SystemTime) -> Result<u64, store::StoreError> {
        let idle = u64::try_from(self.options.idle.as_millis()).unwrap_or(u64::MAX);
        self.store.expire(ms(now).saturating_sub(idle)).await
    }

    /// The answer to one request.
    pub async fn handle(
        &self,
        req: &SyncRequest,
        body: &[u8],
        client: IpAddr,
        now: SystemTime,
        security_head: &Bytes,
        keep_alive: bool,
    ) -> Answer {
        // Only listed origins may read answers from another page's script.
        let cors: Vec<(&str, String)> = match &req.origin {
            Some(origin) if self.options.allow_origins.iter().any(|o| o == origin) => vec![
                ("access-control-allow-origin", origin.clone()),
                ("access-control-expose-headers", "etag".to_owned()),
                ("vary", "origin".to_owned()),
            ],
            _ => vec![("vary", "origin".to_owned())],
        };
        let say = |status: u16, text: &'static str, extra: &[(&str, String)]| {
            let mut headers = cors.clone();
            headers.extend(extra.iter().cloned());
            respond::bytes_answer(
                security_head,
                status,
                "text/plain; charset=utf-8",
                Bytes::from_static(text.as_bytes()),
                "no-store",
                !keep_alive,
                now,
                &headers,
            )
        };
        let etag = |version: u64| ("etag", format!("\"{version}\""));
        if !self.limiter.allow(client, ms(now)) {
            return say(
                429,
                "Too many sync requests; try again in a minute\n",
                &[("retry-after", "60".to_owned())],
            );
        }
        if req.method == "OPTIONS" {
            return say(
                204,
                "",
                &[
                    (
                        "access-control-allow-methods",
                        "GET, PUT, DELETE".to_owned(),
                    ),
                    (
                        "access-control-allow-headers",
                        "authorization, if-match, content-type".to_owned(),
                    ),
                    ("access-control-max-age", "86400".to_owned()),
                ],
            );
        }
        if !valid_id(&req.id) {
            return say(400, "Not a sync id (32 hex digits)\n", &[]);
        }
        let unavailable = |e: store::StoreError| {
            // The error only: never the id or the client.
            tracing::warn!("{e}");
            say(503, "The sync store is unavailable; try again later\n", &[])
        };
        match req.method.as_str() {
            "GET" | "HEAD" => match self.store.get(&req.id).await {
                Ok(Some(stored)) => {
                    let mut headers = cors.clone();
                    headers.push(etag(stored.version));
                    let body = if req.method == "HEAD" {
                        Bytes::new()
                    } else {
                        Bytes::from(stored.blob)
                    };
                    respond::bytes_answer(
                        security_head,
                        200,
                        "application/octet-stream",
                        body,
                        "no-store",
                        !keep_alive,
                        now,
                        &headers,
                    )
                }
                Ok(None) => say(204, "", &[]),
                Err(e) => unavailable(e),
            },
            "PUT" => {
                let Some(token) = token_hash(req.authorization.as_deref()) else {
                    return say(401, "A write needs the write token\n", &[]);
                };
                let Some(expected) = expected_version(req.if_match.as_deref()) else {
                    return say(
                        400,
                        "A write needs If-Match: the version last seen (0 for none)\n",
                        &[],
                    );
                };
                if body.is_empty() {
                    return say(400, "A write needs the sealed snapshot as its body\n", &[]);
                }
                match self
                    .store
                    .put(&req.id, &token, expected, body, ms(now))
                    .await
                {
                    Ok(Written::Created) => say(201, "Stored as version 1\n", &[etag(1)]),
                    Ok(Written::Replaced(v)) => say(200, "Stored\n", &[etag(v)]),
                    Ok(Written::Conflict { current }) => say(
                        412,
                        "Another device wrote first: read it, merge, and write again\n",
                        &[etag(current)],
                    ),
                    Ok(Written::WrongToken) => say(401, "Wrong write token\n", &[]),
                    Err(e) => unavailable(e),
                }
            }
            "DELETE" => {
                let Some(token) = token_hash(req.authorization.as_deref()) else {
                    return say(401, "A delete needs the write token\n", &[]);
                };
                match self.store.delete(&req.id, &token).await {
                    Ok(Deleted::Deleted) => say(200, "Deleted\n", &[]),
                    Ok(Deleted::NotFound) => say(404, "No snapshot under this id\n", &[]),
                    Ok(Deleted::WrongToken) => say(401, "Wrong write token\n", &[]),
                    Err(e) => unavailable(e),
                }
            }
            _ => say(
                405,
                "Sync answers GET, PUT, DELETE and OPTIONS\n",
                &[("allow", "GET, HEAD, PUT, DELETE, OPTIONS".to_owned())],
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_read_strictly() {
        assert!(valid_id("0123456789abcdef0123456789abcdef"));
        assert!(!valid_id("0123456789ABCDEF0123456789ABCDEF"));
        assert!(!valid_id("0123"));
        assert!(!valid_id("../../etc/passwd"));
        assert_eq!(expected_version(Some("\"3\"")), Some(3));
        assert_eq!(expected_version(Some("0")), Some(0));
        assert_eq!(expected_version(Some("W/\"3\"")), None);
        assert_eq!(expected_version(None), None);
        let token = URL_SAFE_NO_PAD.encode([7u8; 32]);
        assert_eq!(
            token_hash(Some(&format!("Bearer {token}"))).map(|h| h.len()),
            Some(64)
        );
        assert_eq!(token_hash(Some(&token)), None);
        assert_eq!(token_hash(Some("Bearer abc")), None);
    }
}
