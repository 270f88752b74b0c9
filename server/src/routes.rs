//! The HTTP surface: every app route rendered by Leptos, the built site's
//! files, `/healthz`, security and cache headers, request limits,
//! compression, and one log line per request.

use app::{App, shell};
use axum::{
    Router,
    body::Body,
    extract::Request,
    handler::HandlerWithoutStateExt,
    http::{HeaderValue, StatusCode, header},
    middleware::{self, Next},
    response::{IntoResponse, Redirect, Response},
    routing::get,
};
use leptos::config::LeptosOptions;
use leptos_axum::{LeptosRoutes, generate_route_list};
use std::{path::Path, sync::Arc, time::Duration};
use tower_http::{
    compression::CompressionLayer,
    limit::RequestBodyLimitLayer,
    services::ServeDir,
    timeout::TimeoutLayer,
    trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer},
};

use crate::{
    cache::{Assets, Pages, cached_pages, memory_assets},
    security::{SecurityOptions, provide_request_nonce, security_headers},
};

/// The app posts nothing big (it posts nothing at all today): 413 beyond.
pub const MAX_BODY_BYTES: usize = 64 * 1024;
/// A request that takes longer to answer gets 408 and its work is dropped.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
use tracing::Level;

/// Hashed assets never change under their name: cache them for a year.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Everything else (HTML, icons, the manifest) is revalidated on each use,
/// so a new build is picked up at once.
const REVALIDATE: &str = "no-cache";

/// The whole app as an axum router, ready to serve or to export from, with
/// the default security options (no HSTS).
pub fn router(options: LeptosOptions) -> Router {
    router_with(options, SecurityOptions::default())
}

/// The whole app as an axum router, with the given security options.
pub fn router_with(options: LeptosOptions, security: SecurityOptions) -> Router {
    build(
        options,
        security,
        None,
        Pages::new(app::prerendered_paths()),
    )
}

/// The router the server runs: the app, and its service worker at `/sw.js`
/// (generated from this build's pages and files when the server starts).
pub async fn serving_router(
    options: LeptosOptions,
    security: SecurityOptions,
) -> Result<Router, crate::ExportError> {
    let site_root = std::path::PathBuf::from(&*options.site_root);
    // Both routers share one page cache: rendering the pages for the
    // worker's build id also warms it, so the first visitors get cached pages.
    let pages = Pages::new(app::prerendered_paths());
    let first = build(options.clone(), security, None, pages.clone());
    let worker = crate::sw::generate(&first, &site_root).await?;
    tracing::info!(
        "service worker for build {}: {} pages, {} files",
        worker.build,
        worker.pages.len(),
        worker.assets.len()
    );
    Ok(build(
        options,
        security,
        Some(Arc::from(worker.script)),
        pages,
    ))
}

fn build(
    options: LeptosOptions,
    security: SecurityOptions,
    worker: Option<Arc<str>>,
    pages: Pages,
) -> Router {
    let routes = generate_route_list(App);
    let files = ServeDir::new(&*options.site_root)
        .precompressed_br()
        .precompressed_gzip()
        .append_index_html_on_directories(false)
        .fallback(
            {
                let options = options.clone();
                move |req: Request| not_found(options.clone(), req)
            }
            .into_service(),
        );

    let mut router = Router::new().route("/healthz", get(healthz));
    if let Some(script) = worker {
        router = router.route(
            "/sw.js",
            get(move || {
                let script = script.clone();
                async move {
                    (
                        [
                            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
                            (header::CACHE_CONTROL, "no-cache"),
                        ],
                        script.to_string(),
                    )
                }
            }),
        );
    }
    router
        .leptos_routes_with_context(&options, routes, provide_request_nonce, {
            let options = options.clone();
            move || shell(options.clone())
        })
        .fallback_service(files)
        .layer(middleware::from_fn(cache_headers))
        .layer(middleware::from_fn(reject_impossible_paths))
        .layer(middleware::from_fn_with_state(pages, cached_pages))
        // Precompressed files already carry Content-Encoding and are passed
        // through; this compresses the rendered HTML.
        .layer(CompressionLayer::new().br(true).gzip(true))
        .layer(middleware::from_fn_with_state(
            Assets::load(Path::new(&*options.site_root)),
            memory_assets,
        ))
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        // Outside the limits, so their 408 and 413 carry the headers too.
        .layer(middleware::from_fn(move |req, next| {
            security_headers(security, req, next)
        }))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(DefaultMakeSpan::new().level(Level::INFO))
                .on_request(())
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
        .with_state(options)
}

/// For load balancers: the process is up and answering.
async fn healthz() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        "ok\n",
    )
}

/// Unknown addresses: a missing file is a plain 404 (never the app shell, or a
/// broken script would be "loaded" as HTML); a page address that ends in a
/// slash is sent to its canonical form; anything else gets the app's own
/// "not found" page, with status 404.
async fn not_found(options: LeptosOptions, req: Request) -> Response {
    let path = req.uri().path();
    if looks_like_file(path) {
        return (StatusCode::NOT_FOUND, "Not found\n").into_response();
    }
    if path.len() > 1 && path.ends_with('/') {
        let trimmed = path.trim_end_matches('/');
        // `//host` and `/\host` would send the browser to another site.
        let elsewhere = trimmed.starts_with("//") || trimmed.starts_with("/\\");
        if !trimmed.is_empty() && !elsewhere {
            return Redirect::permanent(trimmed).into_response();
        }
    }
    let render = leptos_axum::render_app_to_stream_with_context(provide_request_nonce, move || {
        shell(options.clone())
    });
    let mut res = render(req).await;
    // The app's fallback page sets 404 itself; make sure of it.
    if res.status() == StatusCode::OK {
        *res.status_mut() = StatusCode::NOT_FOUND;
    }
    res
}

/// The longest request path served; browsers and proxies stop near here too.
pub const MAX_PATH_BYTES: usize = 2048;
/// No file system holds a longer file name.
const MAX_SEGMENT_BYTES: usize = 255;

/// Answers paths no page or file can have before they reach the file
/// system, whose "name too long" would otherwise surface as a 500.
async fn reject_impossible_paths(req: Request<Body>, next: Next) -> Response {
    let path = req.uri().path();
    if path.len() > MAX_PATH_BYTES {
        return (StatusCode::URI_TOO_LONG, "Address too long\n").into_response();
    }
    if path
        .split('/')
        .any(|segment| segment.len() > MAX_SEGMENT_BYTES)
    {
        return (StatusCode::NOT_FOUND, "Not found\n").into_response();
    }
    next.run(req).await
}

/// True when the last segment of `path` has an extension, like `app.wasm`.
fn looks_like_file(path: &str) -> bool {
    Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.contains('.'))
}

/// Sets Cache-Control: immutable for hashed assets under `/pkg/`, and
/// `no-cache` for everything else that did not set its own.
async fn cache_headers(req: Request<Body>, next: Next) -> Response {
    let hashed = req.uri().path().starts_with("/pkg/");
    let mut res = next.run(req).await;
    let value = if hashed && res.status().is_success() {
        IMMUTABLE
    } else {
        REVALIDATE
    };
    res.headers_mut()
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static(value));
    res
}

#[cfg(test)]
mod tests {
    use super::looks_like_file;

    #[test]
    fn file_like_paths() {
        assert!(looks_like_file("/pkg/backstrong.abc.wasm"));
        assert!(looks_like_file("/favicon.ico"));
        assert!(!looks_like_file("/program"));
        assert!(!looks_like_file("/"));
        assert!(!looks_like_file("/exercise/leg-press"));
    }
}
