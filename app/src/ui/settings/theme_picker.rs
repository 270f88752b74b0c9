use super::choices;
use crate::{
    prefs::{Prefs, html},
    state::stores,
};
use leptos::prelude::*;

/// Light, dark, or follow the phone. Saved at once; applies to every screen.
/// Its buttons are markup (`prefs::html`), made live by [`choices`].
#[component]
pub fn ThemePicker() -> impl IntoView {
    let prefs = stores().prefs;
    view! {
        <div class="choice-group" role="group" aria-label="Colour theme" inner_html=html::themes(&Prefs::default()) on:click=choices::on_tap(prefs)></div>
    }
}
