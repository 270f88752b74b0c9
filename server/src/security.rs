//! The security headers every answer carries, and the `_headers` file that
//! gives static hosts the same ones. The Content-Security-Policy allows the
//! pages' inline scripts by their hashes (see `csp`), never with
//! `'unsafe-inline'`.

use axum::http::{HeaderName, header};

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
/// `script_sources` are the `'sha256-…'` sources that
/// allow the page's inline bootstrap scripts; `'wasm-unsafe-eval'` lets the
/// page compile its WebAssembly and nothing more. `sync_origin`: a sync
/// server elsewhere the pages may call (a static export built with
/// `--sync-url`); the app's own origin is always allowed.
pub fn content_security_policy(
    script_sources: &[String],
    delivery: Delivery,
    sync_origin: Option<&str>,
) -> String {
    let mut script_src = String::from("'self' 'wasm-unsafe-eval'");
    for source in script_sources {
        script_src.push(' ');
        script_src.push_str(source);
    }
    let connect_src = match sync_origin {
        Some(origin) => format!("'self' {origin}"),
        None => "'self'".to_owned(),
    };
    let mut policy = format!(
        "default-src 'self'; script-src {script_src}; style-src 'self'; \
         connect-src {connect_src}; manifest-src 'self'; worker-src 'self'; object-src 'none'; \
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_policy_forbids_framing_and_inline_scripts() {
        let policy = content_security_policy(&["'sha256-abc'".into()], Delivery::Header, None);
        assert!(policy.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc';"));
        assert!(policy.contains("frame-ancestors 'none'"));
        assert!(policy.contains("object-src 'none'"));
        assert!(policy.contains("base-uri 'self'"));
        assert!(!policy.contains("unsafe-inline"));
    }

    #[test]
    fn a_meta_policy_leaves_out_what_meta_cannot_carry() {
        let policy = content_security_policy(&[], Delivery::Meta, None);
        assert!(!policy.contains("frame-ancestors"));
        assert!(policy.contains("connect-src 'self';"));
        let policy = content_security_policy(&[], Delivery::Meta, Some("https://sync.example.org"));
        assert!(policy.contains("connect-src 'self' https://sync.example.org;"));
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
