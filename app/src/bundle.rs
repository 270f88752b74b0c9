//! Which wasm bundle a page loads. The session, progress, report and settings pages
//! get a bundle with their large islands (the guided session, the charts,
//! the data tools); every other page a smaller one without them (see
//! the `session-bundle` feature). `scripts/build.sh` names the session bundle
//! in `hash.txt` (`session: <hash>`), next to the server binary as Leptos
//! expects; without that line (a build by cargo-leptos, whose one bundle
//! has every island) all pages load the same bundle.

use leptos::config::LeptosOptions;

/// The options for this page's hydration script.
#[cfg(feature = "ssr")]
pub fn hydration_options(options: &LeptosOptions) -> LeptosOptions {
    let path = leptos::prelude::use_context::<http::request::Parts>()
        .map(|parts| parts.uri.path().to_owned())
        .unwrap_or_default();
    // The pages whose islands live only in the larger bundle.
    let session_page = ["/session", "/progress", "/report", "/settings"]
        .iter()
        .any(|page| path == *page || path.starts_with(&format!("{page}/")));
    match session_stem(options) {
        Some(stem) if session_page => {
            let mut options = options.clone();
            // The stem carries the content hash already: both files share it.
            options.output_name = stem.into();
            options.hash_files = false;
            options
        }
        _ => options.clone(),
    }
}

/// In the browser the page's bundle is already chosen.
#[cfg(not(feature = "ssr"))]
pub fn hydration_options(options: &LeptosOptions) -> LeptosOptions {
    options.clone()
}

/// `backstrong-session.<hash>`, read once from the hash file.
#[cfg(feature = "ssr")]
fn session_stem(options: &LeptosOptions) -> Option<String> {
    use std::sync::OnceLock;
    static STEM: OnceLock<Option<String>> = OnceLock::new();
    STEM.get_or_init(|| {
        let hashes = std::fs::read_to_string(hash_file_path(options)?).ok()?;
        session_stem_from(&options.output_name, &hashes)
    })
    .clone()
}

/// Where Leptos looks for the hash file: next to the running binary.
pub fn hash_file_path(options: &LeptosOptions) -> Option<std::path::PathBuf> {
    let exe = std::env::current_exe().ok()?;
    Some(exe.parent()?.join(options.hash_file.as_ref()))
}

/// The session bundle's stem from the text of a hash file.
pub fn session_stem_from(output_name: &str, hashes: &str) -> Option<String> {
    hashes.lines().find_map(|line| {
        let (kind, hash) = line.split_once(':')?;
        (kind.trim() == "session").then(|| format!("{output_name}-session.{}", hash.trim()))
    })
}

#[cfg(test)]
mod tests {
    use super::session_stem_from;

    #[test]
    fn the_session_bundle_is_named_from_the_hash_file() {
        let hashes = "js: aaa\nwasm: aaa\ncss: ccc\nsession: 0123abcd\n";
        assert_eq!(
            session_stem_from("backstrong", hashes).as_deref(),
            Some("backstrong-session.0123abcd")
        );
        assert_eq!(session_stem_from("backstrong", "js: a\nwasm: a\n"), None);
    }
}
