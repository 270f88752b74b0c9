//! Which of a build's wasm files each page needs, named in the page so the
//! browser fetches them side by side.
//!
//! The wasm is split at its lazy islands (`scripts/build.sh`, the
//! `wasm-split` tool): a page needs the main module, the split loader, and,
//! for each lazy island on it, the chunks the split manifest lists. Left to
//! itself, the browser finds these one after another (the js, then the main
//! wasm, then each island's chunks, island by island): a round trip each on
//! a gym's patchy signal. The list goes into a `<meta name="backstrong-preload">`
//! that the hydration script reads once the page has painted
//! (`app::paint_first`), so the downloads start together without competing
//! with the first paint.
//!
//! A second list, `backstrong-preload-stored`, names the files of the stored
//! data's reader (`app::state::reading`), a split of its own: the script
//! fetches them only when the browser holds the app's data, so a first visit
//! never downloads them.

use std::collections::HashMap;

/// The name of the meta element that carries the list.
pub const META_NAME: &str = "backstrong-preload";
/// The name of the meta element that lists the stored data's reader.
pub const STORED_META_NAME: &str = "backstrong-preload-stored";
/// How the reader's split is named: this, then digits.
const READER_SPLIT: &str = "read_stored_";

/// The sync code's split (`state::syncing::perform` in the app).
const SYNC_SPLIT: &str = "perform_";

/// The session runner's split, and that of the screens of a session under
/// way (`ui::session::in_session` in the app). The runner mounts those
/// screens once stored data shows a session is running: on the session
/// page they join the stored data's list, so a reload in the middle of a
/// session does not wait for them. A first visit fetches them only when a
/// session starts.
const RUNNER_SPLIT: &str = "session_runner_loader_";
const SESSION_SCREENS_SPLIT: &str = "screen_markup_";

/// A build's split manifest: for each lazy island's split, the stems of the
/// files it needs, in load order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SplitManifest {
    /// The build's folder, such as `/pkg/0123abcd0123abcd`.
    pub folder: String,
    splits: HashMap<String, Vec<String>>,
}

impl SplitManifest {
    /// Reads the manifest the split step wrote into `folder`.
    pub fn parse(folder: &str, json: &[u8]) -> Result<Self, String> {
        let splits: HashMap<String, Vec<String>> =
            serde_json::from_slice(json).map_err(|e| format!("not a split manifest: {e}"))?;
        let safe = |s: &str| {
            !s.is_empty()
                && s.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        };
        if let Some(bad) = splits.values().flatten().find(|stem| !safe(stem)) {
            return Err(format!("the file name {bad:?} is not a plain name"));
        }
        Ok(Self {
            folder: folder.to_owned(),
            splits,
        })
    }

    /// The files of this build a page needs, in the order they are used:
    /// the js, the main wasm, the loader, then each lazy island's files,
    /// each once. Empty when the page does not load this build.
    pub fn files_for(&self, html: &str, output_name: &str) -> Vec<String> {
        // The hydration script names the folder without its leading slash.
        if !html.contains(self.folder.trim_start_matches('/')) {
            return Vec::new();
        }
        let mut files = vec![
            format!("{}/{output_name}.js", self.folder),
            format!("{}/{output_name}.wasm", self.folder),
            format!("{}/__wasm_split.js", self.folder),
        ];
        for island in islands(html) {
            // Not lazy when it has no split: its code is in the main module.
            self.add_split(&format!("{}_loader_", snake(&island)), &mut files);
        }
        files
    }

    /// The files of the stored data's reader (and, on the session page, of
    /// the session's screens) that `page` (the page's own list) does not
    /// hold already. Empty when the page does not load this build, or when
    /// the build has no such split (an unsplit build).
    pub fn stored_files_for(&self, page: &[String]) -> Vec<String> {
        if page.is_empty() {
            return Vec::new();
        }
        let mut files = page.to_vec();
        self.add_split(READER_SPLIT, &mut files);
        let has_runner = self
            .split(RUNNER_SPLIT)
            .and_then(|stems| stems.last())
            .is_some_and(|own| page.contains(&format!("{}/{own}.wasm", self.folder)));
        if has_runner {
            self.add_split(SESSION_SCREENS_SPLIT, &mut files);
        }
        files.split_off(page.len())
    }

    /// Files only the sync code needs: the service worker leaves them out of
    /// its precache, so a device where sync was never turned on never
    /// downloads them (the worker keeps them once a device with sync on
    /// has fetched them).
    pub fn sync_only_files(&self) -> Vec<String> {
        let is_sync = |key: &str| key.strip_prefix(SYNC_SPLIT).is_some_and(all_digits);
        let Some((_, sync)) = self.splits.iter().find(|(key, _)| is_sync(key)) else {
            return Vec::new();
        };
        let mut files: Vec<String> = sync
            .iter()
            .filter(|stem| {
                !self
                    .splits
                    .iter()
                    .any(|(key, stems)| !is_sync(key) && stems.contains(stem))
            })
            .map(|stem| format!("{}/{stem}.wasm", self.folder))
            .collect();
        files.sort();
        files
    }

