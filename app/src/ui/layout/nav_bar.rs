use leptos::prelude::*;
use leptos_router::components::A;

/// The bottom navigation: four screens, big targets, reachable with a thumb.
/// `A` marks the current screen with `aria-current="page"`.
#[component]
pub fn NavBar() -> impl IntoView {
    view! {
        <nav class="nav-bar" aria-label="Main">
            <A href="/" exact=true>
                <span class="nav-icon" aria-hidden="true">"⌂"</span>
                "Home"
            </A>
            <A href="/program">
                <span class="nav-icon" aria-hidden="true">"☰"</span>
                "Program"
            </A>
            <A href="/session">
                <span class="nav-icon" aria-hidden="true">"▶"</span>
                "Session"
            </A>
            <A href="/progress">
                <span class="nav-icon" aria-hidden="true">"↗"</span>
                "Progress"
            </A>
            <A href="/settings">
                <span class="nav-icon" aria-hidden="true">"⚙"</span>
                "Settings"
            </A>
        </nav>
    }
}
