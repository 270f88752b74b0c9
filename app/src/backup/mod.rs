//! Backups: everything the app keeps, in one JSON file the user can save
//! and bring back, and every logged set as CSV for a spreadsheet or a
//! clinician. A backup holds each kind in its stored, versioned form, so an
//! older backup goes through the same migrations as older stored data.
//!
//! An import is read and checked completely before anything changes: the
//! caller gets a [`Backup`] to preview, then chooses [`merge`] or
//! [`Backup`] as the replacement.

use crate::{
    notes::Notes,
    prefs::Prefs,
    progress::iso_date,
    screening::{ScreeningLog, local_day},
    session::{Effort, History, Phase},
    storage::{self, StorageError, Stored},
    units::{self, Unit},
};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use thiserror::Error;

/// The format of the backup file itself (each kind inside has its own).
pub const BACKUP_FORMAT: u32 = 1;
/// What marks a file as ours.
pub const APP_MARK: &str = "BackStrong";
/// Files larger than this are refused before they are read.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;

/// Why a file cannot be imported. Nothing has changed when one is returned.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ImportError {
    /// Over [`MAX_IMPORT_BYTES`].
    #[error("This file is {}; a BackStrong backup is never over 5 MB. Nothing was changed.", megabytes(*.0))]
    TooLarge(usize),
    /// Not JSON at all (or cut short). The parser's own words stay in the
    /// value for the developers; people read plain ones.
    #[error(
        "This file could not be read as a BackStrong backup: it may be cut short, or not a backup at all. Nothing was changed."
    )]
    BrokenJson(String),
    /// JSON, but not ours.
    #[error(
        "This file is not a BackStrong backup. Choose a file saved with \"Save a backup\". Nothing was changed."
    )]
    NotABackup,
    /// Made by a newer version of the app.
    #[error(
        "This backup was made by a newer version of BackStrong. Update the app (reload the page when online), then import it. Nothing was changed."
    )]
    FromNewerApp(String),
    /// One part is damaged.
    #[error(
        "The {what} in this backup are damaged and could not be read, so nothing was imported. Nothing was changed."
    )]
    Damaged {
        /// Which part.
        what: &'static str,
        /// Why.
        reason: String,
    },
}

/// "7.3 MB", "0.2 MB": sizes as people read them.
pub fn megabytes(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
}

/// The file as written.
#[derive(Serialize)]
struct FileOut<'a> {
    app: &'static str,
    backup: u32,
    exported_ms: u64,
    prefs: &'a RawValue,
    notes: &'a RawValue,
    screening: &'a RawValue,
    history: &'a RawValue,
}

/// The file as read: every part optional, so a partial backup still says
/// what it holds.
#[derive(Deserialize)]
struct FileIn {
    app: Option<String>,
    backup: Option<u32>,
    exported_ms: Option<u64>,
    prefs: Option<Box<RawValue>>,
    notes: Option<Box<RawValue>>,
    screening: Option<Box<RawValue>>,
    history: Option<Box<RawValue>>,
}

/// Everything a backup holds, checked and migrated to this app's formats.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Backup {
    /// When it was made.
    pub exported_ms: u64,
    /// Settings, if the file had them.
    pub prefs: Option<Prefs>,
    /// Notes, if the file had them.
    pub notes: Option<Notes>,
    /// Safety check answers, if the file had them.
    pub screening: Option<ScreeningLog>,
    /// Ended sessions.
    pub history: History,
}

/// Everything the app keeps, as the backup file's text.
pub fn export_json(
    prefs: &Prefs,
    notes: &Notes,
    screening: &ScreeningLog,
    history: &History,
    now_ms: u64,
) -> String {
    let raw = |text: String| RawValue::from_string(text).ok();
    let (Some(p), Some(n), Some(s), Some(h)) = (
        raw(storage::encode(prefs)),
        raw(storage::encode(notes)),
        raw(storage::encode(screening)),
        raw(storage::encode(history)),
    ) else {
        // Our own encoder always writes valid JSON.
        return String::new();
    };
    serde_json::to_string(&FileOut {
        app: APP_MARK,
        backup: BACKUP_FORMAT,
        exported_ms: now_ms,
        prefs: &p,
        notes: &n,
        screening: &s,
        history: &h,
    })
    .unwrap_or_default()
}

/// Reads a backup file, checking all of it. Never panics, whatever the
/// bytes.
pub fn import_json(bytes: &[u8]) -> Result<Backup, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge(bytes.len()));
    }
    let file: FileIn = serde_json::from_slice(bytes).map_err(|e| {
        if e.is_syntax() || e.is_eof() || e.is_io() {
            ImportError::BrokenJson(e.to_string())
        } else {
            ImportError::NotABackup
        }
    })?;
    if file.app.as_deref() != Some(APP_MARK) {
        return Err(ImportError::NotABackup);
    }
    match file.backup {
        Some(BACKUP_FORMAT) => {}
        Some(n) if n > BACKUP_FORMAT => {
            return Err(ImportError::FromNewerApp(format!("backup format {n}")));
        }
        _ => return Err(ImportError::NotABackup),
    }
    Ok(Backup {
        exported_ms: file.exported_ms.unwrap_or(0),
        prefs: part::<Prefs>(file.prefs, "settings")?,
        notes: part::<Notes>(file.notes, "notes")?,
        screening: part::<ScreeningLog>(file.screening, "safety check answers")?,
        history: part::<History>(file.history, "session history")?.unwrap_or_default(),
    })
}

