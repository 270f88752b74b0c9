//! The one door to the browser's localStorage.
//!
//! Every stored kind is wrapped in a versioned envelope, `{"v":N,"data":…}`,
//! and declares its key, its current version and how to migrate older
//! versions forward. Loading never loses data: a value that cannot be read is
//! moved aside to a backup key before anything new is written, and a value
//! written by a newer app is left alone.
//!
//! The logic here is plain Rust over the [`Backend`] trait, so it is tested
//! natively against [`MemoryBackend`]; [`browser`] is the thin localStorage
//! implementation used in the browser.

pub mod browser;
mod memory;
mod save_queue;

pub use memory::MemoryBackend;
pub use save_queue::SaveQueue;

use serde::{Deserialize, Serialize, de::DeserializeOwned};
use serde_json::{Value, value::RawValue};
use std::borrow::Cow;
use thiserror::Error;

/// Prefix shared by every key the app writes, so "delete my data" and
/// backups can find them and nothing else.
pub const KEY_PREFIX: &str = "backstrong:";

/// What can go wrong between the app and its storage.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum StorageError {
    /// No storage at all: private mode, disabled by the user, or the server.
    #[error("this browser is not letting the app save anything")]
    Unavailable,
    /// The browser refused to store more.
    #[error("the browser's storage is full")]
    QuotaExceeded,
    /// A stored value could not be read; it was kept at `backup_key`.
    #[error("saved data could not be read ({reason}); it was kept aside")]
    Corrupt {
        /// Why the value could not be read.
        reason: String,
        /// Where the unreadable value now lives, if moving it worked.
        backup_key: Option<String>,
    },
    /// A newer version of the app wrote this value; it is left untouched.
    #[error(
        "saved data comes from a newer version of the app (format {found}, this app reads up to {supported})"
    )]
    TooNew {
        /// The version found in storage.
        found: u32,
        /// The newest version this build understands.
        supported: u32,
    },
    /// A migration step failed.
    #[error("saved data from format {from} could not be updated: {reason}")]
    Migration {
        /// The version the failing step started from.
        from: u32,
        /// Why it failed.
        reason: String,
    },
}

/// A key-value store of strings: localStorage in the browser, a map in tests.
pub trait Backend {
    /// The raw value under `key`, if any.
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    /// Stores `value` under `key`.
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    /// Removes `key`.
    fn remove(&self, key: &str) -> Result<(), StorageError>;
}

/// A kind of value the app keeps in storage.
pub trait Stored: Serialize + DeserializeOwned + Default {
    /// The storage key, starting with [`KEY_PREFIX`].
    const KEY: &'static str;
    /// The version this build writes.
    const VERSION: u32;

    /// Turns the data of version `from` into the data of version `from + 1`.
    /// The default has no older versions to migrate.
    fn migrate_step(from: u32, data: Value) -> Result<Value, String> {
        let _ = data;
        Err(format!("no migration from format {from}"))
    }

    /// Before a save, what is stored now (perhaps written by another tab
    /// since this one loaded) may be folded into the value being saved. The
    /// default keeps this value as it is: last write wins.
    fn merge_stored(&mut self, stored: Self) {
        let _ = stored;
    }
}

/// The result of a load: always a usable value, plus what the user should be
/// told, if anything.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded<T> {
    /// The stored value, or the default when nothing usable was stored.
    pub value: T,
    /// Set when the stored value could not be used as it was.
    pub problem: Option<StorageError>,
    /// False when saving must not happen, because it would overwrite data
    /// this build cannot read (a newer format).
    pub writable: bool,
}

/// Just the version, read first so a newer or older format is recognised
/// before its data is interpreted.
#[derive(Deserialize)]
struct EnvelopeVersion {
    v: Option<u32>,
}

/// The envelope as read, its data left as the stored text.
#[derive(Deserialize)]
struct EnvelopeRaw<'a> {
    #[serde(borrow)]
    data: &'a RawValue,
}

/// The envelope as read, its data a JSON value to migrate.
#[derive(Deserialize)]
struct EnvelopeValue {
    data: Value,
}

/// Encodes `value` in its envelope.
pub fn encode<T: Stored>(value: &T) -> String {
    // Serialising our own plain data types (no maps with non-string keys)
    // cannot fail.
    serde_json::to_string(value)
        .map(|data| envelope(T::VERSION, &data))
        .unwrap_or_default()
}

/// `{"v":N,"data":…}`, written as serde_json writes the struct, by hand so
/// that the wrapping is not compiled again for every stored type.
fn envelope(version: u32, data: &str) -> String {
    format!("{{\"v\":{version},\"data\":{data}}}")
}

/// Decodes an envelope, migrating older versions forward.
pub fn decode<T: Stored>(raw: &str) -> Result<T, StorageError> {
    let data = envelope_data(raw, T::VERSION, T::migrate_step)?;
    serde_json::from_str::<T>(&data).map_err(|e| corrupt(e.to_string()))
}

