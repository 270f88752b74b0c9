//! The Report screen with a seeded twelve-week history: the figures on
//! screen, the printed PDF (Chromium's own `Page.printToPDF`, read back with
//! Debian's `pdftotext`), and axe-core's accessibility check.

use app::{
    notes::Notes,
    program::EXERCISES,
    screening::{Check, ScreeningLog},
    session::{Event, History, Plan, Session, Symptom},
    storage,
};
use base64::Engine;
use end2end::{Browser, Site, TempDir};
use serde_json::json;
use std::time::{SystemTime, UNIX_EPOCH};

const DAY: u64 = 86_400_000;

fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis() as u64
}

/// Twelve weeks, two sessions a week, every set of every exercise done
/// with loads going up; one exercise stopped for pain (F13) and one
/// session stopped with Stop (F12) along the way.
fn twelve_weeks() -> History {
    let now = now_ms();
    let mut history = History::default();
    for n in 0..24u64 {
        // Oldest first: 82 days ago, then every 3.5 days; never in the future.
        let at = now - (82 * DAY) + n * DAY * 7 / 2 - 3_600_000;
        let mut s =
            Session::new(format!("{at}-{n:02}"), Plan::from_program(Some(80.0)), at).unwrap();
        s.apply(Event::Start, at + 60_000).unwrap();
        let mut t = at + 120_000;
        let load = 30.0 + n as f32 * 1.25;
        let mut sets = 0;
        while !s.phase.is_over() && sets < 60 {
            let hurts = n == 10 && sets == 8;
            let event = if hurts {
                Event::Hurts {
                    reps: 8,
                    load_kg: Some(load),
                    effort: None,
                    pain: Some(3),
                }
            } else {
                Event::SetDone {
                    reps: 15,
                    load_kg: Some(load),
                    effort: None,
                    pain: None,
                }
            };
            let _ = s.apply(event, t);
            t += 90_000;
            sets += 1;
            if n == 17 && sets == 3 {
                s.apply(Event::StopForPain(vec![Symptom::Radiating]), t)
                    .unwrap();
                break;
            }
            if !s.phase.is_over() {
                let _ = s.apply(Event::SkipRest, t);
            }
        }
        if !s.phase.is_over() {
            s.apply(Event::Finish, t).unwrap();
        }
        history.upsert(s);
    }
    history
}

async fn seed(b: &Browser) {
    let now = now_ms();
    let mut screening = ScreeningLog::default();
    screening.record(Check {
        at_ms: now - 20 * DAY,
        utc_offset_min: 0,
        answers: [false, true, true, true],
    });
    let mut notes = Notes::default();
    notes
        .set("leg-press", "Seat on hole 4, feet hip-wide.")
        .unwrap();
    for (key, value) in [
        ("backstrong:history", storage::encode(&twelve_weeks())),
        ("backstrong:screening", storage::encode(&screening)),
        ("backstrong:notes", storage::encode(&notes)),
    ] {
        b.js(
            "localStorage.setItem(arguments[0], arguments[1])",
            vec![json!(key), json!(value)],
        )
        .await;
    }
}

/// The printed report as Chromium makes it for a paper size (inches), as
/// text, one string per page.
async fn printed_pages(b: &Browser, dir: &TempDir, paper: (f64, f64)) -> Vec<String> {
    let pdf = b
        .cdp(
            "Page.printToPDF",
            json!({ "paperWidth": paper.0, "paperHeight": paper.1, "printBackground": false }),
        )
        .await;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(pdf["data"].as_str().expect("PDF data"))
        .unwrap();
    assert!(bytes.starts_with(b"%PDF"), "not a PDF");
    let file = dir.0.join("report.pdf");
    std::fs::write(&file, &bytes).unwrap();
    // To look at it: REPORT_PDF=/some/file.pdf
    if let Ok(keep) = std::env::var("REPORT_PDF") {
        std::fs::write(keep, &bytes).unwrap();
    }
    let out = tokio::process::Command::new("pdftotext")
        .args(["-layout"])
        .arg(&file)
        .arg("-")
        .output()
        .await
        .expect("pdftotext (Debian's poppler-utils; make test installs it)");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.split('\u{c}')
        .filter(|page| !page.trim().is_empty())
        .map(str::to_owned)
        .collect()
}

