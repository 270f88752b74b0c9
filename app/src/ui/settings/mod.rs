//! The settings screen.

mod settings_page;
mod theme_picker;

pub use settings_page::SettingsPage;
pub use theme_picker::ThemePicker;
