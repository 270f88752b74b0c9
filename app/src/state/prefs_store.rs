//! The user's preferences as an app-wide context.

use crate::{
    platform,
    prefs::{Prefs, Theme},
    storage::{self, StorageError, browser::BrowserBackend},
};
use leptos::prelude::*;

/// Something about storage the user should know, in their words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StorageNotice {
    /// What happened and what it means for their data.
    pub message: String,
    /// True when the next successful save makes the message obsolete.
    pub cleared_by_save: bool,
}

impl From<&StorageError> for StorageNotice {
    fn from(err: &StorageError) -> Self {
        let message = match err {
            StorageError::Unavailable => {
                "This browser is not letting BackStrong save anything. You can keep using the app, \
                 but changes will be gone when you close this page."
            }
            StorageError::QuotaExceeded => {
                "This browser's storage is full, so your last change was not saved. \
                 It is still here until you close this page; BackStrong tries again on your next change."
            }
            StorageError::Corrupt { .. } | StorageError::Migration { .. } => {
                "Your saved settings could not be read, so the defaults are in use. \
                 The unreadable copy was kept in this browser, untouched."
            }
            StorageError::TooNew { .. } => {
                "Your settings were saved by a newer version of BackStrong. They are left as they are, \
                 and changes made here are not saved. Reload to get the newest version."
            }
        };
        StorageNotice {
            message: message.to_owned(),
            cleared_by_save: matches!(err, StorageError::Unavailable | StorageError::QuotaExceeded),
        }
    }
}

/// Preferences, loaded once after hydration and saved on every change.
#[derive(Debug, Clone, Copy)]
pub struct PrefsStore {
    prefs: RwSignal<Prefs>,
    /// False until loaded, and when saving would overwrite data we cannot read.
    writable: RwSignal<bool>,
    notice: RwSignal<Option<StorageNotice>>,
}

impl PrefsStore {
    /// Creates the store with defaults (what the server renders too) and
    /// provides it as context.
    pub fn provide() -> Self {
        let store = Self {
            prefs: RwSignal::new(Prefs::default()),
            writable: RwSignal::new(false),
            notice: RwSignal::new(None),
        };
        provide_context(store);
        store
    }

    /// The store provided by [`PrefsStore::provide`].
    pub fn use_context() -> Self {
        expect_context::<Self>()
    }

    /// Reads the stored preferences. Called once, from an effect, after
    /// hydration: the server cannot see localStorage.
    pub fn load(&self) {
        let loaded = storage::load::<Prefs>(&BrowserBackend, platform::now_ms());
        self.prefs.set(loaded.value);
        self.writable.set(loaded.writable);
        self.notice
            .set(loaded.problem.as_ref().map(StorageNotice::from));
    }

    /// The current theme.
    pub fn theme(&self) -> Theme {
        self.prefs.with(|p| p.theme)
    }

    /// Any storage problem to show.
    pub fn notice(&self) -> Option<StorageNotice> {
        self.notice.get()
    }

    /// Hides the notice.
    pub fn dismiss_notice(&self) {
        self.notice.set(None);
    }

    /// Changes the theme and saves.
    pub fn set_theme(&self, theme: Theme) {
        self.prefs.update(|p| p.theme = theme);
        self.save();
    }

    fn save(&self) {
        if !self.writable.get_untracked() {
            return;
        }
        let result = self
            .prefs
            .with_untracked(|p| storage::save(&BrowserBackend, p));
        match result {
            Ok(()) => {
                // A save that works again makes an earlier "not saved" stale.
                if self
                    .notice
                    .with_untracked(|n| n.as_ref().is_some_and(|n| n.cleared_by_save))
                {
                    self.notice.set(None);
                }
            }
            Err(e) => self.notice.set(Some(StorageNotice::from(&e))),
        }
    }
}
