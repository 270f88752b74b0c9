use crate::{
    platform,
    state::syncing,
    sync::{Activity, last_synced_label},
};
use leptos::{either::EitherOf3, prelude::*};

/// What sync is doing or last did, and when it last went through. Read out
/// by screen readers as it changes; a failure as an alert.
#[component]
pub fn SyncActivity() -> impl IntoView {
    let status = syncing::status();
    let last_status = status.clone();
    let last = move || {
        last_status.with(|s| s.last_synced_ms).map(|at| {
            format!(
                " Last synced {}.",
                last_synced_label(at, platform::now_ms(), platform::utc_offset_min())
            )
        })
    };
    move || match status.with(|s| s.activity.clone()) {
        Activity::Failed(message) => EitherOf3::A(view! {
            <p class="error" role="alert" data-testid="sync-activity" data-state="failed">{message}</p>
        }),
        Activity::Idle if last().is_none() => EitherOf3::B(()),
        activity => {
            let (state, said) = match activity {
                Activity::Working => ("working", "Syncing…".to_owned()),
                Activity::Offline => (
                    "offline",
                    "Offline: your changes are safe on this device and go out when the network is back.".to_owned(),
                ),
                Activity::Done(message) => ("done", message),
                _ => ("idle", String::new()),
            };
            EitherOf3::C(view! {
                <p class="sync-activity" role="status" data-testid="sync-activity" data-state=state>
                    {said}{last.clone()}
                </p>
            })
        }
    }
}
