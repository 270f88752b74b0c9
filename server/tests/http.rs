//! The server natively: SSR HTML of each route, status codes, cache
//! headers, MIME types, missing assets, and the static export, all through
//! the real router without opening a socket.

use axum::{
    body::Body,
    http::{Request, StatusCode, header},
};
use http_body_util::BodyExt;
use leptos::config::LeptosOptions;
use leptos_axum::generate_route_list;
use std::path::{Path, PathBuf};
use tower::ServiceExt;

/// A throwaway site folder with a fake hashed asset and a public file.
struct Site(PathBuf);

impl Site {
    fn new(tag: &str) -> Site {
        let dir =
            std::env::temp_dir().join(format!("backstrong-http-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("pkg")).unwrap();
        std::fs::write(dir.join("pkg/backstrong.0123abcd.wasm"), b"\0asm\x01\0\0\0").unwrap();
        std::fs::write(dir.join("pkg/backstrong.0123abcd.js"), b"export default 1;").unwrap();
        std::fs::write(
            dir.join("favicon.svg"),
            b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        )
        .unwrap();
        Site(dir)
    }

    fn options(&self) -> LeptosOptions {
        LeptosOptions::builder()
            .output_name("backstrong")
            .site_root(self.0.to_string_lossy().into_owned())
            .build()
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

struct Reply {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

async fn get(site: &Site, path: &str) -> Reply {
    send(site, Request::get(path).body(Body::empty()).unwrap()).await
}

/// The nonce a Content-Security-Policy allows.
fn nonce_of(csp: &str) -> &str {
    csp.split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a nonce in the policy")
}

fn header(reply: &Reply, name: header::HeaderName) -> &str {
    reply
        .headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

#[tokio::test]
async fn home_is_rendered_on_the_server() {
    let site = Site::new("home");
    let reply = get(&site, "/").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(header(&reply, header::CONTENT_TYPE).starts_with("text/html"));
    assert_eq!(header(&reply, header::CACHE_CONTROL), "no-cache");
    assert!(reply.body.starts_with("<!DOCTYPE html>"));
    assert!(reply.body.contains("<title>BackStrong</title>"));
    assert!(reply.body.contains("<h1>BackStrong</h1>"));
    // navigation to every screen, and the hydration script
    for href in ["/program", "/session", "/progress", "/settings"] {
        assert!(reply.body.contains(&format!("href=\"{href}\"")), "{href}");
    }
    assert!(reply.body.contains("mod.hydrate()"));
    assert!(reply.body.contains("rel=\"stylesheet\""));
}

#[tokio::test]
async fn every_screen_renders_with_its_title() {
    let site = Site::new("screens");
    for (path, title) in [
        ("/program", "Program"),
        ("/session", "Session"),
        ("/progress", "Progress"),
        ("/settings", "Settings"),
    ] {
        let reply = get(&site, path).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}");
        assert!(
            reply
                .body
                .contains(&format!("<title>{title} · BackStrong</title>")),
            "{path}"
        );
        assert!(
            reply.body.contains("aria-current=\"page\""),
            "{path}: current screen marked"
        );
    }
    let settings = get(&site, "/settings").await;
    // the server renders the default theme; the browser loads the stored one
    assert!(
        settings
            .body
            .contains("data-theme-choice=\"system\" aria-pressed=\"true\""),
        "{}",
        settings.body
    );
}

#[tokio::test]
async fn unknown_page_is_a_real_404_page() {
    let site = Site::new("404");
    let reply = get(&site, "/no/such/page").await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert!(header(&reply, header::CONTENT_TYPE).starts_with("text/html"));
    assert!(reply.body.contains("Page not found"));
    assert!(
        reply.body.contains("mod.hydrate()"),
        "the 404 page is the app, so it hydrates"
    );
}

#[tokio::test]
async fn missing_asset_is_a_plain_404_never_the_app() {
    let site = Site::new("missing");
    for path in [
        "/pkg/backstrong.ffff.wasm",
        "/pkg/nope.js",
        "/favicon.ico",
        "/deep/path/x.css",
    ] {
        let reply = get(&site, path).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{path}");
        assert!(
            !reply.body.contains("<html"),
            "{path} answered with the app shell"
        );
        assert_eq!(
            header(&reply, header::CACHE_CONTROL),
            "no-cache",
            "{path}: a 404 is never cached forever"
        );
    }
}

#[tokio::test]
async fn hashed_assets_are_cached_forever_with_the_right_type() {
    let site = Site::new("assets");
    let wasm = get(&site, "/pkg/backstrong.0123abcd.wasm").await;
    assert_eq!(wasm.status, StatusCode::OK);
    assert_eq!(header(&wasm, header::CONTENT_TYPE), "application/wasm");
    assert_eq!(
        header(&wasm, header::CACHE_CONTROL),
        "public, max-age=31536000, immutable"
    );
    let js = get(&site, "/pkg/backstrong.0123abcd.js").await;
    assert!(header(&js, header::CONTENT_TYPE).contains("javascript"));
    let icon = get(&site, "/favicon.svg").await;
    assert_eq!(icon.status, StatusCode::OK);
    assert_eq!(header(&icon, header::CONTENT_TYPE), "image/svg+xml");
    assert_eq!(header(&icon, header::CACHE_CONTROL), "no-cache");
}

#[tokio::test]
async fn html_is_compressed_when_asked() {
    use std::io::Read;
    let site = Site::new("gzip");
    let app = server::router(site.options());
    // The first request renders the page, later ones come from the cache:
    // both arrive gzipped, whole, each with its own nonce.
    let mut nonces = Vec::new();
    for _ in 0..2 {
        let res = app
            .clone()
            .oneshot(
                Request::get("/")
                    .header(header::ACCEPT_ENCODING, "br, gzip")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(res.headers()[header::CONTENT_ENCODING], "gzip");
        assert_eq!(res.headers()[header::VARY], "accept-encoding");
        let csp = res.headers()[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap()
            .to_owned();
        let nonce = nonce_of(&csp).to_owned();
        let bytes = res.into_body().collect().await.unwrap().to_bytes();
        let mut html = String::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_string(&mut html)
            .unwrap();
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains("</main>") && html.ends_with("</script>"));
        assert!(html.contains(&format!("nonce=\"{nonce}\"")));
        nonces.push(nonce);
    }
    assert_ne!(nonces[0], nonces[1]);
    // An unknown page is not cached and is compressed on the fly.
    let res = app
        .oneshot(
            Request::get("/no-such-page")
                .header(header::ACCEPT_ENCODING, "br")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(res.headers()[header::CONTENT_ENCODING], "br");
}

#[tokio::test]
async fn trailing_slash_redirects_to_the_canonical_page() {
    let site = Site::new("slash");
    let reply = get(&site, "/settings/").await;
    assert_eq!(reply.status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(header(&reply, header::LOCATION), "/settings");
    // an attempt at an open redirect stays a local 404
    let reply = get(&site, "//evil.example/").await;
    assert_ne!(reply.status, StatusCode::PERMANENT_REDIRECT);
}

#[test]
fn the_export_covers_every_route() {
    let listed = app::prerendered_paths();
    // A route matches a listed path segment by segment; `{param}` matches any.
    let matches = |route: &str, path: &str| {
        let (r, p): (Vec<_>, Vec<_>) = (route.split('/').collect(), path.split('/').collect());
        r.len() == p.len() && r.iter().zip(&p).all(|(r, p)| r.starts_with('{') || r == p)
    };
    for route in generate_route_list(app::App) {
        let route = route.path();
        assert!(
            listed.iter().any(|p| matches(route, p)),
            "route {route} is not exported"
        );
    }
    for exercise in app::program::EXERCISES {
        assert!(
            listed.contains(&format!("/exercise/{}", exercise.id)),
            "{}",
            exercise.id
        );
    }
}

#[tokio::test]
async fn export_writes_every_page_and_a_404() {
    let site = Site::new("export");
    let out = site.0.with_extension("out");
    let written = server::export(site.options(), &out).await.unwrap();
    let expect = |p: &str| out.join(p);
    for file in [
        "index.html",
        "program/index.html",
        "settings/index.html",
        "404.html",
    ] {
        assert!(written.contains(&expect(file)), "{file} not written");
        assert!(expect(file).is_file(), "{file} missing");
    }
    let page = std::fs::read_to_string(expect("settings/index.html")).unwrap();
    assert!(page.contains("<title>Settings · BackStrong</title>"));
    let missing = std::fs::read_to_string(expect("404.html")).unwrap();
    assert!(missing.contains("Page not found"));
    // the built assets come along
    assert!(Path::new(&expect("pkg/backstrong.0123abcd.wasm")).is_file());
    assert!(Path::new(&expect("favicon.svg")).is_file());
    std::fs::remove_dir_all(&out).unwrap();
}

#[tokio::test]
async fn export_without_a_built_site_says_what_to_do() {
    let options = LeptosOptions::builder()
        .output_name("backstrong")
        .site_root("/nonexistent/backstrong-site")
        .build();
    let err = server::export(options, Path::new("/tmp/backstrong-never"))
        .await
        .unwrap_err();
    assert!(err.to_string().contains("build it first"), "{err}");
}

#[tokio::test]
async fn program_cards_show_name_prescription_and_caution() {
    let site = Site::new("cards");
    let reply = get(&site, "/program").await;
    assert_eq!(reply.status, StatusCode::OK);
    for exercise in app::program::EXERCISES {
        assert!(reply.body.contains(exercise.name), "{}", exercise.id);
        assert!(
            reply.body.contains(&exercise.prescription.label()),
            "{}",
            exercise.id
        );
        assert!(
            reply.body.contains(exercise.cautions[0].text),
            "{}",
            exercise.id
        );
        assert!(
            reply
                .body
                .contains(&format!("href=\"/exercise/{}\"", exercise.id))
        );
    }
    assert!(reply.body.contains("5 sets × 15 reps"));
    assert_eq!(
        reply.body.matches(">suggested</span>").count(),
        3,
        "F30, F38, F50"
    );
}

#[tokio::test]
async fn an_exercise_page_has_everything_and_a_stop_control() {
    let site = Site::new("detail");
    let reply = get(&site, "/exercise/leg-press").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.body.contains("<title>Leg press · BackStrong</title>"));
    let leg_press = app::program::exercise("leg-press").unwrap();
    for point in leg_press
        .cues
        .iter()
        .chain(leg_press.cautions)
        .chain(leg_press.progressions)
    {
        assert!(reply.body.contains(point.text), "{}", point.text);
    }
    assert!(reply.body.contains("Stop: pain, numbness or tingling"));
    assert!(
        reply.body.contains("data-on=\"quads gmax hams\""),
        "body map highlights"
    );
    assert!(reply.body.contains("<svg viewBox"), "illustration inline");
}

#[tokio::test]
async fn an_unknown_exercise_is_a_404() {
    let site = Site::new("unknown-exercise");
    let reply = get(&site, "/exercise/squat").await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert!(reply.body.contains("Page not found"));
}

async fn send(site: &Site, req: Request<Body>) -> Reply {
    let res = server::router(site.options()).oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let site = Site::new("security");
    for path in [
        "/",
        "/program",
        "/pkg/backstrong.0123abcd.wasm",
        "/nope",
        "/x.js",
    ] {
        let reply = get(&site, path).await;
        let csp = header(&reply, header::CONTENT_SECURITY_POLICY);
        assert!(
            csp.starts_with("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'nonce-"),
            "{path}: {csp}"
        );
        assert!(csp.contains("frame-ancestors 'none'"), "{path}");
        assert!(!csp.contains("unsafe-inline"), "{path}");
        assert_eq!(
            header(&reply, header::X_CONTENT_TYPE_OPTIONS),
            "nosniff",
            "{path}"
        );
        assert_eq!(
            header(&reply, header::REFERRER_POLICY),
            "no-referrer",
            "{path}"
        );
        let permissions = reply
            .headers
            .get("permissions-policy")
            .unwrap()
            .to_str()
            .unwrap();
        assert!(permissions.contains("screen-wake-lock=(self)"), "{path}");
        assert!(permissions.contains("camera=()"), "{path}");
        // no HSTS unless the server is told it sits behind TLS
        assert!(
            reply
                .headers
                .get(header::STRICT_TRANSPORT_SECURITY)
                .is_none()
        );
    }
    let behind_tls = server::router_with(
        site.options(),
        server::security::SecurityOptions {
            behind_tls_proxy: true,
        },
    )
    .oneshot(Request::get("/").body(Body::empty()).unwrap())
    .await
    .unwrap();
    assert!(
        behind_tls.headers()[header::STRICT_TRANSPORT_SECURITY]
            .to_str()
            .unwrap()
            .starts_with("max-age=")
    );
}

#[tokio::test]
async fn the_page_scripts_carry_the_nonce_of_the_header() {
    let site = Site::new("nonce");
    let first = get(&site, "/").await;
    let csp = header(&first, header::CONTENT_SECURITY_POLICY);
    let nonce = nonce_of(csp);
    assert!(nonce.len() >= 16, "{nonce}");
    let tagged = first.body.matches(&format!("nonce=\"{nonce}\"")).count();
    let scripts = first.body.matches("<script").count();
    assert!(scripts > 0);
    assert_eq!(
        tagged, scripts,
        "every inline script carries this response's nonce"
    );
    // and a new response gets a new one
    let second = get(&site, "/").await;
    assert!(!header(&second, header::CONTENT_SECURITY_POLICY).contains(nonce));
}

#[tokio::test]
async fn healthz_answers_ok_uncached() {
    let site = Site::new("healthz");
    let reply = get(&site, "/healthz").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.body, "ok\n");
    assert_eq!(header(&reply, header::CACHE_CONTROL), "no-store");
}

#[tokio::test]
async fn a_body_over_64_kb_is_refused_with_413() {
    let site = Site::new("body");
    let big = vec![b'x'; server::routes::MAX_BODY_BYTES + 1];
    let req = Request::post("/")
        .header(header::CONTENT_LENGTH, big.len())
        .body(Body::from(big))
        .unwrap();
    let reply = send(&site, req).await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(reply.headers.get(header::CONTENT_SECURITY_POLICY).is_some());
    // a small post to a page is simply not allowed, never a 5xx
    let req = Request::post("/").body(Body::from("a=1")).unwrap();
    assert_eq!(
        send(&site, req).await.status,
        StatusCode::METHOD_NOT_ALLOWED
    );
}

#[tokio::test]
async fn no_redirect_leaves_the_site() {
    let site = Site::new("redirect");
    for path in ["//evil.example/", "/%5Cevil.example/", "///evil.example/"] {
        let reply = get(&site, path).await;
        let location = header(&reply, header::LOCATION);
        assert!(
            !location.starts_with("//") && !location.starts_with("/\\"),
            "{path} -> {location}"
        );
    }
}

#[tokio::test]
async fn the_export_allows_exactly_its_inline_scripts_by_hash() {
    use base64::Engine;
    use sha2::Digest;
    let site = Site::new("export-csp");
    let out = site.0.with_extension("out");
    server::export(site.options(), &out).await.unwrap();
    for page in ["index.html", "session/index.html", "404.html"] {
        let html = std::fs::read_to_string(out.join(page)).unwrap();
        let meta_start = html
            .find("<head><meta http-equiv=\"Content-Security-Policy\" content=\"")
            .unwrap_or_else(|| panic!("{page}: no meta policy first in head"));
        let policy = &html[meta_start..]
            .split("content=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        assert!(!policy.contains("frame-ancestors"), "{page}");
        assert!(!policy.contains("nonce"), "{page}");
        assert!(
            !html.contains(" nonce=\""),
            "{page}: a fixed nonce was left"
        );
        // every inline script's hash is allowed
        let mut rest = html.as_str();
        let mut count = 0;
        while let Some(i) = rest.find("<script") {
            let after = &rest[i..];
            let body_start = after.find('>').unwrap() + 1;
            let body_len = after[body_start..].find("</script>").unwrap();
            let body = &after[body_start..body_start + body_len];
            let hash = base64::engine::general_purpose::STANDARD
                .encode(sha2::Sha256::digest(body.as_bytes()));
            assert!(
                policy.contains(&format!("'sha256-{hash}'")),
                "{page}: script not allowed"
            );
            count += 1;
            rest = &after[body_start + body_len..];
        }
        assert!(count > 0, "{page}");
    }
    let headers = std::fs::read_to_string(out.join("_headers")).unwrap();
    assert!(headers.contains("frame-ancestors 'none'"));
    assert!(headers.contains("'sha256-"));
    assert!(headers.contains("/pkg/*\n  Cache-Control: public, max-age=31536000, immutable"));
    std::fs::remove_dir_all(&out).unwrap();
}

#[tokio::test]
async fn the_export_has_a_service_worker_for_its_own_build() {
    let site = Site::new("export-sw");
    let out = site.0.with_extension("out");
    server::export(site.options(), &out).await.unwrap();
    let sw = std::fs::read_to_string(out.join("sw.js")).unwrap();
    assert!(!sw.contains("__BUILD__") && !sw.contains("__PAGES__"));
    assert!(sw.contains(r#""/program""#) && sw.contains(r#""/exercise/leg-press""#));
    assert!(sw.contains(r#""/pkg/backstrong.0123abcd.wasm""#));
    assert!(!sw.contains(".wasm.br") && !sw.contains("robots.txt"));
    let build = sw
        .split("const BUILD = \"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    assert_eq!(build.len(), 16);
    // A change to any file name is a new build.
    std::fs::write(site.0.join("pkg/backstrong.99999999.css"), "a{}").unwrap();
    let again = site.0.with_extension("out2");
    server::export(site.options(), &again).await.unwrap();
    let sw2 = std::fs::read_to_string(again.join("sw.js")).unwrap();
    assert!(!sw2.contains(&format!("const BUILD = \"{build}\"")));
    std::fs::remove_dir_all(&out).unwrap();
    std::fs::remove_dir_all(&again).unwrap();
}

#[tokio::test]
async fn the_server_answers_its_service_worker_uncached() {
    let site = Site::new("server-sw");
    let app = server::serving_router(site.options(), Default::default())
        .await
        .unwrap();
    let res = app
        .oneshot(Request::get("/sw.js").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()[header::CACHE_CONTROL], "no-cache");
    assert!(
        res.headers()[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/javascript")
    );
    assert!(res.headers().get(header::CONTENT_SECURITY_POLICY).is_some());
    let body = res.into_body().collect().await.unwrap().to_bytes();
    assert!(String::from_utf8_lossy(&body).contains("const PAGES = [\"/\""));
}

/// Every fact of the source (`shared/seed/PROGRAM-FACTS.md`), with the
/// content a person must see for it (numbers, names, conditions) on the
/// page where it belongs. Changing or dropping any fact's content fails
/// here: a tag on the data is not enough.
const FACT_TABLE: &[(u8, &str, &[&str])] = &[
    (
        1,
        "/about",
        &[
            "pinched nerve is a nerve squeezed",
            "bone, muscle, tendon or cartilage",
            "disturbs how the nerve works",
        ],
    ),
    (
        2,
        "/about",
        &["numbness, tingling, pain, or weakness in a muscle or joint"],
    ),
    (
        3,
        "/about",
        &[
            "herniated disc pressing on a nerve root",
            "buttock, the leg and the foot",
        ],
    ),
    (4, "/about", &["Not every herniated disc causes symptoms"]),
    (
        5,
        "/about",
        &["About 90% of sciatica symptoms", "conservative care"],
    ),
    (
        6,
        "/program",
        &[
            "strong glutes and legs made the upper body work better",
            "leg training was skipped",
            "author's own experience",
        ],
    ),
    (
        7,
        "/program",
        &["Consistency", "priority in your everyday life"],
    ),
    (
        8,
        "/session",
        &["free of pain that spreads from your back into your buttock, leg or foot"],
    ),
    (9, "/session", &["full range"]),
    (10, "/session", &["full control and strength in both legs"]),
    (11, "/session", &["Has a doctor cleared you to exercise?"]),
    (
        12,
        "/stop",
        &[
            "spreads into your buttock or leg, numbness, or tingling",
            "stop the session now",
        ],
    ),
    (
        13,
        "/stop",
        &["An exercise that brings on pain: stop that exercise."],
    ),
    (14, "/stop", &["Never jerk a weight", "both ways"]),
    (15, "/warm-up", &["Foam rolling", "2. Stretching"]),
    (
        16,
        "/program",
        &[
            "gluteus maximus and medius",
            "quadriceps",
            "abdominals and obliques",
            "quadratus lumborum",
        ],
    ),
    (
        17,
        "/warm-up",
        &[
            "Hamstrings",
            "Quadriceps",
            "Hip flexors",
            "Piriformis",
            "Spinal erectors",
            "Quadratus lumborum",
            "never into pain",
            "keep it short",
        ],
    ),
    (18, "/exercise/leg-press", &["half of your body weight"]),
    (19, "/exercise/leg-press", &["never lock your knees"]),
    (
        20,
        "/exercise/leg-press",
        &["Push through your heels, not your toes."],
    ),
    (
        21,
        "/exercise/leg-press",
        &["lower back pressed against the back pad"],
    ),
    (
        22,
        "/exercise/leg-press",
        &["one leg does more of the work", "evenly with both"],
    ),
    (23, "/exercise/leg-press", &["one leg at a time"]),
    (24, "/exercise/leg-press", &["5 sets × 15 reps"]),
    (
        25,
        "/exercise/leg-extension",
        &["Muscles worked: Quadriceps\"", "front of the thighs"],
    ),
    (
        26,
        "/exercise/leg-extension",
        &[
            "full range of motion, unless part of it hurts",
            "knee surgery or a knee injury",
            "range that feels comfortable",
        ],
    ),
    (
        27,
        "/exercise/leg-extension",
        &["Alternate sets with both legs and sets with one leg"],
    ),
    (
        28,
        "/exercise/leg-extension",
        &[
            "toes inward",
            "vastus medialis",
            "toes outward",
            "vastus lateralis",
            "For a set or two",
        ],
    ),
    (
        29,
        "/exercise/leg-extension",
        &[
            "the way down counts as much as the way up",
            "not the exercise to go heavy on",
        ],
    ),
    (
        30,
        "/exercise/leg-extension",
        &["3–4 sets × 10–12 reps", ">suggested</span>"],
    ),
    (
        31,
        "/exercise/leg-curl",
        &["Hamstrings", "back of the thighs"],
    ),
    (
        32,
        "/exercise/leg-curl",
        &["full range of motion, unless part of it hurts"],
    ),
    (33, "/exercise/leg-curl", &["never work to fatigue"]),
    (34, "/exercise/leg-curl", &["4–5 sets × 10 reps"]),
    (
        35,
        "/exercise/back-extension",
        &["at most 10° further", "more than 10° past a straight back"],
    ),
    (
        36,
        "/exercise/back-extension",
        &["back extension bench", "Lying face down on a mat"],
    ),
    (
        37,
        "/exercise/back-extension",
        &["slowly on every rep", "lower back, glutes and hamstrings"],
    ),
    (
        38,
        "/exercise/back-extension",
        &[
            "Stop this exercise if it causes pain.",
            "2–3 sets × 8–10 reps",
            ">suggested</span>",
        ],
    ),
    (
        39,
        "/exercise/chest-press",
        &["whole back against the pad, spine neutral, no arching"],
    ),
    (
        40,
        "/exercise/chest-press",
        &["shoulders start the push more than your chest, foam roll chest and shoulders"],
    ),
    (
        41,
        "/exercise/chest-press",
        &["after the seated row and the shoulder rotations"],
    ),
    (42, "/exercise/chest-press", &["3–4 sets × 10–12 reps"]),
    (
        43,
        "/exercise/seated-row",
        &["The row can be done many ways"],
    ),
    (
        44,
        "/exercise/seated-row",
        &["shoulders drop, away from your ears", "spine neutral"],
    ),
    (
        45,
        "/exercise/seated-row",
        &["Start each pull with your back muscles", "squeeze them"],
    ),
    (46, "/exercise/seated-row", &["3–4 sets × 15 reps"]),
    (47, "/exercise/core", &["Core work is a must here"]),
    (
        48,
        "/exercise/core",
        &["Dumbbell side bend", "Obliques", "Quadratus lumborum"],
    ),
    (
        49,
        "/exercise/core",
        &["Crunch with rotation", "elbow toward the opposite knee"],
    ),
    (
        50,
        "/exercise/core",
        &[
            "Breathe out every time you squeeze",
            "Small and controlled",
            "2–3 sets × 12–15 reps",
            ">suggested</span>",
        ],
    ),
    (
        51,
        "/exercise/hip-abduction",
        &[
            "strongly influence the lower back",
            "weak glutes lead to low back or hip pain",
        ],
    ),
    (
        52,
        "/exercise/hip-adduction",
        &["hip, low back and knee problems"],
    ),
    (
        53,
        "/exercise/glute-bridge",
        &["Control both directions: out and in, up and down."],
    ),
    (54, "/exercise/hip-abduction", &["3–4 sets × 15–20 reps"]),
    (
        55,
        "/exercise/hip-adduction",
        &[
            "only in pictures",
            "BackStrong chose these three",
            "hip abduction, hip adduction and the glute bridge",
        ],
    ),
];

/// Text as a person reads it: the entities the renderer writes, undone.
fn readable(html: &str) -> String {
    html.replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[tokio::test]
async fn every_fact_of_the_source_is_on_its_page() {
    let site = Site::new("facts");
    let numbers: Vec<u8> = FACT_TABLE.iter().map(|(f, _, _)| *f).collect();
    assert_eq!(numbers, (1..=55).collect::<Vec<_>>(), "one row per fact");
    let mut pages = std::collections::BTreeMap::new();
    for (fact, path, needles) in FACT_TABLE {
        if !pages.contains_key(path) {
            let reply = get(&site, path).await;
            assert_eq!(reply.status, StatusCode::OK, "{path}");
            pages.insert(*path, readable(&reply.body));
        }
        for needle in *needles {
            assert!(
                pages[path].contains(needle),
                "F{fact}: {path} does not show {needle:?}"
            );
        }
    }
    // F54: each hip and glute exercise has its own page, drawing and sets.
    for id in ["hip-abduction", "hip-adduction", "glute-bridge"] {
        let page = readable(&get(&site, &format!("/exercise/{id}")).await.body);
        assert!(page.contains("3–4 sets × 15–20 reps"), "{id}");
        assert!(page.contains("<svg viewBox"), "{id}: its own drawing");
        assert!(page.contains("BackStrong chose these three"), "{id}: F55");
    }
    // Words that drifted from the source must not come back.
    for (path, wrong) in [
        ("/exercise/back-extension", "about 10°"),
        (
            "/program",
            "carry load that would otherwise land on your back",
        ),
        ("/progress", "keeps symptoms away"),
        ("/settings", "keeps symptoms away"),
        ("/session", "emergency services today"),
    ] {
        let page = readable(&get(&site, path).await.body);
        assert!(!page.contains(wrong), "{path} still says {wrong:?}");
    }
    assert!(pages["/session"].contains("Call your doctor or emergency services now"));
}

#[tokio::test]
async fn export_never_deletes_what_is_not_an_earlier_export() {
    use server::export::{EXPORT_MARKER, ExportError};
    let site = Site::new("export-safety");
    let refused = |result: Result<Vec<std::path::PathBuf>, ExportError>, why: &str| match result {
        Err(e @ ExportError::UnsafeOut { .. }) => {
            assert!(e.to_string().contains(why), "{e}");
            assert!(e.to_string().contains("Nothing was changed"), "{e}");
        }
        other => panic!("not refused ({why}): {other:?}"),
    };
    // The current folder, and the folders above it.
    let here = std::env::current_dir().unwrap();
    refused(
        server::export(site.options(), Path::new(".")).await,
        "current folder",
    );
    refused(
        server::export(site.options(), here.parent().unwrap()).await,
        "current folder or a folder above",
    );
    // The built site, and a folder inside it: the assets stay.
    refused(server::export(site.options(), &site.0).await, "built site");
    refused(
        server::export(site.options(), &site.0.join("pkg")).await,
        "built site",
    );
    refused(
        server::export(site.options(), &site.0.join("new-folder")).await,
        "inside the built site",
    );
    assert!(site.0.join("pkg/backstrong.0123abcd.wasm").is_file());
    // A folder of someone's files: untouched.
    let theirs = site.0.with_extension("theirs");
    std::fs::create_dir_all(&theirs).unwrap();
    std::fs::write(theirs.join("thesis.txt"), "years of work").unwrap();
    refused(
        server::export(site.options(), &theirs).await,
        "not an earlier export",
    );
    assert_eq!(
        std::fs::read_to_string(theirs.join("thesis.txt")).unwrap(),
        "years of work"
    );
    // A file.
    refused(
        server::export(site.options(), &theirs.join("thesis.txt")).await,
        "a file",
    );
    // An earlier export is replaced, as is an empty folder.
    let out = site.0.with_extension("exported");
    let _ = std::fs::remove_dir_all(&out);
    server::export(site.options(), &out).await.unwrap();
    assert!(out.join(EXPORT_MARKER).is_file());
    std::fs::write(out.join("stale.html"), "old").unwrap();
    server::export(site.options(), &out).await.unwrap();
    assert!(
        !out.join("stale.html").exists(),
        "an earlier export is replaced whole"
    );
    let _ = std::fs::remove_dir_all(&theirs);
    let _ = std::fs::remove_dir_all(&out);
}
