use super::PairDevice;
use leptos::prelude::*;
use leptos_meta::Title;

/// Where a pairing link lands (`/sync#k=…`): joins this device to the
/// devices that sync with the one that made the link.
#[component]
pub fn SyncPage() -> impl IntoView {
    view! {
        <Title text="Pair this device" />
        <h1>"Pair this device"</h1>
        <PairDevice />
    }
}
