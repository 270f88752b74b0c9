//! Renders every page of the app once, with Leptos, when the site is
//! built. This is the only place leptos_axum runs: never per request.

use app::{App, shell};
use axum::{Router, body::Body, extract::Request, http::StatusCode};
use http_body_util::BodyExt;
use leptos::config::LeptosOptions;
use leptos_axum::{LeptosRoutes, generate_route_list};
use thiserror::Error;
use tower::ServiceExt;

/// A page that did not render as it should.
#[derive(Debug, Error)]
pub enum RenderError {
    /// It answered another status.
    #[error("{path} answered {status} instead of {expected}")]
    Status {
        /// The page's address.
        path: String,
        /// What it answered.
        status: u16,
        /// What it should have answered.
        expected: u16,
    },
    /// Its request or its body failed.
    #[error("{path}: {problem}")]
    Failed {
        /// The page's address.
        path: String,
        /// What went wrong.
        problem: String,
    },
}

/// A rendered page.
pub struct Page {
    /// Its address.
    pub path: String,
    /// Its HTML, as Leptos wrote it.
    pub html: String,
}

/// Every page of the app, and its "not found" page.
pub struct Rendered {
    /// The pages, in the order the app lists them.
    pub pages: Vec<Page>,
    /// The page for any address the app does not know.
    pub not_found: String,
}

/// An address no page has: what it renders is the "not found" page.
const NOT_A_PAGE: &str = "/__not_a_page__";

/// Renders the app's pages with these options.
pub async fn render_site(options: &LeptosOptions) -> Result<Rendered, RenderError> {
    let router = router(options.clone());
    let mut pages = Vec::new();
    for path in app::prerendered_paths() {
        let html = render(&router, &path, StatusCode::OK).await?;
        pages.push(Page { path, html });
    }
    let not_found = render(&router, NOT_A_PAGE, StatusCode::NOT_FOUND).await?;
    Ok(Rendered { pages, not_found })
}

fn router(options: LeptosOptions) -> Router {
    let routes = generate_route_list(App);
    let render_unknown = {
        let options = options.clone();
        move |req: Request| {
            let options = options.clone();
            async move {
                leptos_axum::render_app_to_stream_with_context(without_nonce, move || {
                    shell(options.clone())
                })(req)
                .await
            }
        }
    };
    Router::new()
        .leptos_routes_with_context(&options, routes, without_nonce, {
            let options = options.clone();
            move || shell(options.clone())
        })
        .fallback(render_unknown)
        .with_state(options)
}

/// leptos_axum gives every render a random nonce. The pages are the same
/// for everyone and their scripts are allowed by hash, so a nonce would
/// only make each build's bytes (and so its ETags and service worker)
/// differ for nothing: it is taken back before the app renders.
fn without_nonce() {
    leptos::prelude::take_context::<leptos::nonce::Nonce>();
}

async fn render(router: &Router, path: &str, expected: StatusCode) -> Result<String, RenderError> {
    let io = |e: &dyn std::fmt::Display| RenderError::Failed {
        path: path.into(),
        problem: e.to_string(),
    };
    let req = Request::get(path).body(Body::empty()).map_err(|e| io(&e))?;
    let res = router
        .clone()
        .oneshot(req)
        .await
        .unwrap_or_else(|never| match never {});
    // The app's "not found" page sets 404 itself; a 200 there is taken
    // as 404 all the same, since the server answers it with 404.
    let status = res.status();
    let fine =
        status == expected || (expected == StatusCode::NOT_FOUND && status == StatusCode::OK);
    if !fine {
        return Err(RenderError::Status {
            path: path.to_owned(),
            status: status.as_u16(),
            expected: expected.as_u16(),
        });
    }
    let bytes = res
        .into_body()
        .collect()
        .await
        .map_err(|e| io(&e))?
        .to_bytes();
    String::from_utf8(bytes.to_vec()).map_err(|e| io(&e))
}
