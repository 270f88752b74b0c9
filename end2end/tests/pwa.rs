//! The installable, offline app in headless Chromium: the service worker
//! takes control, every screen and a session work with the server gone,
//! Chromium finds the app installable, and a new build waits for the user
//! (never during a session) and then runs whole, with no request for the
//! old build's files failing.

use end2end::{Browser, Host, Site, TempDir, root, server_bin};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

/// Every page the app pre-renders, with its heading.
const SCREENS: [(&str, &str); 9] = [
    ("/", "BackStrong"),
    ("/program", "Program"),
    ("/warm-up", "Warm-up"),
    ("/session", "Today's session"),
    ("/progress", "Progress"),
    ("/report", "Report"),
    ("/settings", "Settings"),
    ("/stop", "Stop"),
    ("/about", "About"),
];

async fn installable_and_offline(host: Host) {
    let site = Site::start(host).await;
    let browser = Browser::start().await;
    let b = &browser;
    b.open(&site.url("/")).await;
    b.wait_controlled().await;

    // Chromium's own installability check finds nothing missing.
    let errors = b.cdp("Page.getInstallabilityErrors", json!({})).await;
    assert_eq!(
        errors["installabilityErrors"],
        json!([]),
        "{host:?}: {errors}"
    );
    let manifest = b
        .js(
            "return document.querySelector('link[rel=manifest]').href",
            vec![],
        )
        .await;
    assert!(
        manifest
            .as_str()
            .unwrap()
            .ends_with("/manifest.webmanifest")
    );

    // After a reload the worker still controls the page.
    b.reload().await;
    let script = b
        .js(
            "return navigator.serviceWorker.controller && navigator.serviceWorker.controller.scriptURL",
            vec![],
        )
        .await;
    assert!(
        script.as_str().is_some_and(|s| s.ends_with("/sw.js")),
        "{host:?}: {script}"
    );
    b.assert_clean_console(&format!("{host:?}: online")).await;

    // The server goes away: every screen still opens and hydrates, lazy
    // islands included (their chunks come from the worker's cache; the page
    // marks itself hydrated only after every island before the last).
    let base = site.base.clone();
    site.terminate().await;
    for (path, heading) in SCREENS {
        b.open(&format!("{base}{path}")).await;
        let h1 = b.heading().await;
        assert!(h1.starts_with(heading), "{host:?} offline {path}: {h1}");
    }
    b.open(&format!("{base}/exercise/leg-press")).await;
    assert_eq!(b.text("main h1").await, "Leg press");

    // A whole session step works offline, and a reload keeps it.
    b.open(&format!("{base}/session")).await;
    b.start_session_to_first_rest().await;
    b.reload().await;
    b.wait_for("[data-testid='countdown']").await;
    // Offline, every wasm file came from the one build folder the worker kept.
    wasm_folder(&b.js(RESOURCES, vec![]).await);
    b.assert_clean_console(&format!("{host:?}: offline")).await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn installable_and_offline_from_the_server() {
    installable_and_offline(Host::Server).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn installable_and_offline_from_the_static_export() {
    installable_and_offline(Host::Export).await;
}

/// How the worker keeps the session page's own files (its `SESSION_PACK`):
/// for each, how many headers its kept copy has. A file unpacked from a
/// pack has one, its type; one kept as the browser loaded it has the
/// server's (type, length, caching, ETag).
const SESSION_FILES_KEPT: &str = r#"const done = arguments[arguments.length - 1];
(async () => {
  const sw = await (await fetch("/sw.js")).text();
  const own = JSON.parse(sw.match(/const SESSION_PACK = (.*?);\n/)[1]);
  const name = (await caches.keys()).find((key) => key.startsWith("backstrong-"));
  const cache = await caches.open(name);
  const kept = await Promise.all(own.files.map(async (file) => {
    const response = await cache.match(file);
    return response ? [...response.headers.keys()].length : 0;
  }));
  done(kept);
})().catch((e) => done(String(e)));"#;

/// People often open the session page first: the worker then keeps the
/// files it loaded as they are, instead of downloading them again in a
/// pack. Opened after the home page, which loads none of them, they come
/// in their pack. Offline, the session works either way.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_session_page_opened_first_is_not_downloaded_again() {
    let site = Site::start(Host::Server).await;
    for (first, from_page) in [("/session", true), ("/", false)] {
        let browser = Browser::start().await;
        let b = &browser;
        b.open(&site.url(first)).await;
        b.wait_controlled().await;
        let kept = b.js_async(SESSION_FILES_KEPT, vec![]).await;
        let counts: Vec<u64> = kept
            .as_array()
            .unwrap_or_else(|| panic!("{first}: {kept}"))
            .iter()
            .filter_map(Value::as_u64)
            .collect();
        assert!(counts.len() > 1, "{first}: {kept}");
        if from_page {
            assert!(counts.iter().all(|&n| n > 1), "{first}: {kept}");
        } else {
            assert!(counts.iter().all(|&n| n == 1), "{first}: {kept}");
        }
        b.assert_clean_console(first).await;
        browser.close().await;
    }
    // Offline after the session page alone: the kept files run the session.
    let browser = Browser::start().await;
    let b = &browser;
    b.open(&site.url("/session")).await;
    b.wait_controlled().await;
    let base = site.base.clone();
    site.terminate().await;
    b.open(&format!("{base}/session")).await;
    b.start_session_to_first_rest().await;
    wasm_folder(&b.js(RESOURCES, vec![]).await);
    b.assert_clean_console("offline after the session page")
        .await;
    browser.close().await;
}

/// Build B: the same program under new content hashes, with its own
/// `hash.txt` next to a copy of the binary (where Leptos reads it), exported
/// into `out`. A real second build would differ in its bytes too; what
/// matters to the browser is that every name and the worker's build id are
/// new.
fn make_build_b(work: &Path, out: &Path) {
    let bin_dir = work.join("bin");
    let site = work.join("site");
    std::fs::create_dir_all(&bin_dir).unwrap();
    // A hard link where it can be: the dev build's binary is large.
    if std::fs::hard_link(server_bin(), bin_dir.join("backstrong")).is_err() {
        std::fs::copy(server_bin(), bin_dir.join("backstrong")).unwrap();
    }
    copy_dir(&root().join("target/site"), &site);
    let hashes = end2end::hashes();
    let mut renamed = String::new();
    for line in hashes.lines() {
        let (kind, old) = line.split_once(':').unwrap();
        let old = old.trim();
        // Same length, different digits: reversed and with its first digit changed.
        let mut new: String = old.chars().rev().collect();
        new.replace_range(0..1, if new.starts_with('b') { "c" } else { "b" });
        renamed.push_str(&format!("{kind}: {new}\n"));
        for entry in std::fs::read_dir(site.join("pkg")).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            // Hashed names (the css) and the build's folder (the wasm).
            if name.contains(&format!(".{old}.")) || name == old {
                let to = name
                    .replace(&format!(".{old}."), &format!(".{new}."))
                    .replace(old, &new);
                std::fs::rename(&path, site.join("pkg").join(to)).unwrap();
            }
        }
    }
    std::fs::write(bin_dir.join("hash.txt"), renamed).unwrap();
    let status = std::process::Command::new(bin_dir.join("backstrong"))
        .env("LEPTOS_SITE_ROOT", &site)
        .env("RUST_LOG", "warn")
        .args(["export", "--out"])
        .arg(out)
        .status()
        .unwrap();
    assert!(status.success(), "build B export failed");
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The build folder every wasm file the page loaded came from, and how many
/// files it loaded. Fails if the files came from two folders: two builds'
/// modules must never run together.
fn wasm_folder(entries: &Value) -> (String, usize) {
    let files: Vec<&str> = entries
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e.as_str())
        .filter(|e| e.ends_with(".wasm"))
        .collect();
    let folders: std::collections::BTreeSet<&str> = files
        .iter()
        .map(|f| f.rsplit_once('/').unwrap().0)
        .collect();
    assert_eq!(folders.len(), 1, "wasm from more than one build: {files:?}");
    (folders.into_iter().next().unwrap().to_owned(), files.len())
}

