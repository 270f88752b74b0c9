use super::{BodyWeightInput, CueToggles, InstallApp, ThemePicker};
use leptos::prelude::*;
use leptos_meta::Title;

/// Preferences. Units, targets and data tools join it later.
#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <Title text="Settings" />
        <h1>"Settings"</h1>
        <section class="panel" aria-labelledby="theme-heading">
            <h2 id="theme-heading">"Display"</h2>
            <ThemePicker />
        </section>
        <section class="panel" aria-labelledby="body-heading">
            <h2 id="body-heading">"You"</h2>
            <BodyWeightInput />
        </section>
        <section class="panel" aria-labelledby="cues-heading">
            <h2 id="cues-heading">"Session cues"</h2>
            <CueToggles />
        </section>
        <section class="panel" aria-labelledby="install-heading">
            <h2 id="install-heading">"Install and offline"</h2>
            <InstallApp />
        </section>
    }
}
