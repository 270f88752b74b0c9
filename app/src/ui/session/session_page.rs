use leptos::prelude::*;
use leptos_meta::Title;

/// The Session screen. Its content arrives with its own issue; the route exists
/// now so that navigation, export and tests cover it from the start.
#[component]
pub fn SessionPage() -> impl IntoView {
    view! {
        <Title text="Session" />
        <h1>"Session"</h1>
        <p class="lead">"The guided session with its rest timer is on its way."</p>
    }
}
