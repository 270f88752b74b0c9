use super::choices;
use crate::{
    prefs::{Prefs, html},
    state::stores,
};
use leptos::prelude::*;

/// Each session cue on or off; saved at once. Its buttons are markup
/// (`prefs::html`), made live by [`choices`].
#[component]
pub fn CueToggles() -> impl IntoView {
    let prefs = stores().prefs;
    view! { <ul class="toggles" inner_html=html::cues(&Prefs::default()) on:click=choices::on_tap(prefs)></ul> }
}
