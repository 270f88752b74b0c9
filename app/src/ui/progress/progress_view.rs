use crate::{
    platform,
    program::session_order,
    progress::{
        self, by_week,
        html::{self, ExerciseSeries, WEEKS_PER_BLOCK},
    },
    state::stores,
};
use leptos::prelude::*;

/// Reads the history once it is loaded and shows consistency, the
/// per-exercise progress and the sessions by week.
///
/// All of it is read-only text written by `progress::html` (tested
/// natively) and set as this element's HTML: a `view!` would cost the
/// wasm build, mount and hydrate code for each element. It is written
/// again when the history or the settings change; "Show older weeks" adds
/// a block of weeks and leaves the others, and a session opened, as they
/// are.
// Lazy in the release build, which splits the wasm (feature `split`); the
// wasm tests run an unsplit wasm, where a lazy island could not load.
#[cfg_attr(feature = "split", island(lazy))]
#[cfg_attr(not(feature = "split"), island)]
pub fn ProgressView() -> impl IntoView {
    let st = stores();
    // Blocks of weeks in the History panel now.
    let blocks = StoredValue::new(1_usize);
    // For `make bench-storage`: the history is on screen once the frame
    // after loading begins.
    Effect::new(move |_| {
        if st.loaded.get() {
            platform::every_frame(|| {
                platform::mark("backstrong:progress-rendered");
                false
            });
        }
    });
    // The stores are read after hydration, so this is "loading" on the
    // server and while the island hydrates, as the markup must match.
    let screen = move || {
        if !st.loaded.get() {
            return html::LOADING.to_owned();
        }
        let now = platform::now_ms();
        let offset = platform::utc_offset_min();
        let (unit, target) = st.prefs.with(|p| (p.unit, p.weekly_target));
        st.history.with(|history| {
            if history.sessions.is_empty() {
                return html::EMPTY.to_owned();
            }
            let consistency = progress::consistency(history, now, offset, target);
            let exercises: Vec<ExerciseSeries> = session_order()
                .filter_map(|exercise| {
                    let series = progress::exercise_series(history, exercise.id);
                    (!series.is_empty()).then(|| ExerciseSeries {
                        exercise,
                        series,
                        suggestion: progress::next_load(history, exercise.id, unit),
                    })
                })
                .collect();
            blocks.set_value(1);
            format!(
                r#"<div data-testid="progress-ready" hidden></div>{}{}"#,
                html::overview(&consistency, &exercises, unit, offset),
                html::history(&by_week(history, offset), unit, offset)
            )
        })
    };
    let older_weeks = move |ev: leptos::ev::MouseEvent| {
        if platform::closest_attr(&ev, "data-action").as_deref() != Some("older-weeks") {
            return;
        }
        let offset = platform::utc_offset_min();
        let unit = st.prefs.with_untracked(|p| p.unit);
        st.history.with_untracked(|history| {
            let weeks = by_week(history, offset);
            let shown = blocks.get_value();
            if let Some(block) = weeks.chunks(WEEKS_PER_BLOCK).nth(shown) {
                platform::insert_html_before(
                    "[data-action='older-weeks']",
                    &html::week_block(block, unit, offset),
                );
            }
            blocks.set_value(shown + 1);
            if (shown + 1) * WEEKS_PER_BLOCK >= weeks.len() {
                platform::remove("[data-action='older-weeks']");
            }
        });
    };
    view! { <div on:click=older_weeks inner_html=screen></div> }
}
