//! The guided session, end to end in Chromium: from the safety check to a
//! logged set, the rest countdown across a reload, pause and resume, stop
//! for pain, and a finished session's summary.

use end2end::{Browser, Host, Site};
use serde_json::{Value, json};

/// Seconds shown on the countdown, and what they should be now.
async fn countdown(b: &Browser) -> (u64, u64) {
    let v = b
        .js(
            "const el = document.querySelector('[data-testid=countdown]'); \
             const [m, s] = el.textContent.split(':').map(Number); \
             return [m * 60 + s, Number(el.dataset.until) - Date.now()];",
            vec![],
        )
        .await;
    let shown = v[0].as_u64().expect("shown seconds");
    let left_ms = v[1].as_i64().expect("ms left").max(0) as u64;
    (shown, left_ms)
}

/// The stored history's sessions, in its compact format 2:
/// `[id, started, duration, plan, end (1: stopped for pain), felt, sets, …]`.
async fn history(b: &Browser) -> Value {
    b.js(
        "return JSON.parse(localStorage.getItem('backstrong:history') || '{\"data\":{\"s\":[]}}').data.s",
        vec![],
    )
    .await
}

async fn session_flow(host: Host) {
    let site = Site::start(host).await;
    let browser = Browser::start().await;
    let b = &browser;
    b.open(&site.url("/session")).await;

    // Start from the safety check, through the warm-up, to the first set.
    b.clear_safety_check().await;
    b.click("[data-testid='start']").await;
    b.wait_for("[data-testid='warm-up']").await;
    b.click("[data-testid='start-first-set']").await;
    b.wait_for("[data-testid='set'][data-exercise='leg-press'][data-set='1']")
        .await;
    assert_eq!(b.text("[data-testid='set-count']").await, "Set 1 of 5");
    // The card's first cue and drawing, looked up by the set screen (the
    // session itself carries only the exercise's basics).
    assert_eq!(
        b.text(".set-cue").await,
        "Push through your heels, not your toes."
    );
    assert_eq!(
        b.attr(".illus", "aria-label").await.as_deref(),
        Some("Drawing: leg press")
    );

    // One tap logs the set; the rest countdown starts at 1:30.
    b.click("[data-testid='set-done']").await;
    b.wait_for("[data-testid='countdown']").await;
    let (shown, left) = countdown(b).await;
    assert!((89..=90).contains(&shown), "shown {shown}");
    assert!(
        shown * 1000 >= left && shown * 1000 < left + 1000,
        "{shown} s shown, {left} ms left"
    );

    // +15 s and −15 s move the deadline.
    b.click("[data-testid='rest-plus']").await;
    let (shown_plus, _) = countdown(b).await;
    assert!(shown_plus >= shown + 14, "{shown} -> {shown_plus}");
    b.click("[data-testid='rest-minus']").await;

    // A reload mid-rest: the countdown goes on where it should be (within 1 s).
    b.reload().await;
    b.wait_for("[data-testid='countdown']").await;
    let (shown, left) = countdown(b).await;
    assert!(
        shown * 1000 + 1000 >= left && shown * 1000 <= left + 2000,
        "after reload: {shown} s shown, {left} ms left"
    );

    // Pause keeps the time left; resume carries on from it.
    b.click("[data-testid='pause']").await;
    b.wait_for("[data-testid='paused']").await;
    b.click("[data-testid='resume']").await;
    b.wait_for("[data-testid='countdown']").await;
    let (after, _) = countdown(b).await;
    assert!(after <= shown && after + 3 >= shown, "{shown} -> {after}");

    // Skip the rest: set 2 is on.
    b.click("[data-testid='rest-skip']").await;
    b.wait_for("[data-testid='set'][data-set='2']").await;
    let active = b
        .js("return JSON.parse(localStorage.getItem('backstrong:active-session')).data.session.sets.length", vec![])
        .await;
    assert_eq!(active, json!(1), "the logged set is stored");

    // Stop for pain: the session ends at once and is logged as stopped.
    b.click("[data-testid='stop-session']").await;
    b.wait_for("[data-testid='stopped']").await;
    // What was felt is marked below it, with the summary.
    b.wait_for("[data-testid='felt'] .choice").await;
    b.click("[data-testid='felt'] .choice").await;
    b.wait_for("[data-testid='felt'] .choice[aria-pressed='true']")
        .await;
    // Marking changes the history, not the summary: the button tapped is
    // still the one in focus (a summary built again would drop it).
    assert_eq!(
        b.js(
            "return document.activeElement.getAttribute('aria-pressed')",
            vec![]
        )
        .await,
        json!("true")
    );
    let sessions = history(b).await;
    assert_eq!(sessions.as_array().map(Vec::len), Some(1));
    // ended as stopped for pain (1), with pain (symptom 0) felt
    assert_eq!((&sessions[0][4], &sessions[0][5]), (&json!(1), &json!([0])));
    assert_eq!(sessions[0][6].as_array().map(Vec::len), Some(1));
    assert_eq!(
        b.js(
            "return JSON.parse(localStorage.getItem('backstrong:active-session')).data.session",
            vec![]
        )
        .await,
        Value::Null
    );
    b.assert_clean_console(&format!("{host:?}: session until stop"))
        .await;

    // The rest of the day is locked (F12). Moved back a day, as if it had
    // been yesterday, the stop no longer locks.
    b.open(&site.url("/session")).await;
    b.wait_for("[data-testid='locked-today']").await;
    b.js(
        "const key = 'backstrong:history'; const v = JSON.parse(localStorage.getItem(key)); \
         v.data.s[0][1] -= 86400000; localStorage.setItem(key, JSON.stringify(v));",
        vec![],
    )
    .await;

    // A short session: one set, then end it; the summary adds it up.
    b.reload().await;
    b.clear_safety_check().await;
    b.click("[data-testid='start']").await;
    b.click("[data-testid='start-first-set']").await;
    b.wait_for("[data-testid='set']").await;
    assert!(
        b.exists("[data-testid='hurt-last-time']").await,
        "the leg press hurt last time"
    );
    b.click("[data-testid='set-done']").await;
    b.wait_for("[data-testid='countdown']").await;
    b.click("[data-testid='finish']").await;
    b.wait_for("[data-testid='summary']").await;
    assert_eq!(b.text("[data-testid='summary-sets']").await, "1");
    assert_eq!(history(b).await.as_array().map(Vec::len), Some(2));
    b.assert_clean_console(&format!("{host:?}: finished session"))
        .await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn session_on_the_server() {
    session_flow(Host::Server).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn session_in_the_static_export() {
    session_flow(Host::Export).await;
}

/// Opens the session page with the service worker and the browser's cache
/// bypassed, so every file comes from the network, and answers the safety
/// check.
async fn session_page_from_the_network(b: &Browser, site: &Site) {
    b.open(&site.url("/session")).await;
    b.cdp("Network.enable", json!({})).await;
    b.cdp("Network.setBypassServiceWorker", json!({ "bypass": true }))
        .await;
    b.cdp("Network.setCacheDisabled", json!({ "cacheDisabled": true }))
        .await;
    b.clear_safety_check().await;
}

/// True when storage holds a session under way at its warm-up.
async fn stored_at_warm_up(b: &Browser) -> bool {
    b.js(
        "return localStorage.getItem('backstrong:active-session')",
        vec![],
    )
    .await
    .as_str()
    .is_some_and(|s| s.contains("warm_up"))
}

/// The session's screens are a part of the wasm of their own, fetched the
/// first time a session starts. With no signal and nothing kept yet (the
/// service worker and the browser's cache bypassed here), the page says the
/// screen is loading and the session is saved; Stop works at once, and
/// what to do after it shows without any download; the rest comes when
/// the signal is back.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_no_signal_a_screen_waits_but_stop_and_its_advice_do_not() {
    let site = Site::start(Host::Server).await;
    let browser = Browser::start().await;
    let b = &browser;
    session_page_from_the_network(b, &site).await;
    b.set_offline(true).await;
    b.click("[data-testid='start']").await;
    b.wait_for("[data-testid='screen-loading']").await;
    assert!(!b.exists("[data-testid='warm-up']").await);
    assert!(stored_at_warm_up(b).await, "the started session is stored");

    // Stop, still offline: the advice is there at once.
    b.click("[data-testid='stop-session']").await;
    b.wait_for("[data-testid='stopped']").await;
    assert!(
        b.exists("[data-testid='screen-loading']").await,
        "the summary waits"
    );

    // Back online: the loader tries again and the summary comes.
    b.set_offline(false).await;
    b.wait_for("[data-testid='summary']").await;
    assert!(!b.exists("[data-testid='screen-loading']").await);
    assert!(
        !b.exists("[data-testid='warm-up']").await,
        "the warm-up was dropped"
    );
    browser.close().await;
}

/// A gym's Wi-Fi sign-in page may answer every address with its own page
/// until the person signs in. If that page arrives in place of the
/// screens' part of the wasm, the load fails outright (no retry helps):
/// the runner says so, keeps the session and Stop, and "Try again" brings
/// the screen once the real file comes through.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_screen_whose_download_is_replaced_says_so_and_comes_on_try_again() {
    let site = Site::start(Host::Server).await;
    let browser = Browser::start().await;
    let b = &browser;
    session_page_from_the_network(b, &site).await;
    // The sign-in page answers for the screens' file until `__portal` is
    // lifted; every other file comes as usual.
    b.js(
        r#"const real = window.fetch;
           window.__portal = true;
           window.fetch = (input, init) =>
             window.__portal && String(input.url ?? input).includes("/split_screen_markup_")
               ? Promise.resolve(new Response("<!DOCTYPE html><title>Sign in to the gym's Wi-Fi</title>",
                   { status: 200, headers: { "Content-Type": "text/html" } }))
               : real(input, init);"#,
        vec![],
    )
    .await;
    b.click("[data-testid='start']").await;
    b.wait_for("[data-testid='screen-not-loaded']").await;
    let said = b.text("[data-testid='screen-not-loaded']").await;
    assert!(
        said.contains("Wi-Fi sign-in page") && said.contains("saved"),
        "{said}"
    );
    assert!(!b.exists("[data-testid='warm-up']").await);
    assert!(!b.exists("[data-testid='screen-loading']").await);
    assert!(
        b.exists("[data-testid='stop-session']").await,
        "Stop stays one tap away"
    );
    assert!(stored_at_warm_up(b).await, "the started session is stored");
    // The only console line is the loader's report of the failed load.
    let problems = b.console_problems().await;
    assert!(
        !problems.is_empty() && problems.iter().all(|p| p.contains("WebAssembly")),
        "{problems:?}"
    );

    b.js("window.__portal = false;", vec![]).await;
    b.click("[data-testid='retry-screen']").await;
    b.wait_for("[data-testid='warm-up']").await;
    assert!(!b.exists("[data-testid='screen-not-loaded']").await);
    b.assert_clean_console("after Try again").await;
    browser.close().await;
}
