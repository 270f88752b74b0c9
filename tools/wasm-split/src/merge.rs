//! Fewer, larger chunks.
//!
//! The split makes one chunk per set of splits that share some code: 86
//! chunks here, half of them under a kilobyte, down to 50 bytes. A page pays
//! for each file it loads, whatever its size: the browser starts a request
//! for it, compiles and instantiates it, all on the main thread. On the
//! session page, 56 files cost about 30 ms in one task for the requests
//! alone (more on a phone), which is what Lighthouse counts as blocking
//! time.
//!
//! So each small chunk joins a chunk that every one of its splits already
//! loads (a superset): no split needs a file it did not need before, and a
//! split that did not need the small chunk downloads its few bytes
//! anyway. Among the supersets, the one that adds the fewest bytes to other
//! splits wins. A chunk that only sync's splits use stays apart, so people
//! who never turn sync on still never download sync code.
//!
//! The merging itself is binaryen's `wasm-merge`: each chunk imports the
//! shared memory, table and stack pointer from `__wasm_split`; those imports
//! are renamed to come from a small module that imports them once and
//! re-exports them (see [`crate::binary::reexporting`]), merged first.

use std::{
    collections::{BTreeMap, BTreeSet},
    path::Path,
    process::Command,
};

use crate::binary;

/// The module the loader hands each chunk its imports under.
const SHARED_FROM: &str = "__wasm_split";
/// The name the re-exporting module has inside a merge.
const SHARED: &str = "shared";

/// A chunk as the split left it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chunk {
    pub stem: String,
    /// Bytes of code and data (custom sections left out).
    pub bytes: usize,
    /// The splits that load it.
    pub splits: BTreeSet<String>,
}

/// Which chunks become one: each group's first stem names the merged file,
/// the others join it. Chunks of `bytes` under `small` join a superset chunk
/// (see the module's notes); `apart(split)` is true for a split whose own
/// chunks must not join another split's.
pub fn plan(
    chunks: &[Chunk],
    small: usize,
    apart: impl Fn(&str) -> bool,
) -> BTreeMap<String, Vec<String>> {
    let by_stem: BTreeMap<&str, &Chunk> = chunks.iter().map(|c| (c.stem.as_str(), c)).collect();
    let mut groups: BTreeMap<String, Vec<String>> = chunks
        .iter()
        .map(|c| (c.stem.clone(), vec![c.stem.clone()]))
        .collect();
    let mut order: Vec<&Chunk> = chunks.iter().collect();
    order.sort_by(|a, b| (a.bytes, &a.stem).cmp(&(b.bytes, &b.stem)));
    for small_chunk in order.into_iter().filter(|c| c.bytes < small) {
        let Some(members) = groups.get(&small_chunk.stem) else {
            continue;
        };
        let group_bytes: usize = members.iter().map(|m| by_stem[m.as_str()].bytes).sum();
        let only_apart = small_chunk.splits.iter().all(|s| apart(s));
        let best = groups
            .keys()
            .filter(|stem| **stem != small_chunk.stem)
            .map(|stem| by_stem[stem.as_str()])
            .filter(|t| t.splits.is_superset(&small_chunk.splits))
            .filter(|t| !only_apart || t.splits.iter().all(|s| apart(s)))
            .min_by_key(|t| {
                let extra = (t.splits.len() - small_chunk.splits.len()) * group_bytes;
                (extra, std::cmp::Reverse(t.bytes), t.stem.clone())
            })
            .map(|t| t.stem.clone());
        if let Some(target) = best {
            let moved = groups.remove(&small_chunk.stem).unwrap_or_default();
            groups.entry(target).or_default().extend(moved);
        }
    }
    groups
}

/// For each stem, the stem of the file it ends up in.
pub fn renames(groups: &BTreeMap<String, Vec<String>>) -> BTreeMap<String, String> {
    groups
        .iter()
        .flat_map(|(target, members)| members.iter().map(move |m| (m.clone(), target.clone())))
        .collect()
}

