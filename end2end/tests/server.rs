//! The release server as a process: it answers, and stops cleanly.

use end2end::Site;
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::TcpStream,
};

/// One plain HTTP/1.1 request over loopback; returns the whole response.
async fn http_get(base: &str, path: &str) -> String {
    let addr = base.trim_start_matches("http://");
    let mut stream = TcpStream::connect(addr).await.expect("connect");
    let request = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await.expect("send");
    let mut response = Vec::new();
    stream.read_to_end(&mut response).await.expect("read");
    String::from_utf8_lossy(&response).into_owned()
}

#[tokio::test]
async fn sigterm_stops_the_server_cleanly() {
    let site = Site::server().await;
    let home = http_get(&site.base, "/").await;
    assert!(home.starts_with("HTTP/1.1 200"), "{home}");
    assert!(home.contains("<h1>BackStrong</h1>"));
    let status = site.terminate().await;
    assert!(status.success(), "exit status after SIGTERM: {status}");
}

#[tokio::test]
async fn the_real_bundles_are_served_with_their_hashed_names() {
    let site = Site::server().await;
    let home = http_get(&site.base, "/").await;
    let session = http_get(&site.base, "/session").await;
    let hashes =
        std::fs::read_to_string(end2end::root().join("target/release/hash.txt")).expect("hash.txt");
    let mut names = Vec::new();
    for line in hashes.lines() {
        let (kind, hash) = line.split_once(": ").expect("kind: hash");
        match kind {
            // Every page but the session page loads the smaller bundle.
            // (The hydration script names each file by its stem.)
            "js" | "wasm" => {
                let stem = format!("\"backstrong.{hash}\"");
                assert!(home.contains(&stem), "{stem} not loaded by the home page");
                assert!(
                    !session.contains(&stem),
                    "{stem} loaded by the session page"
                );
                names.push(format!("/pkg/backstrong.{hash}.{kind}"));
            }
            "css" => names.push(format!("/pkg/backstrong.{hash}.css")),
            // The session page loads the bundle with the session's island.
            "session" => {
                let stem = format!("\"backstrong-session.{hash}\"");
                assert!(session.contains(&stem), "{stem} not loaded by /session");
                assert!(!home.contains(&stem), "{stem} loaded by the home page");
                for ext in ["js", "wasm"] {
                    names.push(format!("/pkg/backstrong-session.{hash}.{ext}"));
                }
            }
            other => panic!("unknown line in hash.txt: {other}"),
        }
    }
    assert_eq!(names.len(), 5);
    for name in names {
        let asset = http_get(&site.base, &name).await;
        assert!(
            asset.starts_with("HTTP/1.1 200"),
            "{name}: {}",
            asset.lines().next().unwrap_or("")
        );
        assert!(asset.contains("immutable"), "{name}");
    }
}
