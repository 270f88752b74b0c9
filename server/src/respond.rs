//! One answer for one request, from the site in memory. No I/O: the
//! request's head and the time go in, the bytes to send come out, so every
//! rule here is tested without a socket.
//!
//! Every answer, errors included, carries the security headers and a
//! `Cache-Control`; nothing a client sends can make a 5xx.

use crate::site::{Encoding, Resource, Site};
use bytes::Bytes;
use std::time::SystemTime;

/// The longest request path served; browsers and proxies stop near here too.
pub const MAX_PATH_BYTES: usize = 2048;
/// The app posts nothing: a body beyond this is refused with 413.
pub const MAX_BODY_BYTES: u64 = 64 * 1024;

/// What the server needs from a request's head.
#[derive(Debug, Clone, Copy)]
pub struct Head<'a> {
    /// The method, as sent.
    pub method: &'a str,
    /// The request target, as sent.
    pub target: &'a str,
    /// An HTTP/1.0 request (keeps the connection only when asked).
    pub http10: bool,
    /// The header fields.
    pub headers: &'a [httparse::Header<'a>],
}

impl<'a> Head<'a> {
    fn values(&self, name: &'a str) -> impl Iterator<Item = &'a [u8]> + 'a {
        let headers = self.headers;
        headers
            .iter()
            .filter(move |h| h.name.eq_ignore_ascii_case(name))
            .map(|h| h.value)
    }

    /// Comma-separated tokens of every field with this name, lowercased.
    fn tokens(&self, name: &'a str) -> impl Iterator<Item = String> + 'a {
        self.values(name)
            .filter_map(|v| std::str::from_utf8(v).ok())
            .flat_map(|v| v.split(','))
            .map(|t| t.trim().to_ascii_lowercase())
            .filter(|t| !t.is_empty())
    }

    /// Whether the client wants the connection kept after this answer.
    pub fn wants_keep_alive(&self) -> bool {
        let mut close = false;
        let mut keep = false;
        for token in self.tokens("connection") {
            close |= token == "close";
            keep |= token == "keep-alive";
        }
        !close && (!self.http10 || keep)
    }
}

/// What to send.
#[derive(Debug, Clone)]
pub struct Answer {
    /// The status code.
    pub status: u16,
    /// Status line and header fields, ending in the empty line.
    pub head: Vec<u8>,
    /// The body (empty for HEAD and 304).
    pub body: Bytes,
    /// The connection closes after this answer.
    pub close: bool,
}

/// How long a request body is, or the answer that refuses it. The app
/// takes no bodies; a small one is read and dropped, so the next request
/// on the connection is found where it starts.
pub fn body_length(head: &Head, cap: u64) -> Result<u64, (u16, &'static str)> {
    if head.values("transfer-encoding").next().is_some() {
        return Err((411, "Request bodies must have a Content-Length\n"));
    }
    let mut length = None;
    for value in head.values("content-length") {
        let parsed = std::str::from_utf8(value)
            .ok()
            .filter(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|v| v.parse::<u64>().ok());
        match (parsed, length) {
            (None, _) => return Err((400, "Bad Content-Length\n")),
            (Some(n), Some(m)) if n != m => return Err((400, "Bad Content-Length\n")),
            (Some(n), _) => length = Some(n),
        }
    }
    match length.unwrap_or(0) {
        n if n > cap => Err((413, "Request body too large\n")),
        n => Ok(n),
    }
}

/// The answer to a request whose head was read in full.
pub fn respond(site: &Site, head: &Head, keep_alive: bool, now: SystemTime) -> Answer {
    let mut answer = answer(site, head, keep_alive, now);
    if head.method == "HEAD" {
        answer.body = Bytes::new();
    }
    answer
}

fn answer(site: &Site, head: &Head, keep_alive: bool, now: SystemTime) -> Answer {
    let refuse = |status, text: &'static str| {
        let close = !keep_alive || status == 400;
        plain(&site.security_head, status, text, close, now, &[])
    };
    let hosts = head.values("host").count();
    if hosts > 1 || (hosts == 0 && !head.http10) {
        return refuse(400, "A request needs exactly one Host header\n");
    }
    if head.method != "GET" && head.method != "HEAD" {
        return plain(
            &site.security_head,
            405,
            "Only GET and HEAD are answered here\n",
            !keep_alive,
            now,
            &[("allow", "GET, HEAD")],
        );
    }
    let Some(path) = path_of(head.target) else {
        return refuse(400, "The request target must be a path, like /program\n");
    };
    if path.len() > MAX_PATH_BYTES {
        return refuse(414, "Address too long\n");
    }
    if path == "/healthz" {
        // For load balancers: never a cached "ok".
        return text(
            &site.security_head,
            200,
            "ok\n",
            "no-store",
            !keep_alive,
            now,
            &[],
        );
    }
    let resource = match site.get(path) {
        Some(resource) => resource,
        // A missing file is a plain 404, never the app's page, or a broken
        // script would be "loaded" as HTML.
        None if looks_like_file(path) => return refuse(404, "Not found\n"),
        None => {
            if let Some(to) = canonical(path) {
                let location = match head.target.split_once('?') {
                    Some((_, query)) => format!("{to}?{query}"),
                    None => to.to_owned(),
                };
                return plain(
                    &site.security_head,
                    308,
                    "Moved to the address without the slash\n",
                    !keep_alive,
                    now,
                    &[("location", &location)],
                );
            }
            site.not_found()
        }
    };
    serve(resource, head, keep_alive, now)
}

