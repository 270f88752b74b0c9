use crate::{
    platform::{self, net, subtle},
    state::{
        Stores,
        syncing::{self, Task},
    },
    sync::html::{self, ACTIVITY_SLOT, DELETE_SLOT, PAIRING_SLOT, PanelView},
};
use leptos::prelude::*;
use std::{cell::RefCell, rc::Rc};
use wasm_bindgen::JsCast;

/// Sync between devices: off by default. Turning it on makes a key here;
/// another device joins with the pairing link, its QR code, or the
/// recovery code. What the server keeps is sealed with that key.
///
/// Empty on the server: whether this copy of the app has a sync server,
/// and whether sync is on, are known only in the browser, where
/// [`SyncControls`] (in the settings island) writes the screen that
/// applies (`sync::html`).
#[component]
pub fn SyncPanel() -> impl IntoView {
    view! { <div class="sync-panel" data-testid="sync-panel"></div> }
}

/// What the sync panel shows, and what its buttons do.
#[derive(Clone, Copy)]
pub struct SyncControls {
    st: Stores,
}

/// The markup last written in each place of the panel: a place is written
/// again only when its markup changed, so the code being typed, a focused
/// button or an open recovery code stay as they are.
#[derive(Default)]
struct Shown {
    view: Option<PanelView>,
    activity: String,
    pairing: String,
}

impl SyncControls {
    /// Shows the panel's screen, and again whenever sync's state changes;
    /// with sync on, asks the sync code for the pairing details.
    pub fn new(st: Stores) -> Self {
        let status = syncing::status();
        let shown = Rc::new(RefCell::new(Shown::default()));
        // Until the browser is asked, the panel stays empty rather than
        // show a guess that may flip.
        let checked = RwSignal::new(false);
        Effect::new(move |_| {
            let on = syncing::is_on();
            status.update(|s| {
                s.available = net::sync_url().is_some();
                s.on = on;
            });
            checked.set(true);
            if on {
                syncing::request(st, Task::Show);
            }
        });
        let status = syncing::status();
        Effect::new(move |_| {
            // Browsers encrypt only on secure pages (https, or the
            // device's own address); elsewhere sync cannot run.
            let (checked, secure) = (checked.get(), subtle::available());
            status.with(|s| {
                let mut shown = shown.borrow_mut();
                let view = PanelView::of(s, checked, secure);
                if shown.view != Some(view) {
                    platform::set_inner_html(".sync-panel", html::panel(view));
                    *shown = Shown {
                        view: Some(view),
                        ..Shown::default()
                    };
                    show_delete(false);
                }
                let activity = html::activity(s, platform::now_ms(), platform::utc_offset_min());
                if shown.activity != activity {
                    platform::set_inner_html(ACTIVITY_SLOT, &activity);
                    shown.activity = activity;
                }
                let pairing = html::pairing(s.pairing.as_ref());
                if shown.pairing != pairing {
                    platform::set_inner_html(PAIRING_SLOT, &pairing);
                    shown.pairing = pairing;
                }
            })
        });
        SyncControls { st }
    }

    /// A tap on one of the panel's buttons (any other tap is not theirs).
    pub fn on_click(self, ev: &web_sys::Event) {
        let st = self.st;
        match platform::closest_attr(ev, "data-action").as_deref() {
            Some("sync-on") => syncing::request(st, Task::TurnOn(None)),
            Some("sync-now") => syncing::request(st, Task::Round),
            Some("sync-off") => syncing::request(st, Task::TurnOff),
            Some("sync-delete-ask") => show_delete(true),
            Some("sync-delete-keep") => show_delete(false),
            Some("sync-delete") => {
                show_delete(false);
                syncing::request(st, Task::DeleteCopy);
            }
            _ => {}
        }
    }

    /// The join form sent: joins with the code or link typed, if any.
    pub fn on_submit(self, ev: &web_sys::Event) {
        if platform::closest_attr(ev, "data-action").as_deref() != Some("sync-join") {
            return;
        }
        ev.prevent_default();
        let text = platform::find("#sync-code")
            .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
            .map(|input| input.value())
            .unwrap_or_default();
        if !text.trim().is_empty() {
            syncing::request(self.st, Task::TurnOn(Some(text)));
        }
    }

    /// Focus on the pairing link selects it whole, ready to copy.
    pub fn on_focus(ev: &web_sys::Event) {
        if let Some(input) = platform::input_target(ev, "sync-link") {
            input.select();
        }
    }
}

/// The button that deletes the server's copy, or the question before.
fn show_delete(asking: bool) {
    platform::set_inner_html(DELETE_SLOT, html::delete_copy(asking));
}
