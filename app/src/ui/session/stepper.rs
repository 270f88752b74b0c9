use leptos::prelude::*;

/// A number with big − and + buttons: no keyboard needed at the gym.
#[component]
pub fn Stepper(
    /// What is counted, e.g. "Reps".
    #[prop(into)]
    label: String,
    /// The value shown.
    #[prop(into)]
    value: Signal<String>,
    /// Called with -1 or +1.
    on_step: Callback<i32>,
    /// Used in test ids and element ids.
    #[prop(into)]
    id: String,
) -> impl IntoView {
    let (less, more) = (format!("{label}: less"), format!("{label}: more"));
    view! {
        <div class="stepper" role="group" aria-labelledby=format!("{id}-label")>
            <span class="stepper-label" id=format!("{id}-label")>{label}</span>
            <span class="stepper-controls">
                <button type="button" class="button stepper-button" aria-label=less data-testid=format!("{id}-minus") on:click=move |_| on_step.run(-1)>
                    "−"
                </button>
                <output class="stepper-value" data-testid=format!("{id}-value") aria-live="polite">{value}</output>
                <button type="button" class="button stepper-button" aria-label=more data-testid=format!("{id}-plus") on:click=move |_| on_step.run(1)>
                    "+"
                </button>
            </span>
        </div>
    }
}
