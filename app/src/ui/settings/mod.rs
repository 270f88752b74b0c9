//! The settings screen: its panels form one lazy island (`SettingsPanels`),
//! so their code is a split of the wasm that only this page loads.

mod body_weight_input;
mod choices;
mod cue_toggles;
mod data_tools;
mod install_app;
mod load_steps;
mod panel;
mod rest_lengths;
mod settings_page;
mod settings_panels;
mod sync_panel;
mod theme_picker;
mod unit_picker;
mod weekly_target_input;
mod your_gym;

pub use {
    body_weight_input::BodyWeightInput,
    cue_toggles::CueToggles,
    data_tools::DataTools,
    install_app::InstallApp,
    load_steps::LoadSteps,
    panel::Panel,
    rest_lengths::RestLengths,
    settings_page::SettingsPage,
    settings_panels::SettingsPanels,
    sync_panel::SyncPanel,
    theme_picker::ThemePicker,
    unit_picker::UnitPicker,
    weekly_target_input::WeeklyTargetInput,
    your_gym::{SetsAndReps, YourGym},
};
