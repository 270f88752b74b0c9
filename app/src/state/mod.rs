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
pub mod reading;
pub mod syncing;

pub use notice::{NoticeBoard, StorageNotice};
pub use persisted::{AnyPersisted, Persisted};

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

    /// Every stored kind, in the order they load: the one list of them.
    fn stored(&self) -> [&dyn AnyPersisted; 5] {
        [
            &self.prefs,
            &self.notes,
            &self.screening,
            &self.history,
            &self.active,
        ]
    }

    /// Nothing is stored: every store keeps its default and may now save.
    /// Same as [`Stores::load`] on empty storage, without its decoding code.
    pub fn start_empty(&self) {
        self.prefs.start_empty();
        self.notes.start_empty();
        self.screening.start_empty();
        self.history.start_empty();
        self.active.start_empty();
        leptos::prelude::Set::set(&self.loaded, true);
    }

    /// Loads every store; called once, after hydration (see [`reading`]).
    pub fn load(&self) {
        for store in self.stored() {
            store.load();
        }
        self.close_stale_session(platform::now_ms(), platform::utc_offset_min());
        leptos::prelude::Set::set(&self.loaded, true);
    }

    /// An unfinished session that may no longer be resumed (another day, or
    /// over two hours since its last logged set) is closed and kept in the
    /// history as incomplete, never silently dropped; the person is told.
    /// Runs at load, when the page comes back into view, and before any
    /// event. Returns true when it closed one.
    pub fn close_stale_session(&self, now_ms: u64, utc_offset_min: i32) -> bool {
        let mut active = self.active.with_untracked(Clone::clone);
        let mut history = self.history.with_untracked(Clone::clone);
        let Some(closed) =
            crate::session::close_if_stale(&mut active, &mut history, now_ms, utc_offset_min)
        else {
            return false;
        };
        self.write_session_stores(active, history);
        self.board.post(StorageNotice::plain(format!(
                "Your unfinished session was closed: a session can be picked up again only on the same day, \
                 within 2 hours of its last set (our suggestion). Everything you logged is kept in your history, \
                 marked incomplete ({} of training). Answer the safety check again to start a new one.",
                crate::session::active_time_label(&closed)
        )));
        true
    }

    /// Sends an event to the session under way (see [`crate::session::dispatch`]):
    /// an ended session is in the history when this returns, and the
    /// browser is then asked to keep the data persistently.
    pub fn dispatch(
        &self,
        event: crate::session::Event,
        now_ms: u64,
        utc_offset_min: i32,
    ) -> Result<crate::session::Step, crate::session::SessionError> {
        use crate::session::Step;
        let mut active = self.active.with_untracked(Clone::clone);
        let mut history = self.history.with_untracked(Clone::clone);
        let step =
            crate::session::dispatch(&mut active, &mut history, event, now_ms, utc_offset_min)?;
        match &step {
            Step::Applied => self.active.update(|a| *a = active),
            Step::Ended(_) => {
                self.write_session_stores(active, history);
                let persisted = self.persisted;
                platform::files::request_persistence(move |granted| {
                    leptos::prelude::Set::set(&persisted, granted)
                });
            }
            Step::Closed(_) => {
                self.close_stale_session(now_ms, utc_offset_min);
            }
        }
        Ok(step)
    }

    /// Ends the session under way now as stopped for pain (F12), from the
    /// Stop page; it moves to the history. This skips the session's other
    /// rules on purpose: whatever state it was in, it ends as a stop.
    /// Returns true when there was one to end.
    pub fn stop_session_now(&self, now_ms: u64) -> bool {
        let Some(mut session) = self.active.with_untracked(|a| a.session.clone()) else {
            return false;
        };
        if !session.stop_now(now_ms) {
            return false;
        }
        let mut history = self.history.with_untracked(Clone::clone);
        history.upsert(session);
        self.write_session_stores(ActiveSession::default(), history);
        true
    }

    /// Stores a session's move between the two stores: the history first,
    /// so if the second write fails nothing is lost.
    fn write_session_stores(&self, active: ActiveSession, history: History) {
        self.history.update(|h| *h = history);
        self.active.update(|a| *a = active);
    }

    /// True while a session is under way (not yet ended): the app must not
    /// switch to a new version then.
    pub fn session_running(&self) -> bool {
        self.active
            .with(|a| a.session.as_ref().is_some_and(|s| !s.phase.is_over()))
    }

    /// Another tab changed `key` (`None`: cleared everything): read again
    /// what changed.
    pub fn reload_changed(&self, key: Option<&str>) {
        for store in self.stored() {
            if key.is_none_or(|key| key == store.key()) {
                store.reload_from_other_tab();
            }
        }
    }

    /// Saves the store under `key`, folding in what is stored now (see
    /// [`Persisted`]'s notes; the reader runs this).
    pub fn save_merging(&self, key: &str) {
        for store in self.stored() {
            if store.key() == key {
                store.save_merging();
            }
        }
    }

    /// Deletes everything the app keeps on this device, kept-aside copies of
    /// unreadable data included.
    pub fn delete_everything(&self) {
        use crate::storage::{Backend, browser::BrowserBackend};
        for store in self.stored() {
            store.clear();
        }
        for key in BrowserBackend.own_keys().unwrap_or_default() {
            let _ = BrowserBackend.remove(&key);
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
