//! The service worker of this exact build: `server/src/assets/sw.js` with its
//! build id and the lists of pages and files to keep for offline use filled
//! in from the built site and the rendered pages. The server answers it at
//! `/sw.js`; the export writes it next to the pages. The build id is a hash
//! of every page (nonces blanked) and every file name, so any change to the
//! app, however small, makes a new worker and a new cache.

use crate::export::{ExportError, render};
use axum::{Router, http::StatusCode};
use sha2::{Digest, Sha256};
use std::path::Path;

const TEMPLATE: &str = include_str!("assets/sw.js");

/// A generated service worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceWorker {
    /// The build id, 16 hex digits.
    pub build: String,
    /// Pages kept for offline use, by address.
    pub pages: Vec<String>,
    /// Files kept for offline use, by address.
    pub assets: Vec<String>,
    /// The script.
    pub script: String,
}

/// Builds the worker from the rendered pages of `app` and the files in
/// `site_root`.
pub async fn generate(app: &Router, site_root: &Path) -> Result<ServiceWorker, ExportError> {
    let pages = app::prerendered_paths();
    let assets = site_files(site_root)?;
    let mut hasher = Sha256::new();
    for page in &pages {
        let html = render(app, page, StatusCode::OK).await?;
        hasher.update(page.as_bytes());
        hasher.update(without_nonces(&html).as_bytes());
    }
    for asset in &assets {
        hasher.update(asset.as_bytes());
    }
    let build: String = hasher
        .finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();
    let script = TEMPLATE
        .replace("__BUILD__", &build)
        .replace("__PAGES__", &json_list(&pages))
        .replace("__ASSETS__", &json_list(&assets));
    Ok(ServiceWorker {
        build,
        pages,
        assets,
        script,
    })
}

/// Files the app needs offline: the hashed bundles and styles, the manifest
/// and icons. Precompressed twins, the worker itself and files for hosts or
/// crawlers are left out.
fn site_files(root: &Path) -> Result<Vec<String>, ExportError> {
    let mut files = Vec::new();
    collect(root, root, &mut files)?;
    files.retain(|f| {
        !(f.ends_with(".br")
            || f.ends_with(".gz")
            || f == "/sw.js"
            || f == "/robots.txt"
            || f == "/_headers"
            || f.ends_with(".html"))
    });
    files.sort();
    Ok(files)
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<String>) -> Result<(), ExportError> {
    let io = |source| ExportError::Io {
        path: dir.to_owned(),
        source,
    };
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        let path = entry.path();
        if entry.file_type().map_err(io)?.is_dir() {
            collect(root, &path, out)?;
        } else if let Ok(rel) = path.strip_prefix(root) {
            let rel = rel.to_string_lossy().replace('\\', "/");
            out.push(format!("/{rel}"));
        }
    }
    Ok(())
}

/// The page with every `nonce="…"` value blanked, so the hash depends on
/// the page and not on the response.
fn without_nonces(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("nonce=\"") {
        let start = at + "nonce=\"".len();
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let end = rest.find('"').unwrap_or(rest.len());
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn json_list(items: &[String]) -> String {
    serde_json::to_string(items).unwrap_or_else(|_| "[]".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nonces_do_not_change_the_hash_input() {
        assert_eq!(
            without_nonces(r#"<script nonce="abc">x</script><link nonce="def">"#),
            r#"<script nonce="">x</script><link nonce="">"#
        );
    }

    #[test]
    fn lists_are_json() {
        assert_eq!(json_list(&["/".into(), "/a\"b".into()]), r#"["/","/a\"b"]"#);
    }
}
