//! The server natively: the site it builds in memory (every page rendered
//! once, every file), and the answers it gives to raw requests, through
//! the same parser and responder the sockets use, without opening one.
//! Then the export: the same site, written to a folder, byte for byte.

use server::{
    Site,
    listen::{Limits, Step, step},
    security::SecurityOptions,
};
use std::{
    io::Read,
    path::{Path, PathBuf},
    sync::OnceLock,
    time::SystemTime,
};

/// A site folder like the build's, with a fake hashed bundle and icons.
struct Fixture(PathBuf);

impl Fixture {
    fn new(tag: &str) -> Fixture {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("backstrong-http-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("pkg")).unwrap();
        std::fs::create_dir_all(dir.join("icons")).unwrap();
        std::fs::write(dir.join("pkg/backstrong.0123abcd.wasm"), b"\0asm\x01\0\0\0").unwrap();
        std::fs::write(dir.join("pkg/backstrong.0123abcd.js"), b"export default 1;").unwrap();
        // A twin written by the build is taken as it is.
        std::fs::write(
            dir.join("pkg/backstrong.0123abcd.js.gz"),
            gzip(b"export default 1;"),
        )
        .unwrap();
        std::fs::write(
            dir.join("pkg/backstrong.0123abcd.js.br"),
            brotli(b"export default 1;"),
        )
        .unwrap();
        std::fs::write(
            dir.join("favicon.svg"),
            b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        )
        .unwrap();
        std::fs::write(dir.join("icons/icon-192.png"), b"\x89PNG\r\n\x1a\n").unwrap();
        std::fs::write(dir.join("robots.txt"), b"User-agent: *\nAllow: /\n").unwrap();
        Fixture(dir)
    }

    fn options(&self) -> leptos::config::LeptosOptions {
        leptos::config::LeptosOptions::builder()
            .output_name("backstrong")
            .site_root(self.0.to_string_lossy().into_owned())
            .build()
    }

    fn build(&self, security: SecurityOptions) -> Site {
        let options = self.options();
        // Its own runtime, so a test on any runtime (or none) can build one.
        std::thread::spawn(move || {
            tokio::runtime::Runtime::new()
                .unwrap()
                .block_on(Site::build(&options, security, None))
                .unwrap()
        })
        .join()
        .unwrap()
    }
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn brotli(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut out = Vec::new();
    let mut w = brotli::CompressorWriter::new(&mut out, 4096, 5, 22);
    w.write_all(bytes).unwrap();
    drop(w);
    out
}

/// One site for the tests that only read it: rendering is the slow part.
fn shared() -> &'static (Fixture, Site) {
    static SHARED: OnceLock<(Fixture, Site)> = OnceLock::new();
    SHARED.get_or_init(|| {
        let fixture = Fixture::new("shared");
        let site = fixture.build(SecurityOptions::default());
        (fixture, site)
    })
}

fn site() -> &'static Site {
    &shared().1
}

/// An answer, parsed back.
#[derive(Debug)]
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    /// As sent (maybe compressed).
    raw: Vec<u8>,
    close: bool,
}

impl Reply {
    fn header(&self, name: &str) -> &str {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map_or("", |(_, v)| v.as_str())
    }

    fn count(&self, name: &str) -> usize {
        self.headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .count()
    }

    /// The body, decoded from its Content-Encoding.
    fn bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        match self.header("content-encoding") {
            "br" => {
                brotli::Decompressor::new(&self.raw[..], 4096)
                    .read_to_end(&mut out)
                    .unwrap();
            }
            "gzip" => {
                flate2::read::GzDecoder::new(&self.raw[..])
                    .read_to_end(&mut out)
                    .unwrap();
            }
            "" => out.clone_from(&self.raw),
            other => panic!("unknown encoding {other}"),
        }
        out
    }

    fn body(&self) -> String {
        String::from_utf8(self.bytes()).unwrap()
    }
}

/// What `site` answers to these raw bytes.
fn ask_site(site: &Site, request: &[u8]) -> Reply {
    match step(site, request, &Limits::default(), false, SystemTime::now()) {
        Step::Answer { answer, .. } => {
            let mut fields = [httparse::EMPTY_HEADER; 64];
            let mut res = httparse::Response::new(&mut fields);
            let parsed = res.parse(&answer.head).unwrap();
            assert_eq!(
                parsed,
                httparse::Status::Complete(answer.head.len()),
                "one whole head"
            );
            let headers: Vec<(String, String)> = res
                .headers
                .iter()
                .map(|h| {
                    (
                        h.name.to_owned(),
                        String::from_utf8(h.value.to_vec()).unwrap(),
                    )
                })
                .collect();
            Reply {
                status: res.code.unwrap(),
                headers,
                raw: answer.body.to_vec(),
                close: answer.close,
            }
        }
        Step::NeedMore => panic!("the request was not complete"),
        Step::Sync { .. } => panic!("sync is off in these tests"),
    }
}

