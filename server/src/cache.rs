//! Two in-memory caches that make the server fast on a small machine
//! without changing a byte of what it sends.
//!
//! - [`Pages`]: every page of the app is the same for every visitor except
//!   for the per-response CSP nonce, so a page is rendered once and kept as
//!   the text between the nonces; each response stitches in its own nonce.
//!   The pieces are also kept gzip-compressed, each ending on a byte
//!   boundary (a deflate sync flush), so a compressed response is the
//!   compressed pieces with the nonce between them as a stored (verbatim)
//!   block: valid gzip, compressed once at best level, with no compression
//!   work per request. Only the fixed list of pre-rendered addresses is
//!   kept, so the cache cannot be grown by asking for made-up addresses.
//! - [`Assets`]: the hashed files under `/pkg/` (and their `.br`/`.gz`
//!   twins) never change under their names; they are read once at start and
//!   answered from memory, without a file-system round trip per request.
//!   Anything not found there (a file added later, one too big to keep)
//!   falls through to the file service.

use axum::{
    body::{Body, Bytes},
    extract::{Request, State},
    http::{HeaderMap, HeaderValue, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use http_body_util::BodyExt;
use leptos::nonce::Nonce;
use std::{
    collections::{HashMap, HashSet},
    path::Path,
    sync::{Arc, RwLock},
};

use crate::routes::IMMUTABLE;

/// A rendered page, cut where its nonce was.
struct Page {
    headers: HeaderMap,
    pieces: Vec<Bytes>,
    /// Each piece as raw deflate data ending in a sync flush.
    deflated: Vec<Bytes>,
}

/// Rendered pages by address.
#[derive(Clone)]
pub struct Pages {
    cacheable: Arc<HashSet<String>>,
    pages: Arc<RwLock<HashMap<String, Arc<Page>>>>,
}

/// Pages bigger than this are not kept (none is near it).
const MAX_PAGE_BYTES: usize = 1024 * 1024;

impl Pages {
    /// A cache for the given addresses.
    pub fn new(paths: impl IntoIterator<Item = String>) -> Self {
        Self {
            cacheable: Arc::new(paths.into_iter().collect()),
            pages: Arc::default(),
        }
    }

    fn get(&self, path: &str) -> Option<Arc<Page>> {
        self.pages.read().ok()?.get(path).cloned()
    }

    fn put(&self, path: &str, page: Page) {
        if let Ok(mut pages) = self.pages.write() {
            pages.insert(path.to_owned(), Arc::new(page));
        }
    }
}

/// Middleware: answers a known page from the cache, or renders it, keeps it
/// and answers it.
pub async fn cached_pages(State(cache): State<Pages>, req: Request, next: Next) -> Response {
    let path = req.uri().path();
    let nonce = req.extensions().get::<Nonce>().cloned();
    let (Some(nonce), true, true) = (
        nonce,
        req.method() == Method::GET,
        cache.cacheable.contains(path),
    ) else {
        return next.run(req).await;
    };
    let path = path.to_owned();
    let accepts = Accepts::from(req.headers());
    if let Some(page) = cache.get(&path) {
        return stitch(&page, &nonce, &accepts);
    }
    let res = next.run(req).await;
    let is_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if res.status() != StatusCode::OK || !is_html {
        return res;
    }
    let (parts, body) = res.into_parts();
    let bytes = match body.collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    if bytes.len() <= MAX_PAGE_BYTES
        && let Ok(text) = std::str::from_utf8(&bytes)
    {
        let pieces: Vec<Bytes> = text
            .split(&*nonce)
            .map(|piece| Bytes::copy_from_slice(piece.as_bytes()))
            .collect();
        let page = Page {
            headers: parts.headers.clone(),
            deflated: pieces.iter().map(|p| deflate_piece(p)).collect(),
            pieces,
        };
        let res = stitch(&page, &nonce, &accepts);
        cache.put(&path, page);
        return res;
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// The page with this response's nonce, gzipped when the client takes it.
fn stitch(page: &Page, nonce: &Nonce, accepts: &Accepts) -> Response {
    let body = if accepts.gzip {
        gzip_with_nonce(page, nonce.as_bytes())
    } else {
        join(&page.pieces, nonce.as_bytes())
    };
    let mut res = Response::new(Body::from(body));
    *res.headers_mut() = page.headers.clone();
    res.headers_mut()
        .insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    if accepts.gzip {
        res.headers_mut()
            .insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    }
    res
}

fn join(pieces: &[Bytes], nonce: &[u8]) -> Vec<u8> {
    let len =
        pieces.iter().map(Bytes::len).sum::<usize>() + nonce.len() * pieces.len().saturating_sub(1);
    let mut out = Vec::with_capacity(len);
    for (i, piece) in pieces.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(nonce);
        }
        out.extend_from_slice(piece);
    }
    out
}

/// Raw deflate of one piece, at best compression, ending in a sync flush so
/// that the next block starts on a byte boundary.
fn deflate_piece(piece: &[u8]) -> Bytes {
    use flate2::{Compression, write::DeflateEncoder};
    use std::io::Write;
    let mut encoder = DeflateEncoder::new(
        Vec::with_capacity(piece.len() / 2 + 64),
        Compression::best(),
    );
    // Writing to a Vec cannot fail.
    let _ = encoder.write_all(piece);
    // `flush` is a sync flush: it ends with an empty stored block, aligned.
    let _ = encoder.flush();
    Bytes::from(std::mem::take(encoder.get_mut()))
}

/// A gzip member: header, the deflated pieces with the nonce between them
/// as stored blocks, a final empty block, and the CRC-32 and length of the
/// whole page (RFC 1951 section 3.2.4, RFC 1952).
fn gzip_with_nonce(page: &Page, nonce: &[u8]) -> Vec<u8> {
    const HEADER: [u8; 10] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
    const FINAL_EMPTY_STORED: [u8; 5] = [0x01, 0x00, 0x00, 0xff, 0xff];
    // A stored block holds up to 65,535 bytes; a nonce is 22.
    let nonce_len = u16::try_from(nonce.len()).unwrap_or(u16::MAX);
    let nonce = &nonce[..usize::from(nonce_len)];
    let mut crc = crc32fast::Hasher::new();
    let mut size: u32 = 0;
    let mut out = Vec::with_capacity(
        HEADER.len()
            + page.deflated.iter().map(Bytes::len).sum::<usize>()
            + (nonce.len() + 5) * page.pieces.len()
            + 16,
    );
    out.extend_from_slice(&HEADER);
    for (i, (piece, deflated)) in page.pieces.iter().zip(&page.deflated).enumerate() {
        if i > 0 {
            // A non-final stored block: header byte, LEN, NLEN, the bytes.
            out.push(0x00);
            out.extend_from_slice(&nonce_len.to_le_bytes());
            out.extend_from_slice(&(!nonce_len).to_le_bytes());
            out.extend_from_slice(nonce);
            crc.update(nonce);
            size = size.wrapping_add(u32::from(nonce_len));
        }
        out.extend_from_slice(deflated);
        crc.update(piece);
        size = size.wrapping_add(piece.len() as u32);
    }
    out.extend_from_slice(&FINAL_EMPTY_STORED);
    out.extend_from_slice(&crc.finalize().to_le_bytes());
    out.extend_from_slice(&size.to_le_bytes());
    out
}

/// One hashed file and its precompressed forms.
struct Asset {
    content_type: HeaderValue,
    identity: Bytes,
    gzip: Option<Bytes>,
    brotli: Option<Bytes>,
}

/// The hashed files of `/pkg/`, by request path.
#[derive(Clone, Default)]
pub struct Assets {
    files: Arc<HashMap<String, Asset>>,
}

/// Files bigger than this are left to the file service (and its streaming).
const MAX_ASSET_BYTES: u64 = 8 * 1024 * 1024;
/// Bytes kept in all, so memory stays bounded whatever the folder holds.
const MAX_TOTAL_BYTES: u64 = 64 * 1024 * 1024;

impl Assets {
    /// Reads `<site_root>/pkg/`. A missing folder gives an empty cache.
    pub fn load(site_root: &Path) -> Self {
        let dir = site_root.join("pkg");
        let mut files = HashMap::new();
        let mut total = 0;
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return Self::default();
        };
        let read = |name: &str| -> Option<Bytes> {
            let path = dir.join(name);
            let size = std::fs::metadata(&path).ok()?.len();
            (size <= MAX_ASSET_BYTES)
                .then(|| std::fs::read(&path).ok().map(Bytes::from))
                .flatten()
        };
        for entry in entries.flatten() {
            let Ok(name) = entry.file_name().into_string() else {
                continue;
            };
            if name.ends_with(".br") || name.ends_with(".gz") || !entry.path().is_file() {
                continue;
            }
            let Some(identity) = read(&name) else {
                continue;
            };
            let gzip = read(&format!("{name}.gz"));
            let brotli = read(&format!("{name}.br"));
            let size = [Some(&identity), gzip.as_ref(), brotli.as_ref()]
                .into_iter()
                .flatten()
                .map(|b| b.len() as u64)
                .sum::<u64>();
            if total + size > MAX_TOTAL_BYTES {
                continue;
            }
            total += size;
            files.insert(
                format!("/pkg/{name}"),
                Asset {
                    content_type: content_type(&name),
                    identity,
                    gzip,
                    brotli,
                },
            );
        }
        Self {
            files: Arc::new(files),
        }
    }

    /// How many files are held.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// True when nothing is held.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

fn content_type(name: &str) -> HeaderValue {
    let ext = name.rsplit('.').next().unwrap_or("");
    HeaderValue::from_static(match ext {
        "wasm" => "application/wasm",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" | "webmanifest" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        _ => "application/octet-stream",
    })
}

/// Middleware: answers `/pkg/` files held in memory, in the best encoding
/// the client accepts.
pub async fn memory_assets(State(assets): State<Assets>, req: Request, next: Next) -> Response {
    let head = req.method() == Method::HEAD;
    let asset = match (
        req.method() == Method::GET || head,
        assets.files.get(req.uri().path()),
    ) {
        (true, Some(asset)) => asset,
        _ => return next.run(req).await,
    };
    let accepts = Accepts::from(req.headers());
    let (bytes, encoding) = match (&asset.brotli, &asset.gzip) {
        (Some(br), _) if accepts.brotli => (br.clone(), Some("br")),
        (_, Some(gz)) if accepts.gzip => (gz.clone(), Some("gzip")),
        _ => (asset.identity.clone(), None),
    };
    let len = bytes.len();
    let mut res = Response::new(if head {
        Body::empty()
    } else {
        Body::from(bytes)
    });
    let headers = res.headers_mut();
    headers.insert(header::CONTENT_TYPE, asset.content_type.clone());
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from(len));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(IMMUTABLE));
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    if let Some(encoding) = encoding {
        headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
    }
    res
}