const RESOURCES: &str = "return performance.getEntriesByType('resource').map(e => e.name)";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_build_waits_for_the_session_to_end_then_runs_whole() {
    let work = TempDir::new("update");
    let served: PathBuf = work.0.join("served");
    let site = Site::serve_export_at(&served).await;
    let browser = Browser::start().await;
    let b = &browser;

    // Build A, under a session.
    b.open(&site.url("/session")).await;
    b.wait_controlled().await;
    // The main module and the session island's split (and its chunks),
    // all from build A's folder.
    let (a_folder, a_files) = wasm_folder(&b.js(RESOURCES, vec![]).await);
    assert!(a_files >= 2, "the session's split was not loaded");
    b.start_session_to_first_rest().await;

    // Build B replaces A on the host.
    make_build_b(&work.0.join("b"), &work.0.join("b-dist"));
    std::fs::rename(&served, work.0.join("a-dist")).unwrap();
    std::fs::rename(work.0.join("b-dist"), &served).unwrap();

    // A reload during the session: B installs in the background, but the
    // session stays as it was and no "new version" offer interrupts it.
    b.reload().await;
    b.wait_for("[data-testid='countdown']").await;
    // Whichever build the reloaded page got, its files are all of that one.
    wasm_folder(&b.js(RESOURCES, vec![]).await);
    let waiting = b
        .js_async(
            "const done = arguments[arguments.length - 1];
             navigator.serviceWorker.getRegistration().then(async (reg) => {
               const until = (w) => new Promise((ok) => {
                 if (w.state === 'installed' || w.state === 'activated') ok();
                 else w.addEventListener('statechange', () => { if (w.state === 'installed') ok(); });
               });
               if (!reg.waiting && !reg.installing) await reg.update();
               const w = reg.waiting || reg.installing;
               if (w) await until(w);
               done(!!reg.waiting);
             });",
            vec![],
        )
        .await;
    assert_eq!(waiting, json!(true), "build B did not install and wait");
    assert!(
        !b.exists("[data-testid='update-ready']").await,
        "offered during a session"
    );

    // The session ends: now the offer appears.
    b.click("[data-testid='finish']").await;
    b.wait_for("[data-testid='summary']").await;
    b.wait_for("[data-testid='update-ready']").await;
    // Drop this page's mark first, so the wait below sees only the reloaded
    // page (the summary page is hydrated too, and it is still there for a
    // moment after the click).
    b.js("document.body.removeAttribute('data-hydrated')", vec![])
        .await;
    b.click("[data-testid='update-ready'] button").await;

    // The page reloads into B: B's worker controls it, B's wasm runs, A's
    // cache is gone, and nothing failed to load on the way.
    b.wait_for("body[data-hydrated]").await;
    let state = b
        .js_async(
            "const done = arguments[arguments.length - 1];
             caches.keys().then((keys) => done({
               keys,
               wasm: performance.getEntriesByType('resource').map(e => e.name),
             }));",
            vec![],
        )
        .await;
    let (b_folder, b_files) = wasm_folder(&state["wasm"]);
    assert!(b_files >= 2, "{state}");
    assert_ne!(b_folder, a_folder, "still running build A's wasm");
    let keys = state["keys"].as_array().unwrap();
    assert_eq!(keys.len(), 1, "old caches left: {keys:?}");
    assert!(!b.exists("[data-testid='update-ready']").await);
    b.assert_clean_console("update to build B").await;
    browser.close().await;
}

