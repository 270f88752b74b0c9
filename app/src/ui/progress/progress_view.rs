use super::HistoryList;
use crate::{
    platform,
    program::session_order,
    progress::{self, html::ExerciseSeries},
    state::stores,
};
use leptos::{either::EitherOf3, prelude::*};

/// Reads the history once it is loaded and shows consistency, the
/// per-exercise progress and the sessions by week.
// Lazy in the release build, which splits the wasm (feature `split`); the
// wasm tests run an unsplit wasm, where a lazy island could not load.
#[cfg_attr(feature = "split", island(lazy))]
#[cfg_attr(not(feature = "split"), island)]
pub fn ProgressView() -> impl IntoView {
    let st = stores();
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
    move || {
        if !st.loaded.get() {
            return EitherOf3::A(
                view! { <p class="lead" data-testid="progress-loading">"Reading your history on this device…"</p> },
            );
        }
        let now = platform::now_ms();
        let offset = platform::utc_offset_min();
        let (unit, target) = st.prefs.with(|p| (p.unit, p.weekly_target));
        st.history.with(|history| {
            if history.sessions.is_empty() {
                return EitherOf3::B(view! {
                    <div class="panel" data-testid="progress-empty">
                        <p>"No sessions yet. Your first one shows up here as soon as it ends: the weeks you trained, your loads and any pain, side by side."</p>
                        <a class="button button-primary" href="/session">"Go to today's session"</a>
                    </div>
                });
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
            // Consistency and the exercises are read-only text
            // (`progress::html`, tested natively): set as HTML, they cost
            // the wasm a few string writes instead of a view per element.
            let overview = progress::html::overview(&consistency, &exercises, unit, offset);
            EitherOf3::C(view! {
                <div data-testid="progress-ready" hidden></div>
                <div inner_html=overview></div>
                <HistoryList history=history.clone() unit offset />
            })
        })
    }
}
