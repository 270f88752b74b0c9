//! Configuration from the command line and the environment. Flags win over
//! the environment. Leptos's own variables (`LEPTOS_SITE_ADDR`,
//! `LEPTOS_SITE_ROOT`, …) keep their meaning, so `cargo leptos watch` and
//! `make run` configure the server the same way. A bad value stops the start
//! with a message naming the setting; nothing here panics.

use crate::{
    listen::Limits,
    security::SecurityOptions,
    sync::{DEFAULT_MAX_BODY_BYTES, SyncOptions},
};
use leptos::config::{LeptosOptions, get_configuration};
use std::{ffi::OsString, net::SocketAddr, path::PathBuf, time::Duration};
use thiserror::Error;

/// What the binary was asked to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Serve the app over HTTP (the default).
    Serve,
    /// Write the static export into a folder.
    Export {
        /// Where to write it.
        out: PathBuf,
        /// A sync server's address (`https://host`): the export's pages
        /// then offer sync through it, and their CSP allows it.
        sync_url: Option<String>,
    },
    /// Print usage and stop.
    Help,
}

/// A configuration that cannot be used, with what to do about it.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ConfigError {
    /// A setting holds a value that cannot be used.
    #[error("{setting}: {problem}")]
    BadValue {
        /// The flag or variable, as the user wrote it.
        setting: String,
        /// What is wrong and what would be right.
        problem: String,
    },
    /// The command line makes no sense.
    #[error("{0}\n\n{USAGE}")]
    Usage(String),
}

