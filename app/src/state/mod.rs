//! App-wide reactive state. Each stored kind is a [`Persisted`] value: loaded
//! once after hydration (the server cannot see localStorage) and saved on
//! every change, never before its load, so a default can never be written
//! over real data.
//!
//! The app renders as islands: each island is hydrated on its own, so
//! contexts provided by the page do not reach them. In the browser the stores
//! are one set per page, shared by every island; on the server each render
//! gets fresh defaults, so requests never share state.

mod notice;
mod persisted;

pub use notice::{NoticeBoard, StorageNotice};
pub use persisted::Persisted;

use crate::{
    notes::Notes,
    platform,
    prefs::Prefs,
    screening::ScreeningLog,
    session::{ActiveSession, History},
};

/// Every store of the app.
#[derive(Debug, Clone, Copy)]
pub struct Stores {
    /// Storage problems to tell the user about.
    pub board: NoticeBoard,
    /// Preferences (theme).
    pub prefs: Persisted<Prefs>,
    /// Notes per exercise.
    pub notes: Persisted<Notes>,
    /// Safety check answers.
    pub screening: Persisted<ScreeningLog>,
    /// The session under way.
    pub active: Persisted<ActiveSession>,
    /// Ended sessions.
    pub history: Persisted<History>,
    /// A new version of the app has installed and waits for a reload.
    pub update_ready: leptos::prelude::RwSignal<bool>,
    /// The browser offered to install the app (`beforeinstallprompt`).
    pub install_offered: leptos::prelude::RwSignal<bool>,
    /// Whether the browser keeps the data persistently (`None`: unknown).
    pub persisted: leptos::prelude::RwSignal<Option<bool>>,
    /// True once the stored data has been read (never on the server).
    pub loaded: leptos::prelude::RwSignal<bool>,
}

impl Stores {
    fn new() -> Self {
        let board = NoticeBoard::new();
        Stores {
            board,
            prefs: Persisted::new(board),
            notes: Persisted::new(board),
            screening: Persisted::new(board),
            active: Persisted::new(board),
            history: Persisted::new(board),
            update_ready: leptos::prelude::RwSignal::new(false),
            install_offered: leptos::prelude::RwSignal::new(false),
            persisted: leptos::prelude::RwSignal::new(None),
            loaded: leptos::prelude::RwSignal::new(false),
        }
    }

    /// Loads every store; called once, after hydration.
    pub fn load(&self) {
        self.prefs.load();
        self.notes.load();
        self.screening.load();
        self.history.load();
        self.active.load();
        self.close_stale_session(platform::now_ms());
        leptos::prelude::Set::set(&self.loaded, true);
    }

    /// A session left unfinished for over 12 hours is closed and kept in
    /// the history as incomplete, never silently dropped.
    fn close_stale_session(&self, now_ms: u64) {
        let stale = self
            .active
            .with_untracked(|a| a.session.as_ref().filter(|s| s.is_stale(now_ms)).cloned());
        if let Some(mut session) = stale {
            session.close_incomplete(now_ms);
            self.history.update(|h| h.upsert(session));
            self.active.update(|a| a.session = None);
            self.board.post(StorageNotice {
                message:
                    "A session you did not finish was more than 12 hours old, so it was closed. \
                          Everything you logged is kept in your history, marked incomplete."
                        .to_owned(),
                cleared_by_save: false,
                backup_key: None,
            });
        }
    }

    /// True while a session is under way (not yet ended): the app must not
    /// switch to a new version then.
    pub fn session_running(&self) -> bool {
        self.active
            .with(|a| a.session.as_ref().is_some_and(|s| !s.phase.is_over()))
    }

    /// Ends the active session: it moves to the history (saved first, so
    /// nothing is lost if the second write fails). Once a session is in the
    /// history, the browser is asked to keep the data persistently.
    pub fn archive_active(&self) -> Option<crate::session::Session> {
        use leptos::prelude::Set;
        let ended = self.active.with_untracked(|a| a.session.clone())?;
        self.history.update(|h| h.upsert(ended.clone()));
        self.active.update(|a| a.session = None);
        let persisted = self.persisted;
        platform::files::request_persistence(move |granted| persisted.set(granted));
        Some(ended)
    }

    /// Another tab changed `key` (`None`: cleared everything): read again
    /// what changed.
    pub fn reload_changed(&self, key: Option<&str>) {
        use crate::storage::Stored;
        let changed = |k: &str| key.is_none_or(|key| key == k);
        if changed(Prefs::KEY) {
            self.prefs.reload_from_other_tab();
        }
        if changed(Notes::KEY) {
            self.notes.reload_from_other_tab();
        }
        if changed(ScreeningLog::KEY) {
            self.screening.reload_from_other_tab();
        }
        if changed(ActiveSession::KEY) {
            self.active.reload_from_other_tab();
        }
        if changed(History::KEY) {
            self.history.reload_from_other_tab();
        }
    }

    /// Deletes everything the app keeps on this device, kept-aside copies of
    /// unreadable data included.
    pub fn delete_everything(&self) {
        self.prefs.clear();
        self.notes.clear();
        self.screening.clear();
        self.active.clear();
        self.history.clear();
        for key in platform::files::keys_with_prefix(crate::storage::KEY_PREFIX) {
            platform::files::remove_key(&key);
        }
    }
}

/// The page's stores: created on first use, shared by every island.
#[cfg(not(feature = "ssr"))]
pub fn stores() -> Stores {
    thread_local! {
        static STORES: Stores = Stores::new();
    }
    STORES.with(|s| *s)
}

/// On the server: defaults for this render only (the server never sees
/// stored data, and requests must not share signals).
#[cfg(feature = "ssr")]
pub fn stores() -> Stores {
    Stores::new()
}
