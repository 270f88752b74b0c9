use super::super::sync::{PairingDetails, SyncActivity};
use crate::{
    platform::{net, subtle},
    state::{
        stores,
        syncing::{self, Task},
    },
};
use leptos::{
    either::{Either, EitherOf4},
    prelude::*,
};

/// Sync between devices: off by default. Turning it on makes a key here;
/// another device joins with the pairing link, its QR code, or the
/// recovery code. What the server keeps is sealed with that key.
#[component]
pub fn SyncPanel() -> impl IntoView {
    let st = stores();
    let status = syncing::status();
    let (on_status, available_status) = (status.clone(), status.clone());
    let code = RwSignal::new(String::new());
    let confirm_delete = RwSignal::new(false);
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

    let on_view = move || {
        view! {
            <p data-testid="sync-state"><strong>"Sync is on."</strong></p>
            <SyncActivity />
            <div class="button-row">
                <button type="button" class="button button-primary" data-testid="sync-now" on:click=move |_| syncing::request(st, Task::Round)>
                    "Sync now"
                </button>
            </div>
            <PairingDetails />
            <h3>"Stop syncing"</h3>
            <div class="button-row">
                <button type="button" class="button" data-testid="sync-off" on:click=move |_| syncing::request(st, Task::TurnOff)>
                    "Turn off sync on this device"
                </button>
            </div>
            <p class="hint">"Everything on this device stays here. Other devices keep syncing with each other."</p>
            {move || if confirm_delete.get() {
                Either::Left(view! {
                    <div class="panel panel-danger" role="alertdialog" aria-labelledby="sync-delete-q">
                        <p id="sync-delete-q">"Delete the synced copy from the server? The data on this device stays. Devices still syncing upload their own copy again unless you turn sync off on them too."</p>
                        <div class="button-row">
                            <button type="button" class="button" data-testid="sync-delete-confirm" on:click=move |_| {
                                confirm_delete.set(false);
                                syncing::request(st, Task::DeleteCopy);
                            }>"Yes, delete the synced copy"</button>
                            <button type="button" class="button button-primary" on:click=move |_| confirm_delete.set(false)>"Keep it"</button>
                        </div>
                    </div>
                })
            } else {
                Either::Right(view! {
                    <div class="button-row">
                        <button type="button" class="button" data-testid="sync-delete" on:click=move |_| confirm_delete.set(true)>
                            "Delete the synced copy…"
                        </button>
                    </div>
                })
            }}
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
