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
async fn the_real_bundle_is_served_with_its_hashed_names() {
    let site = Site::server().await;
    let home = http_get(&site.base, "/").await;
    // The page names the hashed js and wasm that the build wrote.
    let hashes =
        std::fs::read_to_string(end2end::root().join("target/release/hash.txt")).expect("hash.txt");
    for line in hashes.lines() {
        let (kind, hash) = line.split_once(": ").expect("kind: hash");
        let name = format!("/pkg/backstrong.{hash}.{kind}");
        assert!(home.contains(&name), "{name} not referenced by the page");
        let asset = http_get(&site.base, &name).await;
        assert!(
            asset.starts_with("HTTP/1.1 200"),
            "{name}: {}",
            asset.lines().next().unwrap_or("")
        );
        assert!(asset.contains("immutable"), "{name}");
    }
}