fn serve(resource: &Resource, head: &Head, keep_alive: bool, now: SystemTime) -> Answer {
    let accepts = Accepts::from_head(head);
    let variant = resource.best(|e| accepts.takes(e));
    let close = !keep_alive;
    if resource.status == 200 && not_modified(head, &variant.etag) {
        // Only the fields that describe the representation, and the
        // security headers (the last lines of every variant's head).
        let mut out = status_line(304, now);
        for line in split_lines(&variant.head) {
            let name = line.split(|&b| b == b':').next().unwrap_or_default();
            let keep = !matches!(
                &name.to_ascii_lowercase()[..],
                b"content-type" | b"content-length" | b"content-encoding"
            );
            if keep {
                out.extend_from_slice(line);
            }
        }
        return finish(304, out, Bytes::new(), close);
    }
    let mut out = status_line(resource.status, now);
    out.extend_from_slice(&variant.head);
    finish(resource.status, out, variant.body.clone(), close)
}

/// `If-None-Match` names this tag, or any (`*`). Weak comparison, as the
/// header asks: `W/"x"` matches `"x"`.
fn not_modified(head: &Head, etag: &str) -> bool {
    head.tokens("if-none-match")
        .any(|t| t == "*" || t.trim_start_matches("w/") == etag)
}

/// A short text answer, revalidated like every page.
pub fn plain(
    security_head: &Bytes,
    status: u16,
    body: &'static str,
    close: bool,
    now: SystemTime,
    extra: &[(&str, &str)],
) -> Answer {
    text(security_head, status, body, "no-cache", close, now, extra)
}

/// A short text answer with its own `Cache-Control`.
fn text(
    security_head: &Bytes,
    status: u16,
    text: &'static str,
    cache_control: &str,
    close: bool,
    now: SystemTime,
    extra: &[(&str, &str)],
) -> Answer {
    let mut out = status_line(status, now);
    out.extend_from_slice(
        format!(
            "content-type: text/plain; charset=utf-8\r\ncontent-length: {}\r\ncache-control: {cache_control}\r\n",
            text.len()
        )
        .as_bytes(),
    );
    for (name, value) in extra {
        // Values are our own text or a path already checked to be ASCII
        // without control characters.
        out.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
    }
    out.extend_from_slice(security_head);
    finish(status, out, Bytes::from_static(text.as_bytes()), close)
}