fn ask(request: &str) -> Reply {
    ask_site(site(), request.as_bytes())
}

fn get(path: &str) -> Reply {
    ask(&format!("GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n"))
}

fn get_with(path: &str, header: &str) -> Reply {
    ask(&format!(
        "GET {path} HTTP/1.1\r\nHost: localhost\r\n{header}\r\n\r\n"
    ))
}

#[test]
fn home_is_rendered_once_with_its_hydration_script() {
    let reply = get("/");
    assert_eq!(reply.status, 200);
    assert!(reply.header("content-type").starts_with("text/html"));
    assert_eq!(reply.header("cache-control"), "no-cache");
    let body = reply.body();
    assert!(body.starts_with("<!DOCTYPE html>"));
    assert!(body.contains("<title>BackStrong</title>"));
    assert!(body.contains("<h1>BackStrong</h1>"));
    for href in ["/program", "/session", "/progress", "/settings"] {
        assert!(body.contains(&format!("href=\"{href}\"")), "{href}");
    }
    // The hydration script, from its own file (checked in
    // every_page_loads_one_boot_script_that_is_served_cached_and_kept_offline).
    assert!(body.contains(r#"<script type="module" src="/pkg/boot."#));
    assert!(body.contains("rel=\"stylesheet\""));
    assert!(
        !body.contains("nonce"),
        "no nonces: scripts are allowed by hash"
    );
}

#[test]
fn every_screen_renders_with_its_title() {
    for (path, title) in [
        ("/program", "Program"),
        ("/session", "Session"),
        ("/progress", "Progress"),
        ("/settings", "Settings"),
    ] {
        let reply = get(path);
        assert_eq!(reply.status, 200, "{path}");
        let body = reply.body();
        assert!(
            body.contains(&format!("<title>{title} · BackStrong</title>")),
            "{path}"
        );
        assert!(
            body.contains("aria-current=\"page\""),
            "{path}: current screen marked"
        );
    }
    // the server renders the default settings; the browser shows the stored
    // ones
    let settings = get("/settings").body();
    for shown in [
        r#"data-choice="theme:system" aria-pressed="true""#,
        r#"data-choice="theme:dark" aria-pressed="false""#,
        r#"data-choice="unit:kg" aria-pressed="true""#,
        r#"data-amount-value="weekly-target">3</output>"#,
        r#"data-amount-value="rest:leg-press">90 s</output>"#,
    ] {
        assert!(settings.contains(shown), "{shown}");
    }
}

#[test]
fn unknown_page_is_a_real_404_page() {
    for path in [
        "/no/such/page",
        "/exercise/squat",
        "/a%00",
        "/program?x=1/../",
    ] {
        let reply = get(path);
        if path.contains('?') {
            assert_eq!(
                reply.status, 200,
                "{path}: the query is not part of the address"
            );
            continue;
        }
        assert_eq!(reply.status, 404, "{path}");
        assert!(
            reply.header("content-type").starts_with("text/html"),
            "{path}"
        );
        let body = reply.body();
        assert!(body.contains("Page not found"), "{path}");
        assert!(
            body.contains(r#"<script type="module" src="/pkg/boot."#),
            "the 404 page is the app, so it hydrates"
        );
    }
}

#[test]
fn missing_asset_is_a_plain_404_never_the_app() {
    for path in [
        "/pkg/backstrong.ffff.wasm",
        "/pkg/nope.js",
        "/favicon.ico",
        "/deep/path/x.css",
    ] {
        let reply = get(path);
        assert_eq!(reply.status, 404, "{path}");
        assert!(
            !reply.body().contains("<html"),
            "{path} answered with the app shell"
        );
        assert_eq!(
            reply.header("cache-control"),
            "no-cache",
            "{path}: a 404 is never cached forever"
        );
    }
}

#[test]
fn every_page_loads_one_boot_script_that_is_served_cached_and_kept_offline() {
    const TAG: &str = r#"<script type="module" src=""#;
    let mut boot = None;
    for path in site().pages.iter().map(String::as_str).chain(["/nope"]) {
        let html = get(path).body();
        assert_eq!(html.matches(TAG).count(), 1, "{path}");
        let at = html.find(TAG).unwrap() + TAG.len();
        let src = html[at..at + html[at..].find('"').unwrap()].to_owned();
        assert_eq!(boot.get_or_insert_with(|| src.clone()), &src, "{path}");
        assert!(
            !html.contains("hydrateIslands"),
            "{path}: the script is inline too"
        );
    }
    let src = boot.unwrap();
    assert!(
        src.starts_with("/pkg/boot.") && src.ends_with(".js"),
        "{src}"
    );
    let js = get_with(&src, "Accept-Encoding: br");
    assert_eq!(js.status, 200);
    assert!(js.header("content-type").contains("javascript"));
    assert_eq!(js.header("content-encoding"), "br");
    assert_eq!(
        js.header("cache-control"),
        "public, max-age=31536000, immutable"
    );
    let text = js.body();
    assert!(text.contains("hydrateIslands") && text.contains("backstrong-preload"));
    let worker = get("/sw.js").body();
    assert!(
        worker.contains(&format!("\"{src}\"")),
        "not kept for offline use"
    );
}

#[test]
fn hashed_assets_are_cached_forever_with_the_right_type() {
    let wasm = get("/pkg/backstrong.0123abcd.wasm");
    assert_eq!(wasm.status, 200);
    assert_eq!(wasm.header("content-type"), "application/wasm");
    assert_eq!(
        wasm.header("cache-control"),
        "public, max-age=31536000, immutable"
    );
    let js = get("/pkg/backstrong.0123abcd.js");
    assert!(js.header("content-type").contains("javascript"));
    let icon = get("/favicon.svg");
    assert_eq!(icon.status, 200);
    assert_eq!(icon.header("content-type"), "image/svg+xml");
    assert_eq!(icon.header("cache-control"), "no-cache");
    let png = get_with("/icons/icon-192.png", "Accept-Encoding: br, gzip");
    assert_eq!(png.header("content-type"), "image/png");
    assert_eq!(
        png.header("content-encoding"),
        "",
        "images are not compressed again"
    );
    assert_eq!(png.header("vary"), "");
}

#[test]
fn every_encoding_decodes_to_the_same_bytes_with_its_own_etag() {
    for path in [
        "/",
        "/program",
        "/pkg/backstrong.0123abcd.js",
        "/sw.js",
        "/manifest-less",
        "/favicon.svg",
    ] {
        let plain = get(path);
        let mut tags = std::collections::BTreeSet::new();
        for (accept, encoding) in [
            ("br", "br"),
            ("gzip", "gzip"),
            ("br;q=0, gzip", "gzip"),
            ("identity", ""),
        ] {
            let reply = get_with(path, &format!("Accept-Encoding: {accept}"));
            assert_eq!(reply.status, plain.status, "{path}");
            assert_eq!(
                reply.header("content-encoding"),
                encoding,
                "{path} {accept}"
            );
            assert_eq!(reply.header("vary"), "accept-encoding", "{path}");
            assert_eq!(reply.bytes(), plain.bytes(), "{path} {accept}");
            assert_eq!(
                reply.header("content-length"),
                reply.raw.len().to_string(),
                "{path}"
            );
            if reply.status == 200 {
                tags.insert(reply.header("etag").to_owned());
            }
        }
        if plain.status == 200 {
            assert_eq!(
                tags.len(),
                3,
                "{path}: one strong ETag per encoding: {tags:?}"
            );
        }
    }
    // The build's own twins are sent as they are.
    let js = get_with("/pkg/backstrong.0123abcd.js", "Accept-Encoding: gzip");
    assert_eq!(js.raw, gzip(b"export default 1;"));
    let js = get_with("/pkg/backstrong.0123abcd.js", "Accept-Encoding: br");
    assert_eq!(js.raw, brotli(b"export default 1;"));
}

#[test]
fn head_answers_the_same_headers_as_get_and_no_body() {
    for path in [
        "/",
        "/pkg/backstrong.0123abcd.wasm",
        "/nope",
        "/x.js",
        "/healthz",
        "/program/",
    ] {
        for accept in ["br", "gzip", "identity"] {
            let request = |method: &str| {
                ask(&format!(
                    "{method} {path} HTTP/1.1\r\nHost: x\r\nAccept-Encoding: {accept}\r\n\r\n"
                ))
            };
            let (get, head) = (request("GET"), request("HEAD"));
            assert_eq!(head.status, get.status, "{path}");
            let without_date = |r: &Reply| {
                r.headers
                    .iter()
                    .filter(|(n, _)| n != "date")
                    .cloned()
                    .collect::<Vec<_>>()
            };
            assert_eq!(without_date(&head), without_date(&get), "{path} {accept}");
            assert!(head.raw.is_empty(), "{path}: HEAD has no body");
        }
    }
}

#[test]
fn a_revalidation_with_the_etag_is_a_304_without_a_body() {
    for path in ["/", "/settings", "/sw.js", "/pkg/backstrong.0123abcd.wasm"] {
        for accept in ["br", "gzip", "identity"] {
            let first = get_with(path, &format!("Accept-Encoding: {accept}"));
            let etag = first.header("etag");
            assert!(
                etag.starts_with('"') && etag.ends_with('"'),
                "{path}: strong {etag}"
            );
            let again = get_with(
                path,
                &format!("Accept-Encoding: {accept}\r\nIf-None-Match: {etag}"),
            );
            assert_eq!(again.status, 304, "{path} {accept}");
            assert!(again.raw.is_empty());
            assert_eq!(again.header("etag"), etag);
            assert_eq!(again.header("cache-control"), first.header("cache-control"));
            assert!(!again.header("content-security-policy").is_empty());
            // Another encoding's tag does not match this one.
            let other = get_with(
                path,
                &format!("Accept-Encoding: {accept}\r\nIf-None-Match: \"other\""),
            );
            assert_eq!(other.status, 200);
        }
    }
}

#[test]
fn trailing_slash_redirects_to_the_canonical_page() {
    let reply = get("/settings/");
    assert_eq!(reply.status, 308);
    assert_eq!(reply.header("location"), "/settings");
    assert_eq!(get("/settings/?a=1").header("location"), "/settings?a=1");
    // an attempt at an open redirect stays a local 404
    for path in [
        "//evil.example/",
        "/%5Cevil.example/",
        "///evil.example/",
        "/\\evil.example/",
    ] {
        let reply = get(path);
        let location = reply.header("location");
        assert!(
            !location.starts_with("//") && !location.starts_with("/\\"),
            "{path} -> {location}"
        );
    }
}

#[test]
fn the_export_covers_every_route() {
    let listed = app::prerendered_paths();
    // A route matches a listed path segment by segment; `{param}` matches any.
    let matches = |route: &str, path: &str| {
        let (r, p): (Vec<_>, Vec<_>) = (route.split('/').collect(), path.split('/').collect());
        r.len() == p.len() && r.iter().zip(&p).all(|(r, p)| r.starts_with('{') || r == p)
    };
    for route in leptos_axum::generate_route_list(app::App) {
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
    // and the server holds each of them
    for path in &listed {
        assert_eq!(get(path).status, 200, "{path}");
    }
}

/// The export of the shared site, written once.
fn exported() -> &'static Path {
    static OUT: OnceLock<PathBuf> = OnceLock::new();
    OUT.get_or_init(|| {
        let out = shared().0.0.with_extension("out");
        let _ = std::fs::remove_dir_all(&out);
        server::export::write_site(site(), &out).unwrap();
        out
    })
}

#[test]
fn the_server_sends_exactly_the_export_for_every_route_and_encoding() {
    let out = exported();
    let mut checked = 0;
    for path in site().paths().into_iter().chain(["/no/such/page"]) {
        let resource = site().get(path).unwrap_or(site().not_found());
        for (accept, suffix) in [("br", ".br"), ("gzip", ".gz"), ("identity", "")] {
            let reply = get_with(path, &format!("Accept-Encoding: {accept}"));
            let file = out.join(format!("{}{suffix}", resource.file));
            if reply.header("content-encoding").is_empty() && !suffix.is_empty() {
                // Sent as it is (an image): the export has no twin either.
                assert!(!file.exists(), "{}", file.display());
                continue;
            }
            let on_disk =
                std::fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            assert_eq!(
                reply.raw, on_disk,
                "{path} {accept}: not the export's bytes"
            );
            checked += 1;
        }
    }
    assert!(checked > 3 * app::prerendered_paths().len(), "{checked}");
    // and nothing else is in the export, but its marker and _headers
    let mut files = Vec::new();
    let mut stack = vec![out.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(
                    path.strip_prefix(out)
                        .unwrap()
                        .to_string_lossy()
                        .into_owned(),
                );
            }
        }
    }
    let served: std::collections::BTreeSet<String> = site()
        .resources()
        .flat_map(|r| {
            r.variants()
                .map(move |(e, _)| format!("{}{}", r.file, e.suffix()))
        })
        .chain([".backstrong-export".into(), "_headers".into()])
        .collect();
    assert_eq!(
        files.into_iter().collect::<std::collections::BTreeSet<_>>(),
        served
    );
}

#[test]
fn the_headers_file_declares_what_the_server_sends() {
    let text = std::fs::read_to_string(exported().join("_headers")).unwrap();
    // Blocks of "path pattern" then "  Name: value" lines.
    let mut blocks: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        if let Some(field) = line.strip_prefix("  ") {
            let (name, value) = field.split_once(": ").unwrap();
            blocks
                .last_mut()
                .unwrap()
                .1
                .push((name.to_owned(), value.to_owned()));
        } else {
            blocks.push((line.to_owned(), Vec::new()));
        }
    }
    assert!(blocks.len() >= 3, "{text}");
    for path in site().paths() {
        let reply = get(path);
        for (pattern, fields) in &blocks {
            let applies = match pattern.strip_suffix('*') {
                Some(prefix) => path.starts_with(prefix),
                None => path == pattern,
            };
            if !applies {
                continue;
            }
            for (name, value) in fields {
                assert_eq!(reply.header(name), value, "{path}: {name}");
            }
        }
    }
}

