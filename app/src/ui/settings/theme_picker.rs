use crate::prefs::{Prefs, html};
use leptos::prelude::*;

/// Light, dark, or follow the phone. Saved at once; applies to every screen.
/// Its buttons are markup (`prefs::html`), made live by the settings island (`choices`).
#[component]
pub fn ThemePicker() -> impl IntoView {
    view! {
        <div class="choice-group" role="group" aria-label="Colour theme" inner_html=html::themes(&Prefs::default())></div>
    }
}
