use crate::prefs::{Prefs, html};
use leptos::prelude::*;

/// The weight step of each machine, so the load stepper moves like that
/// machine's stack: 1, 2.5, 5 or 10 kg; 2.5, 5 or 10 lb. Exercises done with
/// body weight have none. Its buttons are markup (`prefs::html`), made live
/// by the settings island (`choices`).
#[component]
pub fn LoadSteps() -> impl IntoView {
    view! {
        <p class="hint">"Pick the step of each machine at your gym. 2.5 kg or 5 lb unless you change it."</p>
        <ul class="load-steps" inner_html=html::load_steps(&Prefs::default())></ul>
    }
}
