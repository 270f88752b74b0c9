//! `make bench-storage`: a generated three-year history (600 sessions,
//! 20,400 sets) as the app stores it, its size, and the time Chromium takes
//! to read, parse and render the Progress screen from it, against the
//! release server. Median of 5 loads. Measures; fails nothing.

use app::{session::History, storage};
use end2end::{Browser, Site};
use serde_json::json;

#[tokio::main]
async fn main() {
    let history = History::three_years_sample();
    let sets: usize = history.sessions.iter().map(|s| s.sets.len()).sum();
    let stored = storage::encode(&history);
    println!(
        "history: {} sessions, {sets} sets, {} bytes stored",
        history.sessions.len(),
        stored.len()
    );

    let site = Site::server().await;
    let b = Browser::start().await;
    b.open(&site.url("/about")).await;
    b.js(
        "localStorage.setItem('backstrong:history', arguments[0])",
        vec![json!(stored)],
    )
    .await;
    let mut times = load_times(
        &b,
        &site.url("/progress"),
        "[data-testid='progress-ready']",
        "backstrong:progress-rendered",
    )
    .await;
    b.assert_clean_console("bench-storage").await;
    times.sort_by(f64::total_cmp);
    let weeks = b
        .js(
            "return document.querySelectorAll('.week-heading').length",
            vec![],
        )
        .await;
    println!(
        "render times (ms): {:?}; weeks drawn at first: {}",
        times
            .iter()
            .map(|t| (t * 10.0).round() / 10.0)
            .collect::<Vec<_>>(),
        weeks.as_u64().unwrap_or(0)
    );
    println!("BENCH history_3y_stored_bytes {} bytes", stored.len());
    println!(
        "BENCH history_3y_render_ms {:.0} ms",
        times[times.len() / 2]
    );
    // The report of everything (`make bench-storage`'s second figure).
    let mut report_times = load_times(
        &b,
        &site.url("/report?period=all"),
        "[data-testid='report-ready'][data-period='all']",
        "backstrong:report-rendered:all",
    )
    .await;
    b.assert_clean_console("bench-storage report").await;
    report_times.sort_by(f64::total_cmp);
    println!(
        "report render times (ms): {:?}",
        report_times
            .iter()
            .map(|t| (t * 10.0).round() / 10.0)
            .collect::<Vec<_>>()
    );
    println!(
        "BENCH report_3y_render_ms {:.0} ms",
        report_times[report_times.len() / 2]
    );
    b.close().await;
}

/// Five loads of `url`: for each, the time from the app starting to read
/// storage to the performance mark `mark` (set on the first frame drawn).
async fn load_times(b: &Browser, url: &str, ready: &str, mark: &str) -> Vec<f64> {
    let mut times = Vec::new();
    for _ in 0..5 {
        b.open(url).await;
        b.wait_for(ready).await;
        let ms = b
            .js_async(
                "const [mark, done] = arguments;
                 const read = () => {
                   const start = performance.getEntriesByName('backstrong:load-start')[0];
                   const end = performance.getEntriesByName(mark)[0];
                   if (start && end) done(end.startTime - start.startTime);
                   else requestAnimationFrame(read);
                 };
                 read();",
                vec![json!(mark)],
            )
            .await;
        times.push(ms.as_f64().unwrap_or(f64::NAN));
    }
    times
}
