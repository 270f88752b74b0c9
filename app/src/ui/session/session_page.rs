use super::SessionRunner;
use crate::ui::screening::RedFlags;
use leptos::prelude::*;
use leptos_meta::Title;

/// Today's session: the safety check first, and only four yeses open it;
/// then the guided session. The urgent warning signs stay one tap away,
/// below the controls, so every session screen keeps its action in view.
#[component]
pub fn SessionPage() -> impl IntoView {
    view! {
        <Title text="Session" />
        // For screen readers and the tab title; on screen each session
        // screen's own heading (the exercise) is the title, so the stop
        // control and the set fit a phone without scrolling.
        <h1 class="visually-hidden">"Today's session"</h1>
        <SessionRunner />
        <details class="red-flags-disclosure">
            <summary>"Signs that need a doctor now"</summary>
            <RedFlags />
        </details>
    }
}
