use crate::{prefs::Theme, state::stores};
use leptos::prelude::*;

/// Light, dark, or follow the phone. Saved at once; applies to every screen.
#[component]
pub fn ThemePicker() -> impl IntoView {
    let prefs = stores().prefs;
    view! {
        <div class="choice-group" role="group" aria-label="Colour theme">
            {Theme::ALL
                .into_iter()
                .map(|theme| {
                    view! {
                        <button
                            type="button"
                            class="choice"
                            data-theme-choice=theme.as_attr()
                            aria-pressed=move || prefs.with(|p| p.theme == theme).to_string()
                            on:click=move |_| prefs.update(|p| p.theme = theme)
                        >
                            {theme.label()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
