//! The sync API of the real `backstrong` binary (Cargo's build of it, or
//! whichever `BACKSTRONG_BIN` names) on a loopback port, over SQLite: every answer it gives, the
//! rate limit, a race between two devices, and what the database and the
//! log keep (no plaintext, no ids, no addresses). The store's own suite
//! runs on SQLite here and on PostgreSQL too when `BACKSTRONG_TEST_POSTGRES`
//! names one (`make test-postgres`).

mod common;

use app::sync::{NONCE_LEN, Snapshot, Stamped, SyncKey, seal};
use common::*;
use hyper::Request;
use server::sync::store::{Deleted, SqlStore, SyncStore, Written};

/// A device's key material.
fn device(seed: u8) -> app::sync::Derived {
    SyncKey::from_random([seed; 32]).derive()
}

fn url(id: &str) -> String {
    format!("/api/sync/v1/{id}")
}

fn put(id: &str, token: Option<&str>, if_match: Option<&str>, body: Vec<u8>) -> Request<Vec<u8>> {
    let mut req = Request::put(url(id)).header("host", "localhost");
    if let Some(token) = token {
        req = req.header("authorization", format!("Bearer {token}"));
    }
    if let Some(v) = if_match {
        req = req.header("if-match", v);
    }
    req.body(body).unwrap()
}

fn bare(method: &str, id: &str, token: Option<&str>) -> Request<Vec<u8>> {
    let mut req = Request::builder()
        .method(method)
        .uri(url(id))
        .header("host", "localhost");
    if let Some(token) = token {
        req = req.header("authorization", format!("Bearer {token}"));
    }
    req.body(Vec::new()).unwrap()
}

fn etag(res: &hyper::Response<Vec<u8>>) -> Option<&str> {
    res.headers().get("etag").and_then(|v| v.to_str().ok())
}

/// A realistic sealed snapshot: a session of leg presses and a note.
fn sealed(d: &app::sync::Derived, version: u64) -> Vec<u8> {
    let mut snapshot = Snapshot::default();
    snapshot
        .history
        .upsert(app::session::History::three_years_sample().sessions[0].clone());
    snapshot.notes.insert(
        "leg-press".into(),
        Stamped {
            value: Some("Seat at notch 4, feet high".into()),
            changed_ms: 1,
        },
    );
    let text = serde_json::to_vec(&snapshot).unwrap();
    seal(&d.cipher, &d.id, version, [version as u8; NONCE_LEN], &text)
}

/// The server with its sync store at `db`, logging at debug level.
fn start(db: &str, site: &Site, extra: &[&str]) -> Server {
    let mut args = vec!["--sync-db", db, "--log", "debug"];
    args.extend_from_slice(extra);
    Server::start(site, &args)
}

/// A SQLite file in the site's folder.
fn sqlite(site: &Site) -> String {
    site.dir.join("sync.db").to_str().unwrap().to_owned()
}

