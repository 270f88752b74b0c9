//! The split wasm in headless Chromium, from the server and the static
//! export: each page with a lazy island fetches exactly the files it lists,
//! all at once after the first paint, each once, all of one build; the island
//! works; and the console stays clean. The stored data's reader is a split
//! of its own, fetched only when the browser holds the app's data.

use end2end::{Browser, Host, Site};
use serde_json::Value;
use std::collections::BTreeSet;

/// Pages with a lazy island, and an element that is there only once that
/// island has hydrated (a control it renders or enables).
const LAZY_PAGES: [(&str, &str); 6] = [
    ("/session", "body[data-hydrated] [data-testid='start']"),
    ("/progress", "[data-testid='progress-empty']"),
    ("/report", "body[data-hydrated] [data-period]"),
    (
        "/settings",
        "body[data-hydrated] [data-theme-choice='dark']",
    ),
    (
        "/exercise/leg-press",
        "body[data-hydrated] textarea#note-leg-press",
    ),
    // A server without sync: the pairing page says it cannot pair.
    ("/sync", "body[data-hydrated] [data-testid='pair-problem']"),
];

/// The files the page lists under `meta` for the hydration script, as full
/// addresses.
async fn listed(b: &Browser, meta: &str) -> Vec<String> {
    let list = b
        .js(
            "const m = document.querySelector(`meta[name=\"${arguments[0]}\"]`);
             return m ? m.content.split(' ').map(f => new URL(f, location.href).href) : [];",
            vec![meta.into()],
        )
        .await;
    list.as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap().to_owned())
        .collect()
}

