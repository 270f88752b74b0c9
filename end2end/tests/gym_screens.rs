//! At the gym, phone in one hand: every session screen opens at its top
//! with what matters in view without scrolling, on a 360 × 640 and a
//! 390 × 844 phone, light and dark. Set `SHOTS_DIR` to keep a screenshot of
//! each screen for a person to look at.

use end2end::{Browser, Host, Site};
use serde_json::json;

/// Makes the page a phone of `width` × `height` CSS pixels in `scheme`.
async fn phone(b: &Browser, width: u32, height: u32, scheme: &str) {
    b.cdp(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": true }),
    )
    .await;
    b.cdp(
        "Emulation.setEmulatedMedia",
        json!({ "features": [{ "name": "prefers-color-scheme", "value": scheme }] }),
    )
    .await;
}

/// Fails unless the page is at its top and every one of `selectors` is
/// wholly inside the part of the screen the bottom bar leaves free.
async fn in_view(b: &Browser, screen: &str, selectors: &[&str]) {
    let report = b
        .js(
            "const nav = document.querySelector('.nav-bar');
             const limit = Math.min(innerHeight, nav ? nav.getBoundingClientRect().top : innerHeight);
             const out = [];
             if (scrollY !== 0) out.push('scrolled to ' + scrollY);
             for (const sel of arguments[0]) {
               const el = document.querySelector(sel);
               if (!el) { out.push(sel + ': missing'); continue; }
               const r = el.getBoundingClientRect();
               if (r.top < 0 || r.bottom > limit) out.push(sel + ': ' + Math.round(r.top) + '..' + Math.round(r.bottom) + ' of ' + Math.round(limit));
             }
             if (document.documentElement.scrollWidth > innerWidth) out.push('sideways scroll: ' + document.documentElement.scrollWidth);
             return out;",
            vec![json!(selectors)],
        )
        .await;
    assert_eq!(report, json!([]), "{screen}");
    if let Ok(dir) = std::env::var("SHOTS_DIR") {
        let shot = b.client.screenshot().await.expect("screenshot");
        let _ = std::fs::write(
            format!("{dir}/{}.png", screen.replace([' ', '×'], "_")),
            shot,
        );
    }
}

/// The focused element is the screen's heading.
async fn heading_focused(b: &Browser, screen: &str) {
    let focused = b
        .js(
            "return document.activeElement && document.activeElement.hasAttribute('data-screen-title')",
            vec![],
        )
        .await;
    assert_eq!(focused, json!(true), "{screen}: focus on the heading");
}

const STOP: &str = "[data-testid='stop-session']";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_session_screen_opens_with_its_essentials_in_view() {
    let site = Site::start(Host::Server).await;
    let browser = Browser::start().await;
    let b = &browser;
    for (width, height) in [(360, 640), (390, 844)] {
        for scheme in ["light", "dark"] {
            let at = |name: &str| format!("{name} {width}×{height} {scheme}");
            b.open(&site.url("/session")).await;
            b.js("localStorage.clear()", vec![]).await;
            b.reload().await;
            phone(b, width, height, scheme).await;

            b.clear_safety_check().await;
            b.click("[data-testid='start']").await;
            b.wait_for("[data-testid='warm-up']").await;
            in_view(
                b,
                &at("warm-up"),
                &[
                    STOP,
                    "[data-testid='warm-up'] h2",
                    "[data-testid='start-first-set']",
                ],
            )
            .await;
            heading_focused(b, &at("warm-up")).await;

            b.click("[data-testid='start-first-set']").await;
            b.wait_for("[data-testid='set'][data-set='1']").await;
            let set = [
                STOP,
                ".set-exercise",
                "[data-testid='set-count']",
                "[data-testid='set-target']",
                "[data-testid='set-done']",
                "[data-testid='set-hurts']",
            ];
            in_view(b, &at("set"), &set).await;
            heading_focused(b, &at("set")).await;

            b.click("[data-testid='set-done']").await;
            b.wait_for("[data-testid='countdown']").await;
            in_view(
                b,
                &at("rest"),
                &[
                    STOP,
                    "[data-testid='countdown']",
                    ".rest .next",
                    "[data-testid='rest-skip']",
                ],
            )
            .await;
            heading_focused(b, &at("rest")).await;

            b.click("[data-testid='pause']").await;
            b.wait_for("[data-testid='paused']").await;
            in_view(
                b,
                &at("paused"),
                &[
                    STOP,
                    "[data-testid='paused'] .next",
                    "[data-testid='resume']",
                ],
            )
            .await;
            b.click("[data-testid='resume']").await;
            b.click("[data-testid='rest-skip']").await;
            b.wait_for("[data-testid='set'][data-set='2']").await;
            in_view(b, &at("set 2"), &set).await;

            // Adjust open: the controls come first, "Set done" after them.
            b.click(".set-details summary").await;
            let order = b
                .js(
                    "const d = document.querySelector('.set-details'); const s = document.querySelector('[data-testid=set-done]');
                     return !!(d.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_FOLLOWING);",
                    vec![],
                )
                .await;
            assert_eq!(order, json!(true), "{}", at("adjust"));

            b.click("[data-testid='skip-exercise']").await;
            b.wait_for("[data-testid='set'][data-exercise='leg-extension']")
                .await;
            b.click("[data-testid='set-hurts']").await;
            b.wait_for("[data-testid='exercise-stopped']").await;
            in_view(
                b,
                &at("between exercises"),
                &[STOP, "[data-testid='exercise-stopped'] h2"],
            )
            .await;
            heading_focused(b, &at("between exercises")).await;
            b.click("[data-testid='finish']").await;
            b.wait_for("[data-testid='summary']").await;
        }
    }
    b.assert_clean_console("session screens on phones").await;
    browser.close().await;
}
