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
    /// Unreadable values kept aside, as (storage key, what it held), so
    /// each can be downloaded.
    pub kept_aside: Vec<(String, &'static str)>,
    /// The kinds of data that could not be read: notices about several
    /// merge into one that names them all.
    unreadable: Vec<&'static str>,
}

/// "settings", "settings and past sessions", "settings, notes and past sessions".
fn list(items: &[&str]) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == items.len() { " and " } else { ", " });
        }
        out.push_str(item);
    }
    out
}

fn unreadable_message(what: &[&str]) -> String {
    let (them, copies) = if what.len() == 1 {
        ("it", "copy was")
    } else {
        ("them", "copies were")
    };
    format!(
        "Your saved {} could not be read, so the app started without {them}. \
         The unreadable {copies} kept in this browser, untouched: you can download \
         {them} here or in Settings.",
        list(what)
    )
}

impl StorageNotice {
    /// A notice in the app's own words, not about a storage error.
    pub fn plain(message: String) -> Self {
        StorageNotice {
            message,
            cleared_by_save: false,
            kept_aside: Vec::new(),
            unreadable: Vec::new(),
        }
    }

    /// The message for `err`, about the data called `what` ("settings").
    pub fn new(err: &StorageError, what: &'static str) -> Self {
        let message = match err {
            StorageError::Unavailable => format!(
                "This browser is not letting BackStrong save anything. You can keep using the app, \
                 but your {what} will be gone when you close this page."
            ),
            StorageError::QuotaExceeded => format!(
                "This browser's storage is full, so your {what} could not be saved. They stay here \
                 until you close this page, and BackStrong tries again on your next change."
            ),
            StorageError::Corrupt { .. } | StorageError::Migration { .. } => {
                unreadable_message(&[what])
            }
            StorageError::TooNew { .. } => format!(
                "Your {what} were saved by a newer version of BackStrong. They are left as they are, \
                 and changes made here are not saved. Reload to get the newest version."
            ),
        };
        StorageNotice {
            message,
            cleared_by_save: matches!(err, StorageError::Unavailable | StorageError::QuotaExceeded),
            kept_aside: match err {
                StorageError::Corrupt {
                    backup_key: Some(key),
                    ..
                } => vec![(key.clone(), what)],
                _ => Vec::new(),
            },
            unreadable: if matches!(
                err,
                StorageError::Corrupt { .. } | StorageError::Migration { .. }
            ) {
                vec![what]
            } else {
                Vec::new()
            },
        }
    }

    /// The banner for this notice, as HTML text ([`crate::markup`]): the
    /// message as an alert, a download button per unreadable copy kept
    /// aside (`data-download` names its storage key), and OK
    /// (`data-action="dismiss"`).
    pub fn html(&self) -> String {
        let mut m = crate::markup::Markup::default();
        m.open(
            "div",
            &[
                ("class", &"banner banner-warning"),
                ("role", &"alert"),
                ("data-testid", &"storage-notice"),
            ],
        )
        .element("p", &[], &self.message);
        let several = self.kept_aside.len() > 1;
        for (key, what) in &self.kept_aside {
            let label = if several {
                format!("Download the unreadable {what}")
            } else {
                "Download the unreadable copy".to_owned()
            };
            m.element(
                "button",
                &[
                    ("type", &"button"),
                    ("class", &"button"),
                    ("data-testid", &"download-corrupt"),
                    ("data-download", key),
                ],
                label,
            );
        }
        m.element(
            "button",
            &[
                ("type", &"button"),
                ("class", &"button"),
                ("data-testid", &"dismiss-notice"),
                ("data-action", &"dismiss"),
            ],
            "OK",
        )
        .close("div");
        m.finish()
    }

    /// This notice with `other`'s unreadable kinds added, when both are
    /// about unreadable data; `None` otherwise.
    fn merged(&self, other: &StorageNotice) -> Option<StorageNotice> {
        if self.unreadable.is_empty() || other.unreadable.is_empty() {
            return None;
        }
        let mut merged = self.clone();
        for what in &other.unreadable {
            if !merged.unreadable.contains(what) {
                merged.unreadable.push(what);
            }
        }
        merged.kept_aside.extend(other.kept_aside.iter().cloned());
        merged.message = unreadable_message(&merged.unreadable);
        Some(merged)
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

    /// Shows a notice: the newest wins, except that notices about
    /// unreadable data join into one naming every kind.
    pub fn post(&self, notice: StorageNotice) {
        let merged = self
            .0
            .with_untracked(|current| current.as_ref().and_then(|c| c.merged(&notice)));
        self.0.set(Some(merged.unwrap_or(notice)));
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

#[cfg(test)]
mod tests {
    use super::*;

    fn corrupt(key: &str) -> StorageError {
        StorageError::Corrupt {
            reason: "bad".into(),
            backup_key: Some(key.into()),
        }
    }

    #[test]
    fn a_list_reads_as_a_sentence() {
        assert_eq!(super::list(&[]), "");
        assert_eq!(super::list(&["settings"]), "settings");
        assert_eq!(
            super::list(&["settings", "past sessions"]),
            "settings and past sessions"
        );
        assert_eq!(
            super::list(&["settings", "notes", "past sessions"]),
            "settings, notes and past sessions"
        );
    }

    #[test]
    fn the_banner_offers_each_copy_kept_aside_and_ok() {
        let one = StorageNotice::new(&corrupt("backstrong:prefs:corrupt"), "settings");
        let m = one.html();
        assert!(m.starts_with(
            r#"<div class="banner banner-warning" role="alert" data-testid="storage-notice"><p>Your saved settings could not be read"#
        ));
        assert!(m.contains(
            r#"data-download="backstrong:prefs:corrupt">Download the unreadable copy</button>"#
        ));
        assert!(m.ends_with(r#"data-action="dismiss">OK</button></div>"#));
        let two = one
            .merged(&StorageNotice::new(
                &corrupt("backstrong:history:corrupt"),
                "past sessions",
            ))
            .unwrap();
        let m = two.html();
        assert!(m.contains(">Download the unreadable settings<"));
        assert!(m.contains(">Download the unreadable past sessions<"));
        // A message in the app's own words stays text, with OK alone.
        let plain = StorageNotice::plain("Full <quota> & more".into()).html();
        assert!(plain.contains("<p>Full &lt;quota&gt; &amp; more</p>"));
        assert!(!plain.contains("data-download"));
    }

    #[test]
    fn every_unreadable_kind_is_named_in_one_notice() {
        // What the board does on each post, without a reactive runtime.
        let post = |current: Option<StorageNotice>, new: StorageNotice| {
            current.as_ref().and_then(|c| c.merged(&new)).unwrap_or(new)
        };
        let notice = [
            StorageNotice::new(&corrupt("k1"), "settings"),
            StorageNotice::new(&corrupt("k2"), "exercise notes"),
            StorageNotice::new(&corrupt("k3"), "past sessions"),
        ]
        .into_iter()
        .fold(None, |current, new| Some(post(current, new)))
        .unwrap();
        assert!(
            notice.message.starts_with(
                "Your saved settings, exercise notes and past sessions could not be read"
            ),
            "{}",
            notice.message
        );
        assert_eq!(
            notice.kept_aside,
            [
                ("k1".to_owned(), "settings"),
                ("k2".to_owned(), "exercise notes"),
                ("k3".to_owned(), "past sessions")
            ]
        );
        // Another kind of notice replaces it.
        let full = post(
            Some(notice),
            StorageNotice::new(&StorageError::QuotaExceeded, "settings"),
        );
        assert!(full.kept_aside.is_empty());
    }
}
