use crate::{
    prefs::{Prefs, parse_body_weight_in},
    state::stores,
};
use leptos::prelude::*;

/// Body weight, in the unit chosen below it, for the leg press starting
/// load; stored in kilograms. Saved when the field is left or Enter is
/// pressed; a value that makes no sense is refused with a message and the
/// saved weight stays.
#[component]
pub fn BodyWeightInput() -> impl IntoView {
    let prefs = stores().prefs;
    let error = RwSignal::new(None::<String>);
    let unit = move || prefs.with(|p| p.unit);
    let saved = move || {
        prefs.with(|p| {
            p.body_weight_kg
                .map(|kg| crate::units::kg(p.unit.from_kg(kg) as f32))
                .unwrap_or_default()
        })
    };
    let commit = move |text: String| match parse_body_weight_in(&text, unit()) {
        Ok(kg) => {
            prefs.update(|p: &mut Prefs| p.body_weight_kg = kg);
            error.set(None);
        }
        Err(e) => error.set(Some(e.to_string())),
    };
    view! {
        <label class="field" for="body-weight">
            <span>{move || format!("Body weight ({})", unit().symbol())}</span>
            <input
                id="body-weight"
                type="text"
                inputmode="decimal"
                autocomplete="off"
                placeholder=move || if unit() == crate::units::Unit::Kg { "e.g. 72" } else { "e.g. 160" }
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
