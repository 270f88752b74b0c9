use super::choices;
use crate::{
    prefs::{Prefs, html},
    state::stores,
};
use leptos::prelude::*;

/// Kilograms or pounds. Loads are always stored in kilograms; this only
/// changes how they are shown and the size of a load step. Its buttons are
/// markup (`prefs::html`), made live by [`choices`].
#[component]
pub fn UnitPicker() -> impl IntoView {
    let prefs = stores().prefs;
    view! {
        <div class="choice-group" role="group" aria-label="Units for loads" inner_html=html::units(&Prefs::default()) on:click=choices::on_tap(prefs)></div>
    }
}