    /// Every file a split lists but the sync code's own (see
    /// [`Self::sync_only_files`]), sorted: the lazy parts of the wasm the
    /// service worker keeps.
    pub fn lazy_files(&self) -> Vec<String> {
        let sync = self.sync_only_files();
        let mut files: Vec<String> = self
            .splits
            .values()
            .flatten()
            .map(|stem| format!("{}/{stem}.wasm", self.folder))
            .filter(|file| !sync.contains(file))
            .collect();
        files.sort();
        files.dedup();
        files
    }

    /// The files of the split named `prefix` + digits, its own last.
    fn split(&self, prefix: &str) -> Option<&Vec<String>> {
        self.splits
            .iter()
            .find(|(key, _)| key.strip_prefix(prefix).is_some_and(all_digits))
            .map(|(_, stems)| stems)
    }

    /// Adds the files of the split named `prefix` + digits to `files`, each once.
    fn add_split(&self, prefix: &str, files: &mut Vec<String>) {
        let Some(stems) = self.split(prefix) else {
            return;
        };
        for stem in stems {
            let file = format!("{}/{stem}.wasm", self.folder);
            if !files.contains(&file) {
                files.push(file);
            }
        }
    }
}

/// `html` with the page's list of files and the reader's as meta elements
/// at the end of its head.
pub fn with_lists(html: &str, page: &[String], stored: &[String]) -> String {
    let Some(at) = html.find("</head>") else {
        return html.to_owned();
    };
    let mut metas = String::new();
    for (name, files) in [(META_NAME, page), (STORED_META_NAME, stored)] {
        if !files.is_empty() {
            metas.push_str(&format!(
                "<meta name=\"{name}\" content=\"{}\">",
                files.join(" ")
            ));
        }
    }
    format!("{}{metas}{}", &html[..at], &html[at..])
}

