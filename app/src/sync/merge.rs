//! What a synced snapshot holds, and how two of them become one.
//!
//! Every device merges what the server has with what it has, in any order,
//! any number of times; so the merge is a join: the same result whichever
//! side is `a` ([`merge`] is commutative), however the merges are grouped
//! (associative), and merging a snapshot with itself changes nothing
//! (idempotent). Then any devices that have synced with each other's
//! changes hold the same data, and a logged set is never lost:
//! - sessions are joined by id, as the backup import and two tabs do; when
//!   both sides have one id, the version with more sets wins (sets are
//!   only ever added), then the one that is over, then the one with more
//!   symptoms noted, and last, to stay deterministic, the larger encoding;
//! - settings, field by field, and notes, exercise by exercise: the later
//!   change wins (ties: the larger value, again to stay deterministic);
//! - a deleted note is a change like any other (`None`), so it is not
//!   brought back by a device that still has it; a deleted session keeps a
//!   tombstone that wins over every copy of it.

use crate::session::{History, Phase, Session};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// A value and when it was last changed on the device that changed it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stamped<T> {
    /// The value.
    pub value: T,
    /// When it changed, in ms since the epoch.
    pub changed_ms: u64,
}

/// Everything one person syncs: plain data, before sealing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// Ended sessions, by start time then id (stored as the history is,
    /// in its compact form).
    pub history: History,
    /// Ids of sessions deleted, with when.
    pub deleted_sessions: BTreeMap<String, u64>,
    /// Settings, field by field (a field's JSON value).
    pub prefs: BTreeMap<String, Stamped<serde_json::Value>>,
    /// Notes by exercise id (`None`: deleted).
    pub notes: BTreeMap<String, Stamped<Option<String>>>,
}

/// One snapshot from two.
pub fn merge(a: &Snapshot, b: &Snapshot) -> Snapshot {
    let mut deleted = a.deleted_sessions.clone();
    for (id, at) in &b.deleted_sessions {
        let kept = deleted.entry(id.clone()).or_insert(*at);
        *kept = (*kept).max(*at);
    }
    let mut by_id: BTreeMap<&str, &Session> = BTreeMap::new();
    for session in a.history.sessions.iter().chain(&b.history.sessions) {
        if deleted.contains_key(&session.id) {
            continue;
        }
        by_id
            .entry(&session.id)
            .and_modify(|kept| {
                if wins(session, kept) {
                    *kept = session;
                }
            })
            .or_insert(session);
    }
    let mut sessions: Vec<Session> = by_id.into_values().cloned().collect();
    sessions.sort_by(|x, y| (x.started_ms, &x.id).cmp(&(y.started_ms, &y.id)));
    Snapshot {
        history: History { sessions },
        deleted_sessions: deleted,
        prefs: later_of(&a.prefs, &b.prefs, |v| v.to_string()),
        notes: later_of(&a.notes, &b.notes, |v| format!("{v:?}")),
    }
}

/// Whether `new` beats `kept`, two copies of one session (see the module's
/// notes). Both sides usually hold the same copy, so equal copies stop at
/// once, and the encodings are compared only when all else ties.
fn wins(new: &Session, kept: &Session) -> bool {
    if new == kept {
        return false;
    }
    let felt = |s: &Session| match &s.phase {
        Phase::StoppedForPain { felt } => felt.len(),
        _ => 0,
    };
    let cheap = |s: &Session| (s.sets.len(), s.phase.is_over(), felt(s));
    match cheap(new).cmp(&cheap(kept)) {
        std::cmp::Ordering::Equal => {
            let encoded = |s: &Session| serde_json::to_string(s).unwrap_or_default();
            encoded(new) > encoded(kept)
        }
        order => order == std::cmp::Ordering::Greater,
    }
}

/// Key by key, the later change; at the same instant, the value whose
/// `order` is larger.
fn later_of<T: Clone>(
    a: &BTreeMap<String, Stamped<T>>,
    b: &BTreeMap<String, Stamped<T>>,
    order: impl Fn(&T) -> String,
) -> BTreeMap<String, Stamped<T>> {
    let keys: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    keys.into_iter()
        .map(|key| {
            let pick = match (a.get(key), b.get(key)) {
                (Some(x), Some(y)) => {
                    if (y.changed_ms, order(&y.value)) > (x.changed_ms, order(&x.value)) {
                        y
                    } else {
                        x
                    }
                }
                (Some(x), None) | (None, Some(x)) => x,
                (None, None) => unreachable!("the key came from one of the maps"),
            };
            (key.clone(), pick.clone())
        })
        .collect()
}

/// Stamps what changed: each key whose value differs from `before` (or is
/// new, or gone: `removed`) gets `now_ms`. How a device keeps its stamps
/// as the person edits settings and notes.
pub fn stamp_changes<T: Clone + PartialEq>(
    stamps: &mut BTreeMap<String, Stamped<T>>,
    now: &BTreeMap<String, T>,
    removed: T,
    now_ms: u64,
) {
    for (key, value) in now {
        if stamps.get(key).is_none_or(|s| s.value != *value) {
            stamps.insert(
                key.clone(),
                Stamped {
                    value: value.clone(),
                    changed_ms: now_ms,
                },
            );
        }
    }
    for (key, stamp) in stamps.iter_mut() {
        if !now.contains_key(key) && stamp.value != removed {
            *stamp = Stamped {
                value: removed.clone(),
                changed_ms: now_ms,
            };
        }
    }
}
