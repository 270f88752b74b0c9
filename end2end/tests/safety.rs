//! The program's own stop rules on every path a person can take, in
//! Chromium against the release server: a safety check with no answers
//! filled in, "This hurts" ending that exercise (F13) and any pain above 0
//! doing the same, the Stop control (F12) on every session screen and the
//! day it locks, a session left too long closed rather than resumed, and the
//! Stop page ending a running session.
//!
//! The clock is driven by moving the page's `Date.now`, which the app reads
//! for every instant it uses, then (where the path needs it) telling the
//! page it is back in view.

use end2end::{Browser, Host, Site};
use serde_json::{Value, json};

const HOUR_MS: u64 = 3_600_000;

/// Moves the page's clock on by `ms` (from the real clock, however often
/// it is called), and when `show` says so tells the app the page is back in
/// view, as after a locked screen.
async fn shift_clock(b: &Browser, ms: u64, show: bool) {
    b.js(
        "window.__realNow = window.__realNow || Date.now.bind(Date); \
         window.__shift = (window.__shift || 0) + arguments[0]; \
         Date.now = () => window.__realNow() + window.__shift; \
         if (arguments[1]) document.dispatchEvent(new Event('visibilitychange'));",
        vec![json!(ms), json!(show)],
    )
    .await;
}

/// How many of the safety check's answers are pressed.
async fn answers_given(b: &Browser) -> usize {
    b.js(
        "return document.querySelectorAll('.criterion [aria-pressed=true]').length",
        vec![],
    )
    .await
    .as_u64()
    .expect("a count") as usize
}

/// The session under way as stored.
async fn active(b: &Browser) -> Value {
    b.js(
        "return JSON.parse(localStorage.getItem('backstrong:active-session')).data.session",
        vec![],
    )
    .await
}

/// The stored history's sessions (compact format: `[id, started, duration,
/// plan, end, felt, sets, skipped, pain_item]`, end 1 = stopped for pain,
/// 2 = incomplete; a set's last number is its status).
async fn history(b: &Browser) -> Value {
    b.js(
        "return JSON.parse(localStorage.getItem('backstrong:history') || '{\"data\":{\"s\":[]}}').data.s",
        vec![],
    )
    .await
}

