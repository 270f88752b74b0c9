//! Sync in the browser: when rounds run, and the requests and the
//! encryption (WebCrypto, `platform::subtle`) around
//! [`crate::sync::decide`].
//!
//! What every page carries is a check for a stored sync key ([`begin`]).
//! Everything else (the triggers, the calls to WebCrypto, the merge, the QR
//! code, the requests) is a lazy part of the wasm (`perform`): people who never
//! turn sync on never download it.

use super::Stores;
use crate::{
    storage::{Backend, Stored, browser::BrowserBackend},
    sync::{SyncState, SyncStatus},
};
use leptos::prelude::*;
use std::{future::Future, pin::Pin};

/// What the sync code is asked to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Task {
    /// Start on this page: a round now, and again whenever the page comes
    /// back into view (another device may have synced), the network
    /// returns (changes made offline go out), or data changed here.
    Start,
    /// Read the synced copy, merge, write back what it lacks.
    Round,
    /// Fill in the status for the screens (pairing link, last sync).
    Show,
    /// Turn sync on: with a new key (`None`), or joining another device
    /// with its pairing link or recovery code.
    TurnOn(Option<String>),
    /// Turn sync off here; the data on this device stays.
    TurnOff,
    /// Delete the synced copy from the server, and turn sync off here.
    DeleteCopy,
}

/// True when sync is on here: a key is stored (turning off removes it).
/// Cheap: nothing is decoded.
pub fn is_on() -> bool {
    matches!(BrowserBackend.get(SyncState::KEY), Ok(Some(_)))
}

/// Where sync stands, for the screens: one per page in the browser; on the
/// server a default for each render (it never changes there). Reference
/// counted rather than owned by a reactive owner: the first screen to ask
/// may be a view branch that is soon replaced, which would dispose it.
pub fn status() -> ArcRwSignal<SyncStatus> {
    #[cfg(not(feature = "ssr"))]
    {
        thread_local! {
            static STATUS: ArcRwSignal<SyncStatus> = ArcRwSignal::new(SyncStatus::default());
        }
        STATUS.with(Clone::clone)
    }
    #[cfg(feature = "ssr")]
    ArcRwSignal::new(SyncStatus::default())
}

/// Called once per page after the stored data is read: when sync is on,
/// loads the sync code and starts it (see [`Task::Start`]). With sync off
/// this is all the code a page carries for it.
pub fn begin(stores: Stores) {
    if is_on() {
        request(stores, Task::Start);
    }
}

/// Hands `task` to the sync code, loading it the first time. Tasks run one
/// at a time, in order (two rounds at once would race each other's
/// writes). If the code cannot load, sync says so (on the settings page)
/// and this page carries on without it.
pub fn request(stores: Stores, task: Task) {
    leptos::task::spawn_local(async move {
        #[cfg(feature = "split")]
        let work = perform(stores, task).await;
        #[cfg(not(feature = "split"))]
        let work = perform(stores, task);
        match work {
            Ok(work) => work.await,
            Err(CodeNotLoaded) => status().update(|s| {
                s.activity = crate::sync::Activity::Failed(
                    "Sync could not start: something other than BackStrong answered for its code (a Wi-Fi sign-in page, say). Your data is safe on this device; sync tries again on the next page you open."
                        .to_owned(),
                );
            }),
        }
    });
}

/// The sync code's part of the wasm could not be loaded: not the app's own
/// file came back (no signal only delays the load, it retries).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct CodeNotLoaded;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for CodeNotLoaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        CodeNotLoaded
    }
}

