use leptos::prelude::*;
use leptos_meta::Title;

/// The Program screen. Its content arrives with its own issue; the route exists
/// now so that navigation, export and tests cover it from the start.
#[component]
pub fn ProgramPage() -> impl IntoView {
    view! {
        <Title text="Program" />
        <h1>"Program"</h1>
        <p class="lead">"The exercise cards and the safety check are on their way."</p>
    }
}
