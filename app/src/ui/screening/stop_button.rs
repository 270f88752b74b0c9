use leptos::prelude::*;

/// Always one tap from "stop, this hurts": leads to what to do now.
#[component]
pub fn StopButton() -> impl IntoView {
    view! {
        <a class="stop-button" href="/stop" data-testid="stop">
            "Stop: pain, numbness or tingling"
        </a>
    }
}