fn corrupt(reason: String) -> StorageError {
    StorageError::Corrupt {
        reason,
        backup_key: None,
    }
}

/// The text of an envelope's data in the format `current`, migrated forward
/// when it is older. Not generic on purpose: every stored type shares this
/// code in the wasm, and only the last step, reading the text into the type,
/// is compiled once per type.
fn envelope_data(
    raw: &str,
    current: u32,
    migrate_step: fn(u32, Value) -> Result<Value, String>,
) -> Result<Cow<'_, str>, StorageError> {
    let version = serde_json::from_str::<EnvelopeVersion>(raw)
        .map_err(|e| corrupt(e.to_string()))?
        .v
        .ok_or_else(|| corrupt("no format version".into()))?;
    if version > current {
        return Err(StorageError::TooNew {
            found: version,
            supported: current,
        });
    }
    if version == 0 {
        return Err(corrupt("bad format version".into()));
    }
    if version == current {
        // The common case: the data as it is stored.
        return serde_json::from_str::<EnvelopeRaw>(raw)
            .map(|e| Cow::Borrowed(e.data.get()))
            .map_err(|e| corrupt(e.to_string()));
    }
    let mut data = serde_json::from_str::<EnvelopeValue>(raw)
        .map_err(|e| corrupt(e.to_string()))?
        .data;
    for from in version..current {
        data =
            migrate_step(from, data).map_err(|reason| StorageError::Migration { from, reason })?;
    }
    // Back through text rather than `from_value`: the text reader for each
    // type is in the wasm already (the common case), while `from_value`
    // would add a second reader of every stored type to the bundle every
    // page loads, for data that is migrated once.
    serde_json::to_string(&data)
        .map(Cow::Owned)
        .map_err(|e| corrupt(e.to_string()))
}

/// Loads a value. A value that cannot be read is moved to
/// `<key>:corrupt:<now_ms>` so that the next save cannot destroy it.
pub fn load<T: Stored>(backend: &dyn Backend, now_ms: u64) -> Loaded<T> {
    let raw = match backend.get(T::KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => {
            return Loaded {
                value: T::default(),
                problem: None,
                writable: true,
            };
        }
        Err(e) => {
            return Loaded {
                value: T::default(),
                problem: Some(e),
                writable: true,
            };
        }
    };
    match decode::<T>(&raw) {
        Ok(value) => Loaded {
            value,
            problem: None,
            writable: true,
        },
        Err(e @ StorageError::TooNew { .. }) => Loaded {
            value: T::default(),
            problem: Some(e),
            writable: false,
        },
        Err(StorageError::Corrupt { reason, .. } | StorageError::Migration { reason, .. }) => {
            let backup = format!("{}:corrupt:{now_ms}", T::KEY);
            // Only free the key once the copy is safely stored elsewhere.
            let moved = backend.set(&backup, &raw).is_ok() && backend.remove(T::KEY).is_ok();
            Loaded {
                value: T::default(),
                problem: Some(StorageError::Corrupt {
                    reason,
                    backup_key: moved.then_some(backup),
                }),
                writable: moved,
            }
        }
        Err(other) => Loaded {
            value: T::default(),
            problem: Some(other),
            writable: false,
        },
    }
}

/// Saves a value in its envelope.
pub fn save<T: Stored>(backend: &dyn Backend, value: &T) -> Result<(), StorageError> {
    backend.set(T::KEY, &encode(value))
}

