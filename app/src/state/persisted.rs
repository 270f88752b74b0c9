//! A stored value as a reactive context.

use super::{NoticeBoard, StorageNotice};
use crate::{
    platform,
    storage::{self, Stored, browser::BrowserBackend},
};
use leptos::prelude::*;

/// What the user calls each stored kind, for messages.
pub trait Described {
    /// e.g. "settings", "exercise notes".
    const WHAT: &'static str;
}

impl Described for crate::prefs::Prefs {
    const WHAT: &'static str = "settings";
}
impl Described for crate::notes::Notes {
    const WHAT: &'static str = "exercise notes";
}
impl Described for crate::screening::ScreeningLog {
    const WHAT: &'static str = "safety check answers";
}

impl Described for crate::session::ActiveSession {
    const WHAT: &'static str = "logged sets of the current session";
}
impl Described for crate::session::History {
    const WHAT: &'static str = "past sessions";
}

/// A [`Stored`] value in a signal, saved on every change.
///
/// A save folds in what another tab stored meanwhile, and that needs the
/// stored text decoded: the decoders (serde, the migrations, the session
/// types) are most of the app's code, and in the release build they are the
/// reader's, a part of the wasm fetched only when something is stored
/// (`super::reading`). So each store remembers the text it last read or
/// wrote. When storage still holds exactly that, no other tab has written
/// since and there is nothing to fold in: the value is written as it is,
/// with no decoder (a first visit never downloads them). Otherwise the save
/// runs through the reader ([`Persisted::save_merging`]), and every save
/// after it waits behind it, so saves reach storage in the order they were
/// made.
#[derive(Debug)]
pub struct Persisted<T: Send + Sync + 'static> {
    value: RwSignal<T>,
    /// False until loaded, and when saving would overwrite data that this
    /// build cannot read (a newer format).
    writable: RwSignal<bool>,
    /// What this tab knows storage holds under the key.
    known: StoredValue<Known>,
    board: NoticeBoard,
}

/// What a store knows storage holds under its key.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Known {
    /// Not read yet, or storage did not answer.
    Unknown,
    /// Nothing.
    Nothing,
    /// This text.
    Text(String),
}

impl Known {
    /// What storage holds now under `key`.
    fn now(key: &str) -> Known {
        match storage::Backend::get(&BrowserBackend, key) {
            Ok(Some(text)) => Known::Text(text),
            Ok(None) => Known::Nothing,
            Err(_) => Known::Unknown,
        }
    }
}

impl<T: Send + Sync + 'static> Clone for Persisted<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Persisted<T> {}

