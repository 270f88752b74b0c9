//! Sync between devices in headless Chromium: two browser profiles (two
//! devices) and the release server with a SQLite sync store. Pairing by
//! link, sets logged on both while offline, the server stopped and started
//! again, and a snapshot changed on the server.

use end2end::{Browser, Site, TempDir};
use serde_json::json;
use std::time::Duration;

/// The server with sync on, its store in `dir`, at `addr`.
async fn sync_server(dir: &TempDir, addr: &str) -> Site {
    let db = dir.0.join("sync.sqlite");
    Site::server_with(addr, &["--sync-db", db.to_str().unwrap()]).await
}

/// The ids and set counts of the stored history's sessions, sorted.
async fn sessions(b: &Browser) -> Vec<(String, usize)> {
    let v = b
        .js(
            "const h = JSON.parse(localStorage.getItem('backstrong:history') || '{\"data\":{\"s\":[]}}');\
             return h.data.s.map(s => [s[0], s[6].length]);",
            vec![],
        )
        .await;
    let mut out: Vec<(String, usize)> = serde_json::from_value(v).unwrap();
    out.sort();
    out
}

/// Opens Settings and waits for a sync round to finish there (every page
/// runs one on load); returns the state it ended in and its words.
async fn settle(b: &Browser, site: &str) -> (String, String) {
    b.open(&format!("{site}/settings")).await;
    let done = "[data-testid='sync-activity']:not([data-state='working'])";
    b.wait_for(done).await;
    let state = b
        .attr("[data-testid='sync-activity']", "data-state")
        .await
        .unwrap_or_default();
    (state, b.text("[data-testid='sync-activity']").await)
}

/// Logs one set of a new session on the session page and finishes it.
async fn log_a_session(b: &Browser) {
    b.start_session_to_first_rest().await;
    b.click("[data-testid='finish']").await;
    b.wait_for("[data-testid='summary']").await;
}

/// Turns sync on in `a` and opens its pairing link in `b`; both then hold
/// the same key. Returns the link.
async fn pair(a: &Browser, b: &Browser, site: &str) -> String {
    a.open(&format!("{site}/settings")).await;
    a.wait_for("[data-testid='sync-on']").await;
    a.click("[data-testid='sync-on']").await;
    a.wait_for("[data-testid='sync-activity'][data-state='done']")
        .await;
    let link = a
        .js(
            "return document.querySelector('[data-testid=sync-link]').value",
            vec![],
        )
        .await
        .as_str()
        .unwrap()
        .to_owned();
    assert!(link.starts_with(&format!("{site}/sync#k=")), "{link}");
    assert!(a.exists("[data-testid='sync-qr'] path").await);
    let violations = a.axe_violations().await;
    assert!(violations.is_empty(), "axe, sync on: {violations:#?}");

    b.open(&link).await;
    b.wait_for("[data-testid='pair-join']").await;
    // The key left the address bar as soon as it was read.
    let address = b.js("return location.href", vec![]).await;
    let address = address.as_str().unwrap();
    assert!(
        address.starts_with(&format!("{site}/sync")) && !address.contains('#'),
        "{address}"
    );
    let violations = b.axe_violations().await;
    assert!(violations.is_empty(), "axe, pairing page: {violations:#?}");
    b.click("[data-testid='pair-join']").await;
    b.wait_for("[data-testid='paired']").await;
    link
}

