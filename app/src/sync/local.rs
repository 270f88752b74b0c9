//! Between this device's stored data and a snapshot.
//!
//! A snapshot carries, for each setting and note, when it last changed, so
//! two devices can keep the later change ([`super::merge`]). The stored
//! settings and notes do not hold those times; [`Stamps`] keeps them beside
//! the data: each time the data is looked at ([`Stamps::observe`]), what
//! differs from the last look gets the current time.

use super::{Snapshot, Stamped, stamp_changes};
use crate::{notes::Notes, prefs::Prefs, session::History};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Settings that stay on each device: the colour scheme (a phone in the
/// gym and a laptop at home may well want different ones). Our choice.
const DEVICE_ONLY: [&str; 1] = ["theme"];

/// When each synced setting and note last changed on this device.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Stamps {
    /// Settings, field by field.
    pub prefs: BTreeMap<String, Stamped<Value>>,
    /// Notes by exercise id (`None`: deleted).
    pub notes: BTreeMap<String, Stamped<Option<String>>>,
    /// Sessions deleted on this device (none can be yet), with when.
    pub deleted_sessions: BTreeMap<String, u64>,
}

/// The synced fields of `prefs`, by name.
fn fields(prefs: &Prefs) -> BTreeMap<String, Value> {
    match serde_json::to_value(prefs) {
        Ok(Value::Object(map)) => map
            .into_iter()
            .filter(|(k, _)| !DEVICE_ONLY.contains(&k.as_str()))
            .collect(),
        // Prefs is a struct: always an object.
        _ => BTreeMap::new(),
    }
}

impl Stamps {
    /// Stamps with `now_ms` every setting and note that differs from the
    /// last look (all of them, the first time).
    pub fn observe(&mut self, prefs: &Prefs, notes: &Notes, now_ms: u64) {
        stamp_changes(&mut self.prefs, &fields(prefs), Value::Null, now_ms);
        let present: BTreeMap<String, Option<String>> = notes
            .by_exercise
            .iter()
            .map(|(k, v)| (k.clone(), Some(v.clone())))
            .collect();
        stamp_changes(&mut self.notes, &present, None, now_ms);
    }

    /// This device's data as a snapshot (call [`Stamps::observe`] first).
    pub fn snapshot(&self, history: &History) -> Snapshot {
        Snapshot {
            history: history.clone(),
            deleted_sessions: self.deleted_sessions.clone(),
            prefs: self.prefs.clone(),
            notes: self.notes.clone(),
        }
    }

    /// Takes the times of a merged snapshot, so the next look does not
    /// stamp what came from another device as changed here.
    pub fn adopt(&mut self, merged: &Snapshot) {
        self.prefs = merged.prefs.clone();
        self.notes = merged.notes.clone();
        self.deleted_sessions = merged.deleted_sessions.clone();
    }
}

/// What a merged snapshot means for this device: its history, and its
/// settings and notes. A setting this version of the app cannot read (from
/// a newer version on another device) keeps this device's value, and the
/// device-only ones are kept as they are.
pub fn apply(merged: &Snapshot, local: &Prefs) -> (History, Prefs, Notes) {
    let mut prefs = local.clone();
    for (field, stamped) in &merged.prefs {
        let Ok(Value::Object(mut map)) = serde_json::to_value(&prefs) else {
            break;
        };
        if !map.contains_key(field) || DEVICE_ONLY.contains(&field.as_str()) {
            continue; // a field this version does not have
        }
        map.insert(field.clone(), stamped.value.clone());
        if let Ok(next) = serde_json::from_value::<Prefs>(Value::Object(Map::from_iter(map))) {
            prefs = next;
        }
    }
    let notes = Notes {
        by_exercise: merged
            .notes
            .iter()
            .filter_map(|(k, s)| s.value.clone().map(|v| (k.clone(), v)))
            .collect(),
    };
    (merged.history.clone(), prefs, notes)
}
