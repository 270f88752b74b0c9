use super::{
    BodyWeightInput, CueToggles, DataTools, InstallApp, LoadSteps, RestLengths, SetsAndReps,
    SettingsPanels, SyncPanel, ThemePicker, UnitPicker, WeeklyTargetInput, YourGym,
};
use leptos::prelude::*;
use leptos_meta::Title;

/// Preferences, and the user's data: backups, import, deleting it. The
/// panels are rendered here, on the server; the `SettingsPanels` island
/// around them makes their controls work.
#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <Title text="Settings" />
        <h1>"Settings"</h1>
        <SettingsPanels>
            <section class="panel" aria-labelledby="theme-heading">
                <h2 id="theme-heading">"Display"</h2>
                <ThemePicker />
            </section>
            <section class="panel" aria-labelledby="body-heading">
                <h2 id="body-heading">"You"</h2>
                <BodyWeightInput />
                <h3>"Units"</h3>
                <UnitPicker />
                <h3>"Weekly target"</h3>
                <WeeklyTargetInput />
            </section>
            <section class="panel" aria-labelledby="rest-heading">
                <h2 id="rest-heading">"Rest between sets"</h2>
                <RestLengths />
            </section>
            <section class="panel" aria-labelledby="gym-heading">
                <h2 id="gym-heading">"Your gym"</h2>
                <YourGym />
            </section>
            <section class="panel" aria-labelledby="sets-reps-heading">
                <h2 id="sets-reps-heading">"Sets and reps"</h2>
                <SetsAndReps />
            </section>
            <section class="panel" aria-labelledby="steps-heading">
                <h2 id="steps-heading">"Your gym's weight steps"</h2>
                <LoadSteps />
            </section>
            <section class="panel" aria-labelledby="cues-heading">
                <h2 id="cues-heading">"Session cues"</h2>
                <CueToggles />
            </section>
            <section class="panel" aria-labelledby="install-heading">
                <h2 id="install-heading">"Install and offline"</h2>
                <InstallApp />
            </section>
            <section class="panel" aria-labelledby="sync-heading" id="sync">
                <h2 id="sync-heading">"Sync between devices"</h2>
                <SyncPanel />
            </section>
            <section class="panel" aria-labelledby="data-heading">
                <h2 id="data-heading">"Your data"</h2>
                <DataTools />
            </section>
        </SettingsPanels>
    }
}
