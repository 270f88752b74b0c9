//! `wasm-split <input.wasm> <out-dir> <stem> [--small BYTES] [--apart PREFIX]…
//! [--within CHILD=PARENT]… [--merge-with PROGRAM OPTION…]`: splits the raw wasm of the app (linked
//! with `--emit-relocs`) at its `#[lazy]` functions.
//!
//! Writes into `<out-dir>`:
//! - `<stem>.wasm`, the main module, for wasm-bindgen (`--keep-lld-exports`);
//! - one `.wasm` per split and per chunk of code shared between splits;
//! - `__wasm_split.js`, the loader the main module imports; it fetches the
//!   chunks relative to its own address, so every file of one build must sit
//!   in one folder (scripts/build.sh names that folder after the build). Each
//!   fetch is made to retry (see [`RETRY`]);
//! - `manifest.json`: for each split, the chunk files (stems) it needs, in
//!   load order, so a page can fetch them all at once.
//!
//! With `--merge-with` (binaryen's `wasm-merge` and its feature options),
//! chunks under `--small` bytes of code and data join larger ones (see
//! [`merge`]); a chunk only splits named `--apart PREFIX…` use joins only
//! such chunks. Then files join where no download grows (see [`join`]);
//! `--within CHILD=PARENT` names a split only ever loaded by another's code.

mod binary;
mod join;
mod merge;

use std::{collections::BTreeMap, path::Path, process::ExitCode};

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
struct Args {
    input: String,
    out_dir: String,
    stem: String,
    /// Chunks with fewer bytes of code and data than this join others.
    small: usize,
    /// Prefixes of the splits whose own chunks stay apart from the others.
    apart: Vec<String>,
    /// `(child, parent)` prefixes: the child split is only loaded by the
    /// parent's code.
    within: Vec<(String, String)>,
    /// `wasm-merge` and its options; no merging without it.
    merge_with: Vec<String>,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let [input, out_dir, stem, rest @ ..] = args else {
        return Err("expected <input.wasm> <out-dir> <stem>".into());
    };
    let mut parsed = Args {
        input: input.clone(),
        out_dir: out_dir.clone(),
        stem: stem.clone(),
        small: 0,
        apart: Vec::new(),
        within: Vec::new(),
        merge_with: Vec::new(),
    };
    let mut rest = rest.iter();
    while let Some(flag) = rest.next() {
        let mut value = || rest.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--small" => {
                let v = value()?;
                parsed.small = v
                    .parse()
                    .map_err(|_| format!("--small {v:?} is not a number"))?;
            }
            "--apart" => parsed.apart.push(value()?.clone()),
            "--within" => {
                let v = value()?;
                let (child, parent) = v
                    .split_once('=')
                    .ok_or_else(|| format!("--within {v:?} is not CHILD=PARENT"))?;
                parsed.within.push((child.to_owned(), parent.to_owned()));
            }
            "--merge-with" => {
                parsed.merge_with = std::iter::once(value()?.clone())
                    .chain(rest.cloned())
                    .collect();
                break;
            }
            other => return Err(format!("unknown option {other:?}")),
        }
    }
    Ok(parsed)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = parse_args(&args).and_then(|args| split(&args));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("wasm-split: {message}");
            ExitCode::from(2)
        }
    }
}

