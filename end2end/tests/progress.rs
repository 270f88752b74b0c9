//! Progress and the data behind it, in headless Chromium: a finished
//! session is in the history after a reload, unreadable history is kept and
//! reported, two tabs each finish a session and both are kept, a backup
//! restores everything in a fresh browser, a broken file changes nothing,
//! and "delete all my data" deletes it.

use end2end::{Browser, Site, TempDir, WAIT};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

/// From the session page: clears the safety check, does one set, ends the
/// session and waits for its summary.
async fn finish_a_session(b: &Browser) {
    b.start_session_to_first_rest().await;
    b.click("[data-testid='finish']").await;
    b.wait_for("[data-testid='summary']").await;
}

async fn stored(b: &Browser, key: &str) -> Value {
    b.js(&format!("return localStorage.getItem('{key}')"), vec![])
        .await
}

/// What a backup carries: the history, settings and safety checks.
async fn backed_up(b: &Browser) -> Value {
    b.js(
        "return ['backstrong:history', 'backstrong:prefs', 'backstrong:screening']
           .map(k => [k, localStorage.getItem(k)])",
        vec![],
    )
    .await
}

/// Every key the app keeps, with its value.
async fn snapshot(b: &Browser) -> Value {
    b.js(
        "return Object.keys(localStorage).filter(k => k.startsWith('backstrong:')).sort()
           .map(k => [k, localStorage.getItem(k)])",
        vec![],
    )
    .await
}

