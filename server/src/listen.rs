//! The accept loop and HTTP/1.1 on each connection, with the limits a
//! server facing the internet needs:
//!
//! - a deadline for each request's head, which is also how long a kept
//!   connection may sit idle (slowloris);
//! - the same deadline for each write to make progress, so a client that
//!   asks and never reads cannot hold a connection for ever;
//! - a cap on open connections where, at the cap, the connection that has
//!   made no progress for longest gives way to the new one (idle ones
//!   first), so stalled clients can never lock out new ones;
//! - a bound on head size (431), on bodies (413), and a stop that lets
//!   answers in flight finish and closes idle and stalled connections at
//!   once.
//!
//! Answers come from the site in memory (`respond`), so a connection does
//! no work but parsing and writing.

use crate::{
    respond::{self, Answer, Head},
    site::Site,
    sync::{Api, SyncRequest, store::SqlStore},
};
use std::{
    collections::HashMap,
    future::Future,
    io::IoSlice,
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, AtomicU64, Ordering},
    },
    time::{Duration, Instant, SystemTime},
};
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::{TcpListener, TcpStream},
    sync::Notify,
};

/// Connection-level limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Connections served at once.
    pub max_connections: usize,
    /// Time a client has to send a request's head, the longest a kept
    /// connection may sit idle, and the longest one write may wait for the
    /// client to read.
    pub header_timeout: Duration,
    /// Bytes of request line and headers a client may send (431 beyond).
    pub max_header_bytes: usize,
    /// How long a stop waits for answers in flight before giving up.
    pub drain_timeout: Duration,
    /// The sync API's body cap; `None`: no sync API here.
    pub sync_body: Option<u64>,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_connections: 4096,
            header_timeout: Duration::from_secs(10),
            max_header_bytes: 16 * 1024,
            drain_timeout: Duration::from_secs(30),
            sync_body: None,
        }
    }
}

/// Header fields a request may have (431 beyond).
const MAX_HEADERS: usize = 64;
/// At the cap, a connection must have made no progress for this long to
/// give way to a new one (an idle kept connection gives way at once).
const MIN_STALL: Duration = Duration::from_millis(50);
/// When stopping, a connection that has made no progress for this long is
/// closed rather than waited for.
const STALLED_AT_STOP: Duration = Duration::from_secs(1);

/// One open connection, as the accept loop sees it.
struct Slot {
    /// Milliseconds since the server started, at its last read or write.
    last_progress: AtomicU64,
    /// Waiting for the first byte of a request.
    idle: AtomicBool,
    /// Told to close; no longer counted against the cap.
    doomed: AtomicBool,
    kill: Notify,
}

/// Every open connection.
struct Registry {
    started: Instant,
    slots: Mutex<HashMap<u64, Arc<Slot>>>,
    freed: Notify,
    draining: AtomicBool,
}

impl Registry {
    fn now_ms(&self) -> u64 {
        u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX)
    }

    fn slots(&self) -> std::sync::MutexGuard<'_, HashMap<u64, Arc<Slot>>> {
        // A panic while holding this lock cannot leave the map half-changed.
        self.slots.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn open(&self, id: u64) -> Arc<Slot> {
        let slot = Arc::new(Slot {
            last_progress: AtomicU64::new(self.now_ms()),
            idle: AtomicBool::new(true),
            doomed: AtomicBool::new(false),
            kill: Notify::new(),
        });
        self.slots().insert(id, slot.clone());
        slot
    }

    fn progress(&self, slot: &Slot) {
        slot.last_progress.store(self.now_ms(), Ordering::Relaxed);
    }

    /// Makes room for one more connection: `None` when there is room now,
    /// or how long to wait before asking again.
    fn make_room(&self, max: usize) -> Option<Duration> {
        let slots = self.slots();
        // Below the cap (the usual case) there is room without a look at
        // each connection; doomed ones only lower the count further.
        if slots.len() < max {
            return None;
        }
        let live = slots.values().filter(|s| !s.doomed.load(Ordering::Relaxed));
        if live.clone().count() < max {
            return None;
        }
        let now = self.now_ms();
        // Idle ones first, then the one stalled longest.
        let victim = live.min_by_key(|s| {
            (
                !s.idle.load(Ordering::Relaxed),
                s.last_progress.load(Ordering::Relaxed),
            )
        })?;
        let stalled =
            Duration::from_millis(now.saturating_sub(victim.last_progress.load(Ordering::Relaxed)));
        if victim.idle.load(Ordering::Relaxed) || stalled >= MIN_STALL {
            doom(victim);
            None
        } else {
            Some(MIN_STALL - stalled)
        }
    }

    /// Closes idle connections and those stalled at a stop; true when none
    /// is left.
    fn sweep_for_stop(&self) -> bool {
        let slots = self.slots();
        let now = self.now_ms();
        for slot in slots.values() {
            let stalled = Duration::from_millis(
                now.saturating_sub(slot.last_progress.load(Ordering::Relaxed)),
            );
            if slot.idle.load(Ordering::Relaxed) || stalled >= STALLED_AT_STOP {
                doom(slot);
            }
        }
        slots.is_empty()
    }
}

