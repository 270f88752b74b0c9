//! The user's preferences that shape every screen. Plain data; stored
//! through [`crate::storage`]. More settings join this struct in later
//! versions of the format, each with a migration step.

use crate::storage::Stored;
use serde::{Deserialize, Serialize};

/// Colour scheme: follow the phone, or force one.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Follow the system setting (`prefers-color-scheme`).
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// Every choice, in the order the settings screen offers them.
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    /// The value of `data-theme` on `<html>`, read by the stylesheet.
    pub fn as_attr(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// What the settings screen calls it.
    pub fn label(self) -> &'static str {
        match self {
            Theme::System => "Match my phone",
            Theme::Light => "Light",
            Theme::Dark => "Dark",
        }
    }
}

/// Everything the user has chosen.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prefs {
    /// Colour scheme.
    pub theme: Theme,
}

impl Stored for Prefs {
    const KEY: &'static str = "backstrong:prefs";
    const VERSION: u32 = 1;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::{MemoryBackend, decode, load, save};

    #[test]
    fn theme_is_stored_by_name() {
        let prefs = Prefs { theme: Theme::Dark };
        let raw = crate::storage::encode(&prefs);
        assert!(raw.contains(r#""theme":"dark""#), "{raw}");
        assert_eq!(decode::<Prefs>(&raw).unwrap(), prefs);
    }

    #[test]
    fn an_unknown_theme_is_reported_not_guessed() {
        let store = MemoryBackend::default();
        crate::storage::Backend::set(&store, Prefs::KEY, r#"{"v":1,"data":{"theme":"purple"}}"#)
            .unwrap();
        let loaded = load::<Prefs>(&store, 1);
        assert_eq!(loaded.value, Prefs::default());
        assert!(loaded.problem.is_some());
        // the unreadable value is kept, and saving again is safe
        save(
            &store,
            &Prefs {
                theme: Theme::Light,
            },
        )
        .unwrap();
        assert_eq!(
            crate::storage::Backend::get(&store, "backstrong:prefs:corrupt:1")
                .unwrap()
                .as_deref(),
            Some(r#"{"v":1,"data":{"theme":"purple"}}"#)
        );
    }
}