/// The chunks the manifest lists, each with the splits that load it.
pub fn chunks_of(
    manifest: &BTreeMap<String, Vec<String>>,
    dir: &Path,
) -> Result<Vec<Chunk>, String> {
    let mut splits: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for (split, stems) in manifest {
        for stem in stems.iter().filter(|s| s.starts_with("chunk_")) {
            splits
                .entry(stem.as_str())
                .or_default()
                .insert(split.clone());
        }
    }
    splits
        .into_iter()
        .map(|(stem, splits)| {
            let wasm = read(&dir.join(format!("{stem}.wasm")))?;
            Ok(Chunk {
                stem: stem.to_owned(),
                bytes: binary::content_len(&wasm).map_err(|e| format!("{stem}.wasm: {e}"))?,
                splits,
            })
        })
        .collect()
}

/// The manifest with each stem renamed, each file once, in load order.
pub fn renamed_manifest(
    manifest: &BTreeMap<String, Vec<String>>,
    renames: &BTreeMap<String, String>,
) -> BTreeMap<String, Vec<String>> {
    manifest
        .iter()
        .map(|(split, stems)| {
            let mut out: Vec<String> = Vec::new();
            for stem in stems {
                let stem = renames.get(stem).unwrap_or(stem);
                if !out.contains(stem) {
                    out.push(stem.clone());
                }
            }
            (split.clone(), out)
        })
        .collect()
}

