use super::{
    BodyWeightInput, CueToggles, DataTools, InstallApp, LoadSteps, RestLengths, SetsAndReps,
    SyncPanel, ThemePicker, UnitPicker, WeeklyTargetInput, YourGym,
};
use leptos::prelude::*;

/// Every panel of the settings page, as one island: the page is interactive
/// from top to bottom, and one lazy island loads its code in one split of
/// the wasm (a few files) instead of a dozen small ones. The sections are
/// written out: a section component taking `Children` boxes each panel into
/// an `AnyView`, which made this split a third larger (68 to 102 KB brotli).
// Lazy in the release build, which splits the wasm (feature `split`); the
// wasm tests run an unsplit wasm, where a lazy island could not load.
#[cfg_attr(feature = "split", island(lazy))]
#[cfg_attr(not(feature = "split"), island)]
pub fn SettingsPanels() -> impl IntoView {
    let prefs = crate::state::stores().prefs;
    // The one-tap settings' buttons are markup: they show the stored
    // settings from here, and again on every change.
    Effect::new(move |_| prefs.with(super::choices::show));
    view! {
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
    }
}