/// An answer with any body and extra header fields (the sync API's).
#[allow(clippy::too_many_arguments)]
pub fn bytes_answer(
    security_head: &Bytes,
    status: u16,
    content_type: &str,
    body: Bytes,
    cache_control: &str,
    close: bool,
    now: SystemTime,
    extra: &[(&str, String)],
) -> Answer {
    let mut out = status_line(status, now);
    let body = if status == 204 {
        // No content, and no fields that describe any.
        out.extend_from_slice(format!("cache-control: {cache_control}\r\n").as_bytes());
        Bytes::new()
    } else {
        out.extend_from_slice(
            format!(
                "content-type: {content_type}\r\ncontent-length: {}\r\ncache-control: {cache_control}\r\n",
                body.len()
            )
            .as_bytes(),
        );
        body
    };
    for (name, value) in extra {
        // Our own text, or an allowed origin matched exactly.
        out.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
    }
    out.extend_from_slice(security_head);
    finish(status, out, body, close)
}

fn status_line(status: u16, now: SystemTime) -> Vec<u8> {
    let mut out = Vec::with_capacity(1024);
    out.extend_from_slice(
        format!(
            "HTTP/1.1 {status} {}\r\ndate: {}\r\n",
            reason(status),
            httpdate::fmt_http_date(now)
        )
        .as_bytes(),
    );
    out
}

fn finish(status: u16, mut head: Vec<u8>, body: Bytes, close: bool) -> Answer {
    if close {
        head.extend_from_slice(b"connection: close\r\n");
    }
    head.extend_from_slice(b"\r\n");
    Answer {
        status,
        head,
        body,
        close,
    }
}

fn split_lines(head: &[u8]) -> impl Iterator<Item = &[u8]> {
    head.split_inclusive(|&b| b == b'\n')
}

/// The reason phrase of every status this server sends.
pub fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        304 => "Not Modified",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        411 => "Length Required",
        412 => "Precondition Failed",
        413 => "Content Too Large",
        414 => "URI Too Long",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "",
    }
}

/// The path of a request target: origin form (`/program?x`) or absolute
/// form (`http://host/program`). Anything else (`x:80`, `localhost`,
/// `favicon.svg`, `*`) is not a path this server has.
pub fn path_of(target: &str) -> Option<&str> {
    // Browsers send addresses percent-encoded: raw UTF-8 is no address of ours.
    if !target.is_ascii() {
        return None;
    }
    let path_and_query = if target.starts_with('/') {
        target
    } else {
        let rest = target
            .strip_prefix("http://")
            .or_else(|| target.strip_prefix("https://"))?;
        match rest.find('/') {
            Some(at) => &rest[at..],
            None => "/",
        }
    };
    Some(path_and_query.split(['?', '#']).next().unwrap_or("/"))
}

/// A page address that ends in slashes, without them; `None` when that
/// would be empty or would leave the site (`//host`, `/\host`).
fn canonical(path: &str) -> Option<&str> {
    if path.len() <= 1 || !path.ends_with('/') {
        return None;
    }
    let trimmed = path.trim_end_matches('/');
    let elsewhere = trimmed.starts_with("//") || trimmed.starts_with("/\\");
    (!trimmed.is_empty() && !elsewhere).then_some(trimmed)
}

/// True when the last segment of `path` has an extension, like `app.wasm`.
fn looks_like_file(path: &str) -> bool {
    path.rsplit('/')
        .next()
        .is_some_and(|name| name.contains('.'))
}

/// Which encodings an `Accept-Encoding` header allows (`q=0` refuses one).
#[derive(Debug, Default, PartialEq, Eq)]
struct Accepts {
    brotli: bool,
    gzip: bool,
}

impl Accepts {
    fn from_head(head: &Head) -> Self {
        let mut accepts = Accepts::default();
        for item in head.tokens("accept-encoding") {
            let mut parts = item.split(';');
            let coding = parts.next().unwrap_or("").trim().to_owned();
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
        accepts
    }

    fn takes(&self, encoding: Encoding) -> bool {
        match encoding {
            Encoding::Brotli => self.brotli,
            Encoding::Gzip => self.gzip,
            Encoding::Identity => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head<'a>(target: &'a str, headers: &'a [httparse::Header<'a>]) -> Head<'a> {
        Head {
            method: "GET",
            target,
            http10: false,
            headers,
        }
    }

    fn h<'a>(name: &'a str, value: &'a str) -> httparse::Header<'a> {
        httparse::Header {
            name,
            value: value.as_bytes(),
        }
    }