fn doom(slot: &Slot) {
    slot.doomed.store(true, Ordering::Relaxed);
    // Stored if the connection is not waiting yet: it ends at its next await.
    slot.kill.notify_one();
}

/// Takes a connection out of the registry when its task ends, however it
/// ends.
struct Leave {
    registry: Arc<Registry>,
    id: u64,
}

impl Drop for Leave {
    fn drop(&mut self) {
        self.registry.slots().remove(&self.id);
        self.registry.freed.notify_one();
    }
}

/// Serves `site` on `listener` until `shutdown` resolves, then stops taking
/// connections, lets every answer in flight finish (up to `drain_timeout`)
/// and returns.
pub async fn serve(
    listener: TcpListener,
    site: Arc<Site>,
    sync: Option<Arc<Api<SqlStore>>>,
    limits: Limits,
    shutdown: impl Future<Output = ()>,
) {
    let limits = Limits {
        sync_body: sync.as_ref().map(|api| api.options().max_body_bytes),
        ..limits
    };
    let registry = Arc::new(Registry {
        started: Instant::now(),
        slots: Mutex::default(),
        freed: Notify::new(),
        draining: AtomicBool::new(false),
    });
    let mut next_id = 0_u64;
    tokio::pin!(shutdown);
    'accept: loop {
        let stream = tokio::select! {
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _peer)) => stream,
                Err(e) => {
                    // Out of file descriptors and the like: wait a moment
                    // rather than spin, then carry on.
                    tracing::warn!("accept failed: {e}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        while let Some(wait) = registry.make_room(limits.max_connections) {
            tokio::select! {
                () = &mut shutdown => break 'accept,
                () = registry.freed.notified() => {}
                () = tokio::time::sleep(wait) => {}
            }
        }
        let _ = stream.set_nodelay(true);
        next_id += 1;
        let id = next_id;
        let slot = registry.open(id);
        let leave = Leave {
            registry: registry.clone(),
            id,
        };
        let site = site.clone();
        let sync = sync.clone();
        tokio::spawn(async move {
            let registry = leave.registry.clone();
            tokio::select! {
                () = connection(stream, &site, sync.as_deref(), limits, &slot, &registry) => {}
                () = slot.kill.notified() => {}
            }
            drop(leave);
        });
    }
    drop(listener);
    registry.draining.store(true, Ordering::Relaxed);
    let deadline = tokio::time::Instant::now() + limits.drain_timeout;
    while !registry.sweep_for_stop() {
        tokio::select! {
            () = registry.freed.notified() => {}
            () = tokio::time::sleep(Duration::from_millis(100)) => {}
            () = tokio::time::sleep_until(deadline) => {
                tracing::warn!("stopped with answers still open after {:?}", limits.drain_timeout);
                return;
            }
        }
    }
}

/// What one look at the bytes read so far gives.
#[derive(Debug)]
pub enum Step {
    /// A whole head was there: answer it. `consumed` bytes were the head;
    /// `body` more bytes of body follow and are dropped.
    Answer {
        /// What to send.
        answer: Answer,
        /// Bytes of the head.
        consumed: usize,
        /// Bytes of body to skip.
        body: u64,
    },
    /// A whole head of a sync request: read its `body` bytes, then ask the
    /// sync API.
    Sync {
        /// The request's head.
        request: SyncRequest,
        /// Bytes of the head.
        consumed: usize,
        /// Bytes of body to read.
        body: u64,
        /// Whether the connection stays open after the answer.
        keep_alive: bool,
    },
    /// The head is not complete yet.
    NeedMore,
}

