//! Browser test support: starts the real release server or serves the
//! static export, starts chromedriver with a headless Chromium, and offers
//! page-level helpers. Everything runs on loopback, on free ports, and is
//! stopped when its handle is dropped.
//!
//! The tests expect a build (`scripts/build.sh`): the site in `target/site`
//! and the server binary at `target/release/backstrong`, or wherever
//! `BACKSTRONG_BIN` says (`make test` uses the dev build its native tier
//! makes anyway), with the build's `hash.txt` next to it.

use fantoccini::{
    Client, ClientBuilder, Locator, elements::Element, wd::WebDriverCompatibleCommand,
};
use serde_json::{Value, json};
use std::{
    net::TcpListener,
    path::{Path, PathBuf},
    process::Stdio,
    time::Duration,
};
use tokio::{
    io::{AsyncBufReadExt, BufReader},
    process::{Child, Command},
};

/// How long any single wait may take before the test fails.
pub const WAIT: Duration = Duration::from_secs(20);

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace root")
        .to_owned()
}

/// The server binary: `BACKSTRONG_BIN`, or the release build.
pub fn server_bin() -> PathBuf {
    std::env::var_os("BACKSTRONG_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target/release/backstrong"))
}

/// The build's names (`css: …`, `build: …`), from the `hash.txt` the server
/// reads next to its binary.
pub fn hashes() -> String {
    let path = server_bin().with_file_name("hash.txt");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("read {} (run scripts/build.sh first): {e}", path.display()))
}

/// Which way the app is being served.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Host {
    /// The Rust server (SSR on each request).
    Server,
    /// The static export, served by Python's plain file server.
    Export,
}

/// A running web host; killed on drop.
pub struct Site {
    /// e.g. `http://127.0.0.1:41234`
    pub base: String,
    _child: Child,
    _export_dir: Option<TempDir>,
}

impl Site {
    /// Starts the given host.
    pub async fn start(host: Host) -> Site {
        match host {
            Host::Server => Self::server().await,
            Host::Export => Self::export().await,
        }
    }

    /// Starts the server on a free port.
    pub async fn server() -> Site {
        Self::server_with("127.0.0.1:0", &[]).await
    }