    #[test]
    fn only_paths_are_request_targets() {
        assert_eq!(path_of("/program?x=1"), Some("/program"));
        assert_eq!(path_of("http://example.org/program"), Some("/program"));
        assert_eq!(path_of("http://example.org"), Some("/"));
        for target in ["x:80", "localhost", "favicon.svg", "*", ""] {
            assert_eq!(path_of(target), None, "{target}");
        }
    }

    #[test]
    fn canonical_addresses_never_leave_the_site() {
        assert_eq!(canonical("/program/"), Some("/program"));
        assert_eq!(canonical("/program//"), Some("/program"));
        assert_eq!(canonical("//evil.example/"), None);
        assert_eq!(canonical("/\\evil.example/"), None);
        assert_eq!(canonical("/"), None);
        assert_eq!(canonical("///"), None);
    }

    #[test]
    fn accept_encoding_is_read_with_its_weights() {
        let accepts = |value| Accepts::from_head(&head("/", &[h("Accept-Encoding", value)]));
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
        assert_eq!(Accepts::from_head(&head("/", &[])), Accepts::default());
    }

    #[test]
    fn bodies_are_measured_or_refused() {
        let len = |headers: &[httparse::Header]| body_length(&head("/", headers), MAX_BODY_BYTES);
        assert_eq!(len(&[]), Ok(0));
        assert_eq!(len(&[h("Content-Length", "12")]), Ok(12));
        assert_eq!(
            len(&[h("Content-Length", "12"), h("content-length", "12")]),
            Ok(12)
        );
        assert_eq!(
            len(&[h("Content-Length", "12"), h("content-length", "13")])
                .unwrap_err()
                .0,
            400
        );
        assert_eq!(len(&[h("Content-Length", "-1")]).unwrap_err().0, 400);
        assert_eq!(len(&[h("Content-Length", "+1")]).unwrap_err().0, 400);
        assert_eq!(len(&[h("Content-Length", "65537")]).unwrap_err().0, 413);
        assert_eq!(
            len(&[h("Content-Length", "99999999999999999999999")])
                .unwrap_err()
                .0,
            400
        );
        assert_eq!(
            len(&[h("Transfer-Encoding", "chunked")]).unwrap_err().0,
            411
        );
    }

    #[test]
    fn keep_alive_follows_the_version_and_the_connection_header() {
        let mut req = head("/", &[]);
        assert!(req.wants_keep_alive());
        let close = [h("Connection", "Close")];
        assert!(!head("/", &close).wants_keep_alive());
        req.http10 = true;
        assert!(!req.wants_keep_alive());
        let keep = [h("Connection", "keep-alive")];
        let mut old = head("/", &keep);
        old.http10 = true;
        assert!(old.wants_keep_alive());
    }

    #[test]
    fn if_none_match_compares_weakly_and_takes_lists() {
        let etag = "\"abc-br\"";
        let matches = |value| not_modified(&head("/", &[h("If-None-Match", value)]), etag);
        assert!(matches("\"abc-br\""));
        assert!(matches("W/\"abc-br\""));
        assert!(matches("\"x\", \"abc-br\""));
        assert!(matches("*"));
        assert!(!matches("\"abc\""));
        assert!(!not_modified(&head("/", &[]), etag));
    }

    #[test]
    fn a_plain_answer_has_every_header_and_a_reason() {
        let security = Bytes::from_static(b"x-content-type-options: nosniff\r\n");
        let a = plain(
            &security,
            413,
            "Request body too large\n",
            true,
            SystemTime::UNIX_EPOCH,
            &[],
        );
        let text = String::from_utf8(a.head).unwrap();
        assert!(text.starts_with(
            "HTTP/1.1 413 Content Too Large\r\ndate: Thu, 01 Jan 1970 00:00:00 GMT\r\n"
        ));
        assert!(text.contains("cache-control: no-cache\r\n"));
        assert!(text.contains("x-content-type-options: nosniff\r\n"));
        assert!(text.ends_with("connection: close\r\n\r\n"));
        assert!(a.close);
    }
}
