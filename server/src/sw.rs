//! The service worker of this exact build: `server/src/assets/sw.js` with
//! its build id, its packs' addresses (the pages and the lazy parts of the
//! wasm, see `pack`) and the list of the other files to keep for offline
//! use filled in. The build id hashes every page and every file (names and
//! bytes), so any change to the app, however small, makes a new worker, a
//! new pack and a new cache.

use sha2::{Digest, Sha256};

const TEMPLATE: &str = include_str!("assets/sw.js");

/// A generated service worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceWorker {
    /// The build id, 16 hex digits.
    pub build: String,
    /// Pages kept for offline use, by address: all of them go in the pack.
    pub pages: Vec<String>,
    /// Files kept for offline use and fetched one by one, by address: those
    /// every page loads, which the browser has in its HTTP cache already.
    pub assets: Vec<String>,
    /// Files kept for offline use that go in the pack with the pages.
    pub packed: Vec<String>,
    /// The pack's address (see [`crate::pack`]); it names the build, so it
    /// never changes under its name.
    pub pack: String,
    /// Lazy files the session page loads itself (the runner's), in a pack
    /// of their own: when the session page was the first page opened, the
    /// browser has them all in its HTTP cache, and the worker keeps them
    /// from there instead of downloading them again.
    pub session_packed: Vec<String>,
    /// That pack's address, when it has files.
    pub session_pack: Option<String>,
    /// The script.
    pub script: String,
}

/// The worker for these pages and files (address, bytes). `on_demand`:
/// files left to be kept once fetched (the sync code); `lazy`: the lazy
/// parts of the wasm, which go in the packs; `session`: those of them the
/// session page loads itself, which go in a pack of their own; `headers`:
/// the header lines the pack gives each page, which count towards the
/// build id like the bytes do.
pub fn generate<'a>(
    pages: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    on_demand: &[String],
    lazy: &[String],
    session: &[String],
    headers: &[u8],
) -> ServiceWorker {
    let mut hasher = Sha256::new();
    hash_entry(&mut hasher, "headers", headers);
    let mut page_list = Vec::new();
    for (path, html) in pages {
        hash_entry(&mut hasher, path, html);
        page_list.push(path.to_owned());
    }
    let (mut assets, mut packed, mut session_packed) = (Vec::new(), Vec::new(), Vec::new());
    for (path, bytes) in files {
        // Every file counts towards the build id, precached or not.
        hash_entry(&mut hasher, path, bytes);
        if !precached(path) || on_demand.iter().any(|f| f == path) {
            continue;
        }
        if session.iter().any(|f| f == path) && lazy.iter().any(|f| f == path) {
            session_packed.push(path.to_owned());
        } else if lazy.iter().any(|f| f == path) {
            packed.push(path.to_owned());
        } else {
            assets.push(path.to_owned());
        }
    }
    assets.sort();
    packed.sort();
    session_packed.sort();
    let build = hex16(&hasher.finalize());
    let pack = format!("/pkg/offline.{build}.pack");
    let session_pack =
        (!session_packed.is_empty()).then(|| format!("/pkg/offline-session.{build}.pack"));
    let session_json = match &session_pack {
        Some(url) => serde_json::json!({ "url": url, "files": session_packed }).to_string(),
        None => "null".to_owned(),
    };
    let script = TEMPLATE
        .replace("__BUILD__", &build)
        .replace("__PACK__", &pack)
        .replace("__SESSION_PACK__", &session_json)
        .replace("__ASSETS__", &json_list(&assets));
    ServiceWorker {
        build,
        pages: page_list,
        assets,
        packed,
        pack,
        session_packed,
        session_pack,
        script,
    }
}

/// Lengths first, so no two different lists hash alike.
fn hash_entry(hasher: &mut Sha256, path: &str, bytes: &[u8]) {
    hasher.update((path.len() as u64).to_le_bytes());
    hasher.update(path.as_bytes());
    hasher.update((bytes.len() as u64).to_le_bytes());
    hasher.update(bytes);
}

/// Files the app needs offline: the hashed bundles and styles, the
/// manifest, the favicon and the manifest's scalable icons (Chromium
/// fetches one on every page load, and logs an error when it cannot). Not
/// the files for crawlers, nor the bitmap install icons (`/icons/*.png`,
/// 26 KB brotli): a phone fetches those when the app is installed, online,
/// and keeps its own copies; no page shows them.
fn precached(path: &str) -> bool {
    let bitmap_icon = path.starts_with("/icons/") && path.ends_with(".png");
    path != "/robots.txt" && !bitmap_icon
}

