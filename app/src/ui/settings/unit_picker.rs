use crate::{state::stores, units::Unit};
use leptos::prelude::*;

/// Kilograms or pounds. Loads are always stored in kilograms; this only
/// changes how they are shown and the size of a load step.
#[component]
pub fn UnitPicker() -> impl IntoView {
    let prefs = stores().prefs;
    view! {
        <div class="choice-group" role="group" aria-label="Units for loads">
            {Unit::ALL
                .into_iter()
                .map(|unit| {
                    view! {
                        <button
                            type="button"
                            class="choice"
                            data-unit=unit.symbol()
                            aria-pressed=move || prefs.with(|p| p.unit == unit).to_string()
                            on:click=move |_| prefs.update(|p| p.unit = unit)
                        >
                            {match unit {
                                Unit::Kg => "Kilograms (kg)",
                                Unit::Lb => "Pounds (lb)",
                            }}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
