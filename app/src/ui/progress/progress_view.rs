use super::{ConsistencyPanel, ExerciseProgress, HistoryList};
use crate::{platform, program::session_order, progress, state::stores};
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
            let exercises: Vec<_> = session_order()
                .filter_map(|e| {
                    let series = progress::exercise_series(history, e.id);
                    (!series.is_empty()).then(|| {
                        let suggestion = progress::next_load(history, e.id, unit);
                        view! { <ExerciseProgress exercise=e series suggestion unit offset /> }
                    })
                })
                .collect();
            EitherOf3::C(view! {
                <div data-testid="progress-ready" hidden></div>
                <ConsistencyPanel consistency />
                <section class="panel" aria-labelledby="by-exercise">
                    <h2 id="by-exercise">"By exercise"</h2>
                    <p class="hint">"Load (line) and volume (bars) over time. A mark shows each session where the exercise brought on pain."</p>
                    <p class="fine-print">"Next-load suggestions are the app's own rule, not the source's: up one step only when every set reached the top of its range with no pain and none felt hard; down one step after the exercise brought on pain; none after a session you stopped. The step is your machine's own, set in Settings."</p>
                    {exercises}
                </section>
                <HistoryList history=history.clone() unit offset />
            })
        })
    }
}