/// The stores to run the API's tests on: SQLite, and PostgreSQL when
/// `BACKSTRONG_TEST_POSTGRES` names one (`make test-postgres`).
fn engines(site: &Site) -> Vec<String> {
    let mut engines = vec![sqlite(site)];
    engines.extend(std::env::var("BACKSTRONG_TEST_POSTGRES").ok());
    engines
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_answer_of_the_sync_api() {
    let site = Site::new("sync-api", false);
    for db in engines(&site) {
        every_answer_on(&site, &db).await;
    }
}

async fn every_answer_on(site: &Site, db: &str) {
    let server = start(
        db,
        site,
        &[
            "--sync-max-bytes",
            "65536",
            "--sync-allow-origin",
            "https://export.example",
        ],
    );
    let addr = server.addr;
    let d = device(1);
    let (id, token) = (d.id.as_str(), d.write.to_header_value());
    let other = device(2).write.to_header_value();
    let ask = |req| request_bytes(addr, req);

    // The pages name the API, so the app offers sync (a server without
    // --sync-db names none, as the export test shows: server/tests/http.rs).
    let home = String::from_utf8(request(addr, get("/")).await.into_body()).unwrap();
    assert!(
        home.contains(r#"<meta name="backstrong-sync" content="/api/sync/v1/">"#),
        "{home}"
    );

    // Nothing stored yet: no content (and no body).
    let none = ask(bare("GET", id, None)).await;
    assert_eq!(none.status(), 204);
    assert!(none.into_body().is_empty());
    assert_eq!(ask(bare("GET", "not-an-id", None)).await.status(), 400);
    assert_eq!(
        ask(bare("GET", &id.to_uppercase(), None)).await.status(),
        400
    );
    let v1 = sealed(&d, 1);
    // A write needs the token, a version, and a body.
    assert_eq!(
        ask(put(id, None, Some("0"), v1.clone())).await.status(),
        401
    );
    assert_eq!(
        ask(put(id, Some("not-a-token"), Some("0"), v1.clone()))
            .await
            .status(),
        401
    );
    assert_eq!(
        ask(put(id, Some(&token), None, v1.clone())).await.status(),
        400
    );
    assert_eq!(
        ask(put(id, Some(&token), Some("x"), v1.clone()))
            .await
            .status(),
        400
    );
    assert_eq!(
        ask(put(id, Some(&token), Some("0"), Vec::new()))
            .await
            .status(),
        400
    );
    // The first write creates version 1.
    let created = ask(put(id, Some(&token), Some("0"), v1.clone())).await;
    assert_eq!(
        (created.status().as_u16(), etag(&created)),
        (201, Some("\"1\""))
    );
    let got = ask(bare("GET", id, None)).await;
    assert_eq!((got.status().as_u16(), etag(&got)), (200, Some("\"1\"")));
    assert_eq!(got.body(), &v1);
    assert_eq!(got.headers()["cache-control"], "no-store");
    // Creating again, or writing from version 0: someone wrote first.
    let late = ask(put(id, Some(&token), Some("0"), v1.clone())).await;
    assert_eq!((late.status().as_u16(), etag(&late)), (412, Some("\"1\"")));
    // Another token may not write or delete.
    assert_eq!(
        ask(put(id, Some(&other), Some("1"), sealed(&d, 2)))
            .await
            .status(),
        401
    );
    assert_eq!(ask(bare("DELETE", id, Some(&other))).await.status(), 401);
    let v2 = sealed(&d, 2);
    let replaced = ask(put(id, Some(&token), Some("\"1\""), v2.clone())).await;
    assert_eq!(
        (replaced.status().as_u16(), etag(&replaced)),
        (200, Some("\"2\""))
    );
    let stale = ask(put(id, Some(&token), Some("1"), sealed(&d, 2))).await;
    assert_eq!(
        (stale.status().as_u16(), etag(&stale)),
        (412, Some("\"2\""))
    );
    assert_eq!(ask(bare("GET", id, None)).await.body(), &v2);
    // Past the cap: 413, and the stored copy is unchanged.
    let big = vec![7u8; 65537];
    assert_eq!(
        ask(put(id, Some(&token), Some("2"), big)).await.status(),
        413
    );
    assert_eq!(ask(bare("GET", id, None)).await.body(), &v2);
    // Other methods.
    assert_eq!(ask(bare("POST", id, Some(&token))).await.status(), 405);
    // A listed origin may call from its pages; others get no CORS grant.
    let preflight = ask(Request::builder()
        .method("OPTIONS")
        .uri(url(id))
        .header("host", "localhost")
        .header("origin", "https://export.example")
        .body(Vec::new())
        .unwrap())
    .await;
    assert_eq!(preflight.status(), 204);
    assert_eq!(
        preflight.headers()["access-control-allow-origin"],
        "https://export.example"
    );
    assert!(
        preflight.headers()["access-control-allow-headers"]
            .to_str()
            .unwrap()
            .contains("if-match")
    );
    let foreign = ask(Request::get(url(id))
        .header("host", "localhost")
        .header("origin", "https://evil.example")
        .body(Vec::new())
        .unwrap())
    .await;
    assert!(
        foreign
            .headers()
            .get("access-control-allow-origin")
            .is_none()
    );
    // Delete: gone, then there is nothing to delete.
    assert_eq!(ask(bare("DELETE", id, Some(&token))).await.status(), 200);
    assert_eq!(ask(bare("GET", id, None)).await.status(), 204);
    assert_eq!(ask(bare("DELETE", id, Some(&token))).await.status(), 404);
    // The site is still served beside the API.
    assert_eq!(ask(bare("GET", "", None)).await.status(), 400);
    assert_eq!(
        request_bytes(
            addr,
            Request::get("/healthz")
                .header("host", "localhost")
                .body(Vec::new())
                .unwrap()
        )
        .await
        .status(),
        200
    );
    // The log names neither the id nor the client's address.
    let log = server.log.lock().unwrap().join("\n");
    assert!(log.contains("answered"), "debug logging was on: {log}");
    assert!(!log.contains(id) && !log.contains("127.0.0.1:"), "{log}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn past_the_rate_limit_a_client_gets_429() {
    let site = Site::new("sync-rate", false);
    let server = start(&sqlite(&site), &site, &["--sync-rate", "5"]);
    let id = device(3).id.as_str().to_owned();
    let mut statuses = Vec::new();
    for _ in 0..7 {
        statuses.push(
            request_bytes(server.addr, bare("GET", &id, None))
                .await
                .status()
                .as_u16(),
        );
    }
    assert_eq!(statuses, [204, 204, 204, 204, 204, 429, 429]);
    let res = request_bytes(server.addr, bare("GET", &id, None)).await;
    assert_eq!(res.headers()["retry-after"], "60");
    // The site itself is not limited.
    let page = request_bytes(
        server.addr,
        Request::get("/robots.txt")
            .header("host", "localhost")
            .body(Vec::new())
            .unwrap(),
    )
    .await;
    assert_eq!(page.status(), 200);
}

/// Two devices write from the same version at once: one wins, the other is
/// told to merge and write again; nothing is overwritten unseen.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn of_two_writes_from_one_version_exactly_one_wins() {
    let site = Site::new("sync-race", false);
    for db in engines(&site) {
        race_on(&site, &db).await;
    }
}

async fn race_on(site: &Site, db: &str) {
    let server = start(db, site, &[]);
    let d = device(4);
    let (id, token) = (d.id.as_str().to_owned(), d.write.to_header_value());
    let created = request_bytes(
        server.addr,
        put(&id, Some(&token), Some("0"), sealed(&d, 1)),
    )
    .await;
    assert_eq!(created.status(), 201);
    for round in 1..=5u64 {
        let writes = (0..4).map(|_| {
            request_bytes(
                server.addr,
                put(
                    &id,
                    Some(&token),
                    Some(&round.to_string()),
                    sealed(&d, round + 1),
                ),
            )
        });
        let statuses: Vec<u16> = futures_join(writes)
            .await
            .iter()
            .map(|r| r.status().as_u16())
            .collect();
        assert_eq!(
            statuses.iter().filter(|s| **s == 200).count(),
            1,
            "{statuses:?}"
        );
        assert_eq!(
            statuses.iter().filter(|s| **s == 412).count(),
            3,
            "{statuses:?}"
        );
    }
}

/// Runs the futures at once, on the runtime's threads; their outputs in order.
async fn futures_join<F>(futures: impl Iterator<Item = F>) -> Vec<F::Output>
where
    F: std::future::Future + Send + 'static,
    F::Output: Send + 'static,
{
    let handles: Vec<_> = futures.map(tokio::spawn).collect();
    let mut out = Vec::new();
    for h in handles {
        out.push(h.await.unwrap());
    }
    out
}

/// What the database keeps: sealed bytes and hashes, no plaintext.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_database_holds_no_plaintext() {
    let site = Site::new("sync-plain", false);
    let d = device(5);
    let (id, token) = (d.id.as_str(), d.write.to_header_value());
    {
        let server = start(&sqlite(&site), &site, &[]);
        let res = request_bytes(server.addr, put(id, Some(&token), Some("0"), sealed(&d, 1))).await;
        assert_eq!(res.status(), 201);
        server.terminate();
    }
    let mut stored = Vec::new();
    for entry in std::fs::read_dir(&site.dir).unwrap() {
        let path = entry.unwrap().path();
        if path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("sync.db")
        {
            stored.extend(std::fs::read(path).unwrap());
        }
    }
    assert!(stored.len() > 1000, "the database was written");
    let text = String::from_utf8_lossy(&stored);
    for plain in ["leg-press", "Leg press", "notch 4", "Seat at", &token] {
        assert!(!text.contains(plain), "the database holds {plain:?}");
    }
    // The token's hash is what is kept.
    assert!(text.contains(&d.write.server_hash()));
}

/// The store's rules, on SQLite, and on PostgreSQL when one is named.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_store_keeps_its_rules_on_every_engine() {
    let dir = tempdir("store");
    let mut specs = vec![dir.join("store.db").to_str().unwrap().to_owned()];
    if let Ok(url) = std::env::var("BACKSTRONG_TEST_POSTGRES") {
        specs.push(url);
    }
    for spec in specs {
        let store = SqlStore::open(&spec).await.unwrap();
        let id = format!(
            "{:032x}",
            std::process::id() as u128 * 7919 + spec.len() as u128
        );
        let (token, other) = ("a".repeat(64), "b".repeat(64));
        let _ = store.delete(&id, &token).await;
        assert_eq!(store.get(&id).await.unwrap(), None, "{spec}");
        assert_eq!(
            store.put(&id, &token, 3, b"x", 1).await.unwrap(),
            Written::Conflict { current: 0 }
        );
        assert_eq!(
            store.put(&id, &token, 0, b"one", 10).await.unwrap(),
            Written::Created
        );
        assert_eq!(
            store.put(&id, &other, 0, b"two", 11).await.unwrap(),
            Written::WrongToken
        );
        assert_eq!(
            store.put(&id, &token, 0, b"two", 11).await.unwrap(),
            Written::Conflict { current: 1 }
        );
        assert_eq!(
            store.put(&id, &other, 1, b"two", 11).await.unwrap(),
            Written::WrongToken
        );
        assert_eq!(
            store.put(&id, &token, 1, b"two", 20).await.unwrap(),
            Written::Replaced(2)
        );
        let got = store.get(&id).await.unwrap().unwrap();
        assert_eq!((got.version, got.blob), (2, b"two".to_vec()));
        // Idle since 20: kept at 20, gone after.
        assert_eq!(store.expire(20).await.unwrap(), 0);
        assert_eq!(
            store.delete(&id, &other).await.unwrap(),
            Deleted::WrongToken
        );
        assert!(store.expire(21).await.unwrap() >= 1);
        assert_eq!(store.get(&id).await.unwrap(), None);
        assert_eq!(store.delete(&id, &token).await.unwrap(), Deleted::NotFound);
    }
}

fn tempdir(tag: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("backstrong-sync-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
