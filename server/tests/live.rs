//! The real `backstrong` binary on a loopback port (the one Cargo builds
//! with these tests, or whichever `BACKSTRONG_BIN` names): headers and limits seen
//! by a real HTTP client, path traversal, thousands of malformed and hostile
//! requests, slow and stalled clients, many connections at once, a SIGTERM
//! under load, and the attacks of issue 12, each while `/healthz` keeps
//! answering. Nothing here leaves the machine.

use hyper::{Request, client::conn::http1};
use hyper_util::rt::TokioIo;
use std::{
    net::SocketAddr,
    process::{Command, Stdio},
    time::{Duration, Instant},
};
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::TcpStream,
};

mod common;
use common::*;

/// Raw request, bounded in time: a server that neither answers nor closes
/// fails the test instead of hanging it.
async fn raw_within(addr: SocketAddr, bytes: &[u8], limit: Duration) -> Option<u16> {
    tokio::time::timeout(limit, raw(addr, bytes))
        .await
        .unwrap_or_else(|_| {
            panic!(
                "no answer and no close within {limit:?} for {:?}",
                String::from_utf8_lossy(&bytes[..bytes.len().min(80)])
            )
        })
}

#[tokio::test]
async fn a_real_client_sees_every_header_and_limit() {
    let site = Site::new("headers", false);
    let mut server = Server::start(&site, &["--behind-tls-proxy"]);
    let res = request(server.addr, get("/")).await;
    assert_eq!(res.status(), 200);
    let h = res.headers();
    let csp = h["content-security-policy"].to_str().unwrap();
    for part in [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval' 'sha256-",
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'none'",
    ] {
        assert!(csp.contains(part), "{part} missing from {csp}");
    }
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["referrer-policy"], "no-referrer");
    assert!(
        h["permissions-policy"]
            .to_str()
            .unwrap()
            .contains("screen-wake-lock=(self)")
    );
    assert!(
        h["strict-transport-security"]
            .to_str()
            .unwrap()
            .starts_with("max-age=")
    );
    assert_eq!(h["cache-control"], "no-cache");

    let res = request(server.addr, get("/pkg/backstrong.0123abcd.wasm")).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "application/wasm");
    assert_eq!(res.headers()["x-content-type-options"], "nosniff");

    let res = request(server.addr, get("/healthz")).await;
    assert_eq!(
        (res.status().as_u16(), res.body().as_slice()),
        (200, &b"ok\n"[..])
    );

    let big = Request::post("/")
        .header("host", "localhost")
        .body("x".repeat(64 * 1024 + 1))
        .unwrap();
    assert_eq!(request(server.addr, big).await.status(), 413);

    // Headers beyond the bound: 431, never a crash.
    let huge = format!(
        "GET / HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\n\r\n",
        "a".repeat(64 * 1024)
    );
    let status = raw_within(server.addr, huge.as_bytes(), Duration::from_secs(10)).await;
    assert!(matches!(status, Some(431) | None), "{status:?}");
    server.assert_running();
}

#[tokio::test]
async fn no_path_leaves_the_site_root() {
    let site = Site::new("traversal", false);
    let server = Server::start(&site, &[]);
    let paths = [
        "/../secret.txt",
        "/../../../../etc/passwd",
        "/pkg/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/pkg/%2e%2e/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/pkg/..%2f..%2fsecret.txt",
        "/%2e%2e%2fsecret.txt",
        "/..%5csecret.txt",
        "/pkg/..%5C..%5Csecret.txt",
        "/%252e%252e/secret.txt",
        "//etc/passwd",
        "/%2fetc%2fpasswd",
        "/etc/passwd",
        "/./../secret.txt",
        "/pkg/./../../secret.txt",
        "/..;/secret.txt",
        "/%c0%ae%c0%ae/secret.txt",
        "/..%00/secret.txt",
        "http://localhost/../secret.txt",
        "/exercise/..%2f..%2fsecret.txt",
    ];
    for path in paths {
        let req = format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        let mut stream = TcpStream::connect(server.addr).await.unwrap();
        stream.write_all(req.as_bytes()).await.unwrap();
        let mut reply = Vec::new();
        let _ = tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut reply)).await;
        let reply = String::from_utf8_lossy(&reply);
        assert!(!reply.contains(SECRET), "{path} leaked the secret");
        assert!(!reply.contains("root:x:0:0"), "{path} leaked /etc/passwd");
        let status = reply.get(9..12).unwrap_or("");
        assert!(
            status.starts_with('4') || status.is_empty(),
            "{path}: {}",
            reply.lines().next().unwrap_or("")
        );
    }
}

