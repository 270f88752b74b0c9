//! `wasm-split <input.wasm> <out-dir> <stem>`: splits the raw wasm of the
//! app (linked with `--emit-relocs`) at its `#[lazy]` functions.
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

use std::{collections::BTreeMap, path::Path, process::ExitCode};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, out_dir, stem] = args.as_slice() else {
        eprintln!("usage: wasm-split <input.wasm> <out-dir> <stem>");
        return ExitCode::from(2);
    };
    match split(Path::new(input), Path::new(out_dir), stem) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("wasm-split: {message}");
            ExitCode::FAILURE
        }
    }
}

fn split(input: &Path, out_dir: &Path, stem: &str) -> Result<(), String> {
    let wasm = std::fs::read(input).map_err(|e| format!("cannot read {}: {e}", input.display()))?;
    std::fs::create_dir_all(out_dir)
        .map_err(|e| format!("cannot create {}: {e}", out_dir.display()))?;
    let main_out = out_dir.join(format!("{stem}.wasm"));
    // wasm-bindgen names its JS after the stem; the loader imports `initSync`
    // from it to share the main module's memory and table with each chunk.
    let main_module = format!("./{stem}.js");
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
    let js = std::fs::read_to_string(&loader)
        .map_err(|e| format!("cannot read {}: {e}", loader.display()))?;
    std::fs::write(&loader, with_retries(&without_comment_lines(&js))?)
        .map_err(|e| format!("cannot write {}: {e}", loader.display()))?;
    // Sorted, so the same input always gives the same bytes (and hashes).
    let manifest: BTreeMap<_, _> = split.prefetch_map.into_iter().collect();
    let json = serde_json::to_string_pretty(&manifest).map_err(|e| e.to_string())?;
    let path = out_dir.join("manifest.json");
    std::fs::write(&path, json).map_err(|e| format!("cannot write {}: {e}", path.display()))
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
    use super::{with_retries, without_comment_lines};

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
