//! The settings screen.

mod body_weight_input;
mod settings_page;
mod theme_picker;

pub use body_weight_input::BodyWeightInput;
pub use settings_page::SettingsPage;
pub use theme_picker::ThemePicker;