/// Reads the console so far: every problem must be one of `expected`
/// (a request refused while offline, a write that lost a race), which a
/// browser logs on its own; later checks then start clean.
async fn drain_console(b: &Browser, expected: &[&str]) {
    for problem in b.console_problems().await {
        assert!(
            expected.iter().any(|e| problem.contains(e)),
            "unexpected console problem: {problem}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_devices_pair_by_link_log_offline_and_end_with_every_set() {
    let dir = TempDir::new("sync-e2e");
    let site = sync_server(&dir, "127.0.0.1:0").await;
    let base = site.base.clone();
    let (phone, tablet) = (Browser::start().await, Browser::start().await);
    let (a, b) = (&phone, &tablet);

    // The phone has a session from before sync was on.
    a.open(&format!("{base}/session")).await;
    log_a_session(a).await;
    let before = sessions(a).await;
    assert_eq!(before.len(), 1);

    pair(a, b, &base).await;
    // The tablet got the phone's session on pairing.
    assert_eq!(sessions(b).await, before);

    // Both go offline, and each logs a session.
    for device in [a, b] {
        device.open(&format!("{base}/session")).await;
        device.wait_controlled().await;
        device.set_offline(true).await;
        log_a_session(device).await;
    }
    assert_eq!(sessions(a).await.len(), 2);
    assert_eq!(sessions(b).await.len(), 2);
    // Offline, a round says so and keeps the changes (Settings comes from
    // the service worker's cache).
    let (state, said) = settle(a, &base).await;
    assert_eq!(state, "offline", "{said}");
    assert!(said.contains("safe on this device"), "{said}");
    for device in [a, b] {
        drain_console(device, &["ERR_INTERNET_DISCONNECTED"]).await;
    }

    // Back online: the phone's change goes out by itself (the `online`
    // event; the page is not reloaded), then each device's next round
    // brings the other's.
    a.set_offline(false).await;
    a.wait_for("[data-testid='sync-activity'][data-state='done']")
        .await;
    b.set_offline(false).await;
    let (state, said) = settle(b, &base).await;
    assert_eq!(state, "done", "{said}");
    let (state, said) = settle(a, &base).await;
    assert_eq!(state, "done", "{said}");
    let (state, said) = settle(b, &base).await;
    assert_eq!(state, "done", "{said}");
    // Both went out at once: one write may have lost the race (412) and
    // been merged and sent again.
    for device in [a, b] {
        drain_console(device, &["status of 412"]).await;
    }
    let on_a = sessions(a).await;
    assert_eq!(on_a.len(), 3, "{on_a:?}");
    assert!(on_a.iter().all(|(_, sets)| *sets == 1), "{on_a:?}");
    assert_eq!(sessions(b).await, on_a);
    assert!(said.contains("Last synced just now"), "{said}");

    // Progress on the tablet lists all three sessions.
    b.open(&format!("{base}/progress")).await;
    b.wait_for("li[data-session]").await;
    let listed = b
        .js(
            "return document.querySelectorAll('li[data-session]').length",
            vec![],
        )
        .await;
    assert_eq!(listed, json!(3));

    a.assert_clean_console("phone").await;
    b.assert_clean_console("tablet").await;
    phone.close().await;
    tablet.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stopped_server_loses_nothing_and_a_changed_snapshot_changes_nothing() {
    let dir = TempDir::new("sync-e2e-stop");
    let site = sync_server(&dir, "127.0.0.1:0").await;
    let base = site.base.clone();
    let addr = base.trim_start_matches("http://").to_owned();
    let (phone, tablet) = (Browser::start().await, Browser::start().await);
    let (a, b) = (&phone, &tablet);
    pair(a, b, &base).await;

    // The server stops; the phone logs a session: kept, and said to wait.
    assert!(site.terminate().await.success());
    a.open(&format!("{base}/session")).await;
    log_a_session(a).await;
    let logged = sessions(a).await;
    assert_eq!(logged.len(), 1);
    let (state, said) = settle(a, &base).await;
    assert_eq!(state, "offline", "{said}");
    drain_console(a, &["ERR_CONNECTION_REFUSED"]).await;

    // The server is back (same address, same store): with no tap, the
    // phone's retry (5 s after the failed round, then 10 s) sends it, and
    // the tablet gets it.
    let site = sync_server(&dir, &addr).await;
    a.wait_for_within(
        "[data-testid='sync-activity'][data-state='done']",
        Duration::from_secs(40),
    )
    .await;
    let (state, said) = settle(b, &base).await;
    assert_eq!(state, "done", "{said}");
    assert_eq!(sessions(b).await, logged);

    // Someone changes the stored snapshot on the server: the tablet says
    // so and keeps its data as it was.
    let db = dir.0.join("sync.sqlite");
    let tampered = std::process::Command::new("python3")
        .args([
            "-c",
            "import sqlite3, sys\n\
             db = sqlite3.connect(sys.argv[1])\n\
             (blob,) = db.execute('SELECT blob FROM sync_snapshots').fetchone()\n\
             blob = bytearray(blob); blob[-1] ^= 1\n\
             db.execute('UPDATE sync_snapshots SET blob = ?', (bytes(blob),))\n\
             db.commit()",
            db.to_str().unwrap(),
        ])
        .status()
        .unwrap();
    assert!(tampered.success());
    let stored_before = b
        .js("return localStorage.getItem('backstrong:history')", vec![])
        .await;
    let (state, said) = settle(b, &base).await;
    assert_eq!(state, "failed", "{said}");
    assert!(said.contains("could not be opened"), "{said}");
    assert!(
        said.contains("Nothing on this device was changed"),
        "{said}"
    );
    let stored_after = b
        .js("return localStorage.getItem('backstrong:history')", vec![])
        .await;
    assert_eq!(stored_before, stored_after);

    // Turning sync off keeps the data here.
    b.click("[data-testid='sync-off']").await;
    b.wait_for("[data-testid='sync-on']").await;
    assert_eq!(sessions(b).await, logged);

    // Deleting the synced copy from the phone: gone from the server.
    a.open(&format!("{base}/settings")).await;
    a.wait_for("[data-testid='sync-delete']").await;
    let code = a
        .js(
            "return document.querySelector('[data-testid=recovery-code]').textContent",
            vec![],
        )
        .await
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(code.len(), 65, "11 groups of 5 and their dashes: {code}");
    a.click("[data-testid='sync-delete']").await;
    a.click("[data-testid='sync-delete-confirm']").await;
    a.wait_for("[data-testid='sync-on']").await;
    let rows = || {
        let out = std::process::Command::new("python3")
            .args([
                "-c",
                "import sqlite3, sys\nprint(sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM sync_snapshots').fetchone()[0])",
                db.to_str().unwrap(),
            ])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    };
    assert_eq!(rows(), "0");
    assert_eq!(sessions(a).await, logged);

    // The tablet joins again with the recovery code, typed with a typo
    // first: refused with a message, then accepted. The copy was deleted,
    // so it writes a new one.
    let first = if code.starts_with('0') { "1" } else { "0" };
    let typo = format!("{first}{}", &code[1..]);
    b.find("[data-testid='sync-code']")
        .await
        .send_keys(&typo)
        .await
        .unwrap();
    b.click("[data-testid='sync-join']").await;
    b.wait_for("[data-testid='sync-activity'][data-state='failed']")
        .await;
    assert!(
        b.text("[data-testid='sync-activity']")
            .await
            .contains("typo"),
        "{}",
        b.text("[data-testid='sync-activity']").await
    );
    assert!(b.exists("[data-testid='sync-on']").await, "still off");
    b.find("[data-testid='sync-code']")
        .await
        .clear()
        .await
        .unwrap();
    b.find("[data-testid='sync-code']")
        .await
        .send_keys(&code.to_lowercase().replace('-', " "))
        .await
        .unwrap();
    b.click("[data-testid='sync-join']").await;
    b.wait_for("[data-testid='sync-activity'][data-state='done']")
        .await;
    assert_eq!(rows(), "1");
    assert_eq!(sessions(b).await, logged);
    // Its first read found no copy: the server said so with a 204, which,
    // unlike a 404, the browser does not log as an error.
    b.assert_clean_console("tablet, after joining again").await;

    a.assert_clean_console("phone").await;
    drop(site);
    phone.close().await;
    tablet.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_static_export_syncs_through_the_server_it_was_built_with() {
    // The sync server first, for its address; then the export built with
    // it, served by a plain file server; then the sync server again at the
    // same address, now allowing the export's origin (CORS).
    let dir = TempDir::new("sync-e2e-export");
    let first = sync_server(&dir, "127.0.0.1:0").await;
    let sync_base = first.base.clone();
    let sync_addr = sync_base.trim_start_matches("http://").to_owned();
    assert!(first.terminate().await.success());
    let out = TempDir::new("sync-e2e-export-site");
    let export = Site::serve_export_with(&out.0, &["--sync-url", &sync_base]).await;
    let db = dir.0.join("sync.sqlite");
    let _sync = Site::server_with(
        &sync_addr,
        &[
            "--sync-db",
            db.to_str().unwrap(),
            "--sync-allow-origin",
            &export.base,
        ],
    )
    .await;

    let (phone, tablet) = (Browser::start().await, Browser::start().await);
    let (a, b) = (&phone, &tablet);
    a.open(&export.url("/session")).await;
    log_a_session(a).await;
    let logged = sessions(a).await;
    pair(a, b, &export.base).await;
    assert_eq!(sessions(b).await, logged);
    a.assert_clean_console("phone, export").await;
    b.assert_clean_console("tablet, export").await;
    phone.close().await;
    tablet.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_without_webcrypto_says_sync_needs_https_and_stores_nothing() {
    let dir = TempDir::new("sync-e2e-insecure");
    let site = sync_server(&dir, "127.0.0.1:0").await;
    let browser = Browser::start().await;
    let b = &browser;
    // What an http page on another machine's address looks like: browsers
    // give it no `crypto.subtle` (loopback counts as secure, so it is
    // taken away here before any of the app's scripts run).
    b.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({"source": "Object.defineProperty(crypto, 'subtle', {value: undefined})"}),
    )
    .await;
    b.open(&format!("{}/settings", site.base)).await;
    let said = b.wait_for("[data-testid='sync-insecure']").await;
    assert!(said.text().await.unwrap().contains("https"));
    assert!(!b.exists("[data-testid='sync-on']").await);

    // A pairing link opened there: refused in words, nothing stored.
    let link = format!(
        "{}/sync#k=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8",
        site.base
    );
    b.open(&link).await;
    b.click("[data-testid='pair-join']").await;
    let failed = b
        .wait_for("[data-testid='sync-activity'][data-state='failed']")
        .await;
    assert!(failed.text().await.unwrap().contains("https"));
    let stored = b
        .js("return localStorage.getItem('backstrong:sync')", vec![])
        .await;
    assert_eq!(stored, serde_json::Value::Null);
    b.assert_clean_console("no WebCrypto").await;
    browser.close().await;
}

/// With sync on, every page loads the sync code. If something other than
/// the app answers for it (a gym's Wi-Fi sign-in page, after an update
/// before the device has kept the new code), the page carries on: a
/// session starts, Stop is there, and Settings says why sync did not run.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_carries_on_when_the_sync_code_cannot_load() {
    let dir = TempDir::new("sync-code-portal");
    let site = sync_server(&dir, "127.0.0.1:0").await;
    let browser = Browser::start().await;
    let b = &browser;
    b.open(&site.url("/settings")).await;
    b.click("[data-testid='sync-on']").await;
    b.wait_for("[data-testid='sync-activity'][data-state='done']")
        .await;
    // From the next page on, the sign-in page answers for the sync code.
    b.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": r#"const real = window.fetch;
            window.fetch = (input, init) =>
              String(input.url ?? input).includes("/split_perform_")
                ? Promise.resolve(new Response("<!DOCTYPE html><title>Sign in to the gym's Wi-Fi</title>",
                    { status: 200, headers: { "Content-Type": "text/html" } }))
                : real(input, init);"# }),
    )
    .await;

    b.open(&site.url("/session")).await;
    b.clear_safety_check().await;
    b.click("[data-testid='start']").await;
    b.wait_for("[data-testid='warm-up']").await;
    assert!(b.exists("[data-testid='stop-session']").await);

    b.open(&site.url("/settings")).await;
    let said = b
        .wait_for("[data-testid='sync-activity'][data-state='failed']")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        said.contains("Wi-Fi sign-in page") && said.contains("safe"),
        "{said}"
    );
    // The only console lines are the loader's reports of the failed loads.
    let problems = b.console_problems().await;
    assert!(
        !problems.is_empty() && problems.iter().all(|p| p.contains("WebAssembly")),
        "{problems:?}"
    );
    browser.close().await;
}