/// A small deterministic generator, so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn bytes(&mut self, len: usize) -> Vec<u8> {
        (0..len).map(|_| self.next() as u8).collect()
    }
}

/// One hostile request of the kind picked by `rng`.
fn hostile(rng: &mut Rng) -> Vec<u8> {
    let pick = |rng: &mut Rng, options: &[&str]| options[rng.below(options.len())].to_owned();
    match rng.below(10) {
        // noise
        0 => {
            let len = 1 + rng.below(4096);
            rng.bytes(len)
        }
        // methods nobody should send
        1 => {
            let method = pick(
                rng,
                &["FOO", "G\0T", "get", "CONNECT", "TRACE", "DELETE", "PUT", "PATCH", "PRI", "", "GET GET", "OPTIONS"],
            );
            format!("{method} / HTTP/1.1\r\nHost: x\r\n\r\n").into_bytes()
        }
        // paths that are not UTF-8 or not valid at all
        2 => {
            let mut req = b"GET /".to_vec();
            let len = rng.below(64);
            req.extend(rng.bytes(len).into_iter().map(|b| b | 0x80));
            req.extend_from_slice(b" HTTP/1.1\r\nHost: x\r\n\r\n");
            req
        }
        3 => {
            let path = pick(
                rng,
                &["/%", "/%zz", "/%00", "/%ff%fe", "/\\", "/a b", "*", "/?%%%", "/exercise/%ff", "/\u{202e}"],
            );
            format!("GET {path} HTTP/1.1\r\nHost: x\r\n\r\n").into_bytes()
        }
        // very long lines and too many headers
        4 => {
            let n = 1 + rng.below(200_000);
            format!("GET /{} HTTP/1.1\r\nHost: x\r\n\r\n", "a".repeat(n)).into_bytes()
        }
        5 => {
            let mut req = "GET / HTTP/1.1\r\nHost: x\r\n".to_owned();
            for i in 0..(50 + rng.below(500)) {
                req.push_str(&format!("X-H{i}: {}\r\n", "v".repeat(rng.below(200))));
            }
            req.push_str("\r\n");
            req.into_bytes()
        }
        // broken versions and header syntax
        6 => pick(
            rng,
            &[
                "GET / HTTP/9.9\r\n\r\n",
                "GET / HTTP/1.1x\r\n\r\n",
                "GET /\r\n\r\n",
                "GET / HTTP/1.1\r\nHost\r\n\r\n",
                "GET / HTTP/1.1\r\n: nothing\r\n\r\n",
                "GET / HTTP/1.1\r\nHo\0st: x\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: x\r\n folded: header\r\n\r\n",
                "\r\n\r\n\r\n",
                "GET / HTTP/1.1\nHost: x\n\n",
            ],
        )
        .into_bytes(),
        // bodies that lie about themselves
        7 => pick(
            rng,
            &[
                "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
                "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!",
                "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
                "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n",
                "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n",
                "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
            ],
        )
        .into_bytes(),
        // requests that stop half way (the header deadline closes them)
        8 => {
            let full = b"GET /program HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\n\r\n";
            full[..1 + rng.below(full.len() - 2)].to_vec()
        }
        // ordinary requests mixed in, with odd but legal details
        _ => pick(
            rng,
            &[
                "GET / HTTP/1.0\r\n\r\n",
                "HEAD /program HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /pkg/backstrong.0123abcd.js HTTP/1.1\r\nHost: x\r\nAccept-Encoding: br;q=2, *\r\n\r\n",
                "GET /nope.wasm HTTP/1.1\r\nHost: x\r\nRange: bytes=5-1\r\n\r\n",
                "GET /robots.txt HTTP/1.1\r\nHost: x\r\nRange: bytes=0-0,1-1,2-2\r\n\r\n",
            ],
        )
        .into_bytes(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn thousands_of_hostile_requests_never_get_a_5xx_or_a_crash() {
    let site = Site::new("hostile", false);
    let mut server = Server::start(&site, &["--header-timeout", "1"]);
    let addr = server.addr;
    let total = 3000;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let requests: Vec<Vec<u8>> = (0..total).map(|_| hostile(&mut rng)).collect();
    let mut answered = 0;
    let mut closed = 0;
    // 128 at a time: enough to overlap, few enough to stay within limits.
    // (Those that stop half way each wait out the one-second header deadline.)
    let slots = std::sync::Arc::new(tokio::sync::Semaphore::new(128));
    let tasks: Vec<_> = requests
        .into_iter()
        .map(|req| {
            let slots = slots.clone();
            tokio::spawn(async move {
                let _slot = slots.acquire_owned().await.unwrap();
                let status = raw_within(addr, &req, Duration::from_secs(15)).await;
                (status, req)
            })
        })
        .collect();
    for task in tasks {
        let (status, req) = task.await.unwrap();
        match status {
            Some(code) => {
                assert!(
                    code < 500,
                    "{code} for {:?}",
                    String::from_utf8_lossy(&req[..req.len().min(120)])
                );
                answered += 1;
            }
            None => closed += 1,
        }
    }
    println!("hostile requests: {answered} answered with a status below 500, {closed} closed");
    assert!(
        answered > total / 4,
        "most odd requests still deserve an answer"
    );
    server.assert_running();
    let res = request(addr, get("/program")).await;
    assert_eq!(res.status(), 200);
    assert!(String::from_utf8_lossy(res.body()).contains("Program"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_and_idle_clients_are_cut_off_while_others_are_served() {
    let site = Site::new("slow", false);
    let server = Server::start(&site, &["--header-timeout", "1"]);
    let addr = server.addr;
    let started = Instant::now();
    let mut slow = Vec::new();
    for i in 0..40 {
        slow.push(tokio::spawn(async move {
            let mut stream = TcpStream::connect(addr).await.unwrap();
            if i % 2 == 0 {
                // idle: connects and sends nothing
            } else {
                // slowloris: one header byte at a time, never finishing
                stream
                    .write_all(b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ")
                    .await
                    .unwrap();
                let mut tick = tokio::time::interval(Duration::from_millis(100));
                loop {
                    tick.tick().await;
                    if stream.write_all(b"a").await.is_err() {
                        break;
                    }
                    // the server may answer 408 before it closes
                    let mut probe = [0u8; 64];
                    match tokio::time::timeout(Duration::from_millis(1), stream.read(&mut probe))
                        .await
                    {
                        Ok(Ok(0) | Err(_)) => break,
                        Ok(Ok(_)) => {}
                        Err(_) => continue,
                    }
                }
            }
            let mut rest = Vec::new();
            let _ = stream.read_to_end(&mut rest).await;
            started.elapsed()
        }));
    }
    // Meanwhile a normal visitor is served at once.
    let res = request(addr, get("/")).await;
    assert_eq!(res.status(), 200);
    for task in slow {
        let after = tokio::time::timeout(Duration::from_secs(10), task)
            .await
            .expect("a slow client was never cut off")
            .unwrap();
        assert!(
            after < Duration::from_secs(5),
            "cut off only after {after:?}"
        );
    }
}

/// Seconds the load test holds its connections, and how many: a short
/// run here; `make bench-server` runs 1,000 connections for 30 s.
fn load_settings() -> (u64, usize) {
    let read = |name: &str, default| {
        std::env::var(name)
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(default)
    };
    (
        read("BACKSTRONG_LOAD_SECS", 2) as u64,
        read("BACKSTRONG_LOAD_CONNECTIONS", 200),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_connections_at_once_without_an_error() {
    let (secs, connections) = load_settings();
    let site = Site::new("load", false);
    let mut server = Server::start(&site, &[]);
    let addr = server.addr;
    let until = Instant::now() + Duration::from_secs(secs);
    let paths = [
        "/healthz",
        "/pkg/backstrong.0123abcd.wasm",
        "/",
        "/robots.txt",
    ];
    // All connect first, then all send: they are truly open together.
    let mut senders = Vec::new();
    for _ in 0..connections {
        let stream = TcpStream::connect(addr).await.unwrap();
        let (sender, conn) = http1::handshake(TokioIo::new(stream)).await.unwrap();
        tokio::spawn(conn);
        senders.push(sender);
    }
    let tasks: Vec<_> = senders
        .into_iter()
        .enumerate()
        .map(|(i, mut sender)| {
            tokio::spawn(async move {
                let mut done = 0u32;
                while done == 0 || Instant::now() < until {
                    let path = paths[(i + done as usize) % paths.len()];
                    sender.ready().await.map_err(|e| format!("{path}: {e}"))?;
                    let res = sender
                        .send_request(get(path))
                        .await
                        .map_err(|e| format!("{path}: {e}"))?;
                    let status = res.status();
                    collect(res.into_body()).await;
                    if status != 200 {
                        return Err(format!("{path}: {status}"));
                    }
                    done += 1;
                }
                Ok::<u32, String>(done)
            })
        })
        .collect();
    let mut total = 0;
    let mut errors = Vec::new();
    for task in tasks {
        match task.await.unwrap() {
            Ok(n) => total += n,
            Err(e) => errors.push(e),
        }
    }
    println!(
        "load: {total} requests over {connections} connections in {secs} s, {} errors",
        errors.len()
    );
    assert!(
        errors.is_empty(),
        "{} errors, first: {}",
        errors.len(),
        errors[0]
    );
    assert!(
        total as usize >= connections,
        "every connection made a request"
    );
    server.assert_running();
}

/// `/healthz` on a new connection answers 200 within `limit`.
async fn assert_healthy_within(addr: SocketAddr, limit: Duration, during: &str) {
    for _ in 0..5 {
        let started = Instant::now();
        let status = tokio::time::timeout(
            limit,
            raw(
                addr,
                b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            ),
        )
        .await
        .unwrap_or_else(|_| panic!("/healthz took over {limit:?} during {during}"));
        assert_eq!(status, Some(200), "during {during}");
        let took = started.elapsed();
        assert!(took < limit, "/healthz took {took:?} during {during}");
    }
}

/// A download that reads a little at a time, steadily, to its end; returns
/// the body's length.
async fn steady_download(mut stream: TcpStream, first: Vec<u8>) -> usize {
    let mut all = first;
    let mut buf = vec![0u8; 256 * 1024];
    let mut tick = tokio::time::interval(Duration::from_millis(5));
    loop {
        tick.tick().await;
        match stream.read(&mut buf).await {
            Ok(0) | Err(_) => break,
            Ok(n) => all.extend_from_slice(&buf[..n]),
        }
    }
    let head_end = all.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
    all.len() - head_end
}

/// Sends a request for the big file and reads the first bytes of the answer.
async fn start_big_download(addr: SocketAddr) -> (TcpStream, Vec<u8>) {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream
        .write_all(b"GET /pkg/big.0123abcd.bin HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut first = vec![0u8; 4096];
    let n = stream.read(&mut first).await.unwrap();
    first.truncate(n);
    assert!(
        first.starts_with(b"HTTP/1.1 200"),
        "{:?}",
        String::from_utf8_lossy(&first)
    );
    (stream, first)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_lets_steady_downloads_finish_closes_stalled_ones_and_exits_zero() {
    let site = Site::new("sigterm", true);
    let mut server = Server::start(&site, &[]);
    let addr = server.addr;
    // Four downloads that read slowly but steadily, and four that stopped
    // reading: the server is mid-answer on all of them when the signal comes.
    let mut steady = Vec::new();
    for _ in 0..4 {
        let (stream, first) = start_big_download(addr).await;
        steady.push(tokio::spawn(steady_download(stream, first)));
    }
    let mut stalled = Vec::new();
    for _ in 0..4 {
        stalled.push(start_big_download(addr).await.0);
    }
    let signalled = Instant::now();
    server.terminate();
    // A new visitor is no longer taken once the server is stopping.
    let refused = async {
        loop {
            match TcpStream::connect(addr).await {
                Err(_) => break,
                Ok(mut s) => {
                    let _ = s
                        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                        .await;
                    let mut buf = Vec::new();
                    let _ = s.read_to_end(&mut buf).await;
                    if buf.is_empty() {
                        break;
                    }
                }
            }
            tokio::task::yield_now().await;
        }
    };
    tokio::time::timeout(Duration::from_secs(10), refused)
        .await
        .expect("the server kept accepting after SIGTERM");
    // Every steady download completes, byte for byte.
    for task in steady {
        assert_eq!(
            task.await.unwrap(),
            BIG_BYTES,
            "a steady download was cut short"
        );
    }
    // The stalled ones do not hold the stop for the 30 s drain.
    let status = tokio::task::spawn_blocking(move || server.wait())
        .await
        .unwrap();
    assert_eq!(status.code(), Some(0), "{status:?}");
    let took = signalled.elapsed();
    assert!(took < Duration::from_secs(10), "the stop took {took:?}");
    for mut stream in stalled {
        let mut rest = Vec::new();
        let _ = stream.read_to_end(&mut rest).await;
        assert!(rest.len() < BIG_BYTES, "a stalled download was waited for");
    }
}

#[test]
fn bad_settings_stop_the_start_with_a_message_not_a_panic() {
    use std::ffi::OsString;
    use std::os::unix::ffi::OsStringExt;
    let not_utf8 = || OsString::from_vec(vec![b'o', b'n', 0xff]);
    type Case = (Vec<OsString>, Vec<(&'static str, OsString)>, &'static str);
    let args = |a: &[&str]| a.iter().map(OsString::from).collect::<Vec<_>>();
    let cases: Vec<Case> = vec![
        (args(&["--addr", "not-an-address"]), vec![], "--addr"),
        (
            args(&["--max-connections", "lots"]),
            vec![],
            "--max-connections",
        ),
        (args(&["--log", "info,=x=y"]), vec![], "--log"),
        (
            args(&["--site-root", "/nonexistent/backstrong"]),
            vec![],
            "make build",
        ),
        (
            args(&[]),
            vec![("LEPTOS_SITE_ADDR", "nowhere".into())],
            "LEPTOS_SITE_ADDR",
        ),
        // Hole 5: each of these once panicked, was ignored, or was taken.
        (
            vec!["--site-root".into(), not_utf8()],
            vec![],
            "not valid UTF-8",
        ),
        (
            args(&[]),
            vec![("BACKSTRONG_BEHIND_TLS_PROXY", not_utf8())],
            "BACKSTRONG_BEHIND_TLS_PROXY",
        ),
        (
            args(&["--header-timeout", "1e-300"]),
            vec![],
            "--header-timeout",
        ),
        (
            args(&[]),
            vec![("LEPTOS_OUTPUT_NAME", "".into())],
            "LEPTOS_OUTPUT_NAME",
        ),
    ];
    for (args, env, expect) in cases {
        let out = Command::new(bin())
            .args(&args)
            .envs(env.iter().map(|(k, v)| (k, v)))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(expect), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
    let help = Command::new(bin()).arg("--help").output().unwrap();
    assert!(help.status.success());
    let text = String::from_utf8_lossy(&help.stdout);
    for flag in [
        "--addr",
        "--site-root",
        "--log",
        "--behind-tls-proxy",
        "--max-connections",
        "/healthz",
    ] {
        assert!(text.contains(flag), "--help does not mention {flag}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn at_the_cap_an_idle_connection_gives_way_to_a_new_one() {
    let site = Site::new("cap", false);
    let server = Server::start(&site, &["--max-connections", "2", "--header-timeout", "30"]);
    let addr = server.addr;
    // Two idle connections take both slots...
    let mut first = TcpStream::connect(addr).await.unwrap();
    let mut second = TcpStream::connect(addr).await.unwrap();
    // (the server has taken both once each has been answered)
    for stream in [&mut first, &mut second] {
        stream
            .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            .await
            .unwrap();
        let mut buf = [0u8; 1024];
        assert!(stream.read(&mut buf).await.unwrap() > 0);
    }
    // ...and a third visitor is served at once: an idle one gives way.
    assert_healthy_within(
        addr,
        Duration::from_millis(100),
        "two idle connections at a cap of 2",
    )
    .await;
    let mut closed = 0;
    for stream in [&mut first, &mut second] {
        let mut buf = [0u8; 16];
        if let Ok(Ok(0)) = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut buf)).await
        {
            closed += 1;
        }
    }
    assert!(closed >= 1, "no idle connection was closed to make room");
}

/// Hole 1: clients that pipeline requests for a big file and never read.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_readers_cannot_lock_out_new_clients_or_hold_a_stop() {
    let site = Site::new("slow-readers", true);
    let mut server = Server::start(&site, &["--max-connections", "50"]);
    let addr = server.addr;
    let mut attackers = Vec::new();
    let pipelined = b"GET /pkg/big.0123abcd.bin HTTP/1.1\r\nHost: x\r\n\r\n".repeat(12);
    for _ in 0..50 {
        let mut stream = TcpStream::connect(addr).await.unwrap();
        stream.write_all(&pipelined).await.unwrap();
        // The server is answering (and then stalls on a full socket).
        let mut first = [0u8; 16];
        let _ = stream.read_exact(&mut first).await;
        attackers.push(stream);
    }
    assert_healthy_within(
        addr,
        Duration::from_millis(100),
        "50 slow readers at a cap of 50",
    )
    .await;
    // Normal visitors too.
    let res = request(addr, get("/program")).await;
    assert_eq!(res.status(), 200);
    // And a stop does not wait for them.
    let signalled = Instant::now();
    server.terminate();
    let status = tokio::task::spawn_blocking(move || server.wait())
        .await
        .unwrap();
    assert_eq!(status.code(), Some(0));
    assert!(
        signalled.elapsed() < Duration::from_secs(10),
        "the stop waited {:?} for stalled readers",
        signalled.elapsed()
    );
    drop(attackers);
}

/// Hole 2: request targets that are not paths once panicked a worker.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn targets_that_are_not_paths_get_400_with_every_header() {
    let site = Site::new("targets", false);
    let mut server = Server::start(&site, &[]);
    let addr = server.addr;
    for target in ["GET x:80", "GET localhost", "HEAD favicon.svg", "GET *"] {
        let req = format!("{target} HTTP/1.1\r\nHost: x\r\n\r\n");
        let reply = raw_reply(addr, req.as_bytes()).await;
        assert!(reply.starts_with("HTTP/1.1 400 "), "{target}: {reply}");
        assert_security_headers(&reply, target);
    }
    // A flood of them from one client, on one connection after another,
    // while others are served at once.
    let flood = tokio::spawn(async move {
        for _ in 0..2000 {
            let _ = raw(addr, b"GET x:80 HTTP/1.1\r\nHost: x\r\n\r\n").await;
        }
    });
    assert_healthy_within(addr, Duration::from_millis(100), "a flood of bad targets").await;
    flood.await.unwrap();
    server.assert_running();
}

/// Hole 3: paths whose file name would be too long, and a NUL.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_paths_get_a_4xx_never_a_5xx() {
    let site = Site::new("paths", false);
    let mut server = Server::start(&site, &[]);
    let addr = server.addr;
    for len in [252, 253, 254, 255, 256, 300] {
        for (method, ext) in [("GET", ""), ("GET", ".js"), ("HEAD", ".wasm")] {
            let req = format!(
                "{method} /pkg/{}{ext} HTTP/1.1\r\nHost: x\r\nAccept-Encoding: br, gzip\r\n\r\n",
                "a".repeat(len)
            );
            let reply = raw_reply(addr, req.as_bytes()).await;
            assert!(reply.starts_with("HTTP/1.1 404 "), "{len} {ext}: {reply}");
        }
    }
    for path in ["/a%00", "/%00", "/pkg/%00.js"] {
        for method in ["GET", "HEAD"] {
            let req = format!("{method} {path} HTTP/1.1\r\nHost: x\r\n\r\n");
            let reply = raw_reply(addr, req.as_bytes()).await;
            assert!(
                reply.starts_with("HTTP/1.1 404 "),
                "{method} {path}: {reply}"
            );
        }
    }
    assert_healthy_within(addr, Duration::from_millis(100), "hostile paths").await;
    server.assert_running();
}

/// Hole 6: every answer has its headers, HEAD matches GET, revalidation
/// is a 304, and two Host headers are refused.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_answer_has_its_headers_and_pages_revalidate_with_304() {
    let site = Site::new("headers-all", false);
    let server = Server::start(&site, &[]);
    let addr = server.addr;
    let big_body = format!(
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\n\r\n{}",
        64 * 1024 + 1,
        "x".repeat(64 * 1024 + 1)
    );
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (b"GET / HTTP/1.1\r\nHost\r\n\r\n".to_vec(), "400"),
        (
            b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n".to_vec(),
            "400",
        ),
        (
            format!(
                "GET / HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\n\r\n",
                "a".repeat(20 * 1024)
            )
            .into_bytes(),
            "431",
        ),
        (big_body.into_bytes(), "413"),
        (
            format!("GET /{} HTTP/1.1\r\nHost: x\r\n\r\n", "a".repeat(3000)).into_bytes(),
            "414",
        ),
        (b"DELETE / HTTP/1.1\r\nHost: x\r\n\r\n".to_vec(), "405"),
    ];
    for (req, status) in cases {
        let reply = raw_reply(addr, &req).await;
        assert!(
            reply.starts_with(&format!("HTTP/1.1 {status} ")),
            "{status}: {reply}"
        );
        assert_security_headers(&reply, status);
        assert!(reply.contains("\r\ncache-control: "), "{status}: {reply}");
    }
    for path in ["/", "/program", "/sw.js", "/pkg/backstrong.0123abcd.js"] {
        for accept in ["br", "gzip", "identity"] {
            let ask = |method: &str, extra: &str| {
                format!(
                    "{method} {path} HTTP/1.1\r\nHost: x\r\nAccept-Encoding: {accept}\r\n{extra}\r\n"
                )
            };
            let get_reply = raw_reply(addr, ask("GET", "").as_bytes()).await;
            let head_reply = raw_reply(addr, ask("HEAD", "").as_bytes()).await;
            let fields = |reply: &str| {
                let head = reply.split("\r\n\r\n").next().unwrap().to_owned();
                head.lines()
                    .filter(|l| !l.starts_with("date:"))
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            };
            assert_eq!(fields(&head_reply), fields(&get_reply), "{path} {accept}");
            let etag = get_reply
                .lines()
                .find_map(|l| l.strip_prefix("etag: "))
                .unwrap_or_else(|| panic!("{path}: no ETag"))
                .to_owned();
            let again = raw_reply(
                addr,
                ask("GET", &format!("If-None-Match: {etag}\r\n")).as_bytes(),
            )
            .await;
            assert!(
                again.starts_with("HTTP/1.1 304 "),
                "{path} {accept}: {again}"
            );
            assert!(again.ends_with("\r\n\r\n"), "a 304 has no body");
            assert_security_headers(&again, "304");
        }
    }
}

/// The server and the export of the same binary, byte for byte, for every
/// address the service worker lists and every encoding.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_server_sends_the_exports_bytes() {
    let site = Site::new("same-bytes", false);
    let out = site.dir.join("dist");
    let status = Command::new(bin())
        .args(["export", "--site-root"])
        .arg(site.root())
        .arg("--out")
        .arg(&out)
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let server = Server::start(&site, &[]);
    let sw = std::fs::read_to_string(out.join("sw.js")).unwrap();
    let list = |name: &str| -> Vec<String> {
        let start = sw.find(&format!("const {name} = ")).unwrap() + name.len() + 9;
        let end = start + sw[start..].find(";\n").unwrap();
        serde_json::from_str(&sw[start..end]).unwrap()
    };
    let mut addresses = list("ASSETS");
    let pack = sw
        .split("const PACK = \"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let packed = std::fs::read(out.join(pack.trim_start_matches('/'))).unwrap();
    for entry in server::pack::read(&packed).unwrap() {
        addresses.push(entry.path.into_owned());
    }
    addresses.push(pack.to_owned());
    addresses.push("/sw.js".into());
    assert!(addresses.len() > 20, "{addresses:?}");
    for address in addresses {
        let file = if address.contains('.') {
            address.trim_start_matches('/').to_owned()
        } else if address == "/" {
            "index.html".to_owned()
        } else {
            format!("{}/index.html", address.trim_start_matches('/'))
        };
        for (accept, suffix) in [("br", ".br"), ("gzip", ".gz"), ("identity", "")] {
            let path = out.join(format!("{file}{suffix}"));
            let Ok(expected) = std::fs::read(&path) else {
                assert!(!suffix.is_empty(), "{} missing", path.display());
                continue;
            };
            let res = request(
                server.addr,
                Request::get(address.as_str())
                    .header("host", "localhost")
                    .header("accept-encoding", accept)
                    .body(String::new())
                    .unwrap(),
            )
            .await;
            assert_eq!(res.status(), 200, "{address}");
            assert!(
                res.body() == &expected,
                "{address} ({accept}) differs from {}",
                path.display()
            );
        }
    }
}

/// Hole 4: `export --out` never deletes what is not an earlier export.
#[test]
fn the_binary_refuses_an_export_that_would_delete_other_files() {
    let site = Site::new("export-out", false);
    let here = site.dir.join("work");
    std::fs::create_dir_all(&here).unwrap();
    std::fs::write(here.join("thesis.txt"), "years of work").unwrap();
    for out in [".", "..", site.root().to_str().unwrap()] {
        let run = Command::new(bin())
            .args(["export", "--site-root"])
            .arg(site.root())
            .args(["--out", out])
            .current_dir(&here)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(2), "--out {out}: {stderr}");
        assert!(
            stderr.contains("Nothing was changed"),
            "--out {out}: {stderr}"
        );
    }
    assert_eq!(
        std::fs::read_to_string(here.join("thesis.txt")).unwrap(),
        "years of work"
    );
    assert!(site.root().join("pkg/backstrong.0123abcd.wasm").is_file());
}

/// The whole answer to one raw request on its own connection, as text.
async fn raw_reply(addr: SocketAddr, bytes: &[u8]) -> String {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let _ = stream.write_all(bytes).await;
    let _ = stream.shutdown().await;
    let mut got = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut got)).await;
    String::from_utf8_lossy(&got).into_owned()
}

fn assert_security_headers(reply: &str, what: &str) {
    let head = reply.split("\r\n\r\n").next().unwrap_or("");
    for field in [
        "content-security-policy: default-src 'self'",
        "x-content-type-options: nosniff",
        "referrer-policy: no-referrer",
        "permissions-policy: ",
        "x-frame-options: DENY",
    ] {
        assert!(head.contains(field), "{what}: no {field} in {head}");
    }
}
