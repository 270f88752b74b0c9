//! Fewer files where no download grows.
//!
//! After [`crate::merge::plan`], a page still loads many chunks: one per set
//! of splits that share code. Each is compressed on its own, so what two
//! files have in common is paid twice; on the session page the files
//! together came to about 15 KB of brotli more than the same bytes in one.
//!
//! So two files join when, for every way the app loads splits (each split
//! alone, with the split it is loaded from, and any two of those together,
//! as a page with stored data loads its own and the stored data's reader),
//! the bytes to download do not grow: the compressed join costs no more
//! than the files it replaces, counted only where they were needed. Among
//! the joins allowed, the one that saves the most bytes over all those ways
//! goes first, then the next, until none saves anything.
//!
//! Sizes are of the chunks as the split wrote them, compressed as the server
//! sends them (brotli, by the caller's `size`): before wasm-opt, but what
//! compresses together then does after.

use std::collections::{BTreeMap, BTreeSet};

use crate::merge::Chunk;

/// `(child, parent)` split prefixes: the child is only ever loaded by the
/// parent's code, after the parent (the session's screens by the runner),
/// so a chunk they share was downloaded with the parent.
pub type Within = [(String, String)];

/// The ways the app loads splits: each split with the splits it is loaded
/// from, and any two of those together.
fn ways(chunks: &[Chunk], within: &Within) -> Vec<BTreeSet<String>> {
    let splits: BTreeSet<&String> = chunks.iter().flat_map(|c| &c.splits).collect();
    let alone: Vec<BTreeSet<String>> = splits
        .iter()
        .map(|s| {
            let mut way = BTreeSet::from([(*s).clone()]);
            for (child, parent) in within {
                if s.starts_with(child.as_str()) {
                    way.extend(
                        splits
                            .iter()
                            .filter(|p| p.starts_with(parent.as_str()))
                            .map(|p| (*p).clone()),
                    );
                }
            }
            way
        })
        .collect();
    let mut ways: Vec<BTreeSet<String>> = alone.clone();
    for (i, a) in alone.iter().enumerate() {
        for b in &alone[i + 1..] {
            ways.push(a.union(b).cloned().collect());
        }
    }
    ways.sort();
    ways.dedup();
    ways
}