/// A pack cut short on its way (a dropped connection, a host that truncated
/// the file): the worker refuses it and does not install, so no half-kept
/// build can answer offline; the page works online as it did, with the
/// data it holds. Once the whole pack arrives, the next visit installs.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broken_pack_installs_nothing_and_the_next_visit_installs() {
    let work = TempDir::new("broken-pack");
    let served = work.0.join("served");
    let site = Site::serve_export_at(&served).await;
    let sw = std::fs::read_to_string(served.join("sw.js")).unwrap();
    let pack = served.join(
        sw.split("const PACK = \"/")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .expect("the worker names its pack"),
    );
    let whole = std::fs::read(&pack).unwrap();
    // python's server sends the file as it is (no .br twin is used).
    std::fs::write(&pack, &whole[..whole.len() - 100]).unwrap();

    let browser = Browser::start().await;
    let b = &browser;
    b.open(&site.url("/settings")).await;
    b.click("[data-theme-choice='dark']").await;
    // The worker's first install, to its end: it fails, and the browser
    // drops it.
    let outcome = b
        .js_async(
            "const done = arguments[arguments.length - 1];
             navigator.serviceWorker.register('/sw.js').then((reg) => {
               const w = reg.installing || reg.waiting || reg.active;
               if (w.state === 'redundant' || w.state === 'activated') { done(w.state); return; }
               w.addEventListener('statechange', () => {
                 if (w.state === 'redundant' || w.state === 'activated') done(w.state);
               });
             });",
            vec![],
        )
        .await;
    assert_eq!(outcome, json!("redundant"), "a broken pack was installed");
    let state = b
        .js_async(
            "const done = arguments[arguments.length - 1];
             navigator.serviceWorker.getRegistration().then((reg) => done({
               registered: !!reg,
               controlled: !!navigator.serviceWorker.controller,
               theme: document.documentElement.dataset.theme,
             }));",
            vec![],
        )
        .await;
    assert_eq!(state["controlled"], json!(false), "{state}");
    assert_eq!(state["registered"], json!(false), "{state}");
    assert_eq!(state["theme"], json!("dark"), "{state}");

    // The whole pack: the next visit installs, and the page is kept.
    std::fs::write(&pack, &whole).unwrap();
    b.open(&site.url("/settings")).await;
    b.wait_controlled().await;
    assert_eq!(
        b.js("return document.documentElement.dataset.theme", vec![])
            .await,
        json!("dark")
    );
    b.assert_clean_console("after a broken pack").await;
    browser.close().await;
}