/// Every wasm or js file of the build folder the page requested, with how it
/// was requested (`link` for the preloads).
async fn requested(b: &Browser) -> Vec<(String, String)> {
    let entries: Value = b
        .js(
            "return performance.getEntriesByType('resource')
               .filter(e => /\\/pkg\\/[0-9a-f]{16}\\//.test(e.name))
               .map(e => [e.name, e.initiatorType]);",
            vec![],
        )
        .await;
    entries
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e[0].as_str().unwrap().to_owned(),
                e[1].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// Opens `path`, waits for `live`, and checks what it fetched: exactly the
/// files it lists (and the reader's when `stored`), each once, every wasm
/// file by preload.
async fn fetches_what_it_lists(b: &Browser, host: Host, path: &str, live: &str, stored: bool) {
    b.wait_for(live).await;
    let mut listed_files = listed(b, "backstrong-preload").await;
    let reader = listed(b, "backstrong-preload-stored").await;
    assert!(
        reader.iter().any(|f| f.contains("/split_read_stored_")),
        "{host:?} {path}: the reader is not listed: {reader:?}"
    );
    if stored {
        listed_files.extend(reader);
    }
    // The page's own boot script (in the build folder too) starts it all.
    let scripts = b
        .js(
            "return [...document.querySelectorAll('script[src]')].map(s => s.src);",
            vec![],
        )
        .await;
    let scripts: Vec<String> = serde_json::from_value(scripts).unwrap();
    assert!(
        scripts.iter().any(|s| s.contains("/boot.")),
        "{host:?} {path}: no boot script: {scripts:?}"
    );
    listed_files.extend(scripts);
    let requested = requested(b).await;
    let names: Vec<&String> = requested.iter().map(|(name, _)| name).collect();
    let unique: BTreeSet<&String> = names.iter().copied().collect();
    assert_eq!(
        unique.len(),
        names.len(),
        "{host:?} {path}: fetched twice: {names:?}"
    );
    // Exactly the listed files: nothing the page needs was left out of
    // the list (it would be found late, one round trip after another), and
    // nothing it does not need was fetched (the reader, on a first visit).
    let listed_set: BTreeSet<&String> = listed_files.iter().collect();
    assert_eq!(
        unique, listed_set,
        "{host:?} {path} (data stored: {stored})"
    );
    // Each wasm file was asked for by the preload, before any script
    // needed it. (A module and its modulepreload share one fetch, which
    // Chromium may report under either.)
    for (name, initiator) in &requested {
        if name.ends_with(".wasm") {
            assert_eq!(
                initiator, "link",
                "{host:?} {path}: {name} was not preloaded"
            );
        }
    }
    b.assert_clean_console(&format!("{host:?} {path}")).await;
}

async fn lazy_islands_load_with_their_chunks(host: Host) {
    let site = Site::start(host).await;
    let browser = Browser::start().await;
    let b = &browser;
    for (path, live) in LAZY_PAGES {
        b.open(&site.url(path)).await;
        fetches_what_it_lists(b, host, path, live, false).await;
        let listed = listed(b, "backstrong-preload").await;
        // The js, the main wasm, the loader, and at least the island's split.
        assert!(listed.len() >= 4, "{host:?} {path}: {listed:?}");
        assert!(
            listed.iter().any(|f| f.contains("/split_")),
            "{host:?} {path} lists no split: {listed:?}"
        );
    }
    // Nothing stored on the home page either: no split at all.
    b.open(&site.url("/")).await;
    fetches_what_it_lists(b, host, "/", "body[data-hydrated]", false).await;
    assert!(
        !listed(b, "backstrong-preload")
            .await
            .iter()
            .any(|f| f.contains("/split_")),
        "{host:?}: the home page loads a split"
    );

    // With data stored (a body weight), every page also fetches the reader,
    // by preload, and shows what is stored.
    b.open(&site.url("/settings")).await;
    b.find("#body-weight")
        .await
        .send_keys("80\u{E004}")
        .await
        .unwrap();
    let with_data = [
        ("/", "body[data-hydrated]"),
        (
            "/exercise/leg-press",
            "body[data-hydrated] [data-testid='start-load'] strong",
        ),
        ("/session", "body[data-hydrated] [data-testid='start']"),
        ("/stop", "body[data-hydrated]"),
        (
            "/settings",
            "body[data-hydrated] [data-theme-choice='dark']",
        ),
    ];
    for (path, live) in with_data {
        b.open(&site.url(path)).await;
        fetches_what_it_lists(b, host, path, live, true).await;
        if path == "/exercise/leg-press" {
            let hint = b.text("[data-testid='start-load']").await;
            assert!(hint.contains("40 kg"), "{host:?}: {hint}");
        }
    }
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lazy_islands_load_with_their_chunks_from_the_server() {
    lazy_islands_load_with_their_chunks(Host::Server).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lazy_islands_load_with_their_chunks_from_the_static_export() {
    lazy_islands_load_with_their_chunks(Host::Export).await;
}

/// A chunk request that fails (the connection dropped on a first visit,
/// before the service worker has the files) is made again: the island comes
/// to life and the rest of the wasm keeps working, with nothing logged.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_chunk_that_fails_to_arrive_is_fetched_again() {
    let site = Site::start(Host::Server).await;
    let browser = Browser::start().await;
    let b = &browser;
    // The first request for each chunk fails as a dropped connection does.
    b.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        serde_json::json!({ "source": "
            window.__droppedChunks = 0;
            const realFetch = window.fetch;
            const dropped = new Set();
            window.fetch = function (input, init) {
              const url = String(input instanceof Request ? input.url : input);
              if (/\\/(chunk|split)_[^/]*\\.wasm$/.test(url) && !dropped.has(url)) {
                dropped.add(url);
                window.__droppedChunks++;
                return Promise.reject(new TypeError('Failed to fetch'));
              }
              return realFetch.call(this, input, init);
            };" }),
    )
    .await;
    b.open(&site.url("/settings")).await;
    b.click("[data-theme-choice='dark']").await;
    b.wait_for("html[data-theme='dark']").await;
    let dropped = b.js("return window.__droppedChunks", vec![]).await;
    assert!(
        dropped.as_u64().is_some_and(|n| n >= 2),
        "the test dropped no chunk request: {dropped}"
    );
    b.assert_clean_console("dropped chunks").await;
    browser.close().await;
}
