//! The settings screen. Its islands ship only in the larger bundle that the
//! session, progress and settings pages load (feature `session-bundle`, see
//! `app/src/bundle.rs`), so the bundle of a first visit stays small.

#[cfg(any(feature = "ssr", feature = "session-bundle"))]
mod body_weight_input;
#[cfg(any(feature = "ssr", feature = "session-bundle"))]
mod cue_toggles;
#[cfg(any(feature = "ssr", feature = "session-bundle"))]
mod data_tools;
#[cfg(any(feature = "ssr", feature = "session-bundle"))]
mod install_app;
#[cfg(any(feature = "ssr", feature = "session-bundle"))]
mod load_steps;
#[cfg(any(feature = "ssr", feature = "session-bundle"))]
mod rest_lengths;
#[cfg(any(feature = "ssr", feature = "session-bundle"))]
mod settings_page;
#[cfg(any(feature = "ssr", feature = "session-bundle"))]
mod theme_picker;
#[cfg(any(feature = "ssr", feature = "session-bundle"))]
mod unit_picker;
#[cfg(any(feature = "ssr", feature = "session-bundle"))]
mod weekly_target_input;
#[cfg(any(feature = "ssr", feature = "session-bundle"))]
mod your_gym;

#[cfg(any(feature = "ssr", feature = "session-bundle"))]
pub use {
    body_weight_input::BodyWeightInput,
    cue_toggles::CueToggles,
    data_tools::DataTools,
    install_app::InstallApp,
    load_steps::LoadSteps,
    rest_lengths::RestLengths,
    settings_page::SettingsPage,
    theme_picker::ThemePicker,
    unit_picker::UnitPicker,
    weekly_target_input::WeeklyTargetInput,
    your_gym::{SetsAndReps, YourGym},
};

/// In the smaller bundle the page is never rendered (the server renders it,
/// and the settings page loads the larger bundle).
#[cfg(not(any(feature = "ssr", feature = "session-bundle")))]
#[leptos::component]
pub fn SettingsPage() -> impl leptos::IntoView {}
