use crate::prefs::{Prefs, html};
use leptos::prelude::*;

/// Sessions a week to aim for, 1 to 7 (3 unless changed: our suggestion).
/// Its stepper is markup (`prefs::html`), made live by the settings island (`choices`).
#[component]
pub fn WeeklyTargetInput() -> impl IntoView {
    view! {
        <div inner_html=html::weekly_target(&Prefs::default())></div>
        <p class="hint">"The program asks you to make these sessions a priority. 3 a week is our suggestion; the progress screen shows how you are doing."</p>
    }
}
