//! The real `backstrong` binary on a loopback port: headers and limits seen
//! by a real HTTP client, path traversal, thousands of malformed and hostile
//! requests, slow clients, 1,000 connections at once, and a SIGTERM under
//! load. Nothing here leaves the machine.

use hyper::{Request, body::Incoming, client::conn::http1};
use hyper_util::rt::TokioIo;
use std::{
    io::{BufRead, BufReader},
    net::SocketAddr,
    path::PathBuf,
    process::{Child, Command, ExitStatus, Stdio},
    time::{Duration, Instant},
};
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::TcpStream,
};

const BIN: &str = env!("CARGO_BIN_EXE_backstrong");
/// A file far larger than the kernel's socket buffers, so a client that
/// stops reading leaves the server mid-response.
const BIG_BYTES: usize = 48 * 1024 * 1024;
const SECRET: &str = "TOP-SECRET-OUTSIDE-THE-SITE";

/// A built-site stand-in with a secret file next to (outside) its root.
struct Site {
    dir: PathBuf,
}

impl Site {
    fn new(tag: &str, big: bool) -> Site {
        let dir =
            std::env::temp_dir().join(format!("backstrong-live-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let root = dir.join("site");
        std::fs::create_dir_all(root.join("pkg")).unwrap();
        std::fs::write(
            root.join("pkg/backstrong.0123abcd.wasm"),
            b"\0asm\x01\0\0\0",
        )
        .unwrap();
        std::fs::write(
            root.join("pkg/backstrong.0123abcd.js"),
            b"export default 1;",
        )
        .unwrap();
        std::fs::write(root.join("robots.txt"), b"User-agent: *\n").unwrap();
        std::fs::write(dir.join("secret.txt"), SECRET).unwrap();
        if big {
            std::fs::write(root.join("pkg/big.0123abcd.bin"), vec![b'b'; BIG_BYTES]).unwrap();
        }
        Site { dir }
    }

    fn root(&self) -> PathBuf {
        self.dir.join("site")
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The running binary; killed if a test fails half way.
struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Server {
    fn start(site: &Site, extra: &[&str]) -> Server {
        let mut child = Command::new(BIN)
            .args([
                "serve",
                "--addr",
                "127.0.0.1:0",
                "--log",
                "warn",
                "--site-root",
            ])
            .arg(site.root())
            .args(extra)
            .env_remove("LEPTOS_SITE_ADDR")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start the server");
        let mut lines = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        lines.read_line(&mut line).unwrap();
        // Keep reading the log so the server never writes into a closed pipe;
        // it shows with the output of a failing test.
        std::thread::spawn(move || {
            for line in lines.lines().map_while(Result::ok) {
                eprintln!("server: {line}");
            }
        });
        let addr = line
            .trim()
            .strip_prefix("listening on http://")
            .unwrap_or_else(|| panic!("unexpected first line: {line:?}"))
            .parse()
            .unwrap();
        Server { child, addr }
    }

    fn pid(&self) -> u32 {
        self.child.id()
    }

    fn assert_running(&mut self) {
        assert!(
            self.child.try_wait().unwrap().is_none(),
            "the server exited"
        );
    }

    fn terminate(&self) {
        let status = Command::new("kill")
            .args(["-TERM", &self.pid().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
    }

    fn wait(&mut self) -> ExitStatus {
        self.child.wait().unwrap()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One request over its own connection with a real HTTP client.
async fn request(addr: SocketAddr, req: Request<String>) -> hyper::Response<Vec<u8>> {
    let stream = TcpStream::connect(addr).await.unwrap();
    let (mut sender, conn) = http1::handshake(TokioIo::new(stream)).await.unwrap();
    tokio::spawn(conn);
    let res = sender.send_request(req).await.unwrap();
    let (parts, body) = res.into_parts();
    hyper::Response::from_parts(parts, collect(body).await)
}

async fn collect(mut body: Incoming) -> Vec<u8> {
    use hyper::body::Body;
    let mut out = Vec::new();
    while let Some(frame) =
        std::future::poll_fn(|cx| std::pin::Pin::new(&mut body).poll_frame(cx)).await
    {
        if let Ok(data) = frame.unwrap().into_data() {
            out.extend_from_slice(&data);
        }
    }
    out
}

fn get(path: &str) -> Request<String> {
    Request::get(path)
        .header("host", "localhost")
        .body(String::new())
        .unwrap()
}

/// What the server did with a raw request: its status code, or `None` when
/// it closed the connection without answering.
async fn raw(addr: SocketAddr, bytes: &[u8]) -> Option<u16> {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    // The server may close before reading everything: that is a refusal.
    if stream.write_all(bytes).await.is_err() {
        return None;
    }
    let mut got = Vec::new();
    let mut buf = [0u8; 1024];
    loop {
        match stream.read(&mut buf).await {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                got.extend_from_slice(&buf[..n]);
                if got.windows(2).any(|w| w == b"\r\n") {
                    break;
                }
            }
        }
    }
    let line = String::from_utf8_lossy(&got);
    let status = line.strip_prefix("HTTP/1.1 ")?.get(..3)?;
    Some(
        status
            .parse()
            .unwrap_or_else(|_| panic!("status line {line:?}")),
    )
}

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
        "script-src 'self' 'wasm-unsafe-eval' 'nonce-",
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

/// Seconds the load test holds its connections (30 unless told otherwise).
fn load_seconds() -> u64 {
    std::env::var("BACKSTRONG_LOAD_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(30)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_connections_for_thirty_seconds_without_an_error() {
    let site = Site::new("load", false);
    let mut server = Server::start(&site, &[]);
    let addr = server.addr;
    let until = Instant::now() + Duration::from_secs(load_seconds());
    let paths = [
        "/healthz",
        "/pkg/backstrong.0123abcd.wasm",
        "/",
        "/robots.txt",
    ];
    // All 1,000 connect first, then all send: they are truly open together.
    let mut senders = Vec::new();
    for _ in 0..1000 {
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
                while Instant::now() < until {
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
        "load: {total} requests over 1000 connections, {} errors",
        errors.len()
    );
    assert!(
        errors.is_empty(),
        "{} errors, first: {}",
        errors.len(),
        errors[0]
    );
    assert!(total >= 1000, "every connection made at least one request");
    server.assert_running();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_under_load_lets_requests_in_flight_finish_then_exits_zero() {
    let site = Site::new("sigterm", true);
    let mut server = Server::start(&site, &[]);
    let addr = server.addr;
    // Eight downloads, each stalled after its first bytes: the server is
    // mid-response on all of them when the signal comes.
    let mut streams = Vec::new();
    for _ in 0..8 {
        let mut stream = TcpStream::connect(addr).await.unwrap();
        stream
            .write_all(b"GET /pkg/big.0123abcd.bin HTTP/1.1\r\nHost: x\r\n\r\n")
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
        streams.push((stream, first));
    }
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
    // Every download in flight completes, byte for byte.
    for (mut stream, first) in streams {
        let mut rest = Vec::new();
        stream.read_to_end(&mut rest).await.unwrap();
        let mut all = first;
        all.extend(rest);
        let head_end = all.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
        assert_eq!(all.len() - head_end, BIG_BYTES, "a download was cut short");
    }
    let status = server.wait();
    assert_eq!(status.code(), Some(0), "{status:?}");
}

#[test]
fn bad_settings_stop_the_start_with_a_message_not_a_panic() {
    type Case<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)], &'a str);
    let cases: [Case; 5] = [
        (&["--addr", "not-an-address"], &[], "--addr"),
        (&["--max-connections", "lots"], &[], "--max-connections"),
        (&["--log", "info,=x=y"], &[], "--log"),
        (
            &["--site-root", "/nonexistent/backstrong"],
            &[],
            "make build",
        ),
        (&[], &[("LEPTOS_SITE_ADDR", "nowhere")], "LEPTOS_SITE_ADDR"),
    ];
    for (args, env, expect) in cases {
        let out = Command::new(BIN)
            .args(args)
            .envs(env.iter().copied())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(expect), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
    let help = Command::new(BIN).arg("--help").output().unwrap();
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
async fn connections_beyond_the_cap_wait_until_a_slot_frees() {
    let site = Site::new("cap", false);
    let server = Server::start(&site, &["--max-connections", "2", "--header-timeout", "30"]);
    let addr = server.addr;
    // Two idle connections take both slots...
    let first = TcpStream::connect(addr).await.unwrap();
    let second = TcpStream::connect(addr).await.unwrap();
    // ...so a third visitor is not served while they stay.
    let mut third = tokio::spawn(raw(
        addr,
        b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    ));
    let early = tokio::time::timeout(Duration::from_millis(500), &mut third).await;
    assert!(
        early.is_err(),
        "served beyond the connection cap: {early:?}"
    );
    // One leaves: the third is served.
    drop(first);
    let status = tokio::time::timeout(Duration::from_secs(10), third)
        .await
        .expect("not served after a slot freed")
        .unwrap();
    assert_eq!(status, Some(200));
    drop(second);
}
