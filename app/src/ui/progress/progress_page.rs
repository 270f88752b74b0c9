use super::ProgressView;
use leptos::prelude::*;
use leptos_meta::Title;

/// The Progress screen. Everything on it comes from this device's storage,
/// so the server renders the frame and the island fills it in.
#[component]
pub fn ProgressPage() -> impl IntoView {
    view! {
        <Title text="Progress" />
        <h1>"Progress"</h1>
        <p class="report-link">
            <a class="button" href="/report">"Report for your physiotherapist"</a>
        </p>
        <ProgressView />
    }
}
