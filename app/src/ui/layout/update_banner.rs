use crate::{platform::pwa, state::stores};
use leptos::prelude::*;

/// "A new version is ready", with a Reload button: shown once a new build
/// has installed in the background, but never while a session is under way
/// (it appears when the session ends), so the app never changes under a
/// running timer.
#[island]
pub fn UpdateBanner() -> impl IntoView {
    let stores = stores();
    let show = move || stores.update_ready.get() && !stores.session_running();
    move || {
        show().then(|| {
            view! {
                <div class="banner banner-info" role="status" data-testid="update-ready">
                    <p>"A new version of BackStrong is ready."</p>
                    <button type="button" class="button button-primary" on:click=|_| pwa::apply_update()>
                        "Reload"
                    </button>
                </div>
            }
        })
    }
}
