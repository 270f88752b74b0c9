//! Configuration from the command line and the environment. Leptos's own
//! variables (`LEPTOS_SITE_ADDR`, `LEPTOS_SITE_ROOT`, …) keep their meaning,
//! so `cargo leptos watch` and `make run` configure the server the same way.

use leptos::config::{LeptosOptions, get_configuration};
use std::path::PathBuf;
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
    },
    /// Print usage and stop.
    Help,
}

/// A configuration that cannot be used, with what to do about it.
#[derive(Debug, Error)]
pub enum ConfigError {
    /// A Leptos environment variable holds a bad value.
    #[error("bad configuration: {0}")]
    Leptos(String),
    /// The command line makes no sense.
    #[error("{0}\n\n{USAGE}")]
    Usage(String),
}

/// The `--help` text.
pub const USAGE: &str = "\
Usage: backstrong [serve]            serve the app (default)
       backstrong export [--out DIR] write the static site to DIR (default: dist)
       backstrong --help

Environment:
  LEPTOS_SITE_ADDR   address to listen on        (default 127.0.0.1:3000)
  LEPTOS_SITE_ROOT   folder of the built site    (default target/site)
  LEPTOS_HASH_FILES  true/false: asset names carry content hashes
                     (default: true when hash.txt sits next to this binary)
  RUST_LOG           log filter, e.g. info or backstrong=debug (default info)";

/// Everything the binary needs to start.
#[derive(Debug, Clone)]
pub struct Config {
    /// What to do.
    pub command: Command,
    /// Leptos's options: address, site root, output name, hashing.
    pub leptos: LeptosOptions,
}

impl Config {
    /// Reads the command line (without the program name) and the environment.
    pub fn from_args<I, S>(args: I) -> Result<Self, ConfigError>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let command = parse_command(args.into_iter().map(Into::into).collect())?;
        let mut leptos = get_configuration(None)
            .map_err(|e| ConfigError::Leptos(e.to_string()))?
            .leptos_options;
        if std::env::var_os("LEPTOS_HASH_FILES").is_none() {
            leptos.hash_files = app::bundle::hash_file_path(&leptos).is_some_and(|p| p.exists());
        }
        Ok(Self { command, leptos })
    }
}

fn parse_command(args: Vec<String>) -> Result<Command, ConfigError> {
    let mut args = args.into_iter();
    let command = match args.next().as_deref() {
        None | Some("serve") => Command::Serve,
        Some("-h" | "--help" | "help") => return Ok(Command::Help),
        Some("export") => {
            let mut out = PathBuf::from("dist");
            while let Some(arg) = args.next() {
                match arg.as_str() {
                    "--out" | "-o" => {
                        out = args
                            .next()
                            .map(PathBuf::from)
                            .ok_or_else(|| ConfigError::Usage("--out needs a folder".into()))?;
                    }
                    other => {
                        return Err(ConfigError::Usage(format!(
                            "unknown option for export: {other}"
                        )));
                    }
                }
            }
            return Ok(Command::Export { out });
        }
        Some(other) => return Err(ConfigError::Usage(format!("unknown command: {other}"))),
    };
    match args.next() {
        None => Ok(command),
        Some(extra) => Err(ConfigError::Usage(format!("unexpected argument: {extra}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Command, ConfigError> {
        parse_command(args.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn serve_is_the_default() {
        assert_eq!(parse(&[]).unwrap(), Command::Serve);
        assert_eq!(parse(&["serve"]).unwrap(), Command::Serve);
    }

    #[test]
    fn export_takes_an_output_folder() {
        assert_eq!(
            parse(&["export"]).unwrap(),
            Command::Export { out: "dist".into() }
        );
        assert_eq!(
            parse(&["export", "--out", "/tmp/x"]).unwrap(),
            Command::Export {
                out: "/tmp/x".into()
            }
        );
    }

    #[test]
    fn nonsense_is_refused_with_usage() {
        for args in [
            &["bogus"][..],
            &["export", "--out"],
            &["export", "--fast"],
            &["serve", "now"],
        ] {
            let err = parse(args).unwrap_err().to_string();
            assert!(err.contains("Usage:"), "{args:?}: {err}");
        }
        assert_eq!(parse(&["--help"]).unwrap(), Command::Help);
    }
}
