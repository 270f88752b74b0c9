use super::{
    BodyWeightInput, CueToggles, DataTools, InstallApp, LoadSteps, Panel, RestLengths, SetsAndReps,
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
            <Panel heading_id="theme-heading" title="Display">
                <ThemePicker />
            </Panel>
            <Panel heading_id="body-heading" title="You">
                <BodyWeightInput />
                <h3>"Units"</h3>
                <UnitPicker />
                <h3>"Weekly target"</h3>
                <WeeklyTargetInput />
            </Panel>
            <Panel heading_id="rest-heading" title="Rest between sets">
                <RestLengths />
            </Panel>
            <Panel heading_id="gym-heading" title="Your gym">
                <YourGym />
            </Panel>
            <Panel heading_id="sets-reps-heading" title="Sets and reps">
                <SetsAndReps />
            </Panel>
            <Panel heading_id="steps-heading" title="Your gym's weight steps">
                <LoadSteps />
            </Panel>
            <Panel heading_id="cues-heading" title="Session cues">
                <CueToggles />
            </Panel>
            <Panel heading_id="install-heading" title="Install and offline">
                <InstallApp />
            </Panel>
            <Panel heading_id="sync-heading" title="Sync between devices" id="sync">
                <SyncPanel />
            </Panel>
            <Panel heading_id="data-heading" title="Your data">
                <DataTools />
            </Panel>
        </SettingsPanels>
    }
}
