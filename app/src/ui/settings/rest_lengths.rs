use crate::prefs::{Prefs, html};
use leptos::prelude::*;

/// Rest between sets for each exercise, in steps of 15 s. The source gives
/// no rest times, so the starting values are our suggestion. Its steppers
/// are markup (`prefs::html`), made live by the settings island (`choices`).
#[component]
pub fn RestLengths() -> impl IntoView {
    view! {
        <p class="hint">"Used by the next session you start. Starting values are our suggestion."</p>
        <ul class="rest-lengths" inner_html=html::rest_lengths(&Prefs::default())></ul>
    }
}
