//! The program, end to end: cards, detail pages, notes, the safety check,
//! the stop control; against the server and the static export.

use end2end::{Browser, Host, Site};
use serde_json::json;

const GROUPS: [(&str, &str); 10] = [
    ("leg-press", "5 sets × 15 reps"),
    ("leg-extension", "3–4 sets × 10–12 reps"),
    ("leg-curl", "4–5 sets × 10 reps"),
    ("back-extension", "2–3 sets × 8–10 reps"),
    ("seated-row", "3–4 sets × 15 reps"),
    ("chest-press", "3–4 sets × 10–12 reps"),
    ("core", "2–3 sets × 12–15 reps"),
    ("hip-abduction", "3–4 sets × 15–20 reps"),
    ("hip-adduction", "3–4 sets × 15–20 reps"),
    ("glute-bridge", "3–4 sets × 15–20 reps"),
];

async fn program_screens(host: Host) {
    let site = Site::start(host).await;
    let browser = Browser::start().await;
    let b = &browser;

    // The Program screen lists all ten exercises, in order, with prescriptions.
    b.open(&site.url("/program")).await;
    let cards = b
        .client
        .find_all(fantoccini::Locator::Css("article.card[data-exercise]"))
        .await
        .unwrap();
    assert_eq!(cards.len(), 10);
    for (card, (id, rx)) in cards.iter().zip(GROUPS) {
        assert_eq!(
            card.attr("data-exercise").await.unwrap().as_deref(),
            Some(id)
        );
        let text = card.text().await.unwrap();
        assert!(text.contains(rx), "{id}: {text}");
    }
    let suggested = b
        .client
        .find_all(fantoccini::Locator::Css("article.card .tag"))
        .await
        .unwrap();
    assert_eq!(suggested.len(), 3, "leg extension, back extension, core");

    // A card opens its own page with every cue, the stop control and a body map.
    b.click("article[data-exercise='leg-curl'] a.card-link")
        .await;
    b.wait_for("body[data-hydrated] textarea#note-leg-curl")
        .await;
    assert_eq!(b.text("main h1").await, "Leg curl");
    assert!(
        b.client
            .current_url()
            .await
            .unwrap()
            .path()
            .starts_with("/exercise/leg-curl")
    );
    let caution = b.text(".cautions").await;
    assert!(caution.contains("fatigue"), "{caution}");
    assert!(b.exists(".body-map-art[data-on~='hams'] svg").await);
    assert!(b.exists("a.stop-button[href='/stop']").await);
    b.assert_clean_console(&format!("{host:?}: program and card"))
        .await;

    // A note is saved as typed, survives a reload, and stays plain text.
    let note = "Seat 4, pin 7 <img src=x onerror=alert(1)>";
    b.find("#note-leg-curl")
        .await
        .send_keys(note)
        .await
        .unwrap();
    b.reload().await;
    let field = b.wait_for("#note-leg-curl").await;
    assert_eq!(field.prop("value").await.unwrap().as_deref(), Some(note));
    assert!(!b.exists("main img").await, "a note is never HTML");
    assert_eq!(
        b.js("return JSON.parse(localStorage.getItem('backstrong:notes')).data.by_exercise['leg-curl']", vec![]).await,
        json!(note)
    );

    // Over 2,000 characters: refused with a message; the saved note stays.
    b.js(
        "const f = document.querySelector('#note-leg-curl'); f.value = 'x'.repeat(2001); \
         f.dispatchEvent(new Event('input', { bubbles: true }));",
        vec![],
    )
    .await;
    let error = b
        .wait_for(".notes .error:not([hidden])")
        .await
        .text()
        .await
        .unwrap();
    assert!(error.contains("2001") && error.contains("2000"), "{error}");
    assert_eq!(
        b.js("return JSON.parse(localStorage.getItem('backstrong:notes')).data.by_exercise['leg-curl']", vec![]).await,
        json!(note)
    );
    b.assert_clean_console(&format!("{host:?}: notes")).await;

    // Body weight gives the leg press starting load (half of it, F18);
    // nonsense is refused with a message.
    b.open(&site.url("/exercise/leg-press")).await;
    let hint = b.text("[data-testid='start-load']").await;
    assert!(hint.contains("Enter your weight"), "{hint}");
    b.open(&site.url("/settings")).await;
    b.find("#body-weight")
        .await
        .send_keys("eighty\u{E004}")
        .await
        .unwrap();
    let error = b
        .wait_for("#body-weight-error:not([hidden])")
        .await
        .text()
        .await
        .unwrap();
    assert!(error.contains("number"), "{error}");
    b.find("#body-weight").await.clear().await.unwrap();
    b.find("#body-weight")
        .await
        .send_keys("81\u{E004}")
        .await
        .unwrap();
    b.open(&site.url("/exercise/leg-press")).await;
    b.wait_for("[data-testid='start-load'] strong").await;
    let hint = b.text("[data-testid='start-load']").await;
    assert!(hint.contains("40 kg"), "{hint}");

    // In pounds the weight is typed and shown in pounds, stored in kg.
    b.open(&site.url("/settings")).await;
    b.click("[data-unit='lb']").await;
    b.wait_for("label[for='body-weight'] span").await;
    assert_eq!(
        b.text("label[for='body-weight'] span").await,
        "Body weight (lb)"
    );
    assert_eq!(
        b.js(
            "return document.getElementById('body-weight').value",
            vec![]
        )
        .await,
        serde_json::json!("178.6")
    );
    b.find("#body-weight").await.clear().await.unwrap();
    b.find("#body-weight")
        .await
        .send_keys("176\u{E004}")
        .await
        .unwrap();
    b.open(&site.url("/exercise/leg-press")).await;
    b.wait_for("[data-testid='start-load'] strong").await;
    let hint = b.text("[data-testid='start-load']").await;
    assert!(hint.contains("85 lb"), "{hint}");

    // The stop control leads to what to do now, with the red flags.
    b.click("a.stop-button").await;
    b.wait_for("body[data-hydrated] [data-testid='red-flags']")
        .await;
    assert_eq!(b.text("main h1").await, "Stop here");

    // The warm-up and about pages are there.
    b.open(&site.url("/warm-up")).await;
    assert_eq!(
        b.client
            .find_all(fantoccini::Locator::Css(".warmup-step"))
            .await
            .unwrap()
            .len(),
        8
    );
    b.open(&site.url("/about")).await;
    assert!(b.text("main").await.contains("not a treatment"));
    b.assert_clean_console(&format!("{host:?}: stop, warm-up, about"))
        .await;

    browser.close().await;
}

