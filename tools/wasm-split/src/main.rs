//! `wasm-split <input.wasm> <out-dir> <stem>`: splits the raw wasm of the
//! app (linked with `--emit-relocs`) at its `#[lazy]` functions.
//!
//! Writes into `<out-dir>`:
//! - `<stem>.wasm`, the main module, for wasm-bindgen (`--keep-lld-exports`);
//! - one `.wasm` per split and per chunk of code shared between splits;
//! - `__wasm_split.js`, the loader the main module imports; it fetches the
//!   chunks relative to its own address, so every file of one build must sit
//!   in one folder (scripts/build.sh names that folder after the build);
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
    // Sorted, so the same input always gives the same bytes (and hashes).
    let manifest: BTreeMap<_, _> = split.prefetch_map.into_iter().collect();
    let json = serde_json::to_string_pretty(&manifest).map_err(|e| e.to_string())?;
    let path = out_dir.join("manifest.json");
    std::fs::write(&path, json).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
