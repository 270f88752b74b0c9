use crate::{platform::pwa, state::stores};
use leptos::{either::EitherOf4, prelude::*};

/// How to put the app on the home screen: the browser's own install dialog
/// where it offers one, the steps for iPhone and iPad, or a note that it is
/// installed already.
#[component]
pub fn InstallApp() -> impl IntoView {
    let stores = stores();
    // Known only in the browser; the server renders the general advice.
    let (installed, set_installed) = signal(false);
    let (ios, set_ios) = signal(false);
    Effect::new(move |_| {
        set_installed.set(pwa::is_installed());
        set_ios.set(pwa::is_ios());
    });
    let install = move |_| {
        if pwa::prompt_install() {
            stores.install_offered.set(false);
        }
    };
    move || {
        if installed.get() {
            EitherOf4::A(
                view! { <p data-testid="install-state">"BackStrong is installed on this device. It works offline."</p> },
            )
        } else if stores.install_offered.get() {
            EitherOf4::B(view! {
                <p>"Put BackStrong on your home screen: it opens like an app and works with no signal."</p>
                <button type="button" class="button button-primary" data-testid="install-button" on:click=install>
                    "Install BackStrong"
                </button>
            })
        } else if ios.get() {
            EitherOf4::C(view! {
                <p data-testid="install-state">"To install on iPhone or iPad: open this page in Safari, tap Share, then \"Add to Home Screen\"."</p>
            })
        } else {
            EitherOf4::D(view! {
                <p data-testid="install-state">
                    "Once a page has loaded, BackStrong works offline. To put it on your home screen, use your browser's menu: \"Install app\" or \"Add to Home screen\". On iPhone: Share, then \"Add to Home Screen\"."
                </p>
            })
        }
    }
}
