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
             // The phone's own width: a page wider than it widens a mobile
             // layout viewport (and innerWidth) with it.
             if (document.documentElement.scrollWidth > screen.width) out.push('sideways scroll: ' + document.documentElement.scrollWidth);
             return out;",
            vec![json!(selectors)],
        )
        .await;
    if let Ok(dir) = std::env::var("SHOTS_DIR") {
        let shot = b.client.screenshot().await.expect("screenshot");
        let _ = std::fs::write(
            format!("{dir}/{}.png", screen.replace([' ', '×'], "_")),
            shot,
        );
    }
    assert_eq!(report, json!([]), "{screen}");
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
                &[
                    STOP,
                    "[data-testid='exercise-stopped'] h2",
                    "[data-testid='countdown']",
                    ".rest .next",
                ],
            )
            .await;
            heading_focused(b, &at("between exercises")).await;
            b.click("[data-testid='finish']").await;
            b.wait_for("[data-testid='summary']").await;
            // "under a minute" is the longest time there is: the figures
            // wrap rather than push the page sideways.
            in_view(
                b,
                &at("summary"),
                &["[data-testid='summary'] h2", "[data-testid='summary-sets']"],
            )
            .await;
            heading_focused(b, &at("summary")).await;
        }
    }
    b.assert_clean_console("session screens on phones").await;
    browser.close().await;
}

