use crate::prefs::{Prefs, html};
use leptos::prelude::*;

/// Each session cue on or off; saved at once. Its buttons are markup
/// (`prefs::html`), made live by the settings island (`choices`).
#[component]
pub fn CueToggles() -> impl IntoView {
    view! { <ul class="toggles" inner_html=html::cues(&Prefs::default())></ul> }
}
