//! The HTTP surface: every app route rendered by Leptos, the built site's
//! files, cache headers, compression, and one log line per request.

use app::{App, shell};
use axum::{
    Router,
    body::Body,
    extract::Request,
    handler::HandlerWithoutStateExt,
    http::{HeaderValue, StatusCode, header},
    middleware::{self, Next},
    response::{IntoResponse, Redirect, Response},
};
use leptos::config::LeptosOptions;
use leptos_axum::{LeptosRoutes, generate_route_list};
use std::path::Path;
use tower_http::{
    compression::CompressionLayer,
    services::ServeDir,
    trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer},
};
use tracing::Level;

/// Hashed assets never change under their name: cache them for a year.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Everything else (HTML, icons, the manifest) is revalidated on each use,
/// so a new build is picked up at once.
const REVALIDATE: &str = "no-cache";

/// The whole app as an axum router, ready to serve or to export from.
pub fn router(options: LeptosOptions) -> Router {
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

    Router::new()
        .leptos_routes(&options, routes, {
            let options = options.clone();
            move || shell(options.clone())
        })
        .fallback_service(files)
        .layer(middleware::from_fn(cache_headers))
        // Precompressed files already carry Content-Encoding and are passed
        // through; this compresses the rendered HTML.
        .layer(CompressionLayer::new().br(true).gzip(true))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(DefaultMakeSpan::new().level(Level::INFO))
                .on_request(())
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
        .with_state(options)
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
        if !trimmed.is_empty() && !trimmed.starts_with("//") {
            return Redirect::permanent(trimmed).into_response();
        }
    }
    let render = leptos_axum::render_app_to_stream(move || shell(options.clone()));
    let mut res = render(req).await;
    // The app's fallback page sets 404 itself; make sure of it.
    if res.status() == StatusCode::OK {
        *res.status_mut() = StatusCode::NOT_FOUND;
    }
    res
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