/// Saves `value` after folding in what is stored now ([`Stored::merge_stored`]),
/// so two tabs never overwrite each other's records. A stored value that
/// cannot be read is moved aside first (as [`load`] does), and one from a
/// newer app is never overwritten. Returns what the user should be told
/// about the stored value, if anything.
pub fn save_merged<T: Stored>(
    backend: &dyn Backend,
    value: &mut T,
    now_ms: u64,
) -> Result<Option<StorageError>, StorageError> {
    let stored = load::<T>(backend, now_ms);
    if !stored.writable {
        return Err(stored.problem.unwrap_or(StorageError::Unavailable));
    }
    // Storage that cannot be read at all is reported by the write below.
    let problem = stored
        .problem
        .filter(|p| !matches!(p, StorageError::Unavailable));
    value.merge_stored(stored.value);
    save(backend, value)?;
    Ok(problem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
    struct Counter {
        count: u32,
        label: String,
    }

    impl Stored for Counter {
        const KEY: &'static str = "backstrong:test-counter";
        const VERSION: u32 = 2;

        // Version 1 stored a bare number under "n".
        fn migrate_step(from: u32, data: Value) -> Result<Value, String> {
            match from {
                1 => {
                    let n = data.get("n").and_then(Value::as_u64).ok_or("missing n")?;
                    Ok(serde_json::json!({ "count": n, "label": "" }))
                }
                _ => Err(format!("unknown format {from}")),
            }
        }
    }

    #[test]
    fn the_envelope_is_written_as_serde_writes_it() {
        #[derive(Serialize)]
        struct EnvelopeOut<'a, T> {
            v: u32,
            data: &'a T,
        }
        let value = Counter {
            count: 7,
            label: "seat \"4\"".into(),
        };
        let by_serde = serde_json::to_string(&EnvelopeOut {
            v: Counter::VERSION,
            data: &value,
        })
        .unwrap();
        assert_eq!(encode(&value), by_serde);
    }

    #[test]
    fn round_trips_through_the_envelope() {
        let store = MemoryBackend::default();
        let value = Counter {
            count: 7,
            label: "seat 4".into(),
        };
        save(&store, &value).unwrap();
        let raw = store.get(Counter::KEY).unwrap().unwrap();
        assert!(raw.contains(r#""v":2"#), "{raw}");
        let loaded = load::<Counter>(&store, 0);
        assert_eq!(loaded.value, value);
        assert_eq!(loaded.problem, None);
        assert!(loaded.writable);
    }

    #[test]
    fn nothing_stored_gives_the_default_without_a_problem() {
        let loaded = load::<Counter>(&MemoryBackend::default(), 0);
        assert_eq!(loaded.value, Counter::default());
        assert_eq!(loaded.problem, None);
    }

    #[test]
    fn migrates_an_older_version() {
        let store = MemoryBackend::default();
        store
            .set(Counter::KEY, r#"{"v":1,"data":{"n":12}}"#)
            .unwrap();
        let loaded = load::<Counter>(&store, 0);
        assert_eq!(loaded.value.count, 12);
        assert_eq!(loaded.problem, None);
    }

    #[test]
    fn corrupt_value_is_moved_aside_not_overwritten() {
        let store = MemoryBackend::default();
        store
            .set(Counter::KEY, r#"{"v":2,"data":{"count":"#)
            .unwrap();
        let loaded = load::<Counter>(&store, 1_700_000_000_000);
        let backup = "backstrong:test-counter:corrupt:1700000000000";
        assert_eq!(
            loaded.problem,
            Some(StorageError::Corrupt {
                reason: loaded_reason(&loaded),
                backup_key: Some(backup.into()),
            })
        );
        assert_eq!(
            store.get(backup).unwrap().as_deref(),
            Some(r#"{"v":2,"data":{"count":"#)
        );
        assert_eq!(store.get(Counter::KEY).unwrap(), None);
        assert!(loaded.writable);
    }

    #[test]
    fn wrong_shape_and_missing_version_are_corrupt() {
        for raw in [
            r#"{"v":2,"data":{"count":"many"}}"#,
            r#"{"data":{}}"#,
            "[]",
            r#"{"v":0,"data":{}}"#,
        ] {
            let err = decode::<Counter>(raw).unwrap_err();
            assert!(
                matches!(err, StorageError::Corrupt { .. }),
                "{raw}: {err:?}"
            );
        }
    }

    #[test]
    fn newer_version_is_left_untouched_and_not_writable() {
        let store = MemoryBackend::default();
        let raw = r#"{"v":9,"data":{"whatever":true}}"#;
        store.set(Counter::KEY, raw).unwrap();
        let loaded = load::<Counter>(&store, 0);
        assert_eq!(
            loaded.problem,
            Some(StorageError::TooNew {
                found: 9,
                supported: 2
            })
        );
        assert!(!loaded.writable);
        assert_eq!(store.get(Counter::KEY).unwrap().as_deref(), Some(raw));
    }

    #[test]
    fn failed_migration_keeps_the_original() {
        let store = MemoryBackend::default();
        let raw = r#"{"v":1,"data":{"m":3}}"#;
        store.set(Counter::KEY, raw).unwrap();
        let loaded = load::<Counter>(&store, 5);
        assert!(matches!(loaded.problem, Some(StorageError::Corrupt { .. })));
        assert_eq!(
            store
                .get("backstrong:test-counter:corrupt:5")
                .unwrap()
                .as_deref(),
            Some(raw)
        );
    }

    #[test]
    fn unavailable_storage_still_gives_a_value() {
        let store = MemoryBackend::unavailable();
        let loaded = load::<Counter>(&store, 0);
        assert_eq!(loaded.value, Counter::default());
        assert_eq!(loaded.problem, Some(StorageError::Unavailable));
        assert_eq!(
            save(&store, &Counter::default()),
            Err(StorageError::Unavailable)
        );
    }

    fn loaded_reason(loaded: &Loaded<Counter>) -> String {
        match &loaded.problem {
            Some(StorageError::Corrupt { reason, .. }) => reason.clone(),
            other => panic!("expected corrupt, got {other:?}"),
        }
    }
}
