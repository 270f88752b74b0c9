//! The user's own notes per exercise: seat position, pin setting, anything.
//! Plain text, never HTML; at most [`MAX_NOTE_CHARS`] characters each.

use crate::storage::Stored;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use thiserror::Error;

/// The longest note accepted, in characters.
pub const MAX_NOTE_CHARS: usize = 2000;

/// Why a note was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum NoteError {
    /// Longer than [`MAX_NOTE_CHARS`].
    #[error("That note has {len} characters; the most a note can hold is {MAX_NOTE_CHARS}.")]
    TooLong {
        /// Its length in characters.
        len: usize,
    },
}

/// Notes by exercise id.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notes {
    /// Exercise id to note text.
    pub by_exercise: BTreeMap<String, String>,
}

impl Stored for Notes {
    const KEY: &'static str = "backstrong:notes";
    const VERSION: u32 = 1;
}

impl Notes {
    /// The note for an exercise, or "".
    pub fn get(&self, exercise_id: &str) -> &str {
        self.by_exercise.get(exercise_id).map_or("", String::as_str)
    }

    /// Sets (or, when blank, removes) the note for an exercise.
    pub fn set(&mut self, exercise_id: &str, text: &str) -> Result<(), NoteError> {
        let len = text.chars().count();
        if len > MAX_NOTE_CHARS {
            return Err(NoteError::TooLong { len });
        }
        if text.trim().is_empty() {
            self.by_exercise.remove(exercise_id);
        } else {
            self.by_exercise
                .insert(exercise_id.to_owned(), text.to_owned());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_are_kept_per_exercise() {
        let mut notes = Notes::default();
        notes.set("leg-press", "Seat on 5, <b>not</b> 6").unwrap();
        assert_eq!(notes.get("leg-press"), "Seat on 5, <b>not</b> 6");
        assert_eq!(notes.get("leg-curl"), "");
        notes.set("leg-press", "   ").unwrap();
        assert!(notes.by_exercise.is_empty(), "a blank note is removed");
    }

    #[test]
    fn a_note_over_2000_characters_is_refused_and_nothing_changes() {
        let mut notes = Notes::default();
        notes.set("core", "keep").unwrap();
        assert!(
            notes.set("core", &"é".repeat(2000)).is_ok(),
            "characters, not bytes"
        );
        let err = notes.set("core", &"x".repeat(2001)).unwrap_err();
        assert_eq!(err, NoteError::TooLong { len: 2001 });
        assert!(err.to_string().contains("2000"));
        assert_eq!(notes.get("core"), "é".repeat(2000));
    }
}