/// From the check to the first set of the leg press.
async fn start_to_first_set(b: &Browser) {
    assert_eq!(answers_given(b).await, 0, "the check starts blank");
    b.clear_safety_check().await;
    b.click("[data-testid='start']").await;
    b.wait_for("[data-testid='warm-up']").await;
    assert!(b.exists("[data-testid='stop-session']").await, "warm-up");
    b.click("[data-testid='start-first-set']").await;
    b.wait_for("[data-testid='set'][data-exercise='leg-press'][data-set='1']")
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn this_hurts_stops_that_exercise_and_the_session_moves_on() {
    let site = Site::start(Host::Server).await;
    let browser = Browser::start().await;
    let b = &browser;
    b.open(&site.url("/session")).await;
    start_to_first_set(b).await;
    assert!(b.exists("[data-testid='stop-session']").await, "set");

    // F13: "This hurts" on set 1 of 5.
    b.click("[data-testid='set-hurts']").await;
    b.wait_for("[data-testid='exercise-stopped']").await;
    assert!(
        b.text("[data-testid='exercise-stopped'] h2")
            .await
            .starts_with("Leg press stopped for today")
    );
    assert!(b.text(".rest .next").await.contains("Leg extension"));
    assert!(b.exists("[data-testid='stop-session']").await, "between");
    let sets = active(b).await["sets"].clone();
    let sets = sets.as_array().expect("sets");
    assert_eq!(sets.len(), 5, "the set that hurt and the 4 left");
    assert_eq!(sets[0]["hurt"], json!(true));
    assert!(
        sets[1..]
            .iter()
            .all(|s| s["stopped_for_pain"] == json!(true) && s["skipped"] == json!(false)),
        "the rest are stopped for pain, not skipped: {sets:?}"
    );

    // The next exercise; a pain of 1 entered in the details counts the same.
    b.click("[data-testid='rest-skip']").await;
    b.wait_for("[data-testid='set'][data-exercise='leg-extension'][data-set='1']")
        .await;
    b.click(".set-details summary").await;
    b.click("[data-testid='pain-plus']").await;
    b.click("[data-testid='set-done']").await;
    b.wait_for("[data-testid='exercise-stopped']").await;
    assert!(b.text(".rest .next").await.contains("Leg curl"));

    // A pain of 0 is no pain: set 2 follows set 1.
    b.click("[data-testid='rest-skip']").await;
    b.wait_for("[data-testid='set'][data-exercise='leg-curl'][data-set='1']")
        .await;
    b.click("[data-testid='set-done']").await;
    b.wait_for("[data-testid='countdown']").await;
    assert!(!b.exists("[data-testid='exercise-stopped']").await);
    assert!(b.exists("[data-testid='stop-session']").await, "rest");
    b.click("[data-testid='pause']").await;
    b.wait_for("[data-testid='paused']").await;
    assert!(b.exists("[data-testid='stop-session']").await, "paused");
    b.click("[data-testid='resume']").await;

    // The summary names both; the history keeps the statuses (2 hurt, 3 stopped).
    b.click("[data-testid='finish']").await;
    b.wait_for("[data-testid='summary-hurt']").await;
    let hurt = b.text("[data-testid='summary-hurt']").await;
    assert!(
        hurt.contains("Leg press") && hurt.contains("Leg extension"),
        "{hurt}"
    );
    let sessions = history(b).await;
    let statuses: Vec<u64> = sessions[0][6]
        .as_array()
        .expect("sets")
        .iter()
        .map(|s| s[7].as_u64().expect("status"))
        .collect();
    assert_eq!(statuses[..5], [2, 3, 3, 3, 3]);
    assert_eq!(statuses[5], 2, "leg extension hurt at pain 1");

    // Next time: the check again, blank, and the leg press carries its caution.
    b.click("[data-testid='done']").await;
    b.wait_for("[data-criterion='full-range']").await;
    start_to_first_set(b).await;
    assert!(b.exists("[data-testid='hurt-last-time']").await);
    b.assert_clean_console("this hurts").await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stop_for_pain_locks_start_until_the_next_day() {
    let site = Site::start(Host::Server).await;
    let browser = Browser::start().await;
    let b = &browser;
    b.open(&site.url("/session")).await;
    start_to_first_set(b).await;
    b.click("[data-testid='stop-session']").await;
    b.wait_for("[data-testid='stopped']").await;
    b.click("[data-testid='done']").await;

    // "Done" leads back to a locked check: no answers, no Start.
    b.wait_for("[data-testid='locked-today']").await;
    assert_eq!(answers_given(b).await, 0);
    assert_eq!(
        b.attr("[data-testid='start']", "disabled").await.as_deref(),
        Some("true")
    );
    // A reload keeps the lock: it comes from the stored history.
    b.reload().await;
    b.wait_for("[data-testid='locked-today']").await;

    // The next day (the clock moves on 24 h while the page is open): the
    // lock lifts, and only four fresh yeses open Start.
    shift_clock(b, 24 * HOUR_MS, true).await;
    b.wait_for("[data-criterion='no-radiating-pain']:not(.hidden *)")
        .await;
    assert!(!b.exists("[data-testid='locked-today']").await);
    b.clear_safety_check().await;
    b.assert_clean_console("stop locks the day").await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_session_left_too_long_is_closed_not_resumed() {
    let site = Site::start(Host::Server).await;
    let browser = Browser::start().await;
    let b = &browser;
    b.open(&site.url("/session")).await;

    // On focus: a set logged, then the screen locked for three hours.
    start_to_first_set(b).await;
    b.click("[data-testid='set-done']").await;
    b.wait_for("[data-testid='countdown']").await;
    shift_clock(b, 3 * HOUR_MS, true).await;
    b.wait_for("[data-testid='storage-notice']").await;
    assert!(
        b.text("[data-testid='storage-notice']")
            .await
            .contains("closed")
    );
    b.wait_for("[data-criterion='full-range']").await;
    assert_eq!(answers_given(b).await, 0, "a new session needs the check");
    let sessions = history(b).await;
    assert_eq!(sessions[0][4], json!(2), "kept as incomplete");
    assert_eq!(
        sessions[0][6].as_array().map(Vec::len),
        Some(1),
        "its set kept"
    );
    assert_eq!(active(b).await, Value::Null);
    b.click("[data-testid='dismiss-notice']").await;

    // On resume: paused, then back after the window.
    start_to_first_set(b).await;
    b.click("[data-testid='pause']").await;
    b.wait_for("[data-testid='paused']").await;
    shift_clock(b, 2 * HOUR_MS + 60_000, false).await;
    b.click("[data-testid='resume']").await;
    b.wait_for("[data-testid='storage-notice']").await;
    b.wait_for("[data-criterion='full-range']").await;
    assert_eq!(history(b).await.as_array().map(Vec::len), Some(2));

    // On load: a stored session begun yesterday is closed when the page opens.
    b.open(&site.url("/session")).await;
    start_to_first_set(b).await;
    b.js(
        "const key = 'backstrong:active-session'; const v = JSON.parse(localStorage.getItem(key)); \
         v.data.session.started_ms -= 86400000; localStorage.setItem(key, JSON.stringify(v));",
        vec![],
    )
    .await;
    b.reload().await;
    b.wait_for("[data-testid='storage-notice']").await;
    b.wait_for("[data-criterion='full-range']").await;
    assert_eq!(history(b).await.as_array().map(Vec::len), Some(3));
    b.assert_clean_console("stale sessions").await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_stop_page_ends_a_running_session() {
    let site = Site::start(Host::Export).await;
    let browser = Browser::start().await;
    let b = &browser;
    b.open(&site.url("/session")).await;
    start_to_first_set(b).await;
    // The home page offers to pick the running session up again.
    b.open(&site.url("/")).await;
    b.wait_for("[data-testid='resume-offer'] a[href='/session']")
        .await;
    b.open(&site.url("/stop")).await;
    // Both panels are in the page, hidden until they apply.
    b.click("[data-testid='end-session-offer']:not([hidden]) [data-testid='end-session-now']")
        .await;
    b.wait_for("[data-testid='session-ended-here']:not([hidden])")
        .await;
    assert!(
        !b.exists("[data-testid='end-session-offer']:not([hidden])")
            .await
    );
    let sessions = history(b).await;
    assert_eq!(sessions[0][4], json!(1), "stopped for pain");
    b.open(&site.url("/session")).await;
    b.wait_for("[data-testid='locked-today']").await;
    // With no session running, the Stop page offers nothing to end.
    b.open(&site.url("/stop")).await;
    b.wait_for("body[data-hydrated]").await;
    assert!(
        !b.exists("[data-testid='end-session-offer']:not([hidden])")
            .await
    );
    b.assert_clean_console("stop page").await;
    browser.close().await;
}