/// The islands of a page, by component name, in document order.
fn islands(html: &str) -> Vec<String> {
    let mut names = Vec::new();
    for part in html.split("<leptos-island").skip(1) {
        let tag = &part[..part.find('>').unwrap_or(part.len())];
        let Some(start) = tag.find("data-component=\"") else {
            continue;
        };
        let value = &tag[start + "data-component=\"".len()..];
        let value = &value[..value.find('"').unwrap_or(value.len())];
        // `SessionRunner_13066917577315756846`: the name, then a hash.
        let name = match value.rsplit_once('_') {
            Some((name, hash)) if all_digits(hash) => name,
            _ => value,
        };
        if !names.iter().any(|n| n == name) {
            names.push(name.to_owned());
        }
    }
    names
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// `SessionRunner` → `session_runner`, as Leptos names a lazy island's split.
fn snake(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const MANIFEST: &str = r#"{
        "read_stored_9": ["chunk_2", "chunk_3", "split_read_stored_9"],
        "session_runner_loader_105": ["chunk_1", "chunk_2", "split_session_runner_loader_105"],
        "settings_panels_loader_77": ["chunk_2", "split_settings_panels_loader_77"]
    }"#;

    fn page(islands: &[&str]) -> String {
        let mut html = String::from(
            "<html><head><script>go(\"\", \"pkg/abc\", \"backstrong\")</script></head><body>",
        );
        for island in islands {
            html.push_str(&format!(
                "<leptos-island data-component=\"{island}_123\" data-props=\"{{}}\"></leptos-island>"
            ));
        }
        html + "</body></html>"
    }

    #[test]
    fn a_page_lists_the_main_files_then_its_lazy_islands_chunks_once() {
        let manifest = SplitManifest::parse("/pkg/abc", MANIFEST.as_bytes()).unwrap();
        let files = manifest.files_for(
            &page(&["StorageBanner", "SessionRunner", "SettingsPanels"]),
            "backstrong",
        );
        assert_eq!(
            files,
            [
                "/pkg/abc/backstrong.js",
                "/pkg/abc/backstrong.wasm",
                "/pkg/abc/__wasm_split.js",
                "/pkg/abc/chunk_1.wasm",
                "/pkg/abc/chunk_2.wasm",
                "/pkg/abc/split_session_runner_loader_105.wasm",
                "/pkg/abc/split_settings_panels_loader_77.wasm",
            ]
        );
        // A page with no lazy island needs the main files only.
        assert_eq!(
            manifest
                .files_for(&page(&["StorageBanner"]), "backstrong")
                .len(),
            3
        );
        // A page of another build (or none) gets no list.
        assert!(
            manifest
                .files_for("<html><head></head></html>", "backstrong")
                .is_empty()
        );
    }

    #[test]
    fn an_island_is_matched_by_its_whole_name() {
        // `Session` must not take `SessionRunner`'s split.
        let manifest = SplitManifest::parse("/pkg/abc", MANIFEST.as_bytes()).unwrap();
        assert_eq!(
            manifest.files_for(&page(&["Session"]), "backstrong").len(),
            3
        );
    }

    #[test]
    fn the_reader_lists_only_what_the_page_does_not_have() {
        let manifest = SplitManifest::parse("/pkg/abc", MANIFEST.as_bytes()).unwrap();
        let session = manifest.files_for(&page(&["SessionRunner"]), "backstrong");
        assert_eq!(
            manifest.stored_files_for(&session),
            ["/pkg/abc/chunk_3.wasm", "/pkg/abc/split_read_stored_9.wasm"]
        );
        let home = manifest.files_for(&page(&["StorageBanner"]), "backstrong");
        assert_eq!(
            manifest.stored_files_for(&home),
            [
                "/pkg/abc/chunk_2.wasm",
                "/pkg/abc/chunk_3.wasm",
                "/pkg/abc/split_read_stored_9.wasm"
            ]
        );
        // Not this build's page, or a build without the split: nothing.
        assert!(manifest.stored_files_for(&[]).is_empty());
        let unsplit = SplitManifest::parse("/pkg/abc", b"{}").unwrap();
        assert!(unsplit.stored_files_for(&home).is_empty());
    }

    #[test]
    fn the_session_page_adds_the_screens_of_a_stored_session_to_the_readers_list() {
        let manifest = SplitManifest::parse(
            "/pkg/abc",
            br#"{
                "read_stored_9": ["chunk_2", "chunk_3", "split_read_stored_9"],
                "session_runner_loader_105": ["chunk_1", "chunk_2", "split_session_runner_loader_105"],
                "screen_markup_6": ["chunk_1", "chunk_7", "split_screen_markup_6"]
            }"#,
        )
        .unwrap();
        let session = manifest.files_for(&page(&["SessionRunner"]), "backstrong");
        assert!(
            !session.iter().any(|f| f.contains("screen_markup")),
            "not on the page's own list: {session:?}"
        );
        assert_eq!(
            manifest.stored_files_for(&session),
            [
                "/pkg/abc/chunk_3.wasm",
                "/pkg/abc/split_read_stored_9.wasm",
                "/pkg/abc/chunk_7.wasm",
                "/pkg/abc/split_screen_markup_6.wasm"
            ]
        );
        // Other pages never need the screens.
        let home = manifest.files_for(&page(&["StorageBanner"]), "backstrong");
        assert!(
            !manifest
                .stored_files_for(&home)
                .iter()
                .any(|f| f.contains("screen_markup"))
        );
    }

    #[test]
    fn only_the_files_no_other_split_needs_are_left_to_the_sync_code() {
        let manifest = SplitManifest::parse(
            "/pkg/abc",
            br#"{
                "perform_4": ["chunk_2", "chunk_8", "split_perform_4"],
                "session_runner_loader_105": ["chunk_1", "chunk_2", "split_session_runner_loader_105"]
            }"#,
        )
        .unwrap();
        assert_eq!(
            manifest.sync_only_files(),
            ["/pkg/abc/chunk_8.wasm", "/pkg/abc/split_perform_4.wasm"]
        );
        // The worker keeps the rest, each file once.
        assert_eq!(
            manifest.lazy_files(),
            [
                "/pkg/abc/chunk_1.wasm",
                "/pkg/abc/chunk_2.wasm",
                "/pkg/abc/split_session_runner_loader_105.wasm"
            ]
        );
        // A build without sync code leaves nothing out.
        let without = SplitManifest::parse("/pkg/abc", MANIFEST.as_bytes()).unwrap();
        assert!(without.sync_only_files().is_empty());
    }

    #[test]
    fn the_lists_go_at_the_end_of_the_head() {
        let html = with_lists(
            "<head><title>t</title></head><body></body>",
            &["/a.wasm".into(), "/b.js".into()],
            &["/c.wasm".into()],
        );
        assert_eq!(
            html,
            "<head><title>t</title><meta name=\"backstrong-preload\" content=\"/a.wasm /b.js\">\
             <meta name=\"backstrong-preload-stored\" content=\"/c.wasm\"></head><body></body>"
        );
        assert_eq!(with_lists("<head></head>", &[], &[]), "<head></head>");
    }

    #[test]
    fn a_broken_manifest_is_refused_with_a_reason() {
        assert!(
            SplitManifest::parse("/pkg/a", b"{")
                .unwrap_err()
                .contains("not a split manifest")
        );
        let err = SplitManifest::parse("/pkg/a", br#"{"x_loader_1": ["../evil"]}"#).unwrap_err();
        assert!(err.contains("not a plain name"), "{err}");
    }

    #[test]
    fn names_become_leptos_split_names() {
        assert_eq!(snake("SessionRunner"), "session_runner");
        assert_eq!(snake("ExerciseNotes"), "exercise_notes");
        assert_eq!(
            islands(&page(&["A", "SessionRunner", "A"])),
            ["A", "SessionRunner"]
        );
    }
}
