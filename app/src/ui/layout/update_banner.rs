use crate::{
    platform::{self, pwa},
    state::stores,
};
use leptos::prelude::*;

/// "A new version is ready", with a Reload button: shown once a new build
/// has installed in the background, but never while a session is under way
/// (it appears when the session ends), so the app never changes under a
/// running timer. Markup, written when it applies (a view would cost the
/// download its build code).
#[island]
pub fn UpdateBanner() -> impl IntoView {
    let stores = stores();
    let banner = move || {
        if stores.update_ready.get() && !stores.session_running() {
            r#"<div class="banner banner-info" role="status" data-testid="update-ready"><p>A new version of BackStrong is ready.</p><button type="button" class="button button-primary" data-action="apply-update">Reload</button></div>"#
        } else {
            ""
        }
    };
    let reload = |ev: leptos::ev::MouseEvent| {
        if platform::closest_attr(&ev, "data-action").as_deref() == Some("apply-update") {
            pwa::apply_update();
        }
    };
    view! { <div class="site-banner" on:click=reload inner_html=banner></div> }
}
