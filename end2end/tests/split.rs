//! The split wasm in headless Chromium, from the server and the static
//! export: each page with a lazy island fetches exactly the files it lists,
//! all at once after the first paint, each once, all of one build; the island
//! works; and the console stays clean.

use end2end::{Browser, Host, Site};
use serde_json::Value;
use std::collections::BTreeSet;

/// Pages with a lazy island, and an element that is there only once that
/// island has hydrated (a control it renders or enables).
const LAZY_PAGES: [(&str, &str); 5] = [
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
];

/// The files the page lists for the hydration script, as full addresses.
async fn listed(b: &Browser) -> Vec<String> {
    let list = b
        .js(
            "const m = document.querySelector('meta[name=\"backstrong-preload\"]');
             return m ? m.content.split(' ').map(f => new URL(f, location.href).href) : [];",
            vec![],
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

async fn lazy_islands_load_with_their_chunks(host: Host) {
    let site = Site::start(host).await;
    let browser = Browser::start().await;
    let b = &browser;
    for (path, live) in LAZY_PAGES {
        b.open(&site.url(path)).await;
        b.wait_for(live).await;
        let listed = listed(b).await;
        // The js, the main wasm, the loader, and at least the island's split.
        assert!(listed.len() >= 4, "{host:?} {path}: {listed:?}");
        assert!(
            listed.iter().any(|f| f.contains("/split_")),
            "{host:?} {path} lists no split: {listed:?}"
        );
        let requested = requested(b).await;
        let names: Vec<&String> = requested.iter().map(|(name, _)| name).collect();
        let unique: BTreeSet<&String> = names.iter().copied().collect();
        assert_eq!(
            unique.len(),
            names.len(),
            "{host:?} {path}: fetched twice: {names:?}"
        );
        // Exactly the listed files: nothing the page needs was left out of
        // the list (it would be found late, one round trip after another).
        let listed_set: BTreeSet<&String> = listed.iter().collect();
        assert_eq!(unique, listed_set, "{host:?} {path}");
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
