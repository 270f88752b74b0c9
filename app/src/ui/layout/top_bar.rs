use crate::APP_NAME;
use leptos::prelude::*;

/// The slim bar at the top: the app's name (home) and About, always in reach.
#[component]
pub fn TopBar() -> impl IntoView {
    view! {
        <header class="top-bar">
            <a class="brand" href="/">
                {APP_NAME}
            </a>
            <a class="top-link" href="/about">
                "About"
            </a>
        </header>
    }
}