async fn session_ids(b: &Browser) -> Vec<String> {
    let ids = b
        .js(
            "return [...document.querySelectorAll('[data-session]')].map(e => e.dataset.session)",
            vec![],
        )
        .await;
    serde_json::from_value(ids).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_finished_session_is_in_the_history_after_a_reload() {
    let site = Site::server().await;
    let browser = Browser::start().await;
    let b = &browser;
    b.open(&site.url("/progress")).await;
    b.wait_for("[data-testid='progress-empty']").await;

    b.open(&site.url("/session")).await;
    finish_a_session(b).await;
    b.open(&site.url("/progress")).await;
    b.reload().await;
    b.wait_for("[data-testid='progress-ready']").await;
    assert_eq!(session_ids(b).await.len(), 1);
    assert!(b.text("[data-testid='this-week']").await.contains("1 of 3"));
    // The leg press has a chart and a suggestion with its reason.
    assert!(b.exists("[data-exercise='leg-press'] svg.chart").await);
    // The chart is drawn as text set inside the <svg>: its parts must be
    // SVG elements that take up room, not unknown HTML tags.
    let drawn = b
        .js(
            "const label = document.querySelector(\"[data-exercise='leg-press'] svg.chart text.chart-label\");
             return label ? [label.namespaceURI, label.getBBox().width > 0] : null",
            vec![],
        )
        .await;
    assert_eq!(drawn, json!(["http://www.w3.org/2000/svg", true]));
    let advice = b.text("[data-testid='advice-leg-press']").await;
    assert!(advice.contains("suggestion"), "{advice}");
    // Opening the session shows every set.
    b.click(".session-entry summary").await;
    let table = b.wait_for(".session-entry table.sets").await;
    assert!(table.text().await.unwrap().contains("Leg press"));
    b.assert_clean_console("history after reload").await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unreadable_history_is_kept_aside_and_reported() {
    let site = Site::server().await;
    let browser = Browser::start().await;
    let b = &browser;
    b.open(&site.url("/progress")).await;
    let broken = r#"{"v":2,"data":{"plans":[],"s":[["x",1,-1,"#;
    b.js(
        "localStorage.setItem('backstrong:history', arguments[0])",
        vec![json!(broken)],
    )
    .await;
    b.reload().await;
    let notice = b.wait_for("[data-testid='storage-notice']").await;
    assert!(notice.text().await.unwrap().contains("past sessions"));
    assert!(b.exists("[data-testid='download-corrupt']").await);
    b.wait_for("[data-testid='progress-empty']").await;
    let kept = b
        .js(
            "return Object.keys(localStorage).filter(k => k.startsWith('backstrong:history:corrupt:')).map(k => localStorage.getItem(k))",
            vec![],
        )
        .await;
    assert_eq!(kept, json!([broken]));
    // Settings lists the kept copy for download.
    b.open(&site.url("/settings")).await;
    assert!(
        b.text(".kept-aside")
            .await
            .contains("backstrong:history:corrupt:")
    );
    b.assert_clean_console("corrupt history").await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_tabs_each_finish_a_session_and_both_are_kept() {
    let site = Site::server().await;
    let browser = Browser::start().await;
    let b = &browser;
    let c = &b.client;
    // Tab A shows progress; tab B runs the sessions.
    b.open(&site.url("/progress")).await;
    b.wait_for("[data-testid='progress-empty']").await;
    let tab_a = c.window().await.unwrap();
    let tab_b = c.new_window(true).await.unwrap().handle;
    c.switch_to_window(tab_b.clone()).await.unwrap();
    b.open(&site.url("/session")).await;
    finish_a_session(b).await;
    b.click("[data-testid='summary'] ~ button").await;
    finish_a_session(b).await;
    // Tab A was told by the browser and shows both, without a reload.
    c.switch_to_window(tab_a).await.unwrap();
    b.wait_for("[data-testid='progress-ready']").await;
    let started = std::time::Instant::now();
    while session_ids(b).await.len() < 2 {
        assert!(started.elapsed() < WAIT, "tab A never showed both sessions");
        tokio::task::yield_now().await;
    }
    let history = stored(b, "backstrong:history").await;
    let history: Value = serde_json::from_str(history.as_str().unwrap()).unwrap();
    assert_eq!(history["data"]["s"].as_array().unwrap().len(), 2);
    b.assert_clean_console("two tabs").await;
    browser.close().await;
}

/// True when the page fetched a file whose address contains `part`.
async fn fetched(b: &Browser, part: &str) -> bool {
    b.js(
        "return performance.getEntriesByType('resource').some(e => e.name.includes(arguments[0]))",
        vec![part.into()],
    )
    .await
    .as_bool()
    .unwrap()
}

/// The ids of the sessions in the stored history.
async fn stored_session_ids(b: &Browser) -> Vec<String> {
    let history = stored(b, "backstrong:history").await;
    let history: Value = serde_json::from_str(history.as_str().unwrap()).unwrap();
    history["data"]["s"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s[0].as_str().unwrap().to_owned())
        .collect()
}

/// A first visit saves every step of a session without the stored data's
/// reader (the decoders, most of the app's code): storage holds exactly what
/// this tab wrote, so there is nothing to fold in. A page opened with data
/// stored reads it with the reader.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_first_visit_saves_its_session_without_downloading_the_reader() {
    let site = Site::server().await;
    let browser = Browser::start().await;
    let b = &browser;
    b.open(&site.url("/session")).await;
    finish_a_session(b).await;
    assert_eq!(stored_session_ids(b).await.len(), 1);
    assert!(
        !fetched(b, "/split_read_stored_").await,
        "the reader was fetched"
    );
    b.open(&site.url("/progress")).await;
    b.wait_for("[data-testid='progress-ready']").await;
    assert_eq!(session_ids(b).await.len(), 1);
    assert!(fetched(b, "/split_read_stored_").await);
    b.assert_clean_console("first visit").await;
    browser.close().await;
}

/// A save folds in what was stored behind this tab's back. A tab is never
/// told of its own writes, so a session put in storage by a script here
/// takes the slow way for sure: through the reader, which keeps both.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_save_folds_in_a_session_stored_behind_its_back() {
    let site = Site::server().await;
    let browser = Browser::start().await;
    let b = &browser;
    b.open(&site.url("/session")).await;
    finish_a_session(b).await;
    // Someone else's session: a copy of this one under another id.
    b.js(
        "const h = JSON.parse(localStorage.getItem('backstrong:history'));
         const other = structuredClone(h.data.s[0]);
         other[0] = 'someone-else';
         h.data.s.push(other);
         localStorage.setItem('backstrong:history', JSON.stringify(h));",
        vec![],
    )
    .await;
    b.click("[data-testid='summary'] ~ button").await;
    finish_a_session(b).await;
    let started = std::time::Instant::now();
    while stored_session_ids(b).await.len() < 3 {
        assert!(
            started.elapsed() < WAIT,
            "never stored all three: {:?}",
            stored_session_ids(b).await
        );
        tokio::task::yield_now().await;
    }
    assert!(
        stored_session_ids(b)
            .await
            .contains(&"someone-else".to_owned())
    );
    assert!(
        fetched(b, "/split_read_stored_").await,
        "not through the reader"
    );
    b.assert_clean_console("saved behind its back").await;
    browser.close().await;
}

/// Lets Chromium save downloads into `dir`.
async fn downloads_into(b: &Browser, dir: &Path) {
    b.cdp(
        "Browser.setDownloadBehavior",
        json!({ "behavior": "allow", "downloadPath": dir.to_string_lossy() }),
    )
    .await;
}

/// The first finished download in `dir` whose name ends with `ext`:
/// Chromium may show the file under its name before its bytes are in, so
/// it counts once it has bytes and no download is still in progress.
async fn downloaded(dir: &Path, ext: &str) -> PathBuf {
    let started = std::time::Instant::now();
    loop {
        let files: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        let in_progress = files
            .iter()
            .any(|p| p.to_string_lossy().ends_with(".crdownload"));
        let found = files.into_iter().find(|p| {
            p.to_string_lossy().ends_with(ext) && std::fs::metadata(p).is_ok_and(|m| m.len() > 0)
        });
        if let (Some(path), false) = (found, in_progress) {
            return path;
        }
        assert!(started.elapsed() < WAIT, "no {ext} download in {dir:?}");
        // The file system has no event to await here.
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_restores_everything_in_a_fresh_browser_and_a_broken_one_changes_nothing() {
    let site = Site::server().await;
    let dir = TempDir::new("downloads");
    let first = Browser::start().await;
    let a = &first;
    a.open(&site.url("/settings")).await;
    a.click("[data-unit='lb']").await;
    a.open(&site.url("/session")).await;
    finish_a_session(a).await;
    a.open(&site.url("/settings")).await;
    downloads_into(a, &dir.0).await;
    a.click("[data-testid='export-json']").await;
    let backup = downloaded(&dir.0, ".json").await;
    let name = backup.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("backstrong-20") && name.len() == "backstrong-2026-11-25.json".len(),
        "{name}"
    );
    a.click("[data-testid='export-csv']").await;
    let csv = std::fs::read_to_string(downloaded(&dir.0, ".csv").await).unwrap();
    assert!(
        csv.starts_with("date,time,exercise,set,reps,load,unit"),
        "{csv}"
    );
    assert!(csv.contains(",Leg press,1,"), "{csv}");
    let before = backed_up(a).await;
    a.assert_clean_console("export").await;
    first.close().await;

    // A fresh profile: nothing there, then the backup.
    let second = Browser::start().await;
    let b = &second;
    b.open(&site.url("/settings")).await;
    b.find("[data-testid='import-file']")
        .await
        .send_keys(&backup.to_string_lossy())
        .await
        .unwrap();
    let preview = b
        .wait_for("[data-testid='import-preview']:not([hidden])")
        .await;
    let text = preview.text().await.unwrap();
    assert!(
        text.contains("It holds 1 session (") && text.contains("New to this app: 1 session."),
        "{text}"
    );
    b.click("[data-testid='import-replace']").await;
    b.wait_for("[data-testid='import-done']:not([hidden])")
        .await;
    assert_eq!(
        backed_up(b).await,
        before,
        "the fresh browser holds exactly what was saved"
    );
    let before = snapshot(b).await;
    b.wait_for("[data-unit='lb'][aria-pressed='true']").await;
    b.open(&site.url("/progress")).await;
    b.wait_for("[data-testid='progress-ready']").await;
    assert_eq!(session_ids(b).await.len(), 1);

    // Broken files: refused with a reason, and nothing changes.
    let broken = dir.0.join("broken.json");
    for (content, reason) in [
        (
            r#"{"app":"BackStrong","backup":1,"history":{"v":2,"#,
            "could not be read as a BackStrong backup",
        ),
        (r#"{"hello":"world"}"#, "not a BackStrong backup"),
        (r#"{"app":"BackStrong","backup":7}"#, "newer version"),
    ] {
        std::fs::write(&broken, content).unwrap();
        b.open(&site.url("/settings")).await;
        b.find("[data-testid='import-file']")
            .await
            .send_keys(&broken.to_string_lossy())
            .await
            .unwrap();
        let error = b
            .wait_for("[data-testid='import-error']:not([hidden])")
            .await;
        let message = error.text().await.unwrap();
        assert!(
            message.contains(reason) && message.contains("Nothing was changed"),
            "{message}"
        );
        assert_eq!(snapshot(b).await, before, "a broken file changed something");
    }

    // Delete all my data, behind a confirmation.
    b.click("[data-testid='delete-all']").await;
    b.click("[data-testid='delete-confirm']").await;
    b.wait_for("[data-testid='deleted']:not([hidden])").await;
    assert_eq!(snapshot(b).await, json!([]));
    b.open(&site.url("/progress")).await;
    b.wait_for("[data-testid='progress-empty']").await;
    b.assert_clean_console("import and delete").await;
    second.close().await;
}
