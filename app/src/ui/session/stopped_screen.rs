use crate::{program::STOP_RULES, session::Symptom};
use leptos::prelude::*;

/// After "Stop": what to do now (F12–F13), and what was felt, for the log.
#[component]
pub fn StoppedScreen(
    /// What has been marked as felt.
    #[prop(into)]
    felt: Signal<Vec<Symptom>>,
    /// Marks or unmarks a symptom.
    on_toggle: Callback<Symptom>,
) -> impl IntoView {
    view! {
        <section class="panel panel-danger stopped" data-testid="stopped">
            <h2 data-screen-title tabindex="-1">"Session stopped"</h2>
            <p>"Put the weight down gently. Don't push through it: today's session is over, and it is logged as stopped for pain."</p>
            <ul>{STOP_RULES.iter().map(|p| view! { <li>{p.text}</li> }).collect_view()}</ul>
            <h3>"What did you feel?"</h3>
            <div class="choice-group">
                {Symptom::ALL
                    .into_iter()
                    .map(|symptom| {
                        let label = symptom.label();
                        view! {
                            <button
                                type="button"
                                class="choice"
                                aria-pressed=move || felt.with(|f| f.contains(&symptom)).to_string()
                                on:click=move |_| on_toggle.run(symptom)
                            >
                                {label}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <p>"If it keeps coming back, talk to your doctor or physiotherapist before you train again."</p>
        </section>
    }
}
