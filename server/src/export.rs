//! The static export: every page rendered once by the same router that
//! serves them, written as `<route>/index.html`, plus `404.html`, the built
//! assets, and a `_headers` file, for any static file host.
//!
//! A static page cannot carry a fresh nonce per response, so its inline
//! scripts are allowed by their SHA-256 hashes instead: each page gets the
//! server's policy as a `<meta http-equiv>` tag (without `frame-ancestors`,
//! which a meta policy cannot hold), and `_headers` carries the full policy
//! for hosts that read it (Netlify, Cloudflare Pages).

use crate::{
    routes::{IMMUTABLE, router},
    security::{Delivery, SecurityOptions, content_security_policy, fixed_headers},
};
use axum::{
    body::Body,
    http::{Request, StatusCode},
};
use base64::{Engine, engine::general_purpose::STANDARD as BASE64};
use http_body_util::BodyExt;
use leptos::config::LeptosOptions;
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::{
    fs, io,
    path::{Path, PathBuf},
};
use thiserror::Error;
use tower::ServiceExt;

/// Why an export stopped.
#[derive(Debug, Error)]
pub enum ExportError {
    /// Reading the site or writing the export failed.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder involved.
        path: PathBuf,
        /// What went wrong.
        source: io::Error,
    },
    /// A page did not render as it should.
    #[error("{path} answered {status} instead of {expected}")]
    Status {
        /// The page's address.
        path: String,
        /// What it answered.
        status: StatusCode,
        /// What it should have answered.
        expected: StatusCode,
    },
    /// The built site is missing: nothing to export.
    #[error("no built site at {0}: build it first (make build)")]
    NoSite(PathBuf),
    /// The output folder would delete something it must not: nothing was
    /// touched.
    #[error("will not export to {path}: {why}. Nothing was changed; choose another --out folder")]
    UnsafeOut {
        /// The folder asked for.
        path: PathBuf,
        /// Why not.
        why: &'static str,
    },
}

/// The file that marks a folder as an export, so a later export may
/// replace it (and nothing else).
pub const EXPORT_MARKER: &str = ".backstrong-export";

/// Checks that emptying `out` can only ever replace an earlier export:
/// never the current folder or one above it, never the built site or
/// anything inside it, never a folder of other files.
pub fn check_out(out: &Path, site: &Path) -> Result<(), ExportError> {
    let refuse = |why| ExportError::UnsafeOut {
        path: out.to_owned(),
        why,
    };
    if !out.exists() {
        // Nothing to delete; only its place matters.
        let parent = out.parent().filter(|p| !p.as_os_str().is_empty());
        let site = site.canonicalize().map_err(io_err(site))?;
        if let Some(parent) = parent.and_then(|p| p.canonicalize().ok())
            && parent.starts_with(&site)
        {
            return Err(refuse("it is inside the built site"));
        }
        return Ok(());
    }
    if !out.is_dir() {
        return Err(refuse("it is a file, not a folder"));
    }
    let real = out.canonicalize().map_err(io_err(out))?;
    let site = site.canonicalize().map_err(io_err(site))?;
    let here = std::env::current_dir()
        .and_then(|d| d.canonicalize())
        .map_err(io_err(Path::new(".")))?;
    if here.starts_with(&real) {
        return Err(refuse("it is the current folder or a folder above it"));
    }
    if real.starts_with(&site) || site.starts_with(&real) {
        return Err(refuse("it is the built site, inside it, or holds it"));
    }
    let empty = fs::read_dir(&real).map_err(io_err(out))?.next().is_none();
    if !empty && !real.join(EXPORT_MARKER).is_file() {
        return Err(refuse(
            "it holds other files and is not an earlier export (it has no .backstrong-export file)",
        ));
    }
    Ok(())
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> ExportError + '_ {
    move |source| ExportError::Io {
        path: path.to_owned(),
        source,
    }
}

