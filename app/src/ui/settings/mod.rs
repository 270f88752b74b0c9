//! The settings screen.

mod body_weight_input;
mod cue_toggles;
mod install_app;
mod settings_page;
mod theme_picker;

pub use body_weight_input::BodyWeightInput;
pub use cue_toggles::CueToggles;
pub use install_app::InstallApp;
pub use settings_page::SettingsPage;
pub use theme_picker::ThemePicker;
