use crate::{
    platform::{self, net},
    state::{
        stores,
        syncing::{self, Task},
    },
    sync::{Activity, SyncKey, html},
};
use leptos::{either::EitherOf4, prelude::*};

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
/// once), asks before joining, then joins and syncs.
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
    let joined = move || {
        started.get()
            && syncing::status()
                .with(|s| s.on && matches!(s.activity, Activity::Done(_) | Activity::Offline))
    };
    // What sync is doing, as markup (`sync::html`), written again when it
    // changes.
    let activity = move || {
        syncing::status()
            .with(|s| html::activity(s, platform::now_ms(), platform::utc_offset_min()))
    };
    let join = move |_| {
        if let Found::Key(fragment) = found.get_untracked() {
            started.set(true);
            syncing::request(st, Task::TurnOn(Some(fragment)));
        }
    };
    view! {
        <section class="panel" data-testid="pair-device">
            {move || match found.get() {
                Found::NotYet => EitherOf4::A(view! {
                    <p>"Reading the pairing link…"</p>
                }),
                Found::Nothing(why) => EitherOf4::B(view! {
                    <p class="error" role="alert" data-testid="pair-problem">{why}</p>
                    <p>"On the device that already syncs, open Settings → Sync between devices for its link or QR code. Or type its recovery code in Settings here."</p>
                    <p><a class="button" href="/settings#sync-heading">"Open Settings"</a></p>
                }),
                Found::Key(_) if joined() => EitherOf4::C(view! {
                    <p class="ok" data-testid="paired"><strong>"This device is paired."</strong>" It syncs on its own from now on: when you open the app, when the network comes back, and after each change."</p>
                    <div inner_html=activity></div>
                    <div class="button-row">
                        <a class="button button-primary" href="/progress">"See your progress"</a>
                        <a class="button" href="/">"Home"</a>
                    </div>
                }),
                Found::Key(_) => EitherOf4::D(view! {
                    <p>"Join the devices that sync with the one that made this link?"</p>
                    <div class="button-row">
                        <button type="button" class="button button-primary" data-testid="pair-join" disabled=move || started.get() on:click=join>
                            "Pair this device"
                        </button>
                        <a class="button" href="/">"Not now"</a>
                    </div>
                    <div inner_html=activity></div>
                    <ul class="hint">
                        <li>"Every session on this device and on theirs is kept."</li>
                        <li>"Notes and settings take the other devices' values; the colour scheme stays as it is here."</li>
                        <li>"What leaves this device is locked with the key in the link: the server cannot read it."</li>
                    </ul>
                }),
            }}
        </section>
    }
}
