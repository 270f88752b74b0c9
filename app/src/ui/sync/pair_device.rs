use crate::{
    platform::{self, net},
    state::{
        stores,
        syncing::{self, Task},
    },
    sync::{
        Activity, SyncKey,
        html::{self, ACTIVITY_SLOT, PairView},
    },
};
use leptos::prelude::*;
use std::{cell::RefCell, rc::Rc};

/// What the page found in its address.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Found {
    /// Not looked yet (on the server, before the page is live).
    NotYet,
    /// A key: the link's fragment, kept only in memory.
    Key(String),
    /// No key, or not one: why.
    Nothing(String),
}

/// Reads the key from the address (and removes it from the address bar at
/// once), asks before joining, then joins and syncs. Its screens are markup
/// (`sync::html::pair_page`) written into the panel when they change, and
/// what sync is doing into its place in them.
#[cfg_attr(feature = "split", island(lazy))]
#[cfg_attr(not(feature = "split"), island)]
pub fn PairDevice() -> impl IntoView {
    let st = stores();
    let found = RwSignal::new(Found::NotYet);
    let started = RwSignal::new(false);
    Effect::new(move |_| {
        if net::sync_url().is_none() {
            found.set(Found::Nothing(
                "This copy of the app has no sync server, so it cannot join. A backup file moves your data instead (Settings → Your data).".to_owned(),
            ));
            return;
        }
        found.set(match net::take_fragment() {
            Some(fragment) => match SyncKey::from_link(&fragment) {
                Ok(_) => Found::Key(fragment),
                Err(e) => Found::Nothing(format!("This link cannot pair a device: {e}.")),
            },
            None => Found::Nothing("This page pairs a device from a link made on another one, and its address holds no key (or the page was reloaded, which removes it).".to_owned()),
        });
    });
    // The screen and the activity last written: each is written again only
    // when it changed, so the focused button stays.
    let shown = Rc::new(RefCell::new((PairView::Reading, String::new())));
    Effect::new(move |_| {
        let status = syncing::status();
        let started = started.get();
        let joined = started
            && status.with(|s| s.on && matches!(s.activity, Activity::Done(_) | Activity::Offline));
        let mut shown = shown.borrow_mut();
        found.with(|found| {
            let view = match found {
                Found::NotYet => PairView::Reading,
                Found::Nothing(_) => PairView::Problem,
                Found::Key(_) if joined => PairView::Paired,
                Found::Key(_) => PairView::Ask,
            };
            if view != shown.0 {
                let problem = match found {
                    Found::Nothing(why) => why.as_str(),
                    _ => "",
                };
                platform::set_inner_html(
                    "[data-testid='pair-device']",
                    &html::pair_page(view, problem),
                );
                *shown = (view, String::new());
            }
        });
        let activity =
            status.with(|s| html::activity(s, platform::now_ms(), platform::utc_offset_min()));
        if activity != shown.1 {
            platform::set_inner_html(ACTIVITY_SLOT, &activity);
            shown.1 = activity;
        }
        if started && let Some(button) = platform::find("[data-action='pair-join']") {
            let _ = button.set_attribute("disabled", "");
        }
    });
    let join = move |ev: leptos::ev::MouseEvent| {
        if platform::closest_attr(&ev, "data-action").as_deref() != Some("pair-join")
            || started.get_untracked()
        {
            return;
        }
        if let Found::Key(fragment) = found.get_untracked() {
            started.set(true);
            syncing::request(st, Task::TurnOn(Some(fragment)));
        }
    };
    view! {
        <section class="panel" data-testid="pair-device" on:click=join>
            <p>"Reading the pairing link…"</p>
        </section>
    }
}