async fn safety_check(host: Host) {
    let site = Site::start(host).await;
    let browser = Browser::start().await;
    let b = &browser;
    b.open(&site.url("/session")).await;

    // Blocked until all four are answered yes.
    let start = "[data-testid='start']";
    assert_eq!(b.find(start).await.tag_name().await.unwrap(), "button");
    assert!(!b.find(start).await.is_enabled().await.unwrap());
    for id in ["no-radiating-pain", "full-range", "medical-clearance"] {
        b.click(&format!("[data-criterion='{id}'] [data-answer='yes']"))
            .await;
    }
    assert!(
        !b.find(start).await.is_enabled().await.unwrap(),
        "three yeses are not enough"
    );

    // A "no" explains why not today and what to do instead.
    b.click("[data-criterion='motor-control'] [data-answer='no']")
        .await;
    let why = b
        .wait_for("[data-testid='not-today']")
        .await
        .text()
        .await
        .unwrap();
    assert!(why.contains("see a doctor"), "{why}");
    assert!(!b.find(start).await.is_enabled().await.unwrap());
    assert!(b.exists("[data-testid='red-flags']").await);

    // Four yeses open the session, and the answers are stored with the date.
    b.click("[data-criterion='motor-control'] [data-answer='yes']")
        .await;
    b.wait_for("[data-testid='cleared']").await;
    b.wait_for("[data-testid='start']:not([disabled])").await;
    let stored = b
        .js(
            "return JSON.parse(localStorage.getItem('backstrong:screening')).data.checks",
            vec![],
        )
        .await;
    let checks = stored.as_array().expect("checks");
    assert_eq!(
        checks.len(),
        2,
        "the 'no' and the later all-yes are both kept"
    );
    assert_eq!(checks[1]["answers"], json!([true, true, true, true]));
    assert!(checks[1]["at_ms"].as_u64().unwrap() > 1_700_000_000_000);

    // Nothing is filled in again: after a reload the check asks afresh.
    b.reload().await;
    assert_eq!(
        b.js(
            "return document.querySelectorAll('.criterion [aria-pressed=true]').length",
            vec![]
        )
        .await,
        json!(0)
    );
    assert!(!b.find(start).await.is_enabled().await.unwrap());
    b.assert_clean_console(&format!("{host:?}: safety check"))
        .await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn program_on_the_server() {
    program_screens(Host::Server).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn program_in_the_static_export() {
    program_screens(Host::Export).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn safety_check_on_the_server() {
    safety_check(Host::Server).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn safety_check_in_the_static_export() {
    safety_check(Host::Export).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_exercise_is_not_found() {
    let site = Site::server().await;
    let browser = Browser::start().await;
    browser.open(&site.url("/exercise/squat")).await;
    assert_eq!(browser.text("main h1").await, "Page not found");
    browser.close().await;
}