/// Joins groups of `groups` (a merged file's stem, then the chunks in it,
/// as [`crate::merge::plan`] gives them) where no download grows (see the
/// module's notes). `size` gives the bytes a browser downloads for a file
/// of the given chunks.
pub fn join(
    groups: BTreeMap<String, Vec<String>>,
    chunks: &[Chunk],
    within: &Within,
    size: &mut dyn FnMut(&[String]) -> Result<usize, String>,
) -> Result<BTreeMap<String, Vec<String>>, String> {
    let splits_of: BTreeMap<&str, &BTreeSet<String>> = chunks
        .iter()
        .map(|c| (c.stem.as_str(), &c.splits))
        .collect();
    let ways = ways(chunks, within);
    let mut sizes: BTreeMap<Vec<String>, usize> = BTreeMap::new();
    let mut size_of = |members: &[String]| -> Result<usize, String> {
        if let Some(known) = sizes.get(members) {
            return Ok(*known);
        }
        let measured = size(members)?;
        sizes.insert(members.to_vec(), measured);
        Ok(measured)
    };
    let mut groups = groups;
    loop {
        let users: BTreeMap<&String, BTreeSet<&String>> = groups
            .iter()
            .map(|(target, members)| {
                let users = members
                    .iter()
                    .flat_map(|m| splits_of.get(m.as_str()).into_iter().flat_map(|s| s.iter()))
                    .collect();
                (target, users)
            })
            .collect();
        let needs = |way: &BTreeSet<String>, target: &String| {
            users[target].iter().any(|s| way.contains(*s))
        };
        let mut best: Option<(usize, String, String)> = None;
        let targets: Vec<&String> = groups.keys().collect();
        for (i, a) in targets.iter().enumerate() {
            for b in &targets[i + 1..] {
                if users[a].is_disjoint(&users[b]) {
                    continue; // no way loads both: joining only adds bytes
                }
                let (size_a, size_b) = (size_of(&groups[*a])?, size_of(&groups[*b])?);
                let joined: Vec<String> = groups[*a].iter().chain(&groups[*b]).cloned().collect();
                let size_ab = size_of(&joined)?;
                let mut saved = 0;
                let mut allowed = true;
                for way in &ways {
                    let before = match (needs(way, a), needs(way, b)) {
                        (false, false) => continue,
                        (true, true) => size_a + size_b,
                        (true, false) => size_a,
                        (false, true) => size_b,
                    };
                    if size_ab > before {
                        allowed = false;
                        break;
                    }
                    saved += before - size_ab;
                }
                if allowed && saved > 0 && best.as_ref().is_none_or(|(most, ..)| saved > *most) {
                    best = Some((saved, (*a).clone(), (*b).clone()));
                }
            }
        }
        let Some((_, a, b)) = best else {
            return Ok(groups);
        };
        let moved = groups.remove(&b).unwrap_or_default();
        groups.entry(a).or_default().extend(moved);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunk(stem: &str, splits: &[&str]) -> Chunk {
        Chunk {
            stem: stem.into(),
            bytes: 0,
            splits: splits.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn alone(chunks: &[Chunk]) -> BTreeMap<String, Vec<String>> {
        chunks
            .iter()
            .map(|c| (c.stem.clone(), vec![c.stem.clone()]))
            .collect()
    }

    /// Sizes from a table; a file of several chunks compresses to their sum
    /// less what `shared` says two of them have in common.
    fn sizes<'a>(
        own: &'a [(&str, usize)],
        shared: &'a [(&str, &str, usize)],
    ) -> impl FnMut(&[String]) -> Result<usize, String> + 'a {
        move |members: &[String]| {
            let mut total: usize = members
                .iter()
                .map(|m| own.iter().find(|(s, _)| s == m).map_or(0, |(_, n)| *n))
                .sum();
            for (x, y, common) in shared {
                if members.iter().any(|m| m == x) && members.iter().any(|m| m == y) {
                    total -= common;
                }
            }
            Ok(total)
        }
    }

    #[test]
    fn files_join_only_where_no_download_grows() {
        let chunks = [
            chunk("chunk_1", &["a", "b"]),
            chunk("chunk_2", &["a", "b", "c"]),
            chunk("chunk_3", &["b", "c"]),
            chunk("chunk_4", &["c"]),
        ];
        let mut size = sizes(
            &[
                ("chunk_1", 1000),
                ("chunk_2", 1000),
                ("chunk_3", 1000),
                ("chunk_4", 100),
            ],
            // 1 and 2 share a lot: `c`, which needs only 2, would download
            // 1's bytes for nothing, more than the join saves it. 3 and 4
            // share more than 4 weighs: `c` gains, `b` pays nothing extra.
            &[("chunk_1", "chunk_2", 800), ("chunk_3", "chunk_4", 150)],
        );
        let joined = join(alone(&chunks), &chunks, &[], &mut size).unwrap();
        assert_eq!(
            joined,
            BTreeMap::from([
                ("chunk_1".to_string(), vec!["chunk_1".to_string()]),
                ("chunk_2".to_string(), vec!["chunk_2".to_string()]),
                (
                    "chunk_3".to_string(),
                    vec!["chunk_3".to_string(), "chunk_4".to_string()]
                ),
            ])
        );
    }

    #[test]
    fn a_split_loaded_from_another_needs_nothing_that_one_loaded() {
        // `screens` is only loaded by `runner`'s code: a chunk only it and
        // `runner` use came with `runner`, so 1 and 2 join at no cost to
        // anyone; without that knowledge `screens` alone would pay for 2.
        let chunks = [
            chunk("chunk_1", &["screens", "runner", "settings"]),
            chunk("chunk_2", &["runner", "settings"]),
        ];
        let table = [("chunk_1", 1000), ("chunk_2", 1000)];
        let common = [("chunk_1", "chunk_2", 300)];
        let within = [("screens".to_string(), "runner".to_string())];
        let joined = join(
            alone(&chunks),
            &chunks,
            &within,
            &mut sizes(&table, &common),
        )
        .unwrap();
        assert_eq!(joined.len(), 1, "{joined:?}");
        let kept = join(alone(&chunks), &chunks, &[], &mut sizes(&table, &common)).unwrap();
        assert_eq!(kept.len(), 2, "{kept:?}");
    }

    #[test]
    fn nothing_joins_files_no_split_loads_together() {
        let chunks = [chunk("chunk_1", &["a"]), chunk("chunk_2", &["b"])];
        let mut calls = 0;
        let mut size = |_: &[String]| {
            calls += 1;
            Ok(10)
        };
        let joined = join(alone(&chunks), &chunks, &[], &mut size).unwrap();
        assert_eq!(joined.len(), 2);
        assert_eq!(calls, 0, "no pair was worth measuring");
    }
}
