use crate::program::STOP_RULES;
use leptos::prelude::*;

/// After "Stop": what to do now (F12–F13). Part of the runner, so it shows
/// at once, whatever the signal; what was felt is marked below it, with the
/// summary ([`super::SymptomLog`]).
#[component]
pub fn StoppedScreen() -> impl IntoView {
    view! {
        <section class="panel panel-danger stopped" data-testid="stopped">
            <h2 data-screen-title tabindex="-1">"Session stopped"</h2>
            <p>"Put the weight down gently. Don't push through it: today's session is over, and it is logged as stopped for pain."</p>
            <ul>{STOP_RULES.iter().map(|p| view! { <li>{p.text}</li> }).collect_view()}</ul>
            <p>"If it keeps coming back, talk to your doctor or physiotherapist before you train again."</p>
        </section>
    }
}
