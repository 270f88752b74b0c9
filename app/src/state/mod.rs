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

use crate::{notes::Notes, prefs::Prefs, screening::ScreeningLog};

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
}

impl Stores {
    fn new() -> Self {
        let board = NoticeBoard::new();
        Stores {
            board,
            prefs: Persisted::new(board),
            notes: Persisted::new(board),
            screening: Persisted::new(board),
        }
    }

    /// Loads every store; called once, after hydration.
    pub fn load(&self) {
        self.prefs.load();
        self.notes.load();
        self.screening.load();
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