/// Writes the export into `out` (emptied first) and returns the pages written.
pub async fn export(options: LeptosOptions, out: &Path) -> Result<Vec<PathBuf>, ExportError> {
    let site = PathBuf::from(&*options.site_root);
    if !site.is_dir() {
        return Err(ExportError::NoSite(site));
    }
    check_out(out, &site)?;
    if out.exists() {
        fs::remove_dir_all(out).map_err(io_err(out))?;
    }
    copy_dir(&site, out)?;
    write(
        &out.join(EXPORT_MARKER),
        "Written by `backstrong export`; a later export replaces this folder.\n",
    )?;

    let app = router(options);
    let mut written = Vec::new();
    let mut hashes = BTreeSet::new();
    let pages = app::prerendered_paths().into_iter().map(|path| {
        let file = out.join(path.trim_start_matches('/')).join("index.html");
        (path, StatusCode::OK, file)
    });
    // Any address the app does not know renders its "not found" page.
    let not_found = (
        "/__not_a_page__".to_owned(),
        StatusCode::NOT_FOUND,
        out.join("404.html"),
    );
    for (path, status, file) in pages.chain([not_found]) {
        let html = render(&app, &path, status).await?;
        let (html, page_hashes) = with_meta_policy(&html);
        write(&file, &html)?;
        written.push(file);
        hashes.extend(page_hashes);
    }
    let file = out.join("_headers");
    write(
        &file,
        &headers_file(&hashes.into_iter().collect::<Vec<_>>()),
    )?;
    // The service worker of this build, next to the pages it keeps offline.
    let worker = crate::sw::generate(&app, &site).await?;
    write(&out.join("sw.js"), &worker.script)?;
    Ok(written)
}

/// The page with its nonces removed and a `<meta>` policy that allows its
/// inline scripts by hash, and those hashes as CSP sources.
pub fn with_meta_policy(html: &str) -> (String, Vec<String>) {
    let scripts = inline_scripts(html);
    let mut hashes: Vec<String> = scripts
        .iter()
        .map(|(_, body)| {
            format!(
                "'sha256-{}'",
                BASE64.encode(Sha256::digest(body.as_bytes()))
            )
        })
        .collect();
    hashes.sort();
    hashes.dedup();
    let mut page = html.to_owned();
    // A nonce fixed in a file is no nonce: drop it, the hashes replace it.
    for nonce in scripts
        .iter()
        .filter_map(|(tag, _)| attribute(tag, "nonce"))
    {
        page = page.replace(&format!(" nonce=\"{nonce}\""), "");
    }
    let meta = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        content_security_policy(&hashes, Delivery::Meta)
    );
    // First thing in <head>: a policy only governs what comes after it.
    if let Some(at) = page.find("<head>") {
        page.insert_str(at + "<head>".len(), &meta);
    }
    (page, hashes)
}

/// Every `<script>` without `src`, as (opening tag, body).
fn inline_scripts(html: &str) -> Vec<(&str, &str)> {
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
        if attribute(tag, "src").is_none() {
            found.push((tag, &body_and_rest[..close]));
        }
        rest = &body_and_rest[close..];
    }
    found
}

/// The value of `name="…"` in an opening tag.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

/// Netlify / Cloudflare Pages `_headers`: the server's headers for hosts
/// that read this file.
fn headers_file(hashes: &[String]) -> String {
    let mut text = String::from(
        "# Response headers for static hosts that read this file (Netlify, Cloudflare\n\
         # Pages). Elsewhere, set the same headers in the host's configuration (the\n\
         # README shows nginx); every page also carries the policy in a <meta> tag.\n\
         /*\n",
    );
    text.push_str(&format!(
        "  Content-Security-Policy: {}\n",
        content_security_policy(hashes, Delivery::Header)
    ));
    for (name, value) in fixed_headers(SecurityOptions::default()) {
        text.push_str(&format!("  {name}: {value}\n"));
    }
    text.push_str(&format!("/pkg/*\n  Cache-Control: {IMMUTABLE}\n"));
    // The service worker must be checked for a new build on every visit.
    text.push_str("/sw.js\n  Cache-Control: no-cache\n");
    text
}

pub(crate) async fn render(
    app: &axum::Router,
    path: &str,
    expected: StatusCode,
) -> Result<String, ExportError> {
    let req = Request::get(path)
        .body(Body::empty())
        .map_err(|e| ExportError::Io {
            path: path.into(),
            source: io::Error::other(e),
        })?;
    let res = app
        .clone()
        .oneshot(req)
        .await
        .unwrap_or_else(|never| match never {});
    if res.status() != expected {
        return Err(ExportError::Status {
            path: path.to_owned(),
            status: res.status(),
            expected,
        });
    }
    let bytes = res
        .into_body()
        .collect()
        .await
        .map_err(|e| ExportError::Io {
            path: path.into(),
            source: io::Error::other(e),
        })?
        .to_bytes();
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn write(file: &Path, contents: &str) -> Result<(), ExportError> {
    if let Some(dir) = file.parent() {
        fs::create_dir_all(dir).map_err(io_err(dir))?;
    }
    fs::write(file, contents).map_err(io_err(file))
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), ExportError> {
    fs::create_dir_all(to).map_err(io_err(to))?;
    for entry in fs::read_dir(from).map_err(io_err(from))? {
        let entry = entry.map_err(io_err(from))?;
        let target = to.join(entry.file_name());
        if entry.file_type().map_err(io_err(&entry.path()))?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target).map_err(io_err(&target))?;
        }
    }
    Ok(())
}
