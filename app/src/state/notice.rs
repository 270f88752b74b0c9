//! Storage problems the user should know about, in their words.

use crate::storage::StorageError;
use leptos::prelude::*;

/// Something about storage the user should know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StorageNotice {
    /// What happened and what it means for their data.
    pub message: String,
    /// True when the next successful save makes the message obsolete.
    pub cleared_by_save: bool,
    /// Where an unreadable value was kept, so it can be downloaded.
    pub backup_key: Option<String>,
}

impl StorageNotice {
    /// The message for `err`, about the data called `what` ("settings").
    pub fn new(err: &StorageError, what: &str) -> Self {
        let message = match err {
            StorageError::Unavailable => format!(
                "This browser is not letting BackStrong save anything. You can keep using the app, \
                 but your {what} will be gone when you close this page."
            ),
            StorageError::QuotaExceeded => format!(
                "This browser's storage is full, so your {what} could not be saved. They stay here \
                 until you close this page, and BackStrong tries again on your next change."
            ),
            StorageError::Corrupt { .. } | StorageError::Migration { .. } => format!(
                "Your saved {what} could not be read, so the app started without them. \
                 The unreadable copy was kept in this browser, untouched: you can download it \
                 here or in Settings."
            ),
            StorageError::TooNew { .. } => format!(
                "Your {what} were saved by a newer version of BackStrong. They are left as they are, \
                 and changes made here are not saved. Reload to get the newest version."
            ),
        };
        StorageNotice {
            message,
            cleared_by_save: matches!(err, StorageError::Unavailable | StorageError::QuotaExceeded),
            backup_key: match err {
                StorageError::Corrupt { backup_key, .. } => backup_key.clone(),
                _ => None,
            },
        }
    }
}

/// The one place storage notices are shown from (the banner reads it).
#[derive(Debug, Clone, Copy)]
pub struct NoticeBoard(RwSignal<Option<StorageNotice>>);

impl NoticeBoard {
    /// An empty board.
    pub fn new() -> Self {
        NoticeBoard(RwSignal::new(None))
    }

    /// The notice to show, if any.
    pub fn current(&self) -> Option<StorageNotice> {
        self.0.get()
    }

    /// Shows a notice (the newest wins).
    pub fn post(&self, notice: StorageNotice) {
        self.0.set(Some(notice));
    }

    /// Hides the notice.
    pub fn dismiss(&self) {
        self.0.set(None);
    }

    /// A save worked: a "not saved" notice is no longer true.
    pub fn saved(&self) {
        if self
            .0
            .with_untracked(|n| n.as_ref().is_some_and(|n| n.cleared_by_save))
        {
            self.0.set(None);
        }
    }
}

impl Default for NoticeBoard {
    fn default() -> Self {
        Self::new()
    }
}
