//! Reading the stored data, as a part of the wasm of its own.
//!
//! Decoding what is stored (serde, the migrations, the session types) is the
//! largest part of the app's code. Most of it belongs to the lazy islands
//! that change data (the session, Settings, Progress); the pages without
//! them need it only to show what is stored: the resume offer, the starting
//! load, the gym notes. A first visit has nothing stored, so that code is
//! left out of the main module and fetched only when there is something to
//! read (the page's script preloads it then, see `paint_first`).

use super::Stores;
use crate::{
    notes::Notes,
    prefs::Prefs,
    screening::ScreeningLog,
    session::{ActiveSession, History},
    storage::{Backend, SaveQueue, Stored, browser::BrowserBackend},
};

/// What to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    /// Everything, once per page, after every island has hydrated.
    All,
    /// What another tab changed (`None`: it cleared everything).
    Changed(Option<String>),
    /// The saves waiting for the reader (see [`save_through_reader`]).
    Saves,
}

thread_local! {
    /// Stores whose save waits for the reader.
    static WAITING: std::cell::RefCell<SaveQueue> = const { std::cell::RefCell::new(SaveQueue::new()) };
}

/// True while a save waits for the reader: every later save waits behind
/// it, so they reach storage in the order they were made (see
/// [`SaveQueue`]).
pub fn saves_waiting() -> bool {
    WAITING.with(|w| !w.borrow().is_empty())
}

/// True while the store under `key` has a save waiting for the reader.
pub fn save_waiting_for(key: &str) -> bool {
    WAITING.with(|w| w.borrow().contains(key))
}

/// Saves the store under `key` by folding in what is stored now, which
/// needs the decoders: they are the reader's, so this runs there, after the
/// saves already waiting.
pub fn save_through_reader(key: &'static str, stores: Stores) {
    if WAITING.with(|w| w.borrow_mut().push(key)) {
        leptos::task::spawn_local(read(stores, Reading::Saves));
    }
}

/// Runs the waiting saves, in order, until none is left (saves made while
/// these run join the queue and run here too).
fn run_waiting_saves(stores: Stores) {
    while let Some(key) = WAITING.with(|w| w.borrow_mut().pop()) {
        stores.save_merging(key);
    }
}

/// The storage keys of every store: checked for presence without decoding.
const KEYS: [&str; 5] = [
    Prefs::KEY,
    Notes::KEY,
    ScreeningLog::KEY,
    History::KEY,
    ActiveSession::KEY,
];

/// True when storage answers and holds none of the app's values: a first
/// visit, or after "delete my data". Storage that does not answer is not
/// empty here, so the full read runs and tells the user.
fn nothing_stored() -> bool {
    KEYS.iter()
        .all(|key| matches!(BrowserBackend.get(key), Ok(None)))
}

/// Reads the stored data into the stores: at once when nothing is stored,
/// otherwise through the lazily loaded reader.
pub async fn read(stores: Stores, what: Reading) {
    if what == Reading::All && nothing_stored() {
        stores.start_empty();
        return;
    }
    #[cfg(feature = "split")]
    read_stored(stores, what).await;
    #[cfg(not(feature = "split"))]
    read_stored(stores, what);
}

/// The reader. Lazy in the release build, which splits the wasm (feature
/// `split`): its split's name starts with `read_stored_`, which the server
/// looks for (`server/src/preload.rs`).
#[cfg_attr(feature = "split", leptos::prelude::lazy)]
fn read_stored(stores: Stores, what: Reading) {
    match what {
        Reading::All => stores.load(),
        Reading::Changed(key) => stores.reload_changed(key.as_deref()),
        Reading::Saves => run_waiting_saves(stores),
    }
}
