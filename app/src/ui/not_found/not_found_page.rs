use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

/// Shown for any unknown address, with status 404 from the server.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    set_not_found_status();
    view! {
        <Title text="Page not found" />
        <h1>"Page not found"</h1>
        <p class="lead">"There is nothing at this address. It may have moved, or the link may be mistyped."</p>
        <p>
            <A href="/" attr:class="button button-primary">
                "Go to the start"
            </A>
        </p>
    }
}

/// Makes the server answer 404 for this render.
#[cfg(feature = "ssr")]
fn set_not_found_status() {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
}

/// In the browser the status was already sent with the page.
#[cfg(not(feature = "ssr"))]
fn set_not_found_status() {}
