//! What the live tests share: the real binary on a loopback port, a
//! built-site stand-in, and a real HTTP client.
// Each test file uses a part of this.
#![allow(dead_code)]

use hyper::{Request, body::Incoming, client::conn::http1};
use hyper_util::rt::TokioIo;
use std::{
    io::{BufRead, BufReader},
    net::SocketAddr,
    path::PathBuf,
    process::{Child, Command, ExitStatus, Stdio},
};
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::TcpStream,
};

/// The binary under test.
pub fn bin() -> String {
    std::env::var("BACKSTRONG_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_backstrong").into())
}

/// A file larger than the kernel's socket buffers, so a client that stops
/// reading leaves the server mid-answer (and under the server's 16 MB a
/// file).
pub const BIG_BYTES: usize = 12 * 1024 * 1024;
pub const SECRET: &str = "TOP-SECRET-OUTSIDE-THE-SITE";

/// A built-site stand-in with a secret file next to (outside) its root.
pub struct Site {
    pub dir: PathBuf,
}

impl Site {
    pub fn new(tag: &str, big: bool) -> Site {
        let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("backstrong-live-{tag}-{}", std::process::id()));
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

    pub fn root(&self) -> PathBuf {
        self.dir.join("site")
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The running binary; killed if a test fails half way.
pub struct Server {
    pub child: Child,
    pub addr: SocketAddr,
    /// Every line the server logged so far.
    pub log: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl Server {
    pub fn start(site: &Site, extra: &[&str]) -> Server {
        let mut child = Command::new(bin())
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
        // Log lines may come first (at the debug level); the address line
        // is the one the tests need.
        let mut before = Vec::new();
        let line = loop {
            let mut line = String::new();
            if lines.read_line(&mut line).unwrap() == 0 {
                panic!("the server stopped before listening: {before:?}");
            }
            if line.starts_with("listening on ") {
                break line;
            }
            before.push(line.trim_end().to_owned());
        };
        // Keep reading the log so the server never writes into a closed pipe;
        // it shows with the output of a failing test.
        let log = std::sync::Arc::new(std::sync::Mutex::new(before));
        let kept = log.clone();
        std::thread::spawn(move || {
            for line in lines.lines().map_while(Result::ok) {
                eprintln!("server: {line}");
                kept.lock().unwrap().push(line);
            }
        });
        let addr = line
            .trim()
            .strip_prefix("listening on http://")
            .unwrap_or_else(|| panic!("unexpected first line: {line:?}"))
            .parse()
            .unwrap();
        Server { child, addr, log }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn assert_running(&mut self) {
        assert!(
            self.child.try_wait().unwrap().is_none(),
            "the server exited"
        );
    }

    pub fn terminate(&self) {
        let status = Command::new("kill")
            .args(["-TERM", &self.pid().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
    }

    pub fn wait(&mut self) -> ExitStatus {
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
pub async fn request(addr: SocketAddr, req: Request<String>) -> hyper::Response<Vec<u8>> {
    let stream = TcpStream::connect(addr).await.unwrap();
    let (mut sender, conn) = http1::handshake(TokioIo::new(stream)).await.unwrap();
    tokio::spawn(conn);
    let res = sender.send_request(req).await.unwrap();
    let (parts, body) = res.into_parts();
    hyper::Response::from_parts(parts, collect(body).await)
}

/// The same with a body of bytes.
pub async fn request_bytes(addr: SocketAddr, req: Request<Vec<u8>>) -> hyper::Response<Vec<u8>> {
    let (parts, body) = req.into_parts();
    let body = http_body_util::Full::new(bytes::Bytes::from(body));
    let stream = TcpStream::connect(addr).await.unwrap();
    let (mut sender, conn) = http1::handshake(TokioIo::new(stream)).await.unwrap();
    tokio::spawn(conn);
    let res = sender
        .send_request(Request::from_parts(parts, body))
        .await
        .unwrap();
    let (parts, body) = res.into_parts();
    hyper::Response::from_parts(parts, collect(body).await)
}

pub async fn collect(mut body: Incoming) -> Vec<u8> {
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

pub fn get(path: &str) -> Request<String> {
    Request::get(path)
        .header("host", "localhost")
        .body(String::new())
        .unwrap()
}

/// What the server did with a raw request: its status code, or `None` when
/// it closed the connection without answering.
pub async fn raw(addr: SocketAddr, bytes: &[u8]) -> Option<u16> {
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
