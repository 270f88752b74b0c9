//! `make bench-sync`: the sync API of the release binary over loopback, on
//! SQLite (and on PostgreSQL when `BACKSTRONG_TEST_POSTGRES` names one):
//! 1,000 sync ids, each with a snapshot of realistic size (a quarter year
//! of training) deflated and sealed as a device sends it, then writes (PUT, each to the next version) and reads
//! (GET) from 32 clients at once. Prints the size of a sealed three-year
//! snapshot, writes a second, and the 99th percentile of read latency.
//! Measures; fails nothing. The client and the server share the machine's
//! cores, so the figures are a floor.

use app::{
    session::History,
    sync::{NONCE_LEN, Snapshot, SyncKey, pack, seal},
};
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_util::{client::legacy::Client, rt::TokioExecutor};
use std::{
    io::{BufRead, BufReader},
    process::{Command, Stdio},
    sync::{
        Arc,
        atomic::{AtomicU64, Ordering},
    },
    time::{Duration, Instant},
};

const IDS: usize = 1000;
const CLIENTS: usize = 32;
const RUN: Duration = Duration::from_secs(5);

type Http = Client<hyper_util::client::legacy::connect::HttpConnector, Full<Bytes>>;

fn sealed_of(sessions: usize, seed: u8) -> (String, String, Vec<u8>) {
    let key = SyncKey::from_random([seed; 32]).derive();
    let mut snapshot = Snapshot::default();
    for s in History::three_years_sample()
        .sessions
        .into_iter()
        .take(sessions)
    {
        snapshot.history.upsert(s);
    }
    // As a device sends it: deflated, then sealed.
    let blob = seal(&key.cipher, &key.id, 1, [seed; NONCE_LEN], &pack(&snapshot));
    (
        key.id.as_str().to_owned(),
        key.write.to_header_value(),
        blob,
    )
}

async fn send(
    http: &Http,
    base: &str,
    method: &str,
    id: &str,
    token: &str,
    version: u64,
    body: Bytes,
) -> u16 {
    let req = http::Request::builder()
        .method(method)
        .uri(format!("{base}/api/sync/v1/{id}"))
        .header("authorization", format!("Bearer {token}"))
        .header("if-match", version.to_string())
        .body(Full::new(body))
        .expect("a request");
    let res = http.request(req).await.expect("the server answers");
    let status = res.status().as_u16();
    let _ = res.into_body().collect().await;
    status
}