/// The loader without the chunks merged into others: their loading
/// functions go, and each list of chunks a split waits for names the
/// merged ones, each once. Fails when the loader does not look as expected.
pub fn renamed_loader(js: &str, renames: &BTreeMap<String, String>) -> Result<String, String> {
    let mut js = js.to_owned();
    for (stem, target) in renames.iter().filter(|(s, t)| s != t) {
        let head = format!("const __{stem} = makeLoad(");
        let start = js
            .find(&head)
            .ok_or_else(|| format!("the loader has no {head:?}"))?;
        let end_mark = "\n, []);\n";
        let end = start
            + js[start..]
                .find(end_mark)
                .ok_or_else(|| format!("the loading of {stem} has no end"))?
            + end_mark.len();
        if !js[start..end].contains(&format!("\"./{stem}.wasm\"")) {
            return Err(format!("the loading of {stem} fetches another file"));
        }
        js.replace_range(start..end, "");
        if !js.contains(&format!("const __{target} = makeLoad(")) {
            return Err(format!("the loader does not load {target}"));
        }
    }
    let mut out = String::with_capacity(js.len());
    let mut rest = js.as_str();
    while let Some(at) = rest.find("[__chunk_") {
        out.push_str(&rest[..=at]);
        let after = &rest[at + 1..];
        let len = after
            .find(']')
            .ok_or("a list of chunks in the loader has no end")?;
        let mut names: Vec<String> = Vec::new();
        for name in after[..len].split(',').map(str::trim) {
            let stem = name
                .strip_prefix("__")
                .ok_or_else(|| format!("{name:?} in a list of chunks is not a chunk"))?;
            let name = format!("__{}", renames.get(stem).map_or(stem, String::as_str));
            if !names.contains(&name) {
                names.push(name);
            }
        }
        out.push_str(&names.join(", "));
        rest = &after[len..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Merges each group of `groups` (in `dir`) into its first chunk's file with
/// `wasm_merge` (the program, then its arguments) and deletes the others.
pub fn merge_files(
    dir: &Path,
    groups: &BTreeMap<String, Vec<String>>,
    wasm_merge: &[String],
) -> Result<(), String> {
    let [program, options @ ..] = wasm_merge else {
        return Err("no wasm-merge to run".into());
    };
    let work = dir.join("merging");
    std::fs::create_dir_all(&work).map_err(|e| format!("cannot create {}: {e}", work.display()))?;
    for (target, members) in groups.iter().filter(|(_, m)| m.len() > 1) {
        // What the members import from the loader, by name and type, once.
        let mut shared_imports: Vec<(String, Vec<u8>)> = Vec::new();
        let mut args: Vec<String> = options.to_vec();
        let shared_path = work.join(format!("{SHARED}.wasm"));
        args.extend([shared_path.display().to_string(), SHARED.to_owned()]);
        for member in members {
            let wasm = read(&dir.join(format!("{member}.wasm")))?;
            for import in binary::imports(&wasm).map_err(|e| format!("{member}.wasm: {e}"))? {
                if import.module != SHARED_FROM {
                    return Err(format!(
                        "{member}.wasm imports {}.{}: a chunk may import only from {SHARED_FROM}",
                        import.module, import.name
                    ));
                }
                match shared_imports.iter().find(|(name, _)| name == import.name) {
                    Some((_, desc)) if desc != import.desc => {
                        return Err(format!(
                            "{member}.wasm imports {} with another type",
                            import.name
                        ));
                    }
                    Some(_) => {}
                    None => shared_imports.push((import.name.to_owned(), import.desc.to_vec())),
                }
            }
            // Its exports are dropped after the merge (see below).
            if binary::has_exports(&wasm).map_err(|e| format!("{member}.wasm: {e}"))? {
                return Err(format!("{member}.wasm exports something: not a chunk"));
            }
            let renamed = binary::rename_import_module(&wasm, SHARED_FROM, SHARED)
                .map_err(|e| format!("{member}.wasm: {e}"))?;
            let path = work.join(format!("{member}.wasm"));
            write(&path, &renamed)?;
            args.extend([path.display().to_string(), member.clone()]);
        }
        let imports: Vec<binary::Import> = shared_imports
            .iter()
            .map(|(name, desc)| binary::Import {
                module: SHARED_FROM,
                name,
                desc,
            })
            .collect();
        write(&shared_path, &binary::reexporting(&imports))?;
        let merged = dir.join(format!("{target}.wasm"));
        args.extend(["-o".to_owned(), merged.display().to_string()]);
        let status = Command::new(program)
            .args(&args)
            .status()
            .map_err(|e| format!("cannot run {program}: {e}"))?;
        if !status.success() {
            return Err(format!("{program} failed merging into {target} ({status})"));
        }
        // The merged module still exports what the re-exporting module did;
        // nothing uses that (the chunks export nothing), so it goes.
        let bare = binary::without_exports(&read(&merged)?)
            .map_err(|e| format!("{target}.wasm after merging: {e}"))?;
        write(&merged, &bare)?;
        for member in members.iter().filter(|m| *m != target) {
            let path = dir.join(format!("{member}.wasm"));
            std::fs::remove_file(&path)
                .map_err(|e| format!("cannot remove {}: {e}", path.display()))?;
        }
    }
    std::fs::remove_dir_all(&work).map_err(|e| format!("cannot remove {}: {e}", work.display()))
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunk(stem: &str, bytes: usize, splits: &[&str]) -> Chunk {
        Chunk {
            stem: stem.into(),
            bytes,
            splits: splits.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn groups(list: &[(&str, &[&str])]) -> BTreeMap<String, Vec<String>> {
        list.iter()
            .map(|(t, m)| (t.to_string(), m.iter().map(|s| s.to_string()).collect()))
            .collect()
    }

    #[test]
    fn a_small_chunk_joins_the_superset_that_adds_the_fewest_bytes() {
        let chunks = [
            chunk("chunk_1", 5000, &["a", "b", "c"]),
            chunk("chunk_2", 4000, &["a", "b"]),
            chunk("chunk_3", 100, &["a"]),
            chunk("chunk_4", 90, &["b", "c"]),
            chunk("chunk_5", 80, &["c"]),
            chunk("chunk_6", 3000, &["c"]),
        ];
        let planned = plan(&chunks, 1000, |_| false);
        assert_eq!(
            planned,
            groups(&[
                // chunk_4's only superset; chunk_3 costs `c` less in chunk_2.
                ("chunk_1", &["chunk_1", "chunk_4"]),
                ("chunk_2", &["chunk_2", "chunk_3"]),
                // A set of its own: chunk_6, large, takes it whole.
                ("chunk_6", &["chunk_6", "chunk_5"]),
            ])
        );
        // Every split still loads every byte it needs, from fewer files.
        let renamed = renames(&planned);
        for c in &chunks {
            let target = &renamed[&c.stem];
            let t = chunks.iter().find(|x| &x.stem == target).unwrap();
            assert!(t.splits.is_superset(&c.splits), "{} in {target}", c.stem);
        }
        // Nothing below the threshold: nothing merges.
        assert!(plan(&chunks, 50, |_| false).values().all(|m| m.len() == 1));
    }

    #[test]
    fn a_group_moves_whole_and_chunks_kept_apart_stay_apart() {
        let chunks = [
            chunk("chunk_1", 5000, &["a", "sync"]),
            chunk("chunk_2", 10, &["sync"]),
            chunk("chunk_3", 20, &["sync"]),
            chunk("chunk_4", 30, &["a"]),
            chunk("chunk_5", 40, &["a", "sync"]),
        ];
        let planned = plan(&chunks, 1000, |s| s == "sync");
        // chunk_2 joins chunk_3; chunk_3 (with chunk_2) has no superset
        // that only sync uses. chunk_4 joins chunk_1 (as costly as chunk_5,
        // and larger), and so does chunk_5.
        assert_eq!(
            planned,
            groups(&[
                ("chunk_1", &["chunk_1", "chunk_4", "chunk_5"]),
                ("chunk_3", &["chunk_3", "chunk_2"]),
            ])
        );
    }

    #[test]
    fn the_manifest_names_each_merged_file_once_in_load_order() {
        let manifest: BTreeMap<String, Vec<String>> = [(
            "x_loader_1".to_string(),
            ["chunk_1", "chunk_2", "chunk_3", "split_x_loader_1"]
                .map(String::from)
                .to_vec(),
        )]
        .into();
        let renamed = renames(&groups(&[
            ("chunk_3", &["chunk_3", "chunk_1"]),
            ("chunk_2", &["chunk_2"]),
        ]));
        assert_eq!(
            renamed_manifest(&manifest, &renamed)["x_loader_1"],
            ["chunk_3", "chunk_2", "split_x_loader_1"]
        );
    }

    #[test]
    fn the_loader_drops_merged_chunks_and_waits_for_their_targets() {
        let block = |n: u32| {
            format!(
                "const __chunk_{n} = makeLoad(() => {{\n    const src = fetch(new URL(\"./chunk_{n}.wasm\", import.meta.url));\n}}\n, []);\n"
            )
        };
        let js = format!(
            "import x;\n{}{}{}export const a = wrapAsyncCb(makeLoad(() => {{}}\n, [__chunk_1, __chunk_2, __chunk_3]));\nexport const b = wrapAsyncCb(makeLoad(() => {{}}\n, [__chunk_2]));\n",
            block(1),
            block(2),
            block(3)
        );
        let renamed = renames(&groups(&[("chunk_3", &["chunk_3", "chunk_1", "chunk_2"])]));
        let out = renamed_loader(&js, &renamed).unwrap();
        assert_eq!(
            out,
            format!(
                "import x;\n{}export const a = wrapAsyncCb(makeLoad(() => {{}}\n, [__chunk_3]));\nexport const b = wrapAsyncCb(makeLoad(() => {{}}\n, [__chunk_3]));\n",
                block(3)
            )
        );
        // A loader of another shape is refused rather than half rewritten.
        let missing = renames(&groups(&[("chunk_3", &["chunk_3", "chunk_9"])]));
        assert!(renamed_loader(&js, &missing).is_err());
    }
}
