use super::SessionRunner;
use crate::ui::screening::RedFlags;
use leptos::prelude::*;
use leptos_meta::Title;

/// Today's session: the safety check first, and only four yeses open it;
/// then the guided session. The urgent warning signs stay on the page.
#[component]
pub fn SessionPage() -> impl IntoView {
    view! {
        <Title text="Session" />
        <h1>"Today's session"</h1>
        <SessionRunner />
        <RedFlags />
    }
}