/// The server under test, stopped however the bench ends (a panic
/// included: an orphaned server would hold the terminal's pipe open).
struct Server(std::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

async fn run(label: &str, db: &str) {
    let bin = end2end::server_bin();
    let mut child = Server(
        Command::new(&bin)
            .current_dir(end2end::root())
            .args([
                "serve",
                "--addr",
                "127.0.0.1:0",
                "--log",
                "warn",
                // Every client shares the one loopback address, and the limit
                // is per address: lifted far above what the bench sends.
                "--sync-rate",
                "10000000",
            ])
            .args(["--site-root", "target/site", "--sync-db", db])
            .env_remove("LEPTOS_SITE_ADDR")
            .stdout(Stdio::piped())
            .spawn()
            .expect("start the release binary (make build)"),
    );
    let mut out = BufReader::new(child.0.stdout.take().expect("stdout"));
    let mut line = String::new();
    while !line.starts_with("listening on ") {
        line.clear();
        if out.read_line(&mut line).expect("read the server") == 0 {
            panic!("the server stopped before listening");
        }
    }
    let base = line.trim().trim_start_matches("listening on ").to_owned();
    let http: Http = Client::builder(TokioExecutor::new()).build_http();

    // A quarter year of sessions, sealed: the same bytes for every id
    // (the server never opens them), each id with its own token.
    let (_, _, typical) = sealed_of(60, 1);
    let typical = Bytes::from(typical);
    let ids: Vec<(String, String)> = (0..IDS)
        .map(|i| {
            let key = SyncKey::from_random(std::array::from_fn(|b| {
                (i >> (8 * (b % 2))) as u8 ^ b as u8
            }))
            .derive();
            (key.id.as_str().to_owned(), key.write.to_header_value())
        })
        .collect();
    let ids = Arc::new(ids);
    let versions: Arc<Vec<AtomicU64>> = Arc::new((0..IDS).map(|_| AtomicU64::new(0)).collect());

    // Writes: each client takes its own ids in turn, each PUT from the
    // version it wrote last (the first creates the id).
    let writes = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for c in 0..CLIENTS {
        let (http, base, ids, versions, writes, body) = (
            http.clone(),
            base.clone(),
            ids.clone(),
            versions.clone(),
            writes.clone(),
            typical.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let mine: Vec<usize> = (c..IDS).step_by(CLIENTS).collect();
            let mut turn = 0;
            while started.elapsed() < RUN {
                let i = mine[turn % mine.len()];
                turn += 1;
                let (id, token) = &ids[i];
                let v = versions[i].load(Ordering::Relaxed);
                let status = send(&http, &base, "PUT", id, token, v, body.clone()).await;
                assert!(matches!(status, 200 | 201), "PUT answered {status}");
                versions[i].store(v + 1, Ordering::Relaxed);
                writes.fetch_add(1, Ordering::Relaxed);
            }
        }));
    }
    for t in tasks {
        t.await.expect("a writer");
    }
    let put_rps = writes.load(Ordering::Relaxed) as f64 / started.elapsed().as_secs_f64();

    // Reads: random ids, each latency kept.
    let started = Instant::now();
    let mut tasks = Vec::new();
    for c in 0..CLIENTS {
        let (http, base, ids) = (http.clone(), base.clone(), ids.clone());
        tasks.push(tokio::spawn(async move {
            let mut times = Vec::new();
            let mut n = c * 7919;
            while started.elapsed() < RUN {
                n = (n * 1103 + 12345) % IDS;
                let (id, _) = &ids[n];
                let at = Instant::now();
                let status = send(&http, &base, "GET", id, "", 0, Bytes::new()).await;
                assert!(matches!(status, 200 | 204), "GET answered {status}");
                times.push(at.elapsed());
            }
            times
        }));
    }
    let mut times = Vec::new();
    for t in tasks {
        times.extend(t.await.expect("a reader"));
    }
    let get_rps = times.len() as f64 / started.elapsed().as_secs_f64();
    times.sort();
    let p99 = times[times.len() * 99 / 100];
    drop(child);

    let suffix = if label == "sqlite" {
        String::new()
    } else {
        format!("_{label}")
    };
    println!(
        "{label}: {IDS} ids, {CLIENTS} clients, snapshots of {} bytes; {} writes, {} reads",
        typical.len(),
        writes.load(Ordering::Relaxed),
        times.len()
    );
    println!("BENCH sync_put_rps{suffix} {put_rps:.0} requests/s");
    println!("BENCH sync_get_rps{suffix} {get_rps:.0} requests/s");
    println!(
        "BENCH sync_get_p99_ms{suffix} {:.2} ms",
        p99.as_secs_f64() * 1000.0
    );
}

#[tokio::main]
async fn main() {
    let (_, _, three_years) = sealed_of(usize::MAX, 9);
    let json = serde_json::to_vec(&Snapshot {
        history: History::three_years_sample(),
        ..Snapshot::default()
    })
    .expect("a snapshot encodes");
    println!(
        "a three-year snapshot (600 sessions): {} bytes of JSON, {} bytes deflated and sealed",
        json.len(),
        three_years.len()
    );
    println!("BENCH sync_blob_3y_bytes {} bytes", three_years.len());
    let dir = std::env::temp_dir().join(format!("backstrong-bench-sync-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    run(
        "sqlite",
        dir.join("sync.db").to_str().expect("a UTF-8 path"),
    )
    .await;
    let _ = std::fs::remove_dir_all(&dir);
    if let Ok(url) = std::env::var("BACKSTRONG_TEST_POSTGRES") {
        run("postgres", &url).await;
    }
}