/// The set screen's target line, e.g. "15 reps at 20 kg".
async fn target(b: &Browser) -> String {
    b.text("[data-testid='set-target']").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn loads_carry_over_from_set_to_set_and_to_the_next_session() {
    let site = Site::start(Host::Export).await;
    let browser = Browser::start().await;
    let b = &browser;
    b.open(&site.url("/session")).await;

    // First time on the leg press, no body weight: find a starting load.
    b.clear_safety_check().await;
    b.click("[data-testid='start']").await;
    b.click("[data-testid='start-first-set']").await;
    b.wait_for("[data-testid='find-load']").await;
    for _ in 0..8 {
        b.click("[data-testid='load-plus']").await;
    }
    assert_eq!(b.text("[data-testid='load-value']").await, "20 kg");
    assert_eq!(target(b).await, "15 reps at 20 kg");
    b.click("[data-testid='set-done']").await;

    // Set 2 starts at set 1's load: one tap logs it.
    b.click("[data-testid='rest-skip']").await;
    b.wait_for("[data-testid='set'][data-set='2']").await;
    assert!(!b.exists("[data-testid='find-load']").await);
    assert_eq!(target(b).await, "15 reps at 20 kg");
    b.click("[data-testid='set-done']").await;
    b.wait_for("[data-testid='countdown']").await;
    let loads = b
        .js(
            "return JSON.parse(localStorage.getItem('backstrong:active-session')).data.session.sets.map(s => s.load_kg)",
            vec![],
        )
        .await;
    assert_eq!(loads, json!([20, 20]));
    b.click("[data-testid='finish']").await;
    b.wait_for("[data-testid='summary']").await;
    b.click("[data-testid='done']").await;

    // The next session starts from it, marked as the app's suggestion (two
    // of five sets: stay at 20 kg).
    b.clear_safety_check().await;
    b.click("[data-testid='start']").await;
    b.click("[data-testid='start-first-set']").await;
    b.wait_for("[data-testid='set'][data-set='1']").await;
    assert!(
        target(b).await.starts_with("15 reps at 20 kg"),
        "{}",
        target(b).await
    );
    assert_eq!(
        b.text("[data-testid='load-from']").await,
        "the app's suggestion"
    );

    // Pounds and the machine's own step: 20 kg reads 44.1 lb, and a 10 lb
    // step moves it to the stack's next plate, 50 lb.
    b.open(&site.url("/settings")).await;
    b.click("[data-unit='lb']").await;
    // The pound steps show once pounds are chosen.
    b.click("[data-choice='step:leg-press:lb:10']:not([hidden])")
        .await;
    b.wait_for("[data-choice='step:leg-press:lb:10'][aria-pressed='true']")
        .await;
    b.open(&site.url("/session")).await;
    b.wait_for("[data-testid='set'][data-set='1']").await;
    assert!(
        target(b).await.starts_with("15 reps at 44.1 lb"),
        "{}",
        target(b).await
    );
    b.click(".set-details summary").await;
    b.click("[data-testid='load-plus']").await;
    assert_eq!(b.text("[data-testid='load-value']").await, "50 lb");
    b.assert_clean_console("loads carry over").await;
    browser.close().await;
}

/// The stored plan of the session under way, as exercise ids.
async fn plan_order(b: &Browser) -> Vec<String> {
    let ids = b
        .js(
            "return JSON.parse(localStorage.getItem('backstrong:active-session')).data.session.plan.items.map(i => i.exercise_id)",
            vec![],
        )
        .await;
    serde_json::from_value(ids).expect("ids")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_busy_or_different_gym_keeps_the_program_rules() {
    let site = Site::start(Host::Server).await;
    let browser = Browser::start().await;
    let b = &browser;

    // Your gym: no leg press and no leg extension machine; the chest press
    // at the top of its range (3–4 × 10–12), and no further.
    b.open(&site.url("/settings")).await;
    b.click("[data-machine='leg-press'] button").await;
    b.click("[data-machine='leg-extension'] button").await;
    for _ in 0..3 {
        b.click("[data-testid='sets-chest-press-plus']").await;
    }
    b.click("[data-testid='reps-chest-press-minus']").await;
    assert_eq!(b.text("[data-testid='sets-chest-press-value']").await, "4");
    assert_eq!(b.text("[data-testid='reps-chest-press-value']").await, "10");
    assert!(
        b.text("[data-sets-reps='chest-press']")
            .await
            .contains("3–4 sets × 10–12 reps")
    );
    // A longer rest for the leg extension, and four sessions a week.
    b.click("[data-testid='leg-extension-plus']").await;
    assert_eq!(b.text("[data-testid='leg-extension-value']").await, "75 s");
    b.click("[data-testid='weekly-target-plus']").await;
    assert_eq!(b.text("[data-testid='weekly-target-value']").await, "4");
    // Read back after a reload: the page comes with the defaults, then
    // shows what is stored.
    b.reload().await;
    let shown = b
        .js_async(
            "const done = arguments[arguments.length - 1];
             const value = id => document.querySelector(`[data-testid='${id}-value']`).textContent;
             const check = () => value('leg-extension') === '75 s' && value('sets-chest-press') === '4'
                 ? done([value('leg-extension'), value('weekly-target'), value('reps-chest-press')])
                 : requestAnimationFrame(check);
             check();",
            vec![],
        )
        .await;
    assert_eq!(shown, json!(["75 s", "4", "10"]));

    // The program page says what changes, and that the program includes it.
    b.open(&site.url("/program")).await;
    let notes = b
        .wait_for("[data-testid='gym-notes']")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        notes.contains("Leg press: left out") && notes.contains("The program includes it"),
        "{notes}"
    );
    assert!(
        notes.contains("Leg extension: done with ankle weights"),
        "{notes}"
    );

    // The session follows: no leg press, the leg extension with ankle weights.
    b.open(&site.url("/session")).await;
    b.clear_safety_check().await;
    b.click("[data-testid='start']").await;
    b.click("[data-testid='start-first-set']").await;
    b.wait_for("[data-testid='set'][data-exercise='leg-extension']")
        .await;
    assert!(
        b.text("[data-testid='instead']")
            .await
            .contains("Ankle weights")
    );
    let order = plan_order(b).await;
    assert!(!order.contains(&"leg-press".to_owned()));
    let sets = b
        .js(
            "return JSON.parse(localStorage.getItem('backstrong:active-session')).data.session.plan.items.find(i => i.exercise_id === 'chest-press').sets",
            vec![],
        )
        .await;
    assert_eq!(sets, json!(4));
    let rest = b
        .js(
            "return JSON.parse(localStorage.getItem('backstrong:active-session')).data.session.plan.items.find(i => i.exercise_id === 'leg-extension').rest_s",
            vec![],
        )
        .await;
    assert_eq!(rest, json!(75));

    // Machine taken: the leg extension waits, the leg curl starts now.
    b.click("[data-testid='do-later']").await;
    b.wait_for("[data-testid='set'][data-exercise='leg-curl'][data-set='1']")
        .await;
    assert_eq!(
        plan_order(b).await.last().map(String::as_str),
        Some("leg-extension")
    );
    // The source's other way for today: the leg curl with ankle weights.
    b.click(".set-equipment summary").await;
    b.click(".set-equipment [data-equipment='1']").await;
    assert!(
        b.wait_for("[data-testid='instead']")
            .await
            .text()
            .await
            .unwrap()
            .contains("Ankle weights")
    );
    // The seated row taken: the chest press goes after it (F41).
    b.click("[data-testid='skip-exercise']").await;
    b.wait_for("[data-testid='set'][data-exercise='back-extension']")
        .await;
    b.click("[data-testid='skip-exercise']").await;
    b.wait_for("[data-testid='set'][data-exercise='seated-row']")
        .await;
    b.click("[data-testid='do-later']").await;
    b.wait_for("[data-testid='set'][data-exercise='core']")
        .await;
    let order = plan_order(b).await;
    let row = order.iter().position(|i| i == "seated-row").unwrap();
    let press = order.iter().position(|i| i == "chest-press").unwrap();
    assert!(row < press, "{order:?}");
    assert_eq!(order.last().map(String::as_str), Some("chest-press"));
    // Once an exercise has begun, its sets stay together.
    b.click("[data-testid='set-done']").await;
    b.click("[data-testid='rest-skip']").await;
    b.wait_for("[data-testid='set'][data-exercise='core'][data-set='2']")
        .await;
    assert!(!b.exists("[data-testid='do-later']").await);
    b.assert_clean_console("busy gym").await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_page_scrolls_sideways_on_a_phone_and_text_stays_legible() {
    let site = Site::start(Host::Server).await;
    let browser = Browser::start().await;
    let b = &browser;
    // Three years of history, as the app stores it.
    let history = app::storage::encode(&app::session::History::three_years_sample());
    b.open(&site.url("/")).await;
    b.js(
        "localStorage.setItem('backstrong:history', arguments[0])",
        vec![json!(history)],
    )
    .await;
    for (scheme, path) in ["light", "dark"].into_iter().flat_map(|scheme| {
        app::prerendered_paths()
            .into_iter()
            .map(move |p| (scheme, p))
    }) {
        b.open(&site.url(&path)).await;
        phone(b, 360, 640, scheme).await;
        if path == "/report" {
            b.wait_for("[data-testid='report-ready']").await;
        }
        if path == "/progress" {
            b.wait_for("[data-testid='progress-ready']").await;
            b.click(".session-entry summary").await;
            b.wait_for(".session-entry table.sets").await;
        }
        let problems = b
            .js(
                "const out = [];
                 if (document.documentElement.scrollWidth > innerWidth)
                   out.push('sideways: ' + document.documentElement.scrollWidth + ' > ' + innerWidth);
                 for (const svg of document.querySelectorAll('svg.chart, svg.report-chart')) {
                   const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
                   for (const t of svg.querySelectorAll('text')) {
                     const px = scale * parseFloat(getComputedStyle(t).fontSize);
                     if (px < 12) out.push('chart text ' + px.toFixed(1) + ' px: ' + t.textContent);
                   }
                 }
                 const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                 while (walker.nextNode()) {
                   const node = walker.currentNode; const el = node.parentElement;
                   if (!node.textContent.trim() || !el || el.closest('svg, .visually-hidden, .skip-link, title')) continue;
                   if (!el.getClientRects().length) continue;
                   const px = parseFloat(getComputedStyle(el).fontSize);
                   if (px < 14) out.push('text ' + px + ' px: ' + node.textContent.trim().slice(0, 40));
                 }
                 // Controls stay inside their panel (a stepper's + button
                 // once reached past it at 360 px).
                 for (const c of document.querySelectorAll('.panel button, .panel output, .panel input')) {
                   const panel = c.closest('.panel').getBoundingClientRect();
                   const r = c.getBoundingClientRect();
                   if (r.width && r.right > panel.right + 0.5)
                     out.push('sticks out of its panel by ' + (r.right - panel.right).toFixed(0) + ' px: ' + (c.getAttribute('aria-label') || c.textContent.trim()));
                 }
                 // No word in a table or a stepper is broken over two lines.
                 for (const el of document.querySelectorAll('td, th, .stepper-label, .stepper-value')) {
                   // Out of sight (the set table's head on a phone, kept for screen readers).
                   if (!el.getClientRects().length || el.closest('thead')?.getBoundingClientRect().width <= 1) continue;
                   const text = el.firstChild && el.firstChild.nodeType === Node.TEXT_NODE ? el.firstChild : null;
                   if (!text) continue;
                   for (const m of text.textContent.matchAll(/\\S+/g)) {
                     const range = document.createRange();
                     range.setStart(text, m.index); range.setEnd(text, m.index + m[0].length);
                     const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                     if (lines.size > 1) out.push('word broken: ' + m[0]);
                   }
                 }
                 return out.slice(0, 10);",
                vec![],
            )
            .await;
        if let Ok(dir) = std::env::var("SHOTS_DIR") {
            let shot = b.client.screenshot().await.expect("screenshot");
            let name = format!("page{}_{scheme}", path.replace('/', "_"));
            let _ = std::fs::write(format!("{dir}/{name}.png"), shot);
        }
        assert_eq!(problems, json!([]), "{scheme} {path}");
    }
    b.assert_clean_console("phone pages").await;
    browser.close().await;
}
