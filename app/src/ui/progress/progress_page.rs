use leptos::prelude::*;
use leptos_meta::Title;

/// The Progress screen. Its content arrives with its own issue; the route exists
/// now so that navigation, export and tests cover it from the start.
#[component]
pub fn ProgressPage() -> impl IntoView {
    view! {
        <Title text="Progress" />
        <h1>"Progress"</h1>
        <p class="lead">"Your history and charts are on their way."</p>
    }
}
