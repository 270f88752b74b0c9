use crate::{
    platform,
    prefs::{Prefs, parse_body_weight_in},
    state::Persisted,
    units::{Unit, kg},
};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Body weight, in the unit chosen below it, for the leg press starting
/// load; stored in kilograms. Saved when the field is left or Enter is
/// pressed; a value that makes no sense is refused with a message and the
/// saved weight stays. Markup rendered on the server for the default unit;
/// [`show`] and [`on_change`] (in the settings island) do the rest.
#[component]
pub fn BodyWeightInput() -> impl IntoView {
    view! {
        <label class="field" for="body-weight">
            <span data-body-weight-label>"Body weight (kg)"</span>
            <input
                id="body-weight"
                type="text"
                inputmode="decimal"
                autocomplete="off"
                placeholder="e.g. 72"
                aria-describedby="body-weight-help"
            />
        </label>
        <p id="body-weight-help" class="hint">
            "Used only to suggest your first leg press load: half your body weight."
        </p>
        <p class="error" role="alert" id="body-weight-error" hidden></p>
    }
}

/// Shows the saved weight in the unit in use, with the label and example
/// of that unit.
pub fn show(prefs: &Prefs) {
    platform::set_text(
        "[data-body-weight-label]",
        &format!("Body weight ({})", prefs.unit.symbol()),
    );
    if let Some(input) = field() {
        let example = if prefs.unit == Unit::Kg {
            "e.g. 72"
        } else {
            "e.g. 160"
        };
        input.set_placeholder(example);
        let saved = prefs
            .body_weight_kg
            .map(|w| kg(prefs.unit.from_kg(w) as f32))
            .unwrap_or_default();
        // Only when the saved weight changed: a refused entry stays in the
        // field, to be corrected, while other settings change.
        if input.get_attribute("data-saved").as_deref() != Some(saved.as_str()) {
            let _ = input.set_attribute("data-saved", &saved);
            input.set_value(&saved);
        }
    }
}

/// A weight typed and confirmed: saved, or refused with the reason.
pub fn on_change(ev: &web_sys::Event, prefs: Persisted<Prefs>) {
    let Some(input) = platform::input_target(ev, "body-weight") else {
        return;
    };
    let unit = prefs.with_untracked(|p| p.unit);
    let error = match parse_body_weight_in(&input.value(), unit) {
        Ok(weight) => {
            prefs.update(|p| p.body_weight_kg = weight);
            None
        }
        Err(e) => Some(e.to_string()),
    };
    platform::set_text("#body-weight-error", error.as_deref().unwrap_or_default());
    platform::set_hidden("#body-weight-error", error.is_none());
}

fn field() -> Option<web_sys::HtmlInputElement> {
    platform::find("#body-weight")?.dyn_into().ok()
}
