use super::{body_weight_input, choices, data_tools::Tools, install_app, sync_panel::SyncControls};
use crate::state::stores;
use leptos::prelude::*;

/// The settings page's controls, as one island around the page's panels.
/// The panels are its `children`: markup rendered on the server, which the
/// island never builds or hydrates. Each control names what it does in its
/// attributes (`data-choice`, `data-amount`, `data-action`, an `id`), and
/// this island's two handlers, on the one element around them all, act on
/// the event's control; effects show the stored settings in the markup.
/// Views built in the browser cost the download their build, mount and
/// hydrate code for every element: the panels are mostly text and buttons
/// whose state is an attribute, so markup with handlers costs far less.
// Lazy in the release build, which splits the wasm (feature `split`); the
// wasm tests run an unsplit wasm, where a lazy island could not load.
#[cfg_attr(feature = "split", island(lazy))]
#[cfg_attr(not(feature = "split"), island)]
pub fn SettingsPanels(children: Children) -> impl IntoView {
    let st = stores();
    let prefs = st.prefs;
    let tools = Tools::new(st);
    let sync = SyncControls::new(st);
    install_app::show(st);
    Effect::new(move |_| {
        prefs.with(|p| {
            choices::show(p);
            body_weight_input::show(p);
        })
    });
    view! {
        <div
            class="settings-panels"
            on:click=move |ev| {
                choices::on_tap(&ev, prefs);
                tools.on_click(&ev);
                install_app::on_click(&ev, st);
                sync.on_click(&ev);
            }
            on:submit=move |ev| sync.on_submit(&ev)
            on:focusin=move |ev| SyncControls::on_focus(&ev)
            on:change=move |ev| {
                body_weight_input::on_change(&ev, prefs);
                tools.on_change(&ev);
            }
        >
            {children()}
        </div>
    }
}
