use crate::{prefs::Cue, state::stores};
use leptos::prelude::*;

/// Each session cue on or off; saved at once.
#[component]
pub fn CueToggles() -> impl IntoView {
    let prefs = stores().prefs;
    view! {
        <ul class="toggles">
            {Cue::ALL
                .into_iter()
                .map(|cue| {
                    let on = move || prefs.with(|p| p.cue(cue));
                    view! {
                        <li>
                            <button
                                type="button"
                                class="choice toggle"
                                data-cue=cue.id()
                                aria-pressed=move || on().to_string()
                                on:click=move |_| prefs.update(|p| p.set_cue(cue, !p.cue(cue)))
                            >
                                {cue.label()}
                            </button>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