impl<T> Persisted<T>
where
    T: Stored + Described + Clone + PartialEq + Send + Sync + 'static,
{
    /// A store holding the default value (what the server renders too),
    /// not yet loaded and so not yet saving.
    pub fn new(board: NoticeBoard) -> Self {
        Self {
            value: RwSignal::new(T::default()),
            writable: RwSignal::new(false),
            known: StoredValue::new(Known::Unknown),
            board,
        }
    }

    /// Reads the stored value. Called once, after hydration.
    pub fn load(&self) {
        let loaded = storage::load::<T>(&BrowserBackend, platform::now_ms());
        // Read in the same task as the load: no other tab writes between.
        self.known.set_value(Known::now(T::KEY));
        self.value.set(loaded.value);
        self.writable.set(loaded.writable);
        if let Some(problem) = loaded.problem {
            self.board.post(StorageNotice::new(&problem, T::WHAT));
        }
    }

    /// Storage holds nothing for this store: it keeps its default and may
    /// now save.
    pub fn start_empty(&self) {
        self.known.set_value(Known::Nothing);
        self.writable.set(true);
    }

    /// Reads the value without tracking it.
    pub fn with_untracked<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.value.with_untracked(f)
    }

    /// Reads the value, tracking it.
    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.value.with(f)
    }

    /// Changes the value and saves it.
    pub fn update(&self, f: impl FnOnce(&mut T)) {
        self.value.update(f);
        self.save();
    }

    /// Changes the value if `f` succeeds, and saves; nothing changes otherwise.
    pub fn try_update<E>(&self, f: impl FnOnce(&mut T) -> Result<(), E>) -> Result<(), E> {
        let mut next = self.value.get_untracked();
        f(&mut next)?;
        self.value.set(next);
        self.save();
        Ok(())
    }

    /// Saves: as it is when storage holds what this tab last read or
    /// wrote, otherwise through the reader (see the type's notes). A failed
    /// save (storage full or switched off) leaves the value in memory,
    /// tells the user, and is tried again on the next change.
    fn save(&self) {
        if !self.writable.get_untracked() {
            return;
        }
        let unchanged = self
            .known
            .with_value(|known| *known != Known::Unknown && *known == Known::now(T::KEY));
        if !unchanged || super::reading::saves_waiting() {
            super::reading::save_through_reader(T::KEY, super::stores());
            return;
        }
        let text = self.value.with_untracked(storage::encode);
        match storage::Backend::set(&BrowserBackend, T::KEY, &text) {
            Ok(()) => {
                self.known.set_value(Known::Text(text));
                self.board.saved();
            }
            Err(e) => self.board.post(StorageNotice::new(&e, T::WHAT)),
        }
    }

    /// Saves, folding in what another tab stored meanwhile: the slow way,
    /// which decodes what is stored (the reader runs it, see the type's
    /// notes).
    pub fn save_merging(&self) {
        if !self.writable.get_untracked() {
            return;
        }
        let mut value = self.value.get_untracked();
        match storage::save_merged(&BrowserBackend, &mut value, platform::now_ms()) {
            Ok(problem) => {
                self.known.set_value(Known::now(T::KEY));
                if self.value.with_untracked(|v| *v != value) {
                    self.value.set(value);
                }
                self.board.saved();
                if let Some(problem) = problem {
                    self.board.post(StorageNotice::new(&problem, T::WHAT));
                }
            }
            Err(e) => self.board.post(StorageNotice::new(&e, T::WHAT)),
        }
    }

    /// Replaces the value and its stored copy as they are, without folding
    /// in what is stored (an import that replaces everything).
    pub fn replace(&self, value: T) {
        self.value.set(value);
        if !self.writable.get_untracked() {
            return;
        }
        match self
            .value
            .with_untracked(|v| storage::save(&BrowserBackend, v))
        {
            Ok(()) => {
                self.known.set_value(Known::now(T::KEY));
                self.board.saved();
            }
            Err(e) => self.board.post(StorageNotice::new(&e, T::WHAT)),
        }
    }

    /// Back to the default, with the stored copy removed ("delete my data").
    pub fn clear(&self) {
        let _ = storage::Backend::remove(&BrowserBackend, T::KEY);
        self.known.set_value(Known::now(T::KEY));
        self.value.set(T::default());
        self.writable.set(true);
    }

    /// Another tab changed this value: read it again. Nothing is saved, so
    /// the two tabs cannot echo each other.
    pub fn reload_from_other_tab(&self) {
        // A save of this tab's value waits for the reader: it folds in what
        // the other tab stored, and replacing the value here first would
        // lose this tab's change.
        if super::reading::save_waiting_for(T::KEY) {
            return;
        }
        let loaded = storage::load::<T>(&BrowserBackend, platform::now_ms());
        if loaded.problem.is_none() {
            self.known.set_value(Known::now(T::KEY));
        }
        if loaded.problem.is_none() && self.value.with_untracked(|v| *v != loaded.value) {
            self.value.set(loaded.value);
        }
    }
}

/// What every store does, whatever it holds: so the stores are listed once
/// ([`super::Stores`]) and loaded, reloaded and cleared in one loop.
pub trait AnyPersisted {
    /// Its storage key.
    fn key(&self) -> &'static str;
    /// See [`Persisted::load`].
    fn load(&self);
    /// See [`Persisted::reload_from_other_tab`].
    fn reload_from_other_tab(&self);
    /// See [`Persisted::clear`].
    fn clear(&self);
    /// See [`Persisted::save_merging`].
    fn save_merging(&self);
}

impl<T> AnyPersisted for Persisted<T>
where
    T: Stored + Described + Clone + PartialEq + Send + Sync + 'static,
{
    fn key(&self) -> &'static str {
        T::KEY
    }
    fn load(&self) {
        Persisted::load(self);
    }
    fn reload_from_other_tab(&self) {
        Persisted::reload_from_other_tab(self);
    }
    fn clear(&self) {
        Persisted::clear(self);
    }
    fn save_merging(&self) {
        Persisted::save_merging(self);
    }
}
