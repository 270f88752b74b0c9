use crate::prefs::{Prefs, html};
use leptos::prelude::*;

/// Kilograms or pounds. Loads are always stored in kilograms; this only
/// changes how they are shown and the size of a load step. Its buttons are
/// markup (`prefs::html`), made live by the settings island (`choices`).
#[component]
pub fn UnitPicker() -> impl IntoView {
    view! {
        <div class="choice-group" role="group" aria-label="Units for loads" inner_html=html::units(&Prefs::default())></div>
    }
}