/// 16 hex digits of a digest: the build id, and the ETags' stem.
pub fn hex16(digest: &[u8]) -> String {
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

fn json_list(items: &[String]) -> String {
    serde_json::to_string(items).unwrap_or_else(|_| "[]".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bitmap_install_icons_and_crawler_files_are_not_precached() {
        let sw = generate(
            [("/", &b"<p>a</p>"[..])],
            [
                ("/favicon.svg", &b"svg"[..]),
                ("/icons/icon-512.png", &b"png"[..]),
                ("/icons/icon.svg", &b"svg"[..]),
                ("/manifest.webmanifest", &b"{}"[..]),
                ("/robots.txt", &b"x"[..]),
            ],
            &[],
            &[],
            &[],
            b"",
        );
        assert_eq!(
            sw.assets,
            ["/favicon.svg", "/icons/icon.svg", "/manifest.webmanifest"]
        );
    }

    #[test]
    fn lists_are_json() {
        assert_eq!(json_list(&["/".into(), "/a\"b".into()]), r#"["/","/a\"b"]"#);
    }

    #[test]
    fn any_changed_byte_makes_a_new_build() {
        let build = |page: &'static [u8], icon: &'static [u8], headers: &'static [u8]| {
            generate(
                [("/", page)],
                [("/icon.png", icon), ("/robots.txt", &b"x"[..])],
                &[],
                &[],
                &[],
                headers,
            )
        };
        let a = build(b"<p>a</p>", b"png", b"x: 1\r\n");
        assert_eq!(a.assets, vec!["/icon.png".to_owned()]);
        assert_eq!(a.build.len(), 16);
        assert_ne!(a.build, build(b"<p>b</p>", b"png", b"x: 1\r\n").build);
        assert_ne!(a.build, build(b"<p>a</p>", b"pnG", b"x: 1\r\n").build);
        // The pack gives the pages these headers: new ones, a new pack.
        assert_ne!(a.build, build(b"<p>a</p>", b"png", b"x: 2\r\n").build);
        assert_eq!(a, build(b"<p>a</p>", b"png", b"x: 1\r\n"));
        assert!(a.script.contains(&a.build));
        assert_eq!(a.pack, format!("/pkg/offline.{}.pack", a.build));
        assert!(a.script.contains(&format!("const PACK = \"{}\";", a.pack)));
        assert!(a.script.contains("const SESSION_PACK = null;"));
        assert_eq!(a.session_pack, None);
    }

    #[test]
    fn the_lazy_parts_of_the_wasm_go_in_the_pack_the_rest_one_by_one() {
        let lazy = vec![
            "/pkg/b/chunk_2.wasm".to_owned(),
            "/pkg/b/split_x_1.wasm".to_owned(),
        ];
        let sw = generate(
            [("/", &b"<p>a</p>"[..]), ("/stop", &b"<p>s</p>"[..])],
            [
                ("/pkg/b/app.wasm", &b"main"[..]),
                ("/pkg/b/chunk_2.wasm", &b"c"[..]),
                ("/pkg/b/split_x_1.wasm", &b"x"[..]),
                ("/pkg/b/app.js", &b"js"[..]),
            ],
            &[],
            &lazy,
            &lazy[1..],
            b"",
        );
        assert_eq!(sw.pages, ["/", "/stop"]);
        assert_eq!(sw.packed, lazy[..1]);
        // The session page's own in a pack of their own, named with the
        // files the worker looks for in the HTTP cache first.
        assert_eq!(sw.session_packed, lazy[1..]);
        let session_pack = format!("/pkg/offline-session.{}.pack", sw.build);
        assert_eq!(sw.session_pack.as_deref(), Some(session_pack.as_str()));
        assert!(sw.script.contains(&format!(
            r#"const SESSION_PACK = {{"files":["/pkg/b/split_x_1.wasm"],"url":"{session_pack}"}};"#
        )));
        assert_eq!(sw.assets, ["/pkg/b/app.js", "/pkg/b/app.wasm"]);
        assert!(
            sw.script
                .contains(r#"const ASSETS = ["/pkg/b/app.js","/pkg/b/app.wasm"];"#)
        );
        assert!(!sw.script.contains("chunk_2"));
    }

    #[test]
    fn files_fetched_on_demand_are_not_precached_but_make_the_build() {
        let on_demand = vec!["/pkg/b/split_perform_1.wasm".to_owned()];
        let build = |sync: &'static [u8]| {
            generate(
                [("/", &b"<p>a</p>"[..])],
                [
                    ("/icon.png", &b"png"[..]),
                    ("/pkg/b/split_perform_1.wasm", sync),
                ],
                &on_demand,
                &on_demand,
                &[],
                b"",
            )
        };
        let a = build(b"one");
        // Not fetched one by one, nor packed, even when the split names it.
        assert_eq!(a.assets, vec!["/icon.png".to_owned()]);
        assert!(a.packed.is_empty());
        assert_ne!(a.build, build(b"two").build);
    }
}