/// The `--help` text.
pub const USAGE: &str = "\
Usage: backstrong [serve] [OPTIONS]        serve the app (default)
       backstrong export [--out DIR] [--site-root DIR] [--sync-url URL]
                                           write the static site to DIR (default: dist);
                                           with --sync-url (https://host of a server run
                                           with --sync-db and --sync-allow-origin naming
                                           the export's site) its pages offer sync
       backstrong --help

Options (each also read from the environment variable shown):
  --addr ADDR              address to listen on            LEPTOS_SITE_ADDR  (127.0.0.1:3000)
  --site-root DIR          folder of the built site        LEPTOS_SITE_ROOT  (target/site)
  --log FILTER             log filter: error, warn, info,  RUST_LOG          (info)
                           debug, or e.g. info,tower_http=debug
  --behind-tls-proxy       a TLS proxy fronts this server: BACKSTRONG_BEHIND_TLS_PROXY=1
                           send Strict-Transport-Security
  --max-connections N      connections served at once      BACKSTRONG_MAX_CONNECTIONS (4096)
  --header-timeout SECS    time to send a request's headers BACKSTRONG_HEADER_TIMEOUT (10)
                           (also the idle keep-alive limit, and the longest
                           a client may leave our answer unread)

Sync between devices (off unless --sync-db is given; see README, \"Sync\"):
  --sync-db PATH|URL       a SQLite file (created on first  BACKSTRONG_SYNC_DB
                           use) or postgres://user@host/db
  --sync-max-bytes N       largest snapshot accepted       BACKSTRONG_SYNC_MAX_BYTES (524288)
  --sync-idle-days N       delete snapshots not written    BACKSTRONG_SYNC_IDLE_DAYS (365)
                           for this long
  --sync-rate N            sync requests a minute per      BACKSTRONG_SYNC_RATE (120)
                           client address
  --sync-allow-origin URL  a site (such as a static export BACKSTRONG_SYNC_ALLOW_ORIGINS
                           elsewhere) whose pages may call (comma-separated)
                           the sync API; repeatable

At the connection cap, the connection that has made no progress for longest
(an idle one first) is closed to let a new one in. The site is rendered once
at start and served from memory. Fixed limits: request body 64 KB (413
beyond), 16 KB of request headers (431). LEPTOS_HASH_FILES=true/false overrides whether
asset names carry content hashes (default: true when hash.txt sits next to
this binary). GET /healthz answers 200 \"ok\" for load balancers.";

/// Everything the binary needs to start.
#[derive(Debug, Clone)]
pub struct Config {
    /// What to do.
    pub command: Command,
    /// Leptos's options: address, site root, output name, hashing.
    pub leptos: LeptosOptions,
    /// The log filter.
    pub log: String,
    /// Connection limits.
    pub limits: Limits,
    /// Which security headers to send.
    pub security: SecurityOptions,
    /// The sync API's settings; `None`: no sync API.
    pub sync: Option<SyncOptions>,
}

/// A source of environment variables (the real one, or a map in tests).
pub trait Env {
    /// The variable's value, if set.
    fn get(&self, name: &str) -> Option<String>;

    /// The first variable of ours (`BACKSTRONG_*`, `LEPTOS_*`, `RUST_LOG`)
    /// whose value is not UTF-8, which `get` could only skip.
    fn not_utf8(&self) -> Option<String> {
        None
    }
}

/// The process environment.
pub struct ProcessEnv;

impl Env for ProcessEnv {
    fn get(&self, name: &str) -> Option<String> {
        std::env::var_os(name).and_then(|v| v.into_string().ok())
    }

    fn not_utf8(&self) -> Option<String> {
        std::env::vars_os().find_map(|(name, value)| {
            let name = name.to_string_lossy();
            let ours = name.starts_with("BACKSTRONG_")
                || name.starts_with("LEPTOS_")
                || name == "RUST_LOG";
            (ours && value.to_str().is_none()).then(|| name.into_owned())
        })
    }
}

impl<const N: usize> Env for [(&str, &str); N] {
    fn get(&self, name: &str) -> Option<String> {
        self.iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| (*v).to_owned())
    }
}

/// The settings as given, before they are checked.
#[derive(Debug, Default)]
struct Given {
    addr: Option<(String, String)>,
    site_root: Option<String>,
    log: Option<(String, String)>,
    behind_tls_proxy: Option<(String, String)>,
    max_connections: Option<(String, String)>,
    header_timeout: Option<(String, String)>,
    sync_db: Option<(String, String)>,
    sync_max_bytes: Option<(String, String)>,
    sync_idle_days: Option<(String, String)>,
    sync_rate: Option<(String, String)>,
    sync_allow_origins: Vec<(String, String)>,
}

impl Config {
    /// Reads the command line (without the program name) and the process
    /// environment.
    pub fn from_args<I, S>(args: I) -> Result<Self, ConfigError>
    where
        I: IntoIterator<Item = S>,
        S: Into<OsString>,
    {
        Self::from_args_and_env(args, &ProcessEnv)
    }

    /// Reads the command line and the given environment.
    pub fn from_args_and_env<I, S>(args: I, env: &dyn Env) -> Result<Self, ConfigError>
    where
        I: IntoIterator<Item = S>,
        S: Into<OsString>,
    {
        if let Some(name) = env.not_utf8() {
            return Err(bad(
                &name,
                "its value is not valid UTF-8 text; set it again, or unset it",
            ));
        }
        let args = args
            .into_iter()
            .enumerate()
            .map(|(i, arg)| {
                arg.into().into_string().map_err(|raw| {
                    bad(
                        "command line",
                        &format!(
                            "argument {} ({}) is not valid UTF-8 text",
                            i + 1,
                            raw.to_string_lossy()
                        ),
                    )
                })
            })
            .collect::<Result<Vec<String>, ConfigError>>()?;
        if env
            .get("LEPTOS_OUTPUT_NAME")
            .is_some_and(|v| v.trim().is_empty())
        {
            return Err(bad(
                "LEPTOS_OUTPUT_NAME",
                "is empty: it names the bundle files (backstrong); set it or unset it",
            ));
        }
        let mut given = Given::default();
        let from_env = |name: &str| env.get(name).map(|v| (name.to_owned(), v));
        given.addr = from_env("LEPTOS_SITE_ADDR");
        given.log = from_env("RUST_LOG");
        given.behind_tls_proxy = from_env("BACKSTRONG_BEHIND_TLS_PROXY");
        given.max_connections = from_env("BACKSTRONG_MAX_CONNECTIONS");
        given.header_timeout = from_env("BACKSTRONG_HEADER_TIMEOUT");
        given.sync_db = from_env("BACKSTRONG_SYNC_DB");
        given.sync_max_bytes = from_env("BACKSTRONG_SYNC_MAX_BYTES");
        given.sync_idle_days = from_env("BACKSTRONG_SYNC_IDLE_DAYS");
        given.sync_rate = from_env("BACKSTRONG_SYNC_RATE");
        given.sync_allow_origins = from_env("BACKSTRONG_SYNC_ALLOW_ORIGINS")
            .map(|(name, value)| {
                value
                    .split(',')
                    .map(str::trim)
                    .filter(|v| !v.is_empty())
                    .map(|v| (name.clone(), v.to_owned()))
                    .collect()
            })
            .unwrap_or_default();
        let command = parse_command(args, &mut given)?;
        let sync = sync_options(&mut given)?;

        // Checked before Leptos reads the same variable, so a bad value is
        // reported under the name the user gave it.
        let addr = match &given.addr {
            None => None,
            Some((setting, value)) => Some(value.parse::<SocketAddr>().map_err(|_| {
                bad(
                    setting,
                    &format!("{value:?} is not an address like 127.0.0.1:3000 or [::]:8080"),
                )
            })?),
        };
        let mut leptos = get_configuration(None)
            .map_err(|e| bad("LEPTOS_* environment", &e.to_string()))?
            .leptos_options;
        if let Some(addr) = addr {
            leptos.site_addr = addr;
        }
        if let Some(root) = given.site_root.or_else(|| env.get("LEPTOS_SITE_ROOT")) {
            leptos.site_root = root.into();
        }
        if env.get("LEPTOS_HASH_FILES").is_none() {
            leptos.hash_files =
                app::build_folder::hash_file_path(&leptos).is_some_and(|p| p.exists());
        }

        let log = match given.log {
            None => "info".to_owned(),
            Some((setting, value)) => {
                tracing_subscriber::EnvFilter::try_new(&value)
                    .map_err(|e| bad(&setting, &format!("{value:?} is not a log filter ({e})")))?;
                value
            }
        };
        let mut limits = Limits::default();
        if let Some((setting, value)) = given.max_connections {
            limits.max_connections = match value.parse::<usize>() {
                Ok(n) if (1..=1_000_000).contains(&n) => n,
                _ => {
                    return Err(bad(
                        &setting,
                        &format!("{value:?} is not a number from 1 to 1000000"),
                    ));
                }
            };
        }
        if let Some((setting, value)) = given.header_timeout {
            limits.header_timeout = parse_seconds(&setting, &value)?;
        }
        let security = SecurityOptions {
            behind_tls_proxy: match given.behind_tls_proxy {
                None => false,
                Some((setting, value)) => parse_bool(&setting, &value)?,
            },
        };
        Ok(Self {
            command,
            leptos,
            log,
            limits,
            security,
            sync,
        })
    }

    /// Checks what only matters when serving: the site must have been built.
    pub fn check_site(&self) -> Result<(), ConfigError> {
        let root = PathBuf::from(&*self.leptos.site_root);
        if root.is_dir() {
            Ok(())
        } else {
            Err(bad(
                "site root",
                &format!(
                    "{} is not a folder: build the site first (make build) or pass --site-root",
                    root.display()
                ),
            ))
        }
    }
}

/// The sync settings, when a database is named.
fn sync_options(given: &mut Given) -> Result<Option<SyncOptions>, ConfigError> {
    let Some((setting, db)) = given.sync_db.take() else {
        return Ok(None);
    };
    if db.trim().is_empty() {
        return Err(bad(
            &setting,
            "is empty: name a SQLite file or a postgres:// address",
        ));
    }
    let number =
        |given: &Option<(String, String)>, range: std::ops::RangeInclusive<u64>, default: u64| {
            match given {
                None => Ok(default),
                Some((setting, value)) => match value.parse::<u64>() {
                    Ok(n) if range.contains(&n) => Ok(n),
                    _ => Err(bad(
                        setting,
                        &format!(
                            "{value:?} is not a number from {} to {}",
                            range.start(),
                            range.end()
                        ),
                    )),
                },
            }
        };
    let max_body_bytes = number(
        &given.sync_max_bytes,
        1024..=64 * 1024 * 1024,
        DEFAULT_MAX_BODY_BYTES,
    )?;
    let idle_days = number(&given.sync_idle_days, 1..=36_500, 365)?;
    let per_minute = number(&given.sync_rate, 1..=10_000_000, 120)?;
    let mut allow_origins = Vec::new();
    for (setting, origin) in &given.sync_allow_origins {
        let ok = (origin.starts_with("https://") || origin.starts_with("http://"))
            && !origin
                .trim_end_matches('/')
                .contains(|c: char| c.is_whitespace())
            && origin.matches('/').count() == 2;
        if !ok {
            return Err(bad(
                setting,
                &format!("{origin:?} is not an origin like https://example.org (no path)"),
            ));
        }
        allow_origins.push(origin.clone());
    }
    Ok(Some(SyncOptions {
        db,
        max_body_bytes,
        idle: Duration::from_secs(idle_days * 86_400),
        per_minute: u32::try_from(per_minute).unwrap_or(u32::MAX),
        allow_origins,
    }))
}

fn bad(setting: &str, problem: &str) -> ConfigError {
    ConfigError::BadValue {
        setting: setting.to_owned(),
        problem: problem.to_owned(),
    }
}

/// Seconds from a thousandth to an hour: below a millisecond a deadline
/// is no deadline (and `1e-300` would round to zero).
fn parse_seconds(setting: &str, value: &str) -> Result<Duration, ConfigError> {
    match value.parse::<f64>() {
        Ok(s) if (0.001..=3600.0).contains(&s) => Ok(Duration::from_secs_f64(s)),
        _ => Err(bad(
            setting,
            &format!("{value:?} is not a number of seconds from 0.001 to 3600"),
        )),
    }
}

/// A sync server's address for an export: `http(s)://host[:port]`,
/// optionally with a path prefix, without a query or fragment; returned
/// without a trailing slash.
fn sync_url(setting: &str, value: &str) -> Result<String, ConfigError> {
    let trimmed = value.trim_end_matches('/');
    let host = trimmed
        .strip_prefix("https://")
        .or_else(|| trimmed.strip_prefix("http://"));
    match host {
        Some(rest)
            if !rest.is_empty()
                && !rest.starts_with('/')
                && !rest.contains(['?', '#', ' ', '"', '\'', '<', '>']) =>
        {
            Ok(trimmed.to_owned())
        }
        _ => Err(bad(
            setting,
            &format!(
                "{value:?} is not the address of a sync server, such as https://sync.example.org"
            ),
        )),
    }
}

fn parse_bool(setting: &str, value: &str) -> Result<bool, ConfigError> {
    match value.to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" | "" => Ok(false),
        _ => Err(bad(setting, &format!("{value:?} is not true or false"))),
    }
}