fn split(args: &Args) -> Result<(), String> {
    let (input, out_dir) = (Path::new(&args.input), Path::new(&args.out_dir));
    let wasm = std::fs::read(input).map_err(|e| format!("cannot read {}: {e}", input.display()))?;
    std::fs::create_dir_all(out_dir)
        .map_err(|e| format!("cannot create {}: {e}", out_dir.display()))?;
    let main_out = out_dir.join(format!("{}.wasm", args.stem));
    // wasm-bindgen names its JS after the stem; the loader imports `initSync`
    // from it to share the main module's memory and table with each chunk.
    let main_module = format!("./{}.js", args.stem);
    let split = wasm_split_cli_support::transform({
        let mut options = wasm_split_cli_support::Options::new(&wasm);
        options.output_dir = out_dir;
        options.main_out_path = &main_out;
        options.main_module = &main_module;
        options.link_name = "./__wasm_split.js";
        options
    })
    .map_err(|e| format!("{e:#}"))?;
    let loader = out_dir.join("__wasm_split.js");
    let mut js = without_comment_lines(
        &std::fs::read_to_string(&loader)
            .map_err(|e| format!("cannot read {}: {e}", loader.display()))?,
    );
    // Sorted, so the same input always gives the same bytes (and hashes).
    let mut manifest: BTreeMap<String, Vec<String>> = split.prefetch_map.into_iter().collect();
    if !args.merge_with.is_empty() {
        let chunks = merge::chunks_of(&manifest, out_dir)?;
        let apart = |split: &str| args.apart.iter().any(|p| split.starts_with(p.as_str()));
        let planned = merge::plan(&chunks, args.small, apart);
        let before = planned.len();
        let groups = join::join(planned, &chunks, &args.within, &mut |members| {
            brotli_size(out_dir, members)
        })?;
        merge::merge_files(out_dir, &groups, &args.merge_with)?;
        let renames = merge::renames(&groups);
        js = merge::renamed_loader(&js, &renames)?;
        manifest = merge::renamed_manifest(&manifest, &renames);
        println!(
            "wasm-split: {} chunks merged into {before} (under {} bytes joined others), \
             then into {} files (where no download grows)",
            chunks.len(),
            args.small,
            groups.len(),
        );
    }
    std::fs::write(&loader, with_retries(&js)?)
        .map_err(|e| format!("cannot write {}: {e}", loader.display()))?;
    let json = serde_json::to_string_pretty(&manifest).map_err(|e| e.to_string())?;
    let path = out_dir.join("manifest.json");
    std::fs::write(&path, json).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// The bytes of one file of `members` (chunk stems in `dir`) as a browser
/// downloads it: brotli at the quality the build compresses with.
fn brotli_size(dir: &Path, members: &[String]) -> Result<usize, String> {
    use std::io::Write;
    let mut bytes = Vec::new();
    for member in members {
        let path = dir.join(format!("{member}.wasm"));
        bytes.extend(
            std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?,
        );
    }
    let mut child = std::process::Command::new("brotli")
        .args(["-q", "11", "-c"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run brotli: {e}"))?;
    let mut stdin = child.stdin.take().ok_or("brotli has no input")?;
    // Written from a thread: brotli writes while it reads.
    let writer = std::thread::spawn(move || stdin.write_all(&bytes));
    let out = child
        .wait_with_output()
        .map_err(|e| format!("brotli failed: {e}"))?;
    writer
        .join()
        .map_err(|_| "writing to brotli panicked".to_string())?
        .map_err(|e| format!("cannot write to brotli: {e}"))?;
    if !out.status.success() {
        return Err(format!("brotli failed ({})", out.status));
    }
    Ok(out.stdout.len())
}

/// The loader without its whole-line `/* … */` comments: above each chunk
/// the generator lists every split that uses it, a third of the file's
/// bytes, and every page downloads this file.
fn without_comment_lines(js: &str) -> String {
    js.lines()
        .filter(|line| {
            let line = line.trim();
            // One comment making up the whole line (not `/* a */ x /* b */`).
            let whole =
                line.starts_with("/*") && line.ends_with("*/") && line.matches("*/").count() == 1;
            !whole
        })
        .map(|line| format!("{line}\n"))
        .collect()
}

/// How the loader fetches a chunk: `fetch(new URL("./chunk_1.wasm", …))`.
const FETCH: &str = "fetch(new URL(";

/// Added to the loader. A chunk that fails to arrive (a gym's patchy signal,
/// before the service worker has the files) makes the split's load fail, and
/// Leptos's lazy islands treat a failed load as fatal: the whole wasm stops,
/// eager islands included. So each chunk is asked for until it arrives:
/// again after half a second, waiting twice as long each time up to 15 s,
/// and at once when the browser says it is back online. Until then the page
/// stays as the server rendered it, readable, its Stop link plain HTML.
const RETRY: &str = r#"
async function fetchWithRetry(url) {
    for (let wait = 500; ; wait = Math.min(wait * 2, 15000)) {
        try {
            const response = await fetch(url);
            if (response.ok) return response;
        } catch (_) {}
        await new Promise((resolve) => {
            const done = () => {
                clearTimeout(timer);
                removeEventListener("online", done);
                resolve();
            };
            const timer = setTimeout(done, wait);
            addEventListener("online", done);
        });
    }
}
"#;

/// The loader with every chunk fetch retried (see [`RETRY`]). Fails when
/// the loader no longer looks as expected (a new `wasm_split_cli_support`),
/// so a build never ships chunks that a dropped connection would break.
fn with_retries(js: &str) -> Result<String, String> {
    let fetches = js.matches(FETCH).count();
    let after_import = js.find(";\n").map(|at| at + 2);
    match after_import {
        Some(at) if fetches > 0 && js[..at].starts_with("import ") => Ok(format!(
            "{}{RETRY}{}",
            &js[..at],
            js[at..].replace(FETCH, "fetchWithRetry(new URL(")
        )),
        _ => Err(format!(
            "the split loader does not look as expected ({fetches} chunk fetches, \
             first line {:?}): cannot make its fetches retry",
            js.lines().next().unwrap_or_default()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::{Args, parse_args, with_retries, without_comment_lines};

    fn strings(args: &str) -> Vec<String> {
        args.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn the_command_line_names_the_files_and_how_to_merge() {
        assert_eq!(
            parse_args(&strings(
                "in.wasm out app --small 2000 --apart p_ --apart q_ --within s_=r_ --merge-with wm --enable-x -O"
            )),
            Ok(Args {
                input: "in.wasm".into(),
                out_dir: "out".into(),
                stem: "app".into(),
                small: 2000,
                apart: strings("p_ q_"),
                within: vec![("s_".into(), "r_".into())],
                merge_with: strings("wm --enable-x -O"),
            })
        );
        assert_eq!(
            parse_args(&strings("in.wasm out app --within s_")),
            Err("--within \"s_\" is not CHILD=PARENT".into())
        );
        assert!(
            parse_args(&strings("in.wasm out app"))
                .unwrap()
                .merge_with
                .is_empty()
        );
        assert!(parse_args(&strings("in.wasm out")).is_err());
        assert_eq!(
            parse_args(&strings("in.wasm out app --small lots")),
            Err("--small \"lots\" is not a number".into())
        );
        assert_eq!(
            parse_args(&strings("in.wasm out app --apart")),
            Err("--apart needs a value".into())
        );
        assert!(parse_args(&strings("in.wasm out app --fast")).is_err());
    }

    #[test]
    fn the_lists_of_splits_above_each_chunk_are_left_out() {
        let js = "import x;\n/* a_1, b_2 */\nconst __chunk_1 = 1; /* kept: not a whole line */\n  /* c */\n/* a */ f(); /* b */\n";
        assert_eq!(
            without_comment_lines(js),
            "import x;\nconst __chunk_1 = 1; /* kept: not a whole line */\n/* a */ f(); /* b */\n"
        );
    }

    #[test]
    fn every_chunk_fetch_retries() {
        let js = "import { initSync } from \"./a.js\";\nconst src = fetch(new URL(\"./chunk_1.wasm\", import.meta.url));\nconst b = fetch(new URL(\"./chunk_2.wasm\", import.meta.url));\n";
        let out = with_retries(js).unwrap();
        assert!(out.starts_with("import { initSync } from \"./a.js\";\n"));
        assert_eq!(out.matches("fetchWithRetry(new URL(").count(), 2);
        assert!(!out.contains(" fetch(new URL("));
        assert!(out.contains("async function fetchWithRetry(url)"));
        assert!(with_retries("import x;\nno fetch here\n").is_err());
    }
}
