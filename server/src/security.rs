//! Security headers on every response, and the per-response nonce that lets
//! the one inline script Leptos needs (the hydration bootstrap) run under a
//! Content-Security-Policy with no `'unsafe-inline'`.
//!
//! The nonce is minted here, before the app renders, and handed to Leptos
//! through the request's extensions (see [`provide_request_nonce`]): the
//! header and the `nonce="…"` attributes in the page then carry the same
//! value. leptos_axum would otherwise mint its own, which the header could
//! not know.

use axum::{
    extract::Request,
    http::{HeaderMap, HeaderName, HeaderValue, header},
    middleware::Next,
    response::Response,
};
use leptos::nonce::Nonce;

/// What the app is allowed to use. The app uses the screen wake lock during
/// a session and nothing else that Permissions-Policy governs (vibration has
/// no policy feature in browsers today); every powerful feature a page could
/// ask for is switched off.
pub const PERMISSIONS_POLICY: &str = "accelerometer=(), autoplay=(), camera=(), \
display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), \
midi=(), payment=(), usb=(), screen-wake-lock=(self)";

/// Two years, the value browsers' preload lists ask for.
pub const HSTS: &str = "max-age=63072000; includeSubDomains";

/// How headers are chosen for this deployment.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SecurityOptions {
    /// The server sits behind a TLS-terminating proxy: tell browsers to use
    /// HTTPS only (`Strict-Transport-Security`). Off by default, because a
    /// plain-HTTP deployment that sent it would lock itself out.
    pub behind_tls_proxy: bool,
}

/// Where a policy is delivered. A `<meta>` policy may not hold
/// `frame-ancestors` (browsers ignore it there and say so in the console).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    /// An HTTP response header.
    Header,
    /// A `<meta http-equiv>` tag in a static page.
    Meta,
}

/// The Content-Security-Policy: the app's own files and nothing else.
/// `script_sources` are the extra `'nonce-…'` or `'sha256-…'` sources that
/// allow the page's inline bootstrap scripts; `'wasm-unsafe-eval'` lets the
/// page compile its WebAssembly and nothing more.
pub fn content_security_policy(script_sources: &[String], delivery: Delivery) -> String {
    let mut script_src = String::from("'self' 'wasm-unsafe-eval'");
    for source in script_sources {
        script_src.push(' ');
        script_src.push_str(source);
    }
    let mut policy = format!(
        "default-src 'self'; script-src {script_src}; style-src 'self'; \
         connect-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; \
         base-uri 'self'; form-action 'self'"
    );
    if delivery == Delivery::Header {
        policy.push_str("; frame-ancestors 'none'");
    }
    policy
}

/// The headers every response carries besides the policy.
pub fn fixed_headers(options: SecurityOptions) -> Vec<(HeaderName, &'static str)> {
    let mut headers = vec![
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (
            HeaderName::from_static("permissions-policy"),
            PERMISSIONS_POLICY,
        ),
        // For browsers that predate `frame-ancestors`.
        (header::X_FRAME_OPTIONS, "DENY"),
        (
            HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
    ];
    if options.behind_tls_proxy {
        headers.push((header::STRICT_TRANSPORT_SECURITY, HSTS));
    }
    headers
}

/// Middleware: mints this response's nonce, lets the app render with it, and
/// sets the policy and the other security headers on whatever comes back
/// (pages, files, errors alike).
pub async fn security_headers(options: SecurityOptions, mut req: Request, next: Next) -> Response {
    let nonce = Nonce::new();
    req.extensions_mut().insert(nonce.clone());
    let mut res = next.run(req).await;
    let headers = res.headers_mut();
    let policy = content_security_policy(&[format!("'nonce-{nonce}'")], Delivery::Header);
    set(headers, header::CONTENT_SECURITY_POLICY, &policy);
    for (name, value) in fixed_headers(options) {
        headers.insert(name, HeaderValue::from_static(value));
    }
    res
}

fn set(headers: &mut HeaderMap, name: HeaderName, value: &str) {
    // The policy is built from our own ASCII text and a base64url nonce.
    if let Ok(value) = HeaderValue::from_str(value) {
        headers.insert(name, value);
    }
}

/// Leptos context hook: renders the page with the nonce minted by
/// [`security_headers`] for this request, so the `nonce` attributes on the
/// inline scripts match the header.
pub fn provide_request_nonce() {
    use leptos::prelude::{provide_context, use_context};
    let nonce = use_context::<axum::http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<Nonce>().cloned());
    if let Some(nonce) = nonce {
        provide_context(nonce);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_policy_forbids_framing_and_inline_scripts() {
        let policy = content_security_policy(&["'nonce-abc'".into()], Delivery::Header);
        assert!(policy.contains("script-src 'self' 'wasm-unsafe-eval' 'nonce-abc';"));
        assert!(policy.contains("frame-ancestors 'none'"));
        assert!(policy.contains("object-src 'none'"));
        assert!(policy.contains("base-uri 'self'"));
        assert!(!policy.contains("unsafe-inline"));
    }

    #[test]
    fn a_meta_policy_leaves_out_what_meta_cannot_carry() {
        let policy = content_security_policy(&[], Delivery::Meta);
        assert!(!policy.contains("frame-ancestors"));
        assert!(policy.starts_with("default-src 'self'"));
    }

    #[test]
    fn hsts_only_behind_tls() {
        let has_hsts = |o| {
            fixed_headers(o)
                .iter()
                .any(|(n, _)| n == header::STRICT_TRANSPORT_SECURITY)
        };
        assert!(!has_hsts(SecurityOptions::default()));
        assert!(has_hsts(SecurityOptions {
            behind_tls_proxy: true
        }));
    }
}
