//! Where this build's wasm lives. `scripts/build.sh` puts the js, the main
//! wasm, the split loader and every chunk of one build in `pkg/<build id>/`:
//! the loader fetches chunks relative to its own address, so the files of two
//! builds can never mix, even when a new build arrives while a page of the old
//! one is still open. It names that folder in the hash file (`build: <id>`),
//! which sits next to the server binary, where Leptos reads the other hashes.
//! Without that line (cargo-leptos hashes each file's name instead) Leptos's
//! own naming is used unchanged.

use leptos::config::LeptosOptions;

/// The options for the hydration script: this build's folder, whose files
/// keep their plain names.
pub fn hydration_options(options: &LeptosOptions) -> LeptosOptions {
    match build_id(options) {
        Some(id) => {
            let mut options = options.clone();
            options.site_pkg_dir = format!("{}/{id}", options.site_pkg_dir).into();
            options.hash_files = false;
            options
        }
        None => options.clone(),
    }
}

/// The build id from the hash file, read once.
fn build_id(options: &LeptosOptions) -> Option<String> {
    use std::sync::OnceLock;
    static ID: OnceLock<Option<String>> = OnceLock::new();
    ID.get_or_init(|| {
        let hashes = std::fs::read_to_string(hash_file_path(options)?).ok()?;
        build_id_from(&hashes)
    })
    .clone()
}

/// Where Leptos looks for the hash file: next to the running binary.
pub fn hash_file_path(options: &LeptosOptions) -> Option<std::path::PathBuf> {
    let exe = std::env::current_exe().ok()?;
    Some(exe.parent()?.join(options.hash_file.as_ref()))
}

/// The build id from the text of a hash file: hex digits only, since it
/// becomes part of every asset's address.
pub fn build_id_from(hashes: &str) -> Option<String> {
    hashes.lines().find_map(|line| {
        let (kind, id) = line.split_once(':')?;
        let id = id.trim();
        (kind.trim() == "build" && !id.is_empty() && id.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| id.to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::build_id_from;

    #[test]
    fn the_build_folder_is_named_from_the_hash_file() {
        let hashes = "css: ccc\nbuild: 0123abcd\n";
        assert_eq!(build_id_from(hashes).as_deref(), Some("0123abcd"));
        assert_eq!(build_id_from("js: a\nwasm: a\n"), None);
        assert_eq!(build_id_from("build: \n"), None);
        assert_eq!(build_id_from("build: ../x\n"), None);
    }
}