/// Which encodings an `Accept-Encoding` header allows (`q=0` refuses one).
#[derive(Debug, Default, PartialEq, Eq)]
struct Accepts {
    brotli: bool,
    gzip: bool,
}

impl From<&HeaderMap> for Accepts {
    fn from(headers: &HeaderMap) -> Self {
        let mut accepts = Accepts::default();
        for value in headers.get_all(header::ACCEPT_ENCODING) {
            let Ok(value) = value.to_str() else { continue };
            for item in value.split(',') {
                let mut parts = item.split(';');
                let coding = parts.next().unwrap_or("").trim().to_ascii_lowercase();
                let refused = parts.any(|p| {
                    p.trim()
                        .strip_prefix("q=")
                        .and_then(|q| q.trim().parse::<f32>().ok())
                        .is_some_and(|q| q <= 0.0)
                });
                if refused {
                    continue;
                }
                match coding.as_str() {
                    "br" => accepts.brotli = true,
                    "gzip" => accepts.gzip = true,
                    "*" => {
                        accepts.brotli = true;
                        accepts.gzip = true;
                    }
                    _ => {}
                }
            }
        }
        accepts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepts(value: &str) -> Accepts {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(value).unwrap(),
        );
        Accepts::from(&headers)
    }

    #[test]
    fn accept_encoding_is_read_with_its_weights() {
        assert_eq!(
            accepts("gzip, deflate, br, zstd"),
            Accepts {
                brotli: true,
                gzip: true
            }
        );
        assert_eq!(
            accepts("br;q=0, gzip;q=0.5"),
            Accepts {
                brotli: false,
                gzip: true
            }
        );
        assert_eq!(accepts("identity"), Accepts::default());
        assert_eq!(
            accepts("*"),
            Accepts {
                brotli: true,
                gzip: true
            }
        );
        assert_eq!(Accepts::from(&HeaderMap::new()), Accepts::default());
    }

    #[test]
    fn a_stitched_gzip_page_inflates_to_the_page_with_its_nonce() {
        use std::io::Read;
        let body = "<p>Five sets of fifteen, slow on the way down.</p>".repeat(60);
        let text = format!(
            "<html><script nonce=\"NONCE\">a()</script>{body}<script nonce=\"NONCE\">b()</script>{body}"
        );
        let pieces: Vec<Bytes> = text
            .split("NONCE")
            .map(|p| Bytes::copy_from_slice(p.as_bytes()))
            .collect();
        let page = Page {
            headers: HeaderMap::new(),
            deflated: pieces.iter().map(|p| deflate_piece(p)).collect(),
            pieces,
        };
        for nonce in ["x", "0123456789abcdefghijkl", ""] {
            let gz = gzip_with_nonce(&page, nonce.as_bytes());
            let mut inflated = String::new();
            flate2::read::GzDecoder::new(&gz[..])
                .read_to_string(&mut inflated)
                .unwrap();
            assert_eq!(inflated, text.replace("NONCE", nonce));
            assert!(gz.len() < text.len() / 4, "compressed: {}", gz.len());
        }
        assert_eq!(
            join(&page.pieces, b"n"),
            text.replace("NONCE", "n").into_bytes()
        );
    }
}