#[tokio::test]
async fn a_twelve_week_report_on_screen_on_paper_and_for_screen_readers() {
    let site = Site::server().await;
    let b = Browser::start().await;
    b.open(&site.url("/about")).await;
    seed(&b).await;
    // From Progress, one tap.
    b.open(&site.url("/progress")).await;
    b.click("a[href='/report']").await;
    b.wait_for("[data-testid='report-ready'][data-period='12w']")
        .await;
    assert_eq!(b.heading().await, "Report");

    // The figures.
    let sessions = b.text("[data-testid='report-sessions']").await;
    assert!(
        sessions.starts_with("24 sessions in this period"),
        "{sessions}"
    );
    assert!(sessions.contains("Weekly target: 3 sessions"), "{sessions}");
    let first = b
        .text("tr[data-exercise='leg-press'] [data-testid='first']")
        .await;
    let last = b
        .text("tr[data-exercise='leg-press'] [data-testid='last']")
        .await;
    assert_eq!((first.as_str(), last.as_str()), ("30 kg", "58.8 kg"));
    let stops = b.text("[data-testid='report-stops']").await;
    assert!(stops.contains("Pain 3 of 10 during set"), "{stops}");
    assert!(
        stops.contains("Pain spreading into buttock or leg"),
        "{stops}"
    );
    assert!(
        stops.contains("the session") && stops.contains("this exercise"),
        "{stops}"
    );
    let checks = b.text("[data-testid='report-checks']").await;
    assert!(
        checks.contains("Are you free of pain that spreads"),
        "{checks}"
    );
    // Pain marks: one under the exercise that hurt, one under the one under
    // way when the session was stopped.
    let marks = b
        .js(
            "return document.querySelectorAll('.report-pain').length",
            vec![],
        )
        .await;
    assert_eq!(marks, json!(2));

    // Four weeks is a shorter report.
    b.click("[data-period='4w']").await;
    b.wait_for("[data-testid='report-ready'][data-period='4w']")
        .await;
    let four = b.text("[data-testid='report-sessions']").await;
    assert!(
        four.starts_with("8 sessions") || four.starts_with("9 sessions"),
        "{four}"
    );
    b.click("[data-period='12w']").await;
    b.wait_for("[data-testid='report-ready'][data-period='12w']")
        .await;

    // On paper: A4, at most four pages, every exercise and every stop, the
    // period and the page number on every page, no navigation.
    let dir = TempDir::new("report");
    let pages = printed_pages(&b, &dir, (8.27, 11.69)).await;
    assert!(
        !pages.is_empty() && pages.len() <= 4,
        "{} pages",
        pages.len()
    );
    let all = pages.join("\n");
    for exercise in EXERCISES {
        assert!(
            all.contains(exercise.name),
            "{} missing from the PDF",
            exercise.name
        );
    }
    assert!(all.contains("Pain 3 of 10 during set"));
    assert!(all.contains("Pain spreading into buttock or leg"));
    assert!(all.contains("Seat on hole 4, feet hip-wide."));
    for (i, page) in pages.iter().enumerate() {
        assert!(
            page.contains("BackStrong report · Last 12 weeks"),
            "page {} has no period:\n{page}",
            i + 1
        );
        assert!(
            page.contains(&format!("Page {} of {}", i + 1, pages.len())),
            "page {} has no number",
            i + 1
        );
    }
    assert!(!all.contains("Skip to content") && !all.contains("Print or save as PDF"));
    // US Letter too.
    let letter = printed_pages(&b, &dir, (8.5, 11.0)).await;
    assert!(
        !letter.is_empty() && letter.len() <= 4,
        "{} Letter pages",
        letter.len()
    );

    // For screen readers and keyboards.
    let violations = b.axe_violations().await;
    assert!(violations.is_empty(), "axe: {violations:#?}");
    b.assert_clean_console("the report").await;
    // A link can open a period.
    b.open(&site.url("/report?period=all")).await;
    b.wait_for("[data-testid='report-ready'][data-period='all']")
        .await;
    b.wait_for("[data-period='all'][aria-pressed='true']").await;
    b.close().await;
}

#[tokio::test]
async fn with_nothing_logged_the_report_says_so() {
    let site = Site::export().await;
    let b = Browser::start().await;
    b.open(&site.url("/report")).await;
    b.wait_for("[data-testid='report-ready']").await;
    assert!(
        b.text("[data-testid='report-sessions']")
            .await
            .starts_with("0 sessions")
    );
    assert!(b.exists("[data-empty-for='report-stops']").await);
    assert!(b.exists("[data-empty-for='report-charts']").await);
    let violations = b.axe_violations().await;
    assert!(violations.is_empty(), "axe: {violations:#?}");
    b.assert_clean_console("an empty report").await;
    b.close().await;
}

/// The same twelve weeks on the Progress screen: eight weeks at first, the
/// rest on request, and a session opened before stays open.
#[tokio::test]
async fn progress_shows_older_weeks_on_request_and_keeps_an_open_session_open() {
    let site = Site::export().await;
    let b = Browser::start().await;
    b.open(&site.url("/about")).await;
    seed(&b).await;
    b.open(&site.url("/progress")).await;
    b.wait_for("[data-testid='progress-ready']").await;
    let weeks = "return document.querySelectorAll('.week-heading').length";
    assert_eq!(b.js(weeks, vec![]).await, json!(8));
    b.click(".session-entry summary").await;
    b.wait_for(".session-entry details[open] table.sets").await;
    b.click("[data-testid='older-weeks']").await;
    b.wait_for("[aria-labelledby='history'] > div:nth-of-type(2) .week-heading")
        .await;
    let shown = b.js(weeks, vec![]).await.as_u64().unwrap();
    assert!((12..=13).contains(&shown), "{shown} weeks");
    // Every session of the history is listed once.
    let entries = b
        .js(
            "return document.querySelectorAll('.session-entry').length",
            vec![],
        )
        .await;
    assert_eq!(entries, json!(24));
    // The session opened first is still open, and with every week shown
    // the button is gone.
    let first_open = b
        .js(
            "return document.querySelector('.session-entry details').open",
            vec![],
        )
        .await;
    assert_eq!(first_open, json!(true));
    assert!(!b.exists("[data-testid='older-weeks']").await);
    b.assert_clean_console("older weeks").await;
    b.close().await;
}
