//! Inline scripts allowed by their hashes. Every page is the same for
//! every visitor, so the SHA-256 of each inline script can be named in the
//! policy instead of a per-response nonce: the same bytes then work from
//! this server and from any static host.

use crate::security::{Delivery, content_security_policy};
use base64::{Engine, engine::general_purpose::STANDARD as BASE64};
use sha2::{Digest, Sha256};

/// The page with a `<meta>` policy that allows its inline scripts by hash
/// (first thing in `<head>`: a policy only governs what comes after it),
/// and those hashes as CSP sources. `sync_origin`: see
/// [`content_security_policy`].
pub fn with_meta_policy(html: &str, sync_origin: Option<&str>) -> (String, Vec<String>) {
    let mut hashes: Vec<String> = inline_scripts(html)
        .into_iter()
        .map(|body| {
            format!(
                "'sha256-{}'",
                BASE64.encode(Sha256::digest(body.as_bytes()))
            )
        })
        .collect();
    hashes.sort();
    hashes.dedup();
    let meta = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        content_security_policy(&hashes, Delivery::Meta, sync_origin)
    );
    let mut page = html.to_owned();
    if let Some(at) = page.find("<head>") {
        page.insert_str(at + "<head>".len(), &meta);
    }
    (page, hashes)
}

/// The body of every `<script>` without `src`.
fn inline_scripts(html: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(tag_end) = after.find('>') else {
            break;
        };
        let tag = &after[..=tag_end];
        let body_and_rest = &after[tag_end + 1..];
        let Some(close) = body_and_rest.find("</script>") else {
            break;
        };
        if !tag.contains(" src=") {
            found.push(&body_and_rest[..close]);
        }
        rest = &body_and_rest[close..];
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_inline_script_is_allowed_by_its_hash_and_nothing_else() {
        let html = "<html><head><script src=\"/pkg/a.js\"></script><script type=\"module\">go()</script></head><body><script>go()</script></body></html>";
        let (page, hashes) = with_meta_policy(html, None);
        let expected = format!("'sha256-{}'", BASE64.encode(Sha256::digest(b"go()")));
        assert_eq!(hashes, vec![expected.clone()]);
        assert!(page.starts_with("<html><head><meta http-equiv=\"Content-Security-Policy\""));
        assert!(page.contains(&format!("script-src 'self' 'wasm-unsafe-eval' {expected}")));
        assert!(!page.contains("unsafe-inline"));
    }
}