#[tokio::test]
async fn an_export_built_with_a_sync_url_names_it_and_allows_only_it() {
    let fixture = Fixture::new("export-sync");
    let out = fixture.0.with_extension("out");
    let api = "https://sync.example.org/api/sync/v1/";
    server::export(fixture.options(), &out, Some(api))
        .await
        .unwrap();
    let page = std::fs::read_to_string(out.join("settings/index.html")).unwrap();
    assert!(page.contains(&format!(r#"<meta name="backstrong-sync" content="{api}">"#)));
    assert!(
        page.contains("connect-src 'self' https://sync.example.org;"),
        "{page}"
    );
    let headers = std::fs::read_to_string(out.join("_headers")).unwrap();
    assert!(headers.contains("connect-src 'self' https://sync.example.org;"));

    // Without one: no sync offered, and the pages call their own origin only.
    server::export(fixture.options(), &out, None).await.unwrap();
    let page = std::fs::read_to_string(out.join("settings/index.html")).unwrap();
    assert!(!page.contains("backstrong-sync"));
    assert!(page.contains("connect-src 'self';"));
    let _ = std::fs::remove_dir_all(&out);
}

#[tokio::test]
async fn export_writes_every_page_a_404_and_twins() {
    let fixture = Fixture::new("export");
    let out = fixture.0.with_extension("out");
    let written = server::export(fixture.options(), &out, None).await.unwrap();
    for file in [
        "index.html",
        "index.html.br",
        "index.html.gz",
        "program/index.html",
        "settings/index.html",
        "404.html",
        "404.html.br",
        "sw.js",
        "pkg/backstrong.0123abcd.wasm",
        "favicon.svg",
        "_headers",
    ] {
        assert!(written.contains(&out.join(file)), "{file} not written");
        assert!(out.join(file).is_file(), "{file} missing");
    }
    let page = std::fs::read_to_string(out.join("settings/index.html")).unwrap();
    assert!(page.contains("<title>Settings · BackStrong</title>"));
    assert!(
        std::fs::read_to_string(out.join("404.html"))
            .unwrap()
            .contains("Page not found")
    );
    std::fs::remove_dir_all(&out).unwrap();
}

#[tokio::test]
async fn export_without_a_built_site_says_what_to_do() {
    let options = leptos::config::LeptosOptions::builder()
        .output_name("backstrong")
        .site_root("/nonexistent/backstrong-site")
        .build();
    let err = server::export(options, Path::new("/tmp/backstrong-never"), None)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("build it first"), "{err}");
}

#[test]
fn program_cards_show_name_prescription_and_caution() {
    let reply = get("/program");
    assert_eq!(reply.status, 200);
    let body = reply.body();
    for exercise in app::program::EXERCISES {
        assert!(body.contains(exercise.name), "{}", exercise.id);
        assert!(
            body.contains(&exercise.prescription.label()),
            "{}",
            exercise.id
        );
        assert!(body.contains(exercise.cautions[0].text), "{}", exercise.id);
        assert!(body.contains(&format!("href=\"/exercise/{}\"", exercise.id)));
    }
    assert!(body.contains("5 sets × 15 reps"));
    assert_eq!(
        body.matches(">suggested</span>").count(),
        3,
        "F30, F38, F50"
    );
}

#[test]
fn an_exercise_page_has_everything_and_a_stop_control() {
    let reply = get("/exercise/leg-press");
    assert_eq!(reply.status, 200);
    let body = reply.body();
    assert!(body.contains("<title>Leg press · BackStrong</title>"));
    let leg_press = app::program::exercise("leg-press").unwrap();
    for point in leg_press
        .cues
        .iter()
        .chain(leg_press.cautions)
        .chain(leg_press.progressions)
    {
        assert!(body.contains(point.text), "{}", point.text);
    }
    assert!(body.contains("Stop: pain, numbness or tingling"));
    assert!(
        body.contains("data-on=\"quads gmax hams\""),
        "body map highlights"
    );
    assert!(body.contains("<svg viewBox"), "illustration inline");
}

/// Every answer the server can give, good and bad.
fn every_kind_of_answer() -> Vec<(&'static str, Reply)> {
    let big = format!(
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\n\r\n",
        64 * 1024 + 1
    );
    vec![
        ("page", get("/")),
        ("file", get("/pkg/backstrong.0123abcd.wasm")),
        ("404 page", get("/nope")),
        ("404 file", get("/x.js")),
        ("redirect", get("/program/")),
        (
            "304",
            get_with("/", &format!("If-None-Match: {}", get("/").header("etag"))),
        ),
        ("healthz", get("/healthz")),
        ("413", ask(&big)),
        (
            "405",
            ask("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\na=1"),
        ),
        ("414", get(&format!("/{}", "a".repeat(3000)))),
        ("400 target", ask("GET x:80 HTTP/1.1\r\nHost: x\r\n\r\n")),
        ("400 malformed", ask("GET / HTTP/1.1\r\nHost\r\n\r\n")),
        (
            "411",
            ask("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"),
        ),
        (
            "431",
            ask(&format!(
                "GET / HTTP/1.1\r\nHost: x\r\nX-Big: {}",
                "a".repeat(17 * 1024)
            )),
        ),
    ]
}

#[test]
fn every_answer_carries_the_security_headers_and_a_cache_control() {
    for (what, reply) in every_kind_of_answer() {
        let csp = reply.header("content-security-policy");
        assert!(
            csp.starts_with("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-"),
            "{what}: {csp}"
        );
        assert_eq!(csp, site().policy, "{what}: one policy for the whole site");
        assert!(csp.contains("frame-ancestors 'none'"), "{what}");
        assert!(
            !csp.contains("unsafe-inline") && !csp.contains("nonce"),
            "{what}"
        );
        assert_eq!(reply.header("x-content-type-options"), "nosniff", "{what}");
        assert_eq!(reply.header("referrer-policy"), "no-referrer", "{what}");
        assert!(
            reply
                .header("permissions-policy")
                .contains("screen-wake-lock=(self)"),
            "{what}"
        );
        assert!(
            reply.header("permissions-policy").contains("camera=()"),
            "{what}"
        );
        assert!(!reply.header("cache-control").is_empty(), "{what}");
        assert!(!reply.header("date").is_empty(), "{what}");
        assert_eq!(reply.count("content-security-policy"), 1, "{what}");
        // no HSTS unless the server is told it sits behind TLS
        assert_eq!(reply.header("strict-transport-security"), "", "{what}");
        assert!(reply.status < 500, "{what}");
    }
    let behind_tls = shared().0.build(SecurityOptions {
        behind_tls_proxy: true,
    });
    let reply = ask_site(&behind_tls, b"GET x:80 HTTP/1.1\r\nHost: x\r\n\r\n");
    assert!(
        reply
            .header("strict-transport-security")
            .starts_with("max-age=")
    );
}

#[test]
fn the_policy_allows_exactly_each_pages_inline_scripts_by_hash() {
    use base64::Engine;
    use sha2::Digest;
    for path in site().pages.iter().map(String::as_str).chain(["/nope"]) {
        let html = get(path).body();
        let meta_start = html
            .find("<head><meta http-equiv=\"Content-Security-Policy\" content=\"")
            .unwrap_or_else(|| panic!("{path}: no meta policy first in head"));
        let policy = html[meta_start..]
            .split("content=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        assert!(!policy.contains("frame-ancestors"), "{path}");
        let mut rest = html.as_str();
        let mut count = 0;
        while let Some(i) = rest.find("<script") {
            let after = &rest[i..];
            let body_start = after.find('>').unwrap() + 1;
            let body_len = after[body_start..].find("</script>").unwrap();
            let body = &after[body_start..body_start + body_len];
            if after[..body_start].contains(" src=") {
                // A script from a file: 'self' allows it, not a hash.
                assert_eq!(body, "", "{path}");
                rest = &after[body_start + body_len..];
                continue;
            }
            let hash = format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD
                    .encode(sha2::Sha256::digest(body.as_bytes()))
            );
            assert!(
                policy.contains(&hash),
                "{path}: script not allowed by its meta policy"
            );
            assert!(
                site().policy.contains(&hash),
                "{path}: script not allowed by the header"
            );
            count += 1;
            rest = &after[body_start + body_len..];
        }
        assert!(count > 0, "{path}");
    }
}

#[test]
fn healthz_answers_ok_uncached() {
    let reply = get("/healthz");
    assert_eq!(reply.status, 200);
    assert_eq!(reply.body(), "ok\n");
    assert_eq!(reply.header("cache-control"), "no-store");
}

#[test]
fn bodies_and_methods_the_app_does_not_take_are_refused_plainly() {
    let kinds = every_kind_of_answer();
    let status = |what: &str| kinds.iter().find(|(w, _)| *w == what).unwrap().1.status;
    assert_eq!(status("413"), 413);
    assert_eq!(status("405"), 405);
    assert_eq!(status("411"), 411);
    assert_eq!(
        kinds
            .iter()
            .find(|(w, _)| *w == "405")
            .unwrap()
            .1
            .header("allow"),
        "GET, HEAD"
    );
    assert!(kinds.iter().find(|(w, _)| *w == "413").unwrap().1.close);
}

#[test]
fn hostile_requests_get_a_4xx_never_a_5xx() {
    let long_segment = format!("/{}", "a".repeat(255));
    let cases: Vec<(String, u16)> = vec![
        // A request target that is not a path (hole 2).
        ("GET x:80 HTTP/1.1\r\nHost: x\r\n\r\n".into(), 400),
        ("GET localhost HTTP/1.1\r\nHost: x\r\n\r\n".into(), 400),
        ("HEAD favicon.svg HTTP/1.1\r\nHost: x\r\n\r\n".into(), 400),
        ("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n".into(), 405),
        ("GET /caf\u{e9} HTTP/1.1\r\nHost: x\r\n\r\n".into(), 400),
        // Paths no file system could hold (hole 3).
        (
            format!("GET {long_segment} HTTP/1.1\r\nHost: x\r\nAccept-Encoding: br\r\n\r\n"),
            404,
        ),
        (
            format!("GET {long_segment}.js HTTP/1.1\r\nHost: x\r\nAccept-Encoding: br\r\n\r\n"),
            404,
        ),
        ("HEAD /a%00 HTTP/1.1\r\nHost: x\r\n\r\n".into(), 404),
        (
            "GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n".into(),
            404,
        ),
        // Host: exactly one on HTTP/1.1 (hole 6).
        ("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n".into(), 400),
        ("GET / HTTP/1.1\r\n\r\n".into(), 400),
        ("GET / HTTP/1.0\r\n\r\n".into(), 200),
        // Broken heads.
        (
            "GET / HTTP/1.1\r\nHost: x\r\n folded: header\r\n\r\n".into(),
            400,
        ),
        ("GET / HTTP/9.9\r\nHost: x\r\n\r\n".into(), 400),
        (
            "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n".into(),
            400,
        ),
    ];
    for (request, expected) in cases {
        let reply = ask(&request);
        assert_eq!(reply.status, expected, "{request:?}");
        assert!(
            !reply.header("content-security-policy").is_empty(),
            "{request:?}"
        );
    }
}

#[test]
fn the_service_worker_is_of_this_build_and_revalidated() {
    let reply = get("/sw.js");
    assert_eq!(reply.status, 200);
    assert_eq!(reply.header("cache-control"), "no-cache");
    assert!(reply.header("content-type").starts_with("text/javascript"));
    let sw = reply.body();
    assert!(!sw.contains("__BUILD__") && !sw.contains("__PACK__") && !sw.contains("__ASSETS__"));
    assert!(sw.contains(&format!("const BUILD = \"{}\"", site().build)));
    assert!(sw.contains(&format!(
        "const PACK = \"/pkg/offline.{}.pack\";",
        site().build
    )));
    assert!(sw.contains(r#""/pkg/backstrong.0123abcd.wasm""#));
    assert!(!sw.contains(".wasm.br") && !sw.contains("robots.txt"));
}

/// The worker's pack (`server::pack`) holds every page, byte for byte as
/// the server sends it, with its type and security headers; it is named
/// after the build and cached for good, like the other files of a build.
#[test]
fn the_offline_pack_holds_every_page_as_the_server_sends_it() {
    assert_eq!(site().pack, format!("/pkg/offline.{}.pack", site().build));
    let reply = get_with(&site().pack, "Accept-Encoding: br");
    assert_eq!(reply.status, 200);
    assert_eq!(reply.header("content-encoding"), "br");
    assert_eq!(
        reply.header("cache-control"),
        "public, max-age=31536000, immutable"
    );
    let bytes = reply.bytes();
    let entries = server::pack::read(&bytes).expect("a pack");
    let paths: Vec<&str> = entries.iter().map(|e| &*e.path).collect();
    assert_eq!(paths, site().pages);
    for entry in &entries {
        let page = get_with(&entry.path, "Accept-Encoding: identity");
        assert_eq!(entry.body, page.bytes(), "{}", entry.path);
        let header = |name: &str| {
            entry
                .headers
                .iter()
                .find(|(n, _)| n == name)
                .map_or("", |(_, v)| v.as_str())
        };
        for name in [
            "content-type",
            "content-security-policy",
            "x-frame-options",
            "referrer-policy",
        ] {
            assert!(!header(name).is_empty(), "{} {name}", entry.path);
            assert_eq!(header(name), page.header(name), "{} {name}", entry.path);
        }
        // Nothing that describes one download (its length, its encoding).
        assert_eq!(header("content-length"), "");
        assert_eq!(header("etag"), "");
    }
}

#[test]
fn any_changed_file_makes_a_new_build() {
    let fixture = Fixture::new("new-build");
    let before = fixture.build(SecurityOptions::default()).build;
    std::fs::write(
        fixture.0.join("favicon.svg"),
        b"<svg xmlns=\"http://www.w3.org/2000/svg\"><g/></svg>",
    )
    .unwrap();
    let after = fixture.build(SecurityOptions::default()).build;
    assert_ne!(before, after);
    let _ = std::fs::remove_dir_all(&fixture.0);
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

#[test]
fn every_fact_of_the_source_is_on_its_page() {
    let numbers: Vec<u8> = FACT_TABLE.iter().map(|(f, _, _)| *f).collect();
    assert_eq!(numbers, (1..=55).collect::<Vec<_>>(), "one row per fact");
    let mut pages = std::collections::BTreeMap::new();
    for (fact, path, needles) in FACT_TABLE {
        if !pages.contains_key(path) {
            let reply = get(path);
            assert_eq!(reply.status, 200, "{path}");
            pages.insert(*path, readable(&reply.body()));
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
        let page = readable(&get(&format!("/exercise/{id}")).body());
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
        let page = readable(&get(path).body());
        assert!(!page.contains(wrong), "{path} still says {wrong:?}");
    }
    assert!(pages["/session"].contains("Call your doctor or emergency services now"));
}

#[tokio::test]
async fn export_never_deletes_what_is_not_an_earlier_export() {
    use server::export::{EXPORT_MARKER, ExportError};
    let site = Fixture::new("export-safety");
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
        server::export(site.options(), Path::new("."), None).await,
        "current folder",
    );
    refused(
        server::export(site.options(), here.parent().unwrap(), None).await,
        "current folder or a folder above",
    );
    // The built site, and a folder inside it: the assets stay.
    refused(
        server::export(site.options(), &site.0, None).await,
        "built site",
    );
    refused(
        server::export(site.options(), &site.0.join("pkg"), None).await,
        "built site",
    );
    refused(
        server::export(site.options(), &site.0.join("new-folder"), None).await,
        "inside the built site",
    );
    assert!(site.0.join("pkg/backstrong.0123abcd.wasm").is_file());
    // A folder of someone's files: untouched.
    let theirs = site.0.with_extension("theirs");
    std::fs::create_dir_all(&theirs).unwrap();
    std::fs::write(theirs.join("thesis.txt"), "years of work").unwrap();
    refused(
        server::export(site.options(), &theirs, None).await,
        "not an earlier export",
    );
    assert_eq!(
        std::fs::read_to_string(theirs.join("thesis.txt")).unwrap(),
        "years of work"
    );
    // A file.
    refused(
        server::export(site.options(), &theirs.join("thesis.txt"), None).await,
        "a file",
    );
    // An earlier export is replaced, as is an empty folder.
    let out = site.0.with_extension("exported");
    let _ = std::fs::remove_dir_all(&out);
    server::export(site.options(), &out, None).await.unwrap();
    assert!(out.join(EXPORT_MARKER).is_file());
    std::fs::write(out.join("stale.html"), "old").unwrap();
    server::export(site.options(), &out, None).await.unwrap();
    assert!(
        !out.join("stale.html").exists(),
        "an earlier export is replaced whole"
    );
    let _ = std::fs::remove_dir_all(&theirs);
    let _ = std::fs::remove_dir_all(&out);
}

/// A build folder's split manifest is read by the server, never served: each
/// page that loads that folder names its files; a broken manifest stops the
/// start with the file's name, rather than pages that cannot load their islands.
#[test]
fn the_split_manifest_becomes_each_pages_file_list_or_a_clear_error() {
    let build = |fixture: &Fixture| {
        let options = fixture.options();
        std::thread::spawn(move || {
            tokio::runtime::Runtime::new()
                .unwrap()
                .block_on(Site::build(&options, SecurityOptions::default(), None))
        })
        .join()
        .unwrap()
    };
    let fixture = Fixture::new("manifest");
    let folder = fixture.0.join("pkg/0123abcd0123abcd");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("manifest.json"),
        b"{\"x_loader_1\": [\"chunk_1\"]}",
    )
    .unwrap();
    std::fs::write(folder.join("chunk_1.wasm"), b"\0asm\x01\0\0\0chunk").unwrap();
    let site = build(&fixture).expect("a site");
    assert!(site.get("/pkg/0123abcd0123abcd/manifest.json").is_none());
    // The worker keeps the split's files in its pack, after the pages.
    let pack = site.get(&site.pack).expect("the pack").identity().clone();
    let entries = server::pack::read(&pack).expect("a pack");
    let chunk = entries.last().expect("files in the pack");
    assert_eq!(chunk.path, "/pkg/0123abcd0123abcd/chunk_1.wasm");
    assert_eq!(chunk.body, b"\0asm\x01\0\0\0chunk");
    assert_eq!(
        chunk.headers,
        [("content-type".to_owned(), "application/wasm".to_owned())]
    );
    assert_eq!(entries.len(), site.pages.len() + 1);

    std::fs::write(folder.join("manifest.json"), b"{ not json").unwrap();
    let err = build(&fixture).expect_err("a broken manifest").to_string();
    assert!(
        err.contains("/pkg/0123abcd0123abcd/manifest.json") && err.contains("not a split manifest"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&fixture.0);
}