fn parse_command(args: Vec<String>, given: &mut Given) -> Result<Command, ConfigError> {
    let mut args = args.into_iter().peekable();
    let mut command = match args.peek().map(String::as_str) {
        Some("-h" | "--help" | "help") => return Ok(Command::Help),
        Some("serve") => {
            args.next();
            Command::Serve
        }
        Some("export") => {
            args.next();
            Command::Export {
                out: PathBuf::from("dist"),
                sync_url: None,
            }
        }
        Some(other) if !other.starts_with('-') => {
            return Err(ConfigError::Usage(format!("unknown command: {other}")));
        }
        _ => Command::Serve,
    };
    while let Some(arg) = args.next() {
        // `--flag=value` and `--flag value` both work.
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_owned(), Some(v.to_owned())),
            _ => (arg.clone(), None),
        };
        let mut value = |flag: &str| {
            inline
                .clone()
                .or_else(|| args.next())
                .map(|v| (flag.to_owned(), v))
                .ok_or_else(|| ConfigError::Usage(format!("{flag} needs a value")))
        };
        let serving = command == Command::Serve;
        match flag.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--site-root" => given.site_root = Some(value("--site-root")?.1),
            "--out" | "-o" if !serving => {
                let (_, given_out) = value("--out")?;
                if let Command::Export { out, .. } = &mut command {
                    *out = given_out.into();
                }
            }
            "--sync-url" if !serving => {
                let (flag, url) = value("--sync-url")?;
                let url = sync_url(&flag, &url)?;
                if let Command::Export { sync_url, .. } = &mut command {
                    *sync_url = Some(url);
                }
            }
            "--addr" if serving => given.addr = Some(value("--addr")?),
            "--log" if serving => given.log = Some(value("--log")?),
            "--max-connections" if serving => {
                given.max_connections = Some(value("--max-connections")?);
            }
            "--header-timeout" if serving => {
                given.header_timeout = Some(value("--header-timeout")?);
            }
            "--sync-db" if serving => given.sync_db = Some(value("--sync-db")?),
            "--sync-max-bytes" if serving => {
                given.sync_max_bytes = Some(value("--sync-max-bytes")?);
            }
            "--sync-idle-days" if serving => {
                given.sync_idle_days = Some(value("--sync-idle-days")?);
            }
            "--sync-rate" if serving => given.sync_rate = Some(value("--sync-rate")?),
            "--sync-allow-origin" if serving => {
                let origin = value("--sync-allow-origin")?;
                given.sync_allow_origins.push(origin);
            }
            "--behind-tls-proxy" if serving => {
                given.behind_tls_proxy = Some((flag.clone(), inline.unwrap_or("true".into())));
            }
            other if other.starts_with('-') => {
                let which = if serving { "serve" } else { "export" };
                return Err(ConfigError::Usage(format!(
                    "unknown option for {which}: {other}"
                )));
            }
            other => return Err(ConfigError::Usage(format!("unexpected argument: {other}"))),
        }
    }
    Ok(command)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(args: &[&str], env: &[(&str, &str); 1]) -> Result<Config, ConfigError> {
        Config::from_args_and_env(args.iter().copied(), env)
    }

    const NO_ENV: [(&str, &str); 1] = [("", "")];

    #[test]
    fn serve_is_the_default() {
        assert_eq!(config(&[], &NO_ENV).unwrap().command, Command::Serve);
        assert_eq!(config(&["serve"], &NO_ENV).unwrap().command, Command::Serve);
        assert_eq!(
            config(&["--addr", "127.0.0.1:8080"], &NO_ENV)
                .unwrap()
                .leptos
                .site_addr
                .port(),
            8080
        );
    }

    #[test]
    fn export_takes_an_output_folder() {
        assert_eq!(
            config(&["export"], &NO_ENV).unwrap().command,
            Command::Export {
                out: "dist".into(),
                sync_url: None
            }
        );
        assert_eq!(
            config(&["export", "--out", "/tmp/x"], &NO_ENV)
                .unwrap()
                .command,
            Command::Export {
                out: "/tmp/x".into(),
                sync_url: None
            }
        );
        assert_eq!(
            config(
                &[
                    "export",
                    "--sync-url",
                    "https://sync.example.org/",
                    "--out",
                    "d"
                ],
                &NO_ENV
            )
            .unwrap()
            .command,
            Command::Export {
                out: "d".into(),
                sync_url: Some("https://sync.example.org".into())
            }
        );
        for bad in [
            "sync.example.org",
            "ftp://x",
            "https://",
            "https://a.org/x?y",
            "https://a b",
        ] {
            let err = config(&["export", "--sync-url", bad], &NO_ENV).unwrap_err();
            assert!(err.to_string().starts_with("--sync-url: "), "{bad}: {err}");
        }
        // Serving has no such flag: its own API is named by --sync-db.
        assert!(config(&["serve", "--sync-url", "https://a.org"], &NO_ENV).is_err());
    }

    #[test]
    fn flags_win_over_the_environment() {
        let env = [("LEPTOS_SITE_ADDR", "127.0.0.1:1111")];
        let c = config(&["--addr=127.0.0.1:2222", "--site-root", "/srv/site"], &env).unwrap();
        assert_eq!(c.leptos.site_addr.port(), 2222);
        assert_eq!(&*c.leptos.site_root, "/srv/site");
        assert_eq!(config(&[], &env).unwrap().leptos.site_addr.port(), 1111);
    }

    #[test]
    fn limits_and_tls_mode_are_read() {
        let c = config(
            &[
                "--max-connections",
                "10",
                "--header-timeout",
                "1.5",
                "--behind-tls-proxy",
                "--log",
                "debug",
            ],
            &NO_ENV,
        )
        .unwrap();
        assert_eq!(c.limits.max_connections, 10);
        assert_eq!(c.limits.header_timeout, Duration::from_millis(1500));
        assert!(c.security.behind_tls_proxy);
        assert_eq!(c.log, "debug");
        let env = [("BACKSTRONG_BEHIND_TLS_PROXY", "0")];
        assert!(!config(&[], &env).unwrap().security.behind_tls_proxy);
    }

    #[test]
    fn bad_values_name_the_setting_and_say_why() {
        type Case<'a> = (&'a [&'a str], [(&'a str, &'a str); 1], &'a str);
        let cases: [Case; 10] = [
            (&["--addr", "localhost"], NO_ENV, "--addr"),
            (&["--header-timeout", "1e-300"], NO_ENV, "--header-timeout"),
            (&["--header-timeout", "NaN"], NO_ENV, "--header-timeout"),
            (&["--header-timeout", "inf"], NO_ENV, "--header-timeout"),
            (&[], [("LEPTOS_OUTPUT_NAME", "")], "LEPTOS_OUTPUT_NAME"),
            (&[], [("LEPTOS_SITE_ADDR", "nope")], "LEPTOS_SITE_ADDR"),
            (&["--max-connections", "0"], NO_ENV, "--max-connections"),
            (&["--header-timeout", "-1"], NO_ENV, "--header-timeout"),
            (&["--log", "info,=x=y"], NO_ENV, "--log"),
            (
                &[],
                [("BACKSTRONG_BEHIND_TLS_PROXY", "maybe")],
                "BACKSTRONG_",
            ),
        ];
        for (args, env, setting) in cases {
            let err = config(args, &env).unwrap_err().to_string();
            assert!(err.starts_with(setting), "{args:?}: {err}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn text_that_is_not_utf8_is_refused_not_skipped() {
        use std::os::unix::ffi::OsStringExt;
        let raw = OsString::from_vec(vec![b'-', b'-', b'a', 0xff]);
        let err = Config::from_args_and_env([OsString::from("serve"), raw], &NO_ENV)
            .unwrap_err()
            .to_string();
        assert!(err.contains("argument 2") && err.contains("UTF-8"), "{err}");
        struct Broken;
        impl Env for Broken {
            fn get(&self, _: &str) -> Option<String> {
                None
            }
            fn not_utf8(&self) -> Option<String> {
                Some("BACKSTRONG_BEHIND_TLS_PROXY".into())
            }
        }
        let err = Config::from_args_and_env(["serve"], &Broken)
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("BACKSTRONG_BEHIND_TLS_PROXY: its value is not valid UTF-8"),
            "{err}"
        );
    }

    #[test]
    fn nonsense_is_refused_with_usage() {
        for args in [
            &["bogus"][..],
            &["export", "--out"],
            &["export", "--fast"],
            &["export", "--addr", "1.2.3.4:5"],
            &["serve", "now"],
            &["--addr"],
        ] {
            let err = config(args, &NO_ENV).unwrap_err().to_string();
            assert!(err.contains("Usage:"), "{args:?}: {err}");
        }
        assert_eq!(config(&["--help"], &NO_ENV).unwrap().command, Command::Help);
        assert_eq!(
            config(&["serve", "-h"], &NO_ENV).unwrap().command,
            Command::Help
        );
    }

    #[test]
    fn a_missing_site_is_reported_before_serving() {
        let c = config(&["--site-root", "/nonexistent/site"], &NO_ENV).unwrap();
        assert!(
            c.check_site()
                .unwrap_err()
                .to_string()
                .contains("make build")
        );
    }

    #[test]
    fn sync_is_off_unless_a_database_is_named() {
        assert_eq!(config(&[], &NO_ENV).unwrap().sync, None);
        let on = config(&["--sync-db", "/tmp/s.db"], &NO_ENV)
            .unwrap()
            .sync
            .unwrap();
        assert_eq!(on.db, "/tmp/s.db");
        assert_eq!(on.max_body_bytes, DEFAULT_MAX_BODY_BYTES);
        assert_eq!(on.idle, Duration::from_secs(365 * 86_400));
        assert_eq!(on.per_minute, 120);
        let env = [(
            "BACKSTRONG_SYNC_ALLOW_ORIGINS",
            "https://a.example, https://b.example",
        )];
        let c = config(&["--sync-db=postgres://u@h/db", "--sync-rate", "30"], &env).unwrap();
        let sync = c.sync.unwrap();
        assert_eq!(
            sync.allow_origins,
            ["https://a.example", "https://b.example"]
        );
        assert_eq!(sync.per_minute, 30);
        for (args, named) in [
            (&["--sync-db", "x", "--sync-rate", "0"][..], "--sync-rate"),
            (
                &["--sync-db", "x", "--sync-idle-days", "soon"][..],
                "--sync-idle-days",
            ),
            (
                &["--sync-db", "x", "--sync-max-bytes", "10"][..],
                "--sync-max-bytes",
            ),
            (
                &[
                    "--sync-db",
                    "x",
                    "--sync-allow-origin",
                    "https://a.example/app",
                ][..],
                "--sync-allow-origin",
            ),
            (&["--sync-db", " "][..], "--sync-db"),
        ] {
            let err = config(args, &NO_ENV).unwrap_err().to_string();
            assert!(err.starts_with(named), "{args:?}: {err}");
        }
    }
}
