use crate::{
    prefs::{Prefs, parse_body_weight},
    state::stores,
};
use leptos::prelude::*;

/// Body weight in kilograms, for the leg press starting load. Saved when the
/// field is left or Enter is pressed; a value that makes no sense is refused
/// with a message and the saved weight stays.
#[island]
pub fn BodyWeightInput() -> impl IntoView {
    let prefs = stores().prefs;
    let error = RwSignal::new(None::<String>);
    let saved = move || prefs.with(|p| p.body_weight_kg.map(crate::units::kg).unwrap_or_default());
    let commit = move |text: String| match parse_body_weight(&text) {
        Ok(kg) => {
            prefs.update(|p: &mut Prefs| p.body_weight_kg = kg);
            error.set(None);
        }
        Err(e) => error.set(Some(e.to_string())),
    };
    view! {
        <label class="field" for="body-weight">
            <span>"Body weight (kg)"</span>
            <input
                id="body-weight"
                type="text"
                inputmode="decimal"
                autocomplete="off"
                placeholder="e.g. 72"
                prop:value=saved
                on:change=move |ev| commit(event_target_value(&ev))
                aria-describedby="body-weight-help"
            />
        </label>
        <p id="body-weight-help" class="hint">
            "Used only to suggest your first leg press load: half your body weight."
        </p>
        {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
    }
}
