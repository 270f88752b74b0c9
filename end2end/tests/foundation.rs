//! The foundation, end to end in headless Chromium, against both the release
//! server and the static export: pages load and hydrate, clicks work after
//! hydration, stored state survives a reload, unreadable storage is kept and
//! reported, unknown pages get the 404 page, and the console stays clean.

use end2end::{Browser, Host, Site};
use serde_json::json;

async fn foundation(host: Host) {
    let site = Site::start(host).await;
    let browser = Browser::start().await;
    let b = &browser;

    // The home page renders on the server and hydrates.
    b.open(&site.url("/")).await;
    assert_eq!(b.text("h1").await, "BackStrong");
    assert_eq!(b.client.title().await.unwrap(), "BackStrong");

    // The bottom bar leads to every screen; each page arrives rendered and
    // its interactive parts hydrate.
    b.click(".nav-bar a[href='/settings']").await;
    b.wait_for("body[data-hydrated] .choice-group").await;
    assert_eq!(b.text("main h1").await, "Settings");
    assert_eq!(
        b.attr(".nav-bar a[aria-current='page']", "href")
            .await
            .as_deref(),
        Some("/settings")
    );

    // A setting is saved to localStorage and survives a reload.
    b.click("[data-theme-choice='dark']").await;
    b.wait_for("html[data-theme='dark']").await;
    b.wait_for("[data-theme-choice='dark'][aria-pressed='true']")
        .await;
    let stored = b
        .js("return localStorage.getItem('backstrong:prefs')", vec![])
        .await;
    assert_eq!(
        stored,
        json!(
            r#"{"v":5,"data":{"theme":"dark","body_weight_kg":null,"sound":true,"vibration":true,"prompts":true,"unit":"kg","weekly_target":3,"rest_s":{},"load_steps":{},"missing_machines":[],"sets_reps":{}}}"#
        )
    );
    b.reload().await;
    b.wait_for("html[data-theme='dark']").await;
    assert_eq!(
        b.attr("[data-theme-choice='dark']", "aria-pressed")
            .await
            .as_deref(),
        Some("true")
    );
    assert!(!b.exists("[data-testid='storage-notice']").await);
    b.assert_clean_console(&format!("{host:?}: home, navigation, settings"))
        .await;

    // Unreadable storage: the app starts with defaults, says so, and keeps
    // the unreadable value under a backup key instead of overwriting it.
    b.js(
        "localStorage.setItem('backstrong:prefs', '{\"v\":1,\"data\":{\"theme\":')",
        vec![],
    )
    .await;
    b.reload().await;
    let notice = b.wait_for("[data-testid='storage-notice']").await;
    assert!(notice.text().await.unwrap().contains("could not be read"));
    let backups = b
        .js(
            "return Object.keys(localStorage).filter(k => k.startsWith('backstrong:prefs:corrupt:')).map(k => localStorage.getItem(k))",
            vec![],
        )
        .await;
    assert_eq!(backups, json!([r#"{"v":1,"data":{"theme":"#]));
    assert_eq!(
        b.attr("[data-theme-choice='system']", "aria-pressed")
            .await
            .as_deref(),
        Some("true")
    );
    // Choosing again works and clears nothing that was kept.
    assert!(b.exists("[data-testid='download-corrupt']").await);
    b.click("[data-testid='dismiss-notice']").await;
    b.click("[data-theme-choice='light']").await;
    b.wait_for("html[data-theme='light']").await;
    assert!(!b.exists("[data-testid='storage-notice']").await);
    b.assert_clean_console(&format!("{host:?}: corrupt storage"))
        .await;

    // Every screen of the bottom bar loads directly and hydrates.
    for (path, heading) in [
        ("/program", "Program"),
        ("/session", "Today's session"),
        ("/progress", "Progress"),
    ] {
        b.open(&site.url(path)).await;
        assert_eq!(b.heading().await, heading, "{path}");
    }
    b.assert_clean_console(&format!("{host:?}: screens")).await;

    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn foundation_on_the_server() {
    foundation(Host::Server).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn foundation_in_the_static_export() {
    foundation(Host::Export).await;
}

/// The server's 404 page is a real page, rendered and hydrated, not a crash.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_page_shows_not_found_on_the_server() {
    let site = Site::server().await;
    let browser = Browser::start().await;
    browser.open(&site.url("/no/such/page")).await;
    assert_eq!(browser.text("main h1").await, "Page not found");
    browser.click("main a[href='/']").await;
    browser.wait_for(".hero h1").await;
    // The only console line allowed is Chromium's note of the 404 itself.
    let problems: Vec<String> = browser
        .console_problems()
        .await
        .into_iter()
        .filter(|line| !(line.contains("/no/such/page") && line.contains("404")))
        .collect();
    assert!(
        problems.is_empty(),
        "404 page: console problems:\n{}",
        problems.join("\n")
    );
    browser.close().await;
}

/// The console check itself: a warning and an error written by the page are
/// caught, so a clean result above means something.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn console_check_catches_errors() {
    let site = Site::server().await;
    let browser = Browser::start().await;
    browser.open(&site.url("/")).await;
    assert!(browser.console_problems().await.is_empty());
    browser
        .js(
            "console.warn('e2e-warning-probe'); console.error('e2e-error-probe')",
            vec![],
        )
        .await;
    let problems = browser.console_problems().await.join("\n");
    assert!(problems.contains("e2e-warning-probe"), "{problems}");
    assert!(problems.contains("e2e-error-probe"), "{problems}");
    browser.close().await;
}

/// The Content-Security-Policy (a header from the server, a `<meta>` tag in
/// the export) lets the app hydrate with a clean console, and stops a script
/// injected into the page.
async fn policy_blocks_injected_scripts(host: Host) {
    let site = Site::start(host).await;
    let browser = Browser::start().await;
    let b = &browser;
    for path in ["/", "/session", "/settings"] {
        b.open(&site.url(path)).await;
        b.assert_clean_console(&format!("{host:?} {path} under the policy"))
            .await;
    }
    let ran = b
        .js(
            "const s = document.createElement('script'); \
             s.textContent = 'window.__injected = true'; \
             document.body.append(s); \
             return window.__injected === true",
            vec![],
        )
        .await;
    assert_eq!(ran, json!(false), "{host:?}: an injected inline script ran");
    let problems = b.console_problems().await.join("\n");
    assert!(
        problems.contains("Content Security Policy"),
        "{host:?}: no violation reported: {problems}"
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn policy_blocks_injected_scripts_on_the_server() {
    policy_blocks_injected_scripts(Host::Server).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn policy_blocks_injected_scripts_in_the_static_export() {
    policy_blocks_injected_scripts(Host::Export).await;
}
