//! The static export: every page rendered once by the same router that
//! serves them, written as `<route>/index.html`, plus `404.html` and the
//! built assets, for any static file host.

use crate::routes::router;
use axum::{
    body::Body,
    http::{Request, StatusCode},
};
use http_body_util::BodyExt;
use leptos::config::LeptosOptions;
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
    if out.exists() {
        fs::remove_dir_all(out).map_err(io_err(out))?;
    }
    copy_dir(&site, out)?;

    let app = router(options);
    let mut written = Vec::new();
    for path in app::prerendered_paths() {
        let html = render(&app, &path, StatusCode::OK).await?;
        let file = out.join(path.trim_start_matches('/')).join("index.html");
        write(&file, &html)?;
        written.push(file);
    }
    // Any address the app does not know renders its "not found" page.
    let html = render(&app, "/__not_a_page__", StatusCode::NOT_FOUND).await?;
    let file = out.join("404.html");
    write(&file, &html)?;
    written.push(file);
    Ok(written)
}

async fn render(
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