/// Parses the head at the start of `buf` and answers it. Pure, for tests.
pub fn step(site: &Site, buf: &[u8], limits: &Limits, draining: bool, now: SystemTime) -> Step {
    let mut fields = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut req = httparse::Request::new(&mut fields);
    let refuse = |status, text| Step::Answer {
        answer: respond::plain(&site.security_head, status, text, true, now, &[]),
        consumed: buf.len(),
        body: 0,
    };
    match req.parse(buf) {
        Ok(httparse::Status::Complete(consumed)) => {
            let head = Head {
                method: req.method.unwrap_or(""),
                target: req.path.unwrap_or(""),
                http10: req.version == Some(0),
                headers: req.headers,
            };
            let keep_alive = head.wants_keep_alive() && !draining;
            let sync_request = limits.sync_body.and_then(|cap| {
                let path = respond::path_of(head.target)?;
                Some((cap, SyncRequest::from_head(&head, path)?))
            });
            if let Some((cap, request)) = sync_request {
                return match respond::body_length(&head, cap) {
                    Ok(body) => Step::Sync {
                        request,
                        consumed,
                        body,
                        keep_alive,
                    },
                    Err((status, text)) => refuse(status, text),
                };
            }
            let body = match respond::body_length(&head, respond::MAX_BODY_BYTES) {
                Ok(n) => n,
                Err((status, text)) => return refuse(status, text),
            };
            let answer = respond::respond(site, &head, keep_alive, now);
            Step::Answer {
                answer,
                consumed,
                body,
            }
        }
        Ok(httparse::Status::Partial) if buf.len() >= limits.max_header_bytes => {
            refuse(431, "Request headers too large\n")
        }
        Ok(httparse::Status::Partial) => Step::NeedMore,
        Err(httparse::Error::TooManyHeaders) => refuse(431, "Too many request headers\n"),
        Err(_) => refuse(400, "Malformed request\n"),
    }
}

/// HTTP/1.1 on one connection, request after request.
async fn connection(
    mut stream: TcpStream,
    site: &Site,
    sync: Option<&Api<SqlStore>>,
    limits: Limits,
    slot: &Slot,
    registry: &Registry,
) {
    let mut buf: Vec<u8> = Vec::with_capacity(4096);
    loop {
        if registry.draining.load(Ordering::Relaxed) && buf.is_empty() {
            return;
        }
        slot.idle.store(buf.is_empty(), Ordering::Relaxed);
        let deadline = tokio::time::Instant::now() + limits.header_timeout;
        let step = loop {
            let draining = registry.draining.load(Ordering::Relaxed);
            match step(site, &buf, &limits, draining, SystemTime::now()) {
                Step::NeedMore => {}
                done => break done,
            }
            // Room for the rest of a head, never more than the bound.
            let room = limits.max_header_bytes.saturating_sub(buf.len()).max(1);
            buf.reserve(room.min(8192));
            let mut bounded = (&mut stream).take(room as u64);
            match tokio::time::timeout_at(deadline, bounded.read_buf(&mut buf)).await {
                Ok(Ok(0)) | Ok(Err(_)) => return,
                Ok(Ok(_)) => {
                    slot.idle.store(false, Ordering::Relaxed);
                    registry.progress(slot);
                }
                Err(_) => {
                    // Idle past the limit: just close. Part of a head: say so.
                    if !buf.is_empty() {
                        let answer = respond::plain(
                            &site.security_head,
                            408,
                            "Request took too long\n",
                            true,
                            SystemTime::now(),
                            &[],
                        );
                        let _ = write_answer(&mut stream, &answer, limits, slot, registry).await;
                    }
                    return;
                }
            }
        };
        let (answer, consumed, body) = match step {
            Step::Answer {
                answer,
                consumed,
                body,
            } => (answer, consumed, body),
            Step::Sync {
                request,
                consumed,
                body,
                keep_alive,
            } => {
                buf.drain(..consumed.min(buf.len()));
                let Some(api) = sync else {
                    return; // Cannot happen: `step` only routes here with sync on.
                };
                let Ok(body) = read_body(&mut stream, &mut buf, body, limits, slot, registry).await
                else {
                    return;
                };
                let client = stream
                    .peer_addr()
                    .map_or(std::net::Ipv4Addr::UNSPECIFIED.into(), |a| a.ip());
                let answer = api
                    .handle(
                        &request,
                        &body,
                        client,
                        SystemTime::now(),
                        &site.security_head,
                        keep_alive,
                    )
                    .await;
                log(&answer);
                if write_answer(&mut stream, &answer, limits, slot, registry)
                    .await
                    .is_err()
                    || answer.close
                {
                    return;
                }
                continue;
            }
            Step::NeedMore => unreachable!("the loop above ends only on an answer"),
        };
        buf.drain(..consumed.min(buf.len()));
        log(&answer);
        if answer.close {
            let _ = write_answer(&mut stream, &answer, limits, slot, registry).await;
            linger(&mut stream).await;
            return;
        }
        if skip_body(&mut stream, &mut buf, body, deadline)
            .await
            .is_err()
            || write_answer(&mut stream, &answer, limits, slot, registry)
                .await
                .is_err()
        {
            return;
        }
    }
}

