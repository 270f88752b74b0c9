//! App-wide reactive state, provided as contexts. Each stored kind is a
//! [`Persisted`] value: loaded once after hydration (the server cannot see
//! localStorage) and saved on every change, never before its load, so a
//! default can never be written over real data.

mod notice;
mod persisted;

pub use notice::{NoticeBoard, StorageNotice};
pub use persisted::Persisted;

use crate::{notes::Notes, prefs::Prefs, screening::ScreeningLog};

/// Creates and provides every app-wide store; returns a function that loads
/// them all, to be called once from an effect after hydration.
pub fn provide_stores() -> impl Fn() + Copy {
    let board = NoticeBoard::provide();
    let prefs = Persisted::<Prefs>::provide(board);
    let notes = Persisted::<Notes>::provide(board);
    let screening = Persisted::<ScreeningLog>::provide(board);
    move || {
        prefs.load();
        notes.load();
        screening.load();
    }
}