/// The sync code, a part of the wasm of its own. A split function cannot
/// be `async` itself, so it returns the future. Not Leptos's `#[lazy]`,
/// which panics when the load fails, and a panic stops every island of
/// the page (the session's Stop button included): the same split, with
/// `fallible`. The name (then digits) is what the server looks for
/// (`server/src/preload.rs`).
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(perform_1, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn perform(stores: Stores, task: Task) -> Result<Pin<Box<dyn Future<Output = ()>>>, CodeNotLoaded> {
    Ok(Box::pin(work::enqueue(stores, task)))
}

mod work {
    use super::{Stores, Task, is_on, request, status};
    use crate::{
        platform::{
            self,
            net::{self, Reply},
            subtle,
        },
        storage::{self, Backend, Stored, browser::BrowserBackend},
        sync::{
            Activity, Pairing, QrPicture, SyncError, SyncKey, SyncState, apply, check_version,
            decide, retry_delay_ms, unpack,
        },
        units::count,
    };
    use leptos::prelude::*;
    use std::{
        cell::{Cell, RefCell},
        collections::VecDeque,
    };

    thread_local! {
        static QUEUE: RefCell<VecDeque<Task>> = const { RefCell::new(VecDeque::new()) };
        static RUNNING: Cell<bool> = const { Cell::new(false) };
        static STARTED: Cell<bool> = const { Cell::new(false) };
        static CHANGES: Cell<u32> = const { Cell::new(0) };
        static RETRY_PENDING: Cell<bool> = const { Cell::new(false) };
        static FAILURES: Cell<u32> = const { Cell::new(0) };
    }

    /// After a round that found no server or a busy one: another, later
    /// (see [`retry_delay_ms`]). One retry at a time.
    fn retry_later(stores: Stores) {
        if RETRY_PENDING.replace(true) {
            return;
        }
        let failures = FAILURES.get().saturating_add(1);
        FAILURES.set(failures);
        let wait = i32::try_from(retry_delay_ms(failures)).unwrap_or(i32::MAX);
        net::after(wait, move || {
            RETRY_PENDING.set(false);
            request(stores, Task::Round);
        });
    }

    /// Runs `task` after those asked for before it, one at a time. A round
    /// asked for while one waits is the same round.
    pub async fn enqueue(stores: Stores, task: Task) {
        if task == Task::Round && !is_on() {
            return;
        }
        let queued = QUEUE.with(|q| {
            let mut q = q.borrow_mut();
            if task == Task::Round && q.contains(&Task::Round) {
                return false;
            }
            q.push_back(task);
            true
        });
        if !queued || RUNNING.replace(true) {
            return;
        }
        while let Some(task) = QUEUE.with(|q| q.borrow_mut().pop_front()) {
            perform(stores, task).await;
        }
        RUNNING.set(false);
    }

    /// Wait after a change before a round, so a burst of changes (a
    /// setting stepped up five times) goes out as one write. Our choice.
    const CHANGE_DELAY_MS: i32 = 2_000;

    /// The triggers of [`Task::Start`], once per page; each does nothing
    /// while sync is off.
    fn start(stores: Stores) {
        if STARTED.replace(true) {
            return;
        }
        net::on_online(move || request(stores, Task::Round));
        platform::on_visibility_change(move || {
            if platform::is_visible() {
                request(stores, Task::Round);
            }
        });
        Effect::new(move |seen: Option<()>| {
            stores.history.with(|_| ());
            stores.prefs.with(|_| ());
            stores.notes.with(|_| ());
            if seen.is_some() && is_on() {
                let change = CHANGES.with(|c| {
                    c.set(c.get().wrapping_add(1));
                    c.get()
                });
                net::after(CHANGE_DELAY_MS, move || {
                    if CHANGES.get() == change {
                        request(stores, Task::Round);
                    }
                });
            }
        });
    }

    /// Why a round did not go through.
    enum Problem {
        /// No answer (offline, or the server is down): tried again later.
        Offline,
        /// The server is busy or failing, in words: tried again later.
        Busy(String),
        /// Anything else, in words for the user: waits for the next trigger.
        Say(String),
    }

    impl From<SyncError> for Problem {
        fn from(e: SyncError) -> Self {
            Problem::Say(capitalised(&e.to_string()))
        }
    }

    fn capitalised(text: &str) -> String {
        // ASCII only: the messages are our own English, and full Unicode
        // case mapping would add its tables to the wasm.
        let mut chars = text.chars();
        chars.next().map_or_else(String::new, |c| {
            format!("{}{}.", c.to_ascii_uppercase(), chars.as_str())
        })
    }

    fn load_state() -> SyncState {
        storage::load::<SyncState>(&BrowserBackend, platform::now_ms()).value
    }

    fn save_state(state: &mut SyncState) -> Result<(), Problem> {
        storage::save_merged(&BrowserBackend, state, platform::now_ms())
            .map(|_| ())
            .map_err(|e| Problem::Say(format!("Sync could not save its state on this device: {e}")))
    }

    async fn perform(stores: Stores, task: Task) {
        let status = status();
        let Some(base) = net::sync_url() else {
            status.update(|s| s.available = false);
            return;
        };
        status.update(|s| s.available = true);
        match task {
            Task::Start => {
                start(stores);
                show();
                round(stores, &base, false).await;
            }
            Task::Show => show(),
            Task::Round => round(stores, &base, false).await,
            Task::TurnOn(given) => {
                // A key made just now names nothing on the server yet: the
                // first round writes without reading (no 404 to log).
                let fresh = given.is_none();
                match turn_on(stores, given) {
                    Ok(()) => {
                        start(stores);
                        show();
                        round(stores, &base, fresh).await;
                    }
                    Err(message) => status.update(|s| s.activity = Activity::Failed(message)),
                }
            }
            Task::TurnOff => {
                let _ = BrowserBackend.remove(SyncState::KEY);
                status.update(|s| {
                    s.on = false;
                    s.pairing = None;
                    s.last_synced_ms = None;
                    s.activity = Activity::Done(
                        "Sync is off on this device. Everything on it stays here.".to_owned(),
                    );
                });
            }
            Task::DeleteCopy => delete_copy(&base).await,
        }
    }

    /// Stores a key: a new one, or another device's.
    fn turn_on(stores: Stores, given: Option<String>) -> Result<(), String> {
        if !subtle::available() {
            return Err(capitalised(&SyncError::NoCrypto.to_string()));
        }
        let from_another_device = given.is_some();
        let key = match given {
            None => SyncKey::from_random(net::random_bytes::<32>().ok_or(
                "This browser gave no secure random numbers, so sync cannot make a key. Nothing was changed.",
            )?),
            Some(text) => SyncKey::read(&text).map_err(|e| capitalised(&e.to_string()))?,
        };
        let mut state = load_state();
        let joining = from_another_device && state.key() != Some(key.clone());
        state.turn_on(&key);
        // Joining: what is here counts as older than any change on the
        // devices already syncing, so pairing a new phone never resets
        // their settings to its defaults (its own sessions all stay).
        let stamp_at = if joining {
            // Times from another sync group mean nothing in this one.
            state.stamps = Default::default();
            0
        } else {
            platform::now_ms()
        };
        state.stamps.observe(
            &stores.prefs.with_untracked(Clone::clone),
            &stores.notes.with_untracked(Clone::clone),
            stamp_at,
        );
        save_state(&mut state).map_err(|p| match p {
            Problem::Say(m) | Problem::Busy(m) => m,
            Problem::Offline => String::new(),
        })
    }

    /// The status for the screens, from what is stored.
    fn show() {
        let state = load_state();
        let pairing = state.key().map(|key| {
            let origin = net::origin().unwrap_or_default();
            let link = format!("{origin}/sync#{}", key.link_fragment());
            Pairing {
                qr: QrPicture::of(&link).unwrap_or(QrPicture {
                    size: 0,
                    path: String::new(),
                }),
                recovery_code: key.recovery_code(),
                link,
            }
        });
        status().update(|s| {
            s.on = pairing.is_some();
            s.pairing = pairing;
            s.last_synced_ms = state.last_synced_ms;
        });
    }

    async fn round(stores: Stores, base: &str, fresh_key: bool) {
        status().update(|s| s.activity = Activity::Working);
        let result = attempt(stores, base, fresh_key).await;
        match &result {
            Ok(_) => FAILURES.set(0),
            Err(Problem::Offline | Problem::Busy(_)) => retry_later(stores),
            Err(Problem::Say(_)) => {}
        }
        let last = load_state().last_synced_ms;
        status().update(|s| {
            s.last_synced_ms = last;
            s.activity = match result {
                Ok(message) => Activity::Done(message),
                Err(Problem::Offline) => Activity::Offline,
                Err(Problem::Say(message) | Problem::Busy(message)) => Activity::Failed(message),
            };
        });
    }

    /// Rounds a device tries before it waits for the next trigger, when
    /// other devices keep writing first.
    const ATTEMPTS: usize = 4;

    /// `fresh_key`: the key was made just now, so the server has nothing
    /// under it (should it have, the write is refused and the next
    /// attempt reads).
    async fn attempt(stores: Stores, base: &str, mut fresh_key: bool) -> Result<String, Problem> {
        for _ in 0..ATTEMPTS {
            let Some(key) = load_state().key() else {
                return Err(Problem::Say("Sync is off on this device.".to_owned()));
            };
            let keys = subtle::derive(&key).await?;
            let url = format!("{base}{}", keys.id.as_str());
            let remote = if std::mem::take(&mut fresh_key) {
                None
            } else {
                let reply = net::request("GET", &url, &[], None)
                    .await
                    .map_err(|_| Problem::Offline)?;
                match reply.status {
                    200 => {
                        let version = version_of(&reply)?;
                        // Checked here, before any of it is used, and
                        // again below against what is stored by then.
                        check_version(load_state().seen_version, version)?;
                        let plain = subtle::open(&keys, version, &reply.body).await?;
                        Some((version, unpack(&plain)?))
                    }
                    // Nothing stored (a server from before 204 said 404).
                    204 | 404 => None,
                    status => return Err(refused(status)),
                }
            };
            // Read again after the waits: another tab may have synced, and
            // data may have changed here meanwhile. From here to the saved
            // state nothing waits, so nothing can slip between.
            let mut state = load_state();
            if state.key() != Some(key) {
                return Err(Problem::Say(
                    "Sync was turned off or changed meanwhile.".to_owned(),
                ));
            }
            if let Some((version, _)) = &remote {
                check_version(state.seen_version, *version)?;
            }
            let now = platform::now_ms();
            let prefs = stores.prefs.with_untracked(Clone::clone);
            let notes = stores.notes.with_untracked(Clone::clone);
            let history = stores.history.with_untracked(Clone::clone);
            state.stamps.observe(&prefs, &notes, now);
            let local = state.stamps.snapshot(&history);
            let round = decide(&local, remote);
            let added = round
                .merged
                .history
                .sessions
                .len()
                .saturating_sub(local.history.sessions.len());
            if round.local_changed {
                let (new_history, new_prefs, new_notes) = apply(&round.merged, &prefs);
                if new_history != history {
                    stores.history.update(|h| *h = new_history);
                }
                if new_prefs != prefs {
                    stores.prefs.update(|p| *p = new_prefs);
                }
                if new_notes != notes {
                    stores.notes.update(|n| *n = new_notes);
                }
            }
            // The merged data is here now, whatever the write does.
            state.stamps.adopt(&round.merged);
            let Some(write) = round.write else {
                if let Some(version) = round.read_version {
                    state.synced(version, now);
                }
                save_state(&mut state)?;
                return Ok(done(added));
            };
            save_state(&mut state)?;
            let nonce = net::random_bytes::<{ crate::sync::NONCE_LEN }>().ok_or_else(|| {
                Problem::Say(
                    "This browser gave no secure random numbers; nothing was synced.".to_owned(),
                )
            })?;
            let blob = subtle::seal(&keys, write.version, nonce, &write.packed).await?;
            let headers = [
                (
                    "authorization",
                    format!("Bearer {}", keys.write.to_header_value()),
                ),
                ("if-match", write.if_match.to_string()),
                ("content-type", "application/octet-stream".to_owned()),
            ];
            let reply = net::request("PUT", &url, &headers, Some(&blob))
                .await
                .map_err(|_| Problem::Offline)?;
            match reply.status {
                200 | 201 => {
                    let mut state = load_state();
                    if round.read_version.is_none() {
                        state.started_over(write.version, platform::now_ms());
                    } else {
                        state.synced(write.version, platform::now_ms());
                    }
                    save_state(&mut state)?;
                    return Ok(done(added));
                }
                // Another device wrote first: read again and merge that too.
                412 => continue,
                status => return Err(refused(status)),
            }
        }
        Err(Problem::Busy(
            "Other devices kept writing at the same moment; this device tries again in a moment."
                .to_owned(),
        ))
    }

    /// The version in an `ETag` (`"3"`).
    fn version_of(reply: &Reply) -> Result<u64, Problem> {
        reply
            .etag
            .as_deref()
            .map(|e| e.trim_matches('"'))
            .and_then(|e| e.parse().ok())
            .ok_or_else(|| {
                Problem::Say(
                    "The sync server's answer had no version; nothing was changed.".to_owned(),
                )
            })
    }

    fn done(added: usize) -> String {
        if added == 0 {
            "Up to date.".to_owned()
        } else {
            format!(
                "Up to date: {} from your other devices.",
                count(added, "session")
            )
        }
    }

    /// A server's refusal, in words.
    fn refused(status: u16) -> Problem {
        match status {
            401 => Problem::Say("The sync server refused this device's key. Pair it again from a device that syncs.".to_owned()),
            413 => Problem::Say("Your data is larger than this sync server accepts. It stays on this device; save a backup file.".to_owned()),
            429 => Problem::Busy("The sync server is busy; this device tries again in a moment.".to_owned()),
            500..=599 => Problem::Busy(format!("The sync server could not take the request (it answered {status}); this device tries again in a moment.")),
            status => Problem::Say(format!("The sync server could not take the request (it answered {status}).")),
        }
    }

    async fn delete_copy(base: &str) {
        let Some(key) = load_state().key() else {
            return;
        };
        let keys = match subtle::derive(&key).await {
            Ok(keys) => keys,
            Err(e) => {
                status().update(|s| s.activity = Activity::Failed(capitalised(&e.to_string())));
                return;
            }
        };
        let url = format!("{base}{}", keys.id.as_str());
        let headers = [(
            "authorization",
            format!("Bearer {}", keys.write.to_header_value()),
        )];
        status().update(|s| s.activity = Activity::Working);
        let outcome = match net::request("DELETE", &url, &headers, None).await {
            Ok(reply) if reply.status == 200 || reply.status == 404 => {
                let _ = BrowserBackend.remove(SyncState::KEY);
                Ok("The synced copy was deleted from the server, and sync is off on this device; \
                    everything on it stays here. A device still syncing uploads its own copy again: \
                    turn sync off there too.")
            }
            Ok(reply) => Err(match refused(reply.status) {
                Problem::Say(m) | Problem::Busy(m) => m,
                Problem::Offline => String::new(),
            }),
            Err(_) => Err("The sync server could not be reached, so the synced copy is still there. Try again when you are online.".to_owned()),
        };
        status().update(|s| match outcome {
            Ok(message) => {
                s.on = false;
                s.pairing = None;
                s.last_synced_ms = None;
                s.activity = Activity::Done(message.to_owned());
            }
            Err(message) => s.activity = Activity::Failed(message),
        });
    }
}
