use super::clock;
use crate::session::Event;
use leptos::prelude::*;

/// The rest countdown in large digits, with +15 s, −15 s and Skip.
#[component]
pub fn RestScreen(
    /// Milliseconds left, from the clock.
    #[prop(into)]
    left_ms: Signal<u64>,
    /// When the rest ends (ms since the epoch), for tests and benchmarks.
    #[prop(into)]
    until_ms: Signal<u64>,
    /// What comes after the rest.
    #[prop(into)]
    next: Signal<String>,
    /// Sends an event to the session.
    dispatch: Callback<Event>,
    /// Below another panel (an exercise just stopped for pain): smaller,
    /// without its own title, so both fit a phone.
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    view! {
        <section class="rest" class:rest-compact=compact aria-labelledby="rest-title">
            <h2 id="rest-title" class:visually-hidden=compact data-screen-title=(!compact).then_some("") tabindex="-1">"Rest"</h2>
            <p class="next">"Next: " {next}</p>
            <p class="countdown" data-testid="countdown" data-until=move || until_ms.get().to_string() role="timer" aria-live="off">
                {move || clock(left_ms.get())}
            </p>
            <div class="rest-actions">
                <button type="button" class="button" data-testid="rest-minus" on:click=move |_| dispatch.run(Event::AdjustRest(-15))>
                    "−15 s"
                </button>
                <button type="button" class="button" data-testid="rest-plus" on:click=move |_| dispatch.run(Event::AdjustRest(15))>
                    "+15 s"
                </button>
                <button type="button" class="button button-primary" data-testid="rest-skip" on:click=move |_| dispatch.run(Event::SkipRest)>
                    "Skip rest"
                </button>
            </div>
        </section>
    }
}