    /// Starts the server at `addr` (`127.0.0.1:0`: a free port)
    /// with extra arguments (`--sync-db …`).
    pub async fn server_with(addr: &str, args: &[&str]) -> Site {
        let mut child = Command::new(server_bin())
            .current_dir(root())
            .env("LEPTOS_SITE_ADDR", addr)
            .env("LEPTOS_SITE_ROOT", root().join("target/site"))
            .env("RUST_LOG", "warn")
            .arg("serve")
            .args(args)
            .stdout(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .unwrap_or_else(|e| {
                panic!(
                    "start {} (run scripts/build.sh first): {e}",
                    server_bin().display()
                )
            });
        let line = first_line_containing(&mut child, "listening on ").await;
        let base = line.trim().trim_start_matches("listening on ").to_owned();
        Site {
            base,
            _child: child,
            _export_dir: None,
        }
    }

    /// Writes the static export with the server binary, then serves it with
    /// `python3 -m http.server`: no Rust at serving time.
    pub async fn export() -> Site {
        let dir = TempDir::new("export");
        let mut site = Self::serve_export_at(&dir.0).await;
        site._export_dir = Some(dir);
        site
    }

    /// Writes the static export into `dir` and serves whatever `dir` holds
    /// from then on (a test may swap its contents for another build).
    pub async fn serve_export_at(dir: &Path) -> Site {
        Self::serve_export_with(dir, &[]).await
    }

    /// The same, with extra arguments for `export` (`--sync-url …`).
    pub async fn serve_export_with(dir: &Path, args: &[&str]) -> Site {
        let status = Command::new(server_bin())
            .current_dir(root())
            .env("LEPTOS_SITE_ROOT", root().join("target/site"))
            .env("RUST_LOG", "warn")
            .arg("export")
            .arg("--out")
            .arg(dir)
            .args(args)
            .status()
            .await
            .expect("run backstrong export");
        assert!(status.success(), "export failed");
        let mut child = Command::new("python3")
            .args(["-u", "-m", "http.server", "--bind", "127.0.0.1", "0", "-d"])
            .arg(dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .expect("start python3 -m http.server");
        // "Serving HTTP on 127.0.0.1 port 41234 (http://127.0.0.1:41234/) ..."
        let line = first_line_containing(&mut child, "Serving HTTP").await;
        let base = line
            .split('(')
            .nth(1)
            .and_then(|s| s.split(')').next())
            .expect("address in python's banner")
            .trim_end_matches('/')
            .to_owned();
        Site {
            base,
            _child: child,
            _export_dir: None,
        }
    }

    /// Sends SIGTERM (what a service manager sends on stop) and waits for
    /// the process to exit.
    pub async fn terminate(mut self) -> std::process::ExitStatus {
        let pid = self._child.id().expect("running child").to_string();
        let sent = std::process::Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .expect("run kill");
        assert!(sent.success(), "kill -TERM {pid}");
        tokio::time::timeout(WAIT, self._child.wait())
            .await
            .expect("exit within the wait limit")
            .expect("wait for the server")
    }

    /// The full URL of `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }
}

async fn first_line_containing(child: &mut Child, needle: &str) -> String {
    let stdout = child.stdout.take().expect("piped stdout");
    let mut lines = BufReader::new(stdout).lines();
    let found = tokio::time::timeout(WAIT, async {
        while let Some(line) = lines.next_line().await.expect("read child output") {
            if line.contains(needle) {
                return line;
            }
        }
        panic!("child exited before printing {needle:?}");
    })
    .await
    .unwrap_or_else(|_| panic!("no {needle:?} from child within {WAIT:?}"));
    // Keep draining so the child never blocks on a full pipe.
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    found
}

/// A folder removed on drop.
pub struct TempDir(pub PathBuf);

impl TempDir {
    /// A fresh, empty folder under the system temp dir.
    pub fn new(tag: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!(
            "backstrong-{tag}-{}-{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or_default()
        ));
        std::fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A headless Chromium behind its own chromedriver; both stop on drop.
pub struct Browser {
    /// The WebDriver client.
    pub client: Client,
    _driver: Child,
    _profile: TempDir,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

impl Browser {
    /// Starts chromedriver and a fresh headless Chromium profile.
    pub async fn start() -> Browser {
        let port = free_port();
        let driver = Command::new(
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into()),
        )
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        // Its own process group, so dropping the browser also ends the
        // Chromium it started, even when a test fails before `close`.
        .process_group(0)
        .kill_on_drop(true)
        .spawn()
        .expect("start chromedriver (apt-get install chromium-driver)");
        let profile = TempDir::new("chromium");
        let caps = json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": "/usr/bin/chromium",
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=412,915",
                    format!("--user-data-dir={}", profile.0.display()),
                ],
            },
            "goog:loggingPrefs": { "browser": "ALL" },
        });
        let caps = match caps {
            Value::Object(map) => map,
            _ => unreachable!(),
        };
        let url = format!("http://127.0.0.1:{port}");
        // chromedriver needs a moment to listen; retry the connection only.
        let mut last_err = None;
        let started = std::time::Instant::now();
        let client = loop {
            match ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(client) => break client,
                Err(e) if started.elapsed() < WAIT => {
                    last_err = Some(e);
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
                Err(e) => panic!("chromedriver did not start: {e} (before: {last_err:?})"),
            }
        };
        Browser {
            client,
            _driver: driver,
            _profile: profile,
        }
    }

    /// Opens `url` and waits until the app has hydrated and loaded its state.
    pub async fn open(&self, url: &str) {
        self.client.goto(url).await.expect("navigate");
        self.wait_hydrated().await;
    }

    /// Waits for `<body data-hydrated>`, set once the wasm has taken over.
    pub async fn wait_hydrated(&self) {
        self.wait_for("body[data-hydrated]").await;
    }

    /// Waits until `css` matches an element, and returns it.
    pub async fn wait_for(&self, css: &str) -> Element {
        self.wait_for_within(css, WAIT).await
    }

    /// Waits for an element matching `css`, for at most `limit`: for what
    /// the app does on its own timers.
    pub async fn wait_for_within(&self, css: &str, limit: Duration) -> Element {
        self.client
            .wait()
            .at_most(limit)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("waiting for {css}: {e}"))
    }

    /// The first element matching `css`, now.
    pub async fn find(&self, css: &str) -> Element {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("finding {css}: {e}"))
    }

    /// The text of the first match of `css`.
    pub async fn text(&self, css: &str) -> String {
        self.find(css).await.text().await.expect("element text")
    }

    /// An attribute of the first match of `css`.
    pub async fn attr(&self, css: &str, name: &str) -> Option<String> {
        self.find(css)
            .await
            .attr(name)
            .await
            .expect("element attribute")
    }

    /// Waits for the first match of `css`, scrolls it to the middle of the
    /// screen (clear of the fixed bottom bar, as a thumb would) and clicks it.
    pub async fn click(&self, css: &str) {
        // Waits for it as a person would: a screen may appear a moment
        // after the tap that brings it (the session's screens load their
        // part of the wasm the first time).
        let el = self.wait_for(css).await;
        self.client
            .execute(
                "arguments[0].scrollIntoView({block: 'center', inline: 'center'})",
                vec![serde_json::to_value(&el).expect("element as json")],
            )
            .await
            .expect("scroll into view");
        el.click()
            .await
            .unwrap_or_else(|e| panic!("clicking {css}: {e}"));
    }

    /// On the session page: answers all four safety questions "yes" and
    /// waits for Start to be offered.
    pub async fn clear_safety_check(&self) {
        for id in [
            "no-radiating-pain",
            "full-range",
            "motor-control",
            "medical-clearance",
        ] {
            self.click(&format!("[data-criterion='{id}'] [data-answer='yes']"))
                .await;
        }
        self.wait_for("[data-testid='start']:not([disabled])").await;
    }

    /// On the session page: clears the safety check, starts, leaves the
    /// warm-up and logs the first set, so the first rest is counting down.
    pub async fn start_session_to_first_rest(&self) {
        self.clear_safety_check().await;
        self.click("[data-testid='start']").await;
        self.click("[data-testid='start-first-set']").await;
        self.wait_for("[data-testid='set']").await;
        self.click("[data-testid='set-done']").await;
        self.wait_for("[data-testid='countdown']").await;
    }

    /// The page's main heading as written (the session page keeps it for
    /// screen readers only, out of sight).
    pub async fn heading(&self) -> String {
        self.js(
            "return document.querySelector('main h1').textContent",
            vec![],
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
    }

    /// Whether `css` matches anything now.
    pub async fn exists(&self, css: &str) -> bool {
        !self
            .client
            .find_all(Locator::Css(css))
            .await
            .expect("find_all")
            .is_empty()
    }

    /// Runs `script` (a function body; `arguments` holds `args`) in the page.
    pub async fn js(&self, script: &str, args: Vec<Value>) -> Value {
        self.client
            .execute(script, args)
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Runs an async script: it gets a `done` callback as its last argument.
    pub async fn js_async(&self, script: &str, args: Vec<Value>) -> Value {
        self.client
            .execute_async(script, args)
            .await
            .unwrap_or_else(|e| panic!("async script failed: {e}\n{script}"))
    }

    /// Calls a Chrome DevTools Protocol method on the page.
    pub async fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.client
            .issue_cmd(ChromeCommand {
                path: "goog/cdp/execute",
                body: json!({ "cmd": cmd, "params": params }),
            })
            .await
            .unwrap_or_else(|e| panic!("CDP {cmd} failed: {e}"))
    }

    /// Waits until a service worker controls the page.
    pub async fn wait_controlled(&self) {
        let controlled = self
            .js_async(
                "const done = arguments[arguments.length - 1];
                 if (!('serviceWorker' in navigator)) { done(false); return; }
                 if (navigator.serviceWorker.controller) { done(true); return; }
                 navigator.serviceWorker.addEventListener('controllerchange', () => done(true));",
                vec![],
            )
            .await;
        assert_eq!(controlled, json!(true), "no service worker took control");
    }

    /// Reloads and waits for hydration.
    pub async fn reload(&self) {
        // Drop the old mark first so the wait cannot see the previous page.
        self.js("document.body.removeAttribute('data-hydrated')", vec![])
            .await;
        self.client.refresh().await.expect("reload");
        self.wait_hydrated().await;
    }

    /// axe-core's serious and critical violations on the current page.
    pub async fn axe_violations(&self) -> Vec<Value> {
        let source = std::fs::read_to_string(root().join("node_modules/axe-core/axe.min.js"))
            .expect("axe-core (npm; make test installs it)");
        let result = self
            .js_async(
                &format!(
                    "const done = arguments[arguments.length - 1];
                     {source}
                     axe.run(document, {{ resultTypes: ['violations'] }})
                       .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                         .map(v => ({{ id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')) }}))))
                       .catch(e => done([{{ id: 'axe failed', impact: String(e) }}]));"
                ),
                vec![],
            )
            .await;
        result.as_array().cloned().unwrap_or_default()
    }

    /// Takes the browser off the network (`true`) or back on, through
    /// chromedriver, which keeps the setting across navigations (a bare
    /// DevTools call would be undone by its own on the next page).
    pub async fn set_offline(&self, offline: bool) {
        self.client
            .issue_cmd(ChromeCommand {
                path: "chromium/network_conditions",
                body: json!({
                    "network_conditions": {
                        "offline": offline,
                        "latency": 0,
                        "download_throughput": 1.0e9,
                        "upload_throughput": 1.0e9,
                    }
                }),
            })
            .await
            .expect("set network conditions");
    }

    /// Console messages at warning level or worse since the last call,
    /// as `LEVEL message` lines.
    pub async fn console_problems(&self) -> Vec<String> {
        let logs = self
            .client
            .issue_cmd(ChromeCommand {
                path: "se/log",
                body: json!({ "type": "browser" }),
            })
            .await
            .expect("read the browser log");
        logs.as_array()
            .into_iter()
            .flatten()
            .filter_map(|entry| {
                let level = entry.get("level")?.as_str()?;
                let message = entry.get("message")?.as_str()?;
                matches!(level, "WARNING" | "SEVERE").then(|| format!("{level} {message}"))
            })
            .collect()
    }

    /// Fails the test if the console has warnings or errors.
    pub async fn assert_clean_console(&self, context: &str) {
        let problems = self.console_problems().await;
        assert!(
            problems.is_empty(),
            "{context}: console problems:\n{}",
            problems.join("\n")
        );
    }

    /// Ends the WebDriver session (the browser closes).
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if let Some(pid) = self._driver.id() {
            // SIGKILL to the whole group: chromedriver and every Chromium
            // process under it.
            let _ = std::process::Command::new("kill")
                .args(["-KILL", "--", &format!("-{pid}")])
                .stderr(Stdio::null())
                .status();
        }
    }
}

/// A chromedriver command beyond the W3C spec (long supported): the
/// browser log at `se/log`, the DevTools bridge at `goog/cdp/execute`.
#[derive(Debug)]
struct ChromeCommand {
    path: &'static str,
    body: Value,
}

impl WebDriverCompatibleCommand for ChromeCommand {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/{}",
            session_id.unwrap_or_default(),
            self.path
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}
