use super::{
    BodyWeightInput, CueToggles, DataTools, InstallApp, LoadSteps, RestLengths, SetsAndReps,
    SettingsSection, ThemePicker, UnitPicker, WeeklyTargetInput, YourGym,
};
use leptos::prelude::*;

/// Every panel of the settings page, as one island: the page is interactive
/// from top to bottom, and one lazy island loads its code in one split of
/// the wasm (a few files) instead of a dozen small ones.
// Lazy in the release build, which splits the wasm (feature `split`); the
// wasm tests run an unsplit wasm, where a lazy island could not load.
#[cfg_attr(feature = "split", island(lazy))]
#[cfg_attr(not(feature = "split"), island)]
pub fn SettingsPanels() -> impl IntoView {
    view! {
        <SettingsSection id="theme" title="Display">
            <ThemePicker />
        </SettingsSection>
        <SettingsSection id="body" title="You">
            <BodyWeightInput />
            <h3>"Units"</h3>
            <UnitPicker />
            <h3>"Weekly target"</h3>
            <WeeklyTargetInput />
        </SettingsSection>
        <SettingsSection id="rest" title="Rest between sets">
            <RestLengths />
        </SettingsSection>
        <SettingsSection id="gym" title="Your gym">
            <YourGym />
        </SettingsSection>
        <SettingsSection id="sets-reps" title="Sets and reps">
            <SetsAndReps />
        </SettingsSection>
        <SettingsSection id="steps" title="Your gym's weight steps">
            <LoadSteps />
        </SettingsSection>
        <SettingsSection id="cues" title="Session cues">
            <CueToggles />
        </SettingsSection>
        <SettingsSection id="install" title="Install and offline">
            <InstallApp />
        </SettingsSection>
        <SettingsSection id="data" title="Your data">
            <DataTools />
        </SettingsSection>
    }
}
