//! The static export: the site the server holds in memory, written to a
//! folder for any static file host. Every resource goes to its file
//! (`/program` to `program/index.html`, the "not found" page to
//! `404.html`) with its `.br` and `.gz` twins, and `_headers` carries the
//! server's headers for hosts that read it (Netlify, Cloudflare Pages).
//! Each page also carries its policy in a `<meta>` tag, for the others.

use crate::{
    security::{SecurityOptions, fixed_headers},
    site::{IMMUTABLE, Site, SiteError},
};
use leptos::config::LeptosOptions;
use std::{
    fs, io,
    path::{Path, PathBuf},
};
use thiserror::Error;

/// Why an export stopped.
#[derive(Debug, Error)]
pub enum ExportError {
    /// Writing the export failed.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder involved.
        path: PathBuf,
        /// What went wrong.
        source: io::Error,
    },
    /// The site could not be built.
    #[error(transparent)]
    Site(#[from] SiteError),
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

/// Builds the site and writes it into `out` (replacing an earlier export
/// there); returns the files written. `sync_api`: a sync server's API
/// address the pages may use (see `Site::build`).
pub async fn export(
    options: LeptosOptions,
    out: &Path,
    sync_api: Option<&str>,
) -> Result<Vec<PathBuf>, ExportError> {
    let site_root = PathBuf::from(&*options.site_root);
    if !site_root.is_dir() {
        return Err(SiteError::NoSite(site_root).into());
    }
    check_out(out, &site_root)?;
    let site = Site::build(&options, SecurityOptions::default(), sync_api).await?;
    write_site(&site, out)
}

/// Writes a built site into `out`, emptied first.
pub fn write_site(site: &Site, out: &Path) -> Result<Vec<PathBuf>, ExportError> {
    if out.exists() {
        fs::remove_dir_all(out).map_err(io_err(out))?;
    }
    fs::create_dir_all(out).map_err(io_err(out))?;
    write(
        &out.join(EXPORT_MARKER),
        b"Written by `backstrong export`; a later export replaces this folder.\n",
    )?;
    let mut written = Vec::new();
    for resource in site.resources() {
        for (encoding, variant) in resource.variants() {
            let file = out.join(format!("{}{}", resource.file, encoding.suffix()));
            write(&file, &variant.body)?;
            written.push(file);
        }
    }
    let file = out.join("_headers");
    write(&file, headers_file(site).as_bytes())?;
    written.push(file);
    written.sort();
    Ok(written)
}

/// Netlify / Cloudflare Pages `_headers`: the headers the server sends,
/// for hosts that read this file. The server's answers are checked against
/// it (server/tests/http.rs).
pub fn headers_file(site: &Site) -> String {
    let mut text = String::from(
        "# Response headers for static hosts that read this file (Netlify, Cloudflare\n\
         # Pages). Elsewhere, set the same headers in the host's configuration (the\n\
         # README shows nginx); every page also carries the policy in a <meta> tag.\n\
         /*\n",
    );
    text.push_str(&format!("  Content-Security-Policy: {}\n", site.policy));
    for (name, value) in fixed_headers(SecurityOptions::default()) {
        text.push_str(&format!("  {name}: {value}\n"));
    }
    // Hosts join the values of every block that matches, so only the
    // paths that differ from a host's default get their own.
    text.push_str(&format!("/pkg/*\n  Cache-Control: {IMMUTABLE}\n"));
    // The service worker must be checked for a new build on every visit.
    text.push_str("/sw.js\n  Cache-Control: no-cache\n");
    text
}

fn write(file: &Path, contents: &[u8]) -> Result<(), ExportError> {
    if let Some(dir) = file.parent() {
        fs::create_dir_all(dir).map_err(io_err(dir))?;
    }
    fs::write(file, contents).map_err(io_err(file))
}
