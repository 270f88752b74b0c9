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

/// The files each page lists for the hydration script (`<meta
/// name="backstrong-preload">`): all in this build's folder, the session's
/// split only on the session page, each served for a year; the split
/// manifest stays on the server.
#[tokio::test]
async fn each_page_lists_its_own_files_of_this_build() {
    let site = Site::server().await;
    let hashes = end2end::hashes();
    let mut css = None;
    let mut build = None;
    for line in hashes.lines() {
        match line.split_once(": ").expect("kind: hash") {
            ("css", hash) => css = Some(format!("/pkg/backstrong.{hash}.css")),
            ("build", id) => build = Some(format!("/pkg/{id}/")),
            (other, _) => panic!("unknown line in hash.txt: {other}"),
        }
    }
    let (css, folder) = (css.expect("css line"), build.expect("build line"));
    let listed = |page: &str| -> Vec<String> {
        let start = page
            .find("<meta name=\"backstrong-preload\" content=\"")
            .expect("a preload list")
            + "<meta name=\"backstrong-preload\" content=\"".len();
        let list = &page[start..start + page[start..].find('"').unwrap()];
        list.split(' ').map(str::to_owned).collect()
    };
    let home = listed(&http_get(&site.base, "/").await);
    let session = listed(&http_get(&site.base, "/session").await);
    let is_session_split = |f: &String| f.contains("split_session_runner_loader_");
    assert!(!home.iter().any(is_session_split), "{home:?}");
    assert!(session.iter().any(is_session_split), "{session:?}");
    for name in [&css].into_iter().chain(&home).chain(&session) {
        assert!(
            name == &css || name.starts_with(&folder),
            "{name} is not in {folder}"
        );
        let asset = http_get(&site.base, name).await;
        assert!(
            asset.starts_with("HTTP/1.1 200"),
            "{name}: {}",
            asset.lines().next().unwrap_or("")
        );
        assert!(asset.contains("immutable"), "{name}");
    }
    let manifest = http_get(&site.base, &format!("{folder}manifest.json")).await;
    assert!(manifest.starts_with("HTTP/1.1 404"), "{manifest}");
}
