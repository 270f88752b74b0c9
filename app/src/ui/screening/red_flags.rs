use crate::program::RED_FLAGS;
use leptos::prelude::*;

/// Signs that need a doctor now, not exercise.
#[component]
pub fn RedFlags() -> impl IntoView {
    view! {
        <section class="panel panel-danger" aria-labelledby="red-flags-title" data-testid="red-flags">
            <h2 id="red-flags-title">"Get medical help now if you have"</h2>
            <ul>{RED_FLAGS.iter().map(|flag| view! { <li>{*flag}</li> }).collect_view()}</ul>
            <p>
                "These can mean a nerve is badly squeezed. Call your doctor or emergency services now. Do not exercise."
            </p>
        </section>
    }
}