fn part<T: Stored>(
    raw: Option<Box<RawValue>>,
    what: &'static str,
) -> Result<Option<T>, ImportError> {
    let Some(raw) = raw else {
        return Ok(None);
    };
    match storage::decode::<T>(raw.get()) {
        Ok(value) => Ok(Some(value)),
        Err(StorageError::TooNew { found, .. }) => {
            Err(ImportError::FromNewerApp(format!("{what} format {found}")))
        }
        Err(e) => Err(ImportError::Damaged {
            what,
            reason: e.to_string(),
        }),
    }
}

/// What a backup holds, for the preview before importing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Sessions.
    pub sessions: usize,
    /// Sets done (not skipped, not stopped for pain).
    pub sets: usize,
    /// First and last session, as local day numbers.
    pub span: Option<(i64, i64)>,
    /// Exercises with a note.
    pub notes: usize,
    /// Whether settings are included.
    pub has_settings: bool,
    /// Sessions not already in this app (by id).
    pub new_sessions: usize,
}

impl Backup {
    /// What it holds, and how much of it is new compared with `current`.
    pub fn summary(&self, current: &History, utc_offset_min: i32) -> Summary {
        let days = self
            .history
            .sessions
            .iter()
            .map(|s| local_day(s.started_ms, utc_offset_min));
        Summary {
            sessions: self.history.sessions.len(),
            sets: self
                .history
                .sessions
                .iter()
                .map(|s| s.sets.iter().filter(|x| x.done()).count())
                .sum(),
            span: days.clone().min().zip(days.max()),
            notes: self.notes.as_ref().map_or(0, |n| n.by_exercise.len()),
            has_settings: self.prefs.is_some(),
            new_sessions: self
                .history
                .sessions
                .iter()
                .filter(|s| !current.sessions.iter().any(|c| c.id == s.id))
                .count(),
        }
    }
}

/// Merges a backup into what the app holds: sessions joined by id (nothing
/// here is lost or duplicated), notes added where this app has none for that
/// exercise; settings and safety checks stay as they are. Returns the number
/// of sessions added.
pub fn merge(backup: Backup, history: &mut History, notes: &mut Notes) -> usize {
    if let Some(imported) = backup.notes {
        for (id, text) in imported.by_exercise {
            notes.by_exercise.entry(id).or_insert(text);
        }
    }
    history.merge(backup.history)
}

/// Every logged set as CSV: one row per set, in the user's unit, dates in
/// their time zone. Opens in any spreadsheet.
pub fn export_csv(history: &History, unit: Unit, utc_offset_min: i32) -> String {
    let mut out = String::from(
        "date,time,exercise,set,reps,load,unit,effort,pain,status,session,session_outcome\n",
    );
    for session in &history.sessions {
        let outcome = match session.phase {
            Phase::StoppedForPain { .. } => "stopped for pain",
            Phase::Incomplete => "incomplete",
            _ => "finished",
        };
        for set in &session.sets {
            let item = &session.plan.items[set.item];
            let name = crate::program::name_of(&item.exercise_id);
            let local_ms = set.at_ms as i64 + i64::from(utc_offset_min) * 60_000;
            let minute = local_ms.rem_euclid(86_400_000) / 60_000;
            let load = set
                .load_kg
                .map(|kg| units::kg(unit.from_kg(kg) as f32))
                .unwrap_or_default();
            let effort = match set.effort {
                Some(Effort::Easy) => "easy",
                Some(Effort::Right) => "about right",
                Some(Effort::Hard) => "hard",
                None => "",
            };
            out.push_str(&format!(
                "{},{:02}:{:02},{},{},{},{},{},{},{},{},{},{}\n",
                iso_date(local_day(set.at_ms, utc_offset_min)),
                minute / 60,
                minute % 60,
                csv_field(name),
                set.set,
                set.reps,
                load,
                if set.load_kg.is_some() {
                    unit.symbol()
                } else {
                    ""
                },
                effort,
                set.pain.map(|p| p.to_string()).unwrap_or_default(),
                set_status(set),
                csv_field(&session.id),
                outcome,
            ));
        }
    }
    out
}

/// What became of a set, in words (the CSV's status column).
pub fn set_status(set: &crate::session::SetLog) -> &'static str {
    if set.skipped {
        "skipped"
    } else if set.stopped_for_pain {
        "stopped for pain"
    } else if set.hurt {
        "done, brought on pain"
    } else {
        "done"
    }
}

/// A CSV field, quoted when it holds a comma, quote or line break, and
/// defused when a spreadsheet would read it as a formula.
fn csv_field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// `backstrong-2026-11-25.json` (or `.csv`), dated in local time.
pub fn file_name(now_ms: u64, utc_offset_min: i32, extension: &str) -> String {
    format!(
        "backstrong-{}.{extension}",
        iso_date(local_day(now_ms, utc_offset_min))
    )
}

// Native only: proptest does not build for wasm32.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
