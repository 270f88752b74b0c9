use super::{super::sync::SyncActivity, sync_on};
use crate::{
    platform::{net, subtle},
    state::{
        stores,
        syncing::{self, Task},
    },
    ui::lazy::{Mounted, NotLoaded},
};
use leptos::{either::EitherOf4, prelude::*};

/// Sync between devices: off by default. Turning it on makes a key here;
/// another device joins with the pairing link, its QR code, or the
/// recovery code. What the server keeps is sealed with that key.
#[component]
pub fn SyncPanel() -> impl IntoView {
    let st = stores();
    let status = syncing::status();
    let (on_status, available_status, part_status) =
        (status.clone(), status.clone(), status.clone());
    let code = RwSignal::new(String::new());
    // Whether this copy of the app has a sync server is known only in the
    // browser (the page's meta tag): until then the panel shows nothing
    // rather than a guess that may flip.
    let checked = RwSignal::new(false);
    // Browsers encrypt only on secure pages (https, or the device's own
    // address); elsewhere sync cannot run, and the panel says so up front.
    let secure = RwSignal::new(true);
    // The details (link, QR code, last sync) come from the sync code, which
    // loads only when sync is on.
    Effect::new(move |_| {
        let on = syncing::is_on();
        status.update(|s| {
            s.available = net::sync_url().is_some();
            s.on = on;
        });
        secure.set(subtle::available());
        checked.set(true);
        if on {
            syncing::request(st, Task::Show);
        }
    });
    let on = move || on_status.with(|s| s.on);
    let available = move || available_status.with(|s| s.available || s.on);

    let off_view = move || {
        view! {
            <p>"Keep your sessions, notes and settings on more than one device: a phone at the gym and a tablet at home, or a new phone."</p>
            <ul class="hint">
                <li>"Your data is locked on this device before it leaves it. The server keeps only what it cannot read: no account, no name, no email."</li>
                <li>"Only devices you pair, with a link or a code from this one, can unlock it."</li>
            </ul>
            <div class="button-row">
                <button type="button" class="button button-primary" data-testid="sync-on" on:click=move |_| syncing::request(st, Task::TurnOn(None))>
                    "Turn on sync"
                </button>
            </div>
            <h3>"Join a device that already syncs"</h3>
            <p class="hint">"Open the pairing link from that device here, or type its recovery code."</p>
            <form class="sync-join" on:submit=move |ev| {
                ev.prevent_default();
                let text = code.get_untracked();
                if !text.trim().is_empty() {
                    syncing::request(st, Task::TurnOn(Some(text)));
                }
            }>
                <label for="sync-code">"Recovery code or pairing link"</label>
                <input id="sync-code" type="text" autocomplete="off" autocapitalize="characters" spellcheck="false" data-testid="sync-code"
                    prop:value=move || code.get() on:input=move |ev| code.set(event_target_value(&ev)) />
                <button type="submit" class="button" data-testid="sync-join">"Join"</button>
            </form>
        }
    };

    // While sync is on, its controls are mounted into `host` from their
    // own part of the wasm (see `sync_on`); `generation` tells a mount that
    // finished late that sync was turned off meanwhile.
    let host = NodeRef::<leptos::html::Div>::new();
    let mounted = StoredValue::new_local(None::<Mounted>);
    let generation = StoredValue::new(0_u64);
    // `loading` is only ever seen with no signal, before the device has
    // kept the controls (the loader waits for the network to come back);
    // `not_loaded`, when something else answered for their file.
    let (loading, not_loaded) = (RwSignal::new(false), RwSignal::new(false));
    Effect::new(move |_| {
        let this = generation.get_value() + 1;
        generation.set_value(this);
        mounted.set_value(None);
        loading.set(false);
        not_loaded.set(false);
        let (true, Some(parent)) = (part_status.with(|s| s.on), host.get()) else {
            return;
        };
        loading.set(true);
        leptos::task::spawn_local_scoped(async move {
            let part = sync_on::mount(parent.into(), st).await;
            if generation.get_value() != this {
                return;
            }
            loading.set(false);
            match part {
                Ok(part) => mounted.set_value(Some(part)),
                Err(NotLoaded) => not_loaded.set(true),
            }
        });
    });
    let on_view = move || {
        view! {
            <p data-testid="sync-state"><strong>"Sync is on."</strong></p>
            <div node_ref=host></div>
            {move || loading.get().then(|| view! {
                <p class="hint" role="status" data-testid="sync-on-loading">"Loading sync's controls: the first time on this device, they need a signal."</p>
            })}
            {move || not_loaded.get().then(|| view! {
                <p class="error" role="alert" data-testid="sync-on-not-loaded">"Sync's controls could not load: something other than BackStrong answered (a Wi-Fi sign-in page, say). Your data is safe on this device. Reload this page once you are connected."</p>
            })}
        }
    };

    view! {
        <div class="sync-panel" data-testid="sync-panel">
            {move || if !checked.get() {
                None
            } else if on() {
                Some(EitherOf4::A(on_view()))
            } else if available() && !secure.get() {
                Some(EitherOf4::B(view! {
                    <p data-testid="sync-insecure">"Sync locks your data in the browser before it leaves this device, and browsers do that only on secure (https) pages. This page is not one: open BackStrong over https to turn sync on, or move your data with a backup file (below, under “Your data”)."</p>
                }))
            } else if available() {
                Some(EitherOf4::C(view! { {off_view()} <SyncActivity /> }))
            } else {
                Some(EitherOf4::D(view! {
                    <p data-testid="sync-unavailable">"Sync needs a BackStrong server that offers it, and this copy of the app has none. A backup file (below, under “Your data”) moves your data to another device instead."</p>
                }))
            }}
        </div>
    }
}
