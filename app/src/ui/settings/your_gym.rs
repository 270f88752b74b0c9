use crate::prefs::{Prefs, html};
use leptos::prelude::*;

/// The machines the user's gym lacks. Without one, the exercise is done the
/// source's other way, or left out where the source gives none: the app
/// never invents a replacement. Its buttons are markup (`prefs::html`), made
/// live by the settings island (`choices`).
#[component]
pub fn YourGym() -> impl IntoView {
    view! {
        <p class="hint">"Mark a machine your gym does not have. Sessions and the program page then show what to do instead."</p>
        <ul class="toggles" inner_html=html::machines(&Prefs::default())></ul>
    }
}

/// Sets and reps for each exercise, only within the source's ranges (or our
/// suggested ones, labelled, where the source gives none). Its steppers are
/// markup (`prefs::html`), made live by the settings island (`choices`).
#[component]
pub fn SetsAndReps() -> impl IntoView {
    view! {
        <p class="hint">"Sessions start at the low end of each range. Change them here, within the program's ranges."</p>
        <ul class="sets-reps" inner_html=html::sets_and_reps(&Prefs::default())></ul>
    }
}
