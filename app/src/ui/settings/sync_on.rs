//! The sync panel while sync is on: what sync is doing, "Sync now", the
//! pairing link, its QR code and the recovery code, turning sync off and
//! deleting the synced copy.
//!
//! Only devices with sync on ever show it, and sync needs a connection to
//! be turned on, so in the release build (feature `split`) its code is a
//! lazy part of the wasm that, like the sync code itself, the service
//! worker keeps once a device has fetched it rather than for everyone
//! (`server/src/preload.rs`).

use super::super::sync::{PairingDetails, SyncActivity};
use crate::{
    state::{
        Stores,
        syncing::{self, Task},
    },
    ui::lazy::{Mounted, NotLoaded},
};
use leptos::{either::Either, prelude::*};

/// Mounts the panel's "sync is on" part into `parent`: at once in an
/// unsplit build; in a split one, once its part of the wasm has loaded.
pub async fn mount(parent: web_sys::Element, st: Stores) -> Result<Mounted, NotLoaded> {
    #[cfg(feature = "split")]
    {
        mount_sync_on(parent, st).await
    }
    #[cfg(not(feature = "split"))]
    {
        mount_sync_on(parent, st)
    }
}

// Fallible, like the session's screens (`session::in_session`): a failed
// load is a message, not a panic. The name (then digits) is what the
// server looks for.
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(mount_sync_on_1, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn mount_sync_on(parent: web_sys::Element, st: Stores) -> Result<Mounted, NotLoaded> {
    Ok(Mounted(Box::new(leptos::mount::mount_to_renderer(
        &parent,
        move || view! { <SyncOn st /> },
    ))))
}

/// The controls of sync while it is on.
#[component]
fn SyncOn(st: Stores) -> impl IntoView {
    let confirm_delete = RwSignal::new(false);
    view! {
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
}
