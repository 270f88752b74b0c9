use crate::{
    platform,
    state::{
        reading::{self, Reading},
        stores, syncing,
    },
};
use leptos::{prelude::*, task::spawn_local};

/// Renders nothing; in the browser it loads the stored data once the page's
/// islands are live, applies the theme, registers the service worker (and
/// listens for the browser's install offer), starts sync when it is on
/// (see `state::syncing`), and marks `<body data-hydrated>`
/// for anyone (the browser tests) waiting for the page to be ready. It is the
/// last island of the page, so every other island has hydrated by then.
#[island]
pub fn ClientRuntime() -> impl IntoView {
    let stores = stores();
    // Effects run only in the browser, after hydration: the server cannot
    // see localStorage, so loading here never races a save.
    Effect::new(move |_| {
        platform::mark("backstrong:load-start");
        platform::files::persistence(move |p| stores.persisted.set(p));
        platform::pwa::listen_for_install_prompt(move || stores.install_offered.set(true));
        platform::pwa::register_service_worker(move || stores.update_ready.set(true));
        spawn_local(async move {
            reading::read(stores, Reading::All).await;
            platform::files::on_storage_change(move |key| {
                spawn_local(reading::read(stores, Reading::Changed(key)));
            });
            platform::mark_hydrated();
            syncing::begin(stores);
        });
    });
    Effect::new(move |_| {
        let theme = stores.prefs.with(|p| p.theme);
        platform::set_root_attribute("data-theme", theme.as_attr());
    });
}
