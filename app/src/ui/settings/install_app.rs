use crate::{
    platform::{self, pwa},
    state::Stores,
};
use leptos::prelude::*;

/// How to put the app on the home screen: the browser's own install dialog
/// where it offers one, the steps for iPhone and iPad, or a note that it is
/// installed already. Markup rendered on the server with every answer in
/// it; [`show`] (in the settings island) shows the one that applies. Until
/// then, and with no script: the general advice.
#[component]
pub fn InstallApp() -> impl IntoView {
    view! {
        <p data-install="installed" data-testid="install-state" hidden>"BackStrong is installed on this device. It works offline."</p>
        <div data-install="offer" hidden>
            <p>"Put BackStrong on your home screen: it opens like an app and works with no signal."</p>
            <button type="button" class="button button-primary" data-testid="install-button" data-action="install">
                "Install BackStrong"
            </button>
        </div>
        <p data-install="ios" data-testid="install-state" hidden>"To install on iPhone or iPad: open this page in Safari, tap Share, then \"Add to Home Screen\"."</p>
        <p data-install="general" data-testid="install-state">
            "Once a page has loaded, BackStrong works offline. To put it on your home screen, use your browser's menu: \"Install app\" or \"Add to Home screen\". On iPhone: Share, then \"Add to Home Screen\"."
        </p>
    }
}

/// Shows the install advice that applies, now and whenever the browser
/// offers its install dialog or the person takes it.
pub fn show(stores: Stores) {
    // Effects run only in the browser, where these can be asked.
    Effect::new(move |_| {
        let shown = if pwa::is_installed() {
            "installed"
        } else if stores.install_offered.get() {
            "offer"
        } else if pwa::is_ios() {
            "ios"
        } else {
            "general"
        };
        platform::show_only("data-install", shown);
    });
}

/// A tap on the install button opens the browser's own install dialog.
pub fn on_click(ev: &web_sys::Event, stores: Stores) {
    if platform::closest_attr(ev, "data-action").as_deref() == Some("install")
        && pwa::prompt_install()
    {
        stores.install_offered.set(false);
    }
}