/// Closes our side, then reads for a moment what the client still sends
/// (a refused body): closing with unread bytes would reset the connection
/// and could destroy the answer before the client reads it.
async fn linger(stream: &mut TcpStream) {
    let _ = stream.shutdown().await;
    let mut scratch = [0_u8; 8192];
    let mut budget = 1024 * 1024;
    let until = tokio::time::Instant::now() + Duration::from_secs(1);
    while budget > 0 {
        match tokio::time::timeout_at(until, stream.read(&mut scratch)).await {
            Ok(Ok(n)) if n > 0 => budget -= n.min(budget),
            _ => return,
        }
    }
}

fn log(answer: &Answer) {
    tracing::debug!(
        status = answer.status,
        bytes = answer.body.len(),
        "answered"
    );
}

/// Reads `len` bytes of request body (a sync snapshot), some of which may
/// already be in `buf`. Each read has `header_timeout` to make progress, so
/// a large body on a slow line arrives, a stalled one does not hold on.
async fn read_body(
    stream: &mut TcpStream,
    buf: &mut Vec<u8>,
    len: u64,
    limits: Limits,
    slot: &Slot,
    registry: &Registry,
) -> std::io::Result<Vec<u8>> {
    let len = usize::try_from(len).map_err(|_| std::io::ErrorKind::InvalidInput)?;
    let in_buf = len.min(buf.len());
    let mut body: Vec<u8> = buf.drain(..in_buf).collect();
    body.reserve(len - in_buf);
    while body.len() < len {
        let mut limited = (&mut *stream).take((len - body.len()) as u64);
        let n = tokio::time::timeout(limits.header_timeout, limited.read_buf(&mut body))
            .await
            .map_err(|_| std::io::ErrorKind::TimedOut)??;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        registry.progress(slot);
    }
    Ok(body)
}

/// Drops `len` bytes of request body, some of which may already be in
/// `buf`.
async fn skip_body(
    stream: &mut TcpStream,
    buf: &mut Vec<u8>,
    len: u64,
    deadline: tokio::time::Instant,
) -> std::io::Result<()> {
    let in_buf = usize::try_from(len).unwrap_or(usize::MAX).min(buf.len());
    buf.drain(..in_buf);
    let mut left = len - in_buf as u64;
    let mut scratch = [0_u8; 8192];
    while left > 0 {
        let want = usize::try_from(left)
            .unwrap_or(usize::MAX)
            .min(scratch.len());
        let n = tokio::time::timeout_at(deadline, stream.read(&mut scratch[..want]))
            .await
            .map_err(|_| std::io::ErrorKind::TimedOut)??;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        left -= n as u64;
    }
    Ok(())
}

/// Writes head and body, each write having `header_timeout` to make
/// progress.
async fn write_answer(
    stream: &mut TcpStream,
    answer: &Answer,
    limits: Limits,
    slot: &Slot,
    registry: &Registry,
) -> std::io::Result<()> {
    let mut head = &answer.head[..];
    let mut body = &answer.body[..];
    while !head.is_empty() || !body.is_empty() {
        let slices = [IoSlice::new(head), IoSlice::new(body)];
        let n = tokio::time::timeout(limits.header_timeout, stream.write_vectored(&slices))
            .await
            .map_err(|_| std::io::ErrorKind::TimedOut)??;
        if n == 0 {
            return Err(std::io::ErrorKind::WriteZero.into());
        }
        registry.progress(slot);
        if n < head.len() {
            head = &head[n..];
        } else {
            body = &body[n - head.len()..];
            head = &[];
        }
    }
    Ok(())
}
