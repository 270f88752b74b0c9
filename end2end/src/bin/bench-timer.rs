//! `make bench-timer`: how far the rest countdown on screen strays from the
//! wall clock, in headless Chromium against the release server. Runs a 60 s
//! rest, samples the screen every 100 ms, reloads half way, and prints the
//! figures as BENCH lines. Measures; fails nothing.

use end2end::{Browser, Site};
use serde_json::Value;
use std::time::Duration;

/// In the page: every 100 ms, how far the shown M:SS is from the time that
/// is really left (0 when the shown whole second is the right one).
const SAMPLER: &str = r#"
window.__errors = [];
window.__slack = [];
window.__sampler = setInterval(() => {
  const el = document.querySelector('[data-testid=countdown]');
  if (!el) return;
  const [m, s] = el.textContent.split(':').map(Number);
  const shown = (m * 60 + s) * 1000;
  const left = Number(el.dataset.until) - Date.now();
  if (left <= 0) return;
  const err = left > shown ? left - shown : (left <= shown - 1000 ? shown - 1000 - left : 0);
  window.__errors.push(err);
  window.__slack.push(shown - left);
}, 100);
"#;

const ERROR_NOW: &str = r#"
const el = document.querySelector('[data-testid=countdown]');
const [m, s] = el.textContent.split(':').map(Number);
const shown = (m * 60 + s) * 1000;
const left = Number(el.dataset.until) - Date.now();
return left > shown ? left - shown : (left <= shown - 1000 ? shown - 1000 - left : 0);
"#;

async fn max_error(b: &Browser) -> (u64, usize) {
    let v = b.js("return window.__errors", vec![]).await;
    let errors: Vec<u64> = v
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_u64).collect())
        .unwrap_or_default();
    (errors.iter().copied().max().unwrap_or(0), errors.len())
}

#[tokio::main]
async fn main() {
    let site = Site::server().await;
    let b = Browser::start().await;
    b.open(&site.url("/session")).await;
    b.start_session_to_first_rest().await;
    // The leg press rests 90 s: two taps of −15 s make it 60 s.
    b.click("[data-testid='rest-minus']").await;
    b.click("[data-testid='rest-minus']").await;

    b.js(SAMPLER, vec![]).await;
    tokio::time::sleep(Duration::from_secs(28)).await;
    let (first_half, n1) = max_error(&b).await;

    b.reload().await;
    b.wait_for("[data-testid='countdown']").await;
    let reload_error = b.js(ERROR_NOW, vec![]).await.as_u64().unwrap_or(u64::MAX);
    b.js(SAMPLER, vec![]).await;
    tokio::time::sleep(Duration::from_secs(28)).await;
    let (second_half, n2) = max_error(&b).await;
    let slack = b
        .js(
            "return [Math.min(...window.__slack), Math.max(...window.__slack)]",
            vec![],
        )
        .await;
    let (slack_min, slack_max) = (
        slack[0].as_i64().unwrap_or(0),
        slack[1].as_i64().unwrap_or(0),
    );
    b.close().await;

    println!(
        "samples: {} ({} before the reload, {} after)",
        n1 + n2,
        n1,
        n2
    );
    // A check on the sampler itself: the shown whole second runs 0–1000 ms
    // ahead of the exact time left, so this range should span most of that.
    println!("shown minus exact, after the reload: {slack_min}..{slack_max} ms");
    println!("goal: visible error <= 50 ms, after a reload <= 250 ms");
    println!(
        "BENCH timer_visible_max_error_ms {} ms",
        first_half.max(second_half)
    );
    println!("BENCH timer_reload_error_ms {reload_error} ms");
}
