//! Paint first, then hydrate. Every page arrives fully rendered, so the
//! wasm is not needed to see it; fetching it in the same moment as the
//! stylesheet only slows the first paint on a slow connection (a gym's
//! patchy signal). Leptos's hydration script is kept as it is, but it now
//! starts after the page has loaded and painted once, and the preload hints
//! that would start the downloads earlier are left out. In their place, once
//! painted, the script asks for every wasm file the page needs at once: the
//! server names them in `<meta name="backstrong-preload">` (the js, the main
//! wasm, the split loader and the chunks of the page's lazy islands), which
//! would otherwise be found one after another.
//!
//! The script is a file of its own, not inline: it is the same on every
//! page, so a page would otherwise carry its 1 KB (brotli) again, and the
//! service worker keeps 20 pages. The server serves it and the export
//! writes it ([`boot_script`] says where and what); its name carries a hash
//! of its bytes, so a changed script is a new file and never a stale one
//! from the browser's cache.

use leptos::{config::LeptosOptions, hydration::HydrationScripts, prelude::*};

/// Leptos's islands hydration script, started only once the page has
/// painted (see the module's notes), loaded from its own file.
#[component]
pub fn PaintFirstHydration(options: LeptosOptions) -> impl IntoView {
    match boot_script(&options) {
        Some(boot) => view! { <script type="module" src=boot.path></script> }.into_any(),
        // Cannot happen with Leptos's output; keep hydration working anyway.
        None => view! { <HydrationScripts options islands=true /> }.into_any(),
    }
}

/// The boot script's file: where the page loads it from, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BootScript {
    /// `/<pkg dir>/boot.<16 hex digits of the text's hash>.js`
    pub path: String,
    pub text: String,
}

/// The boot script for these options (those of
/// [`crate::build_folder::hydration_options`], as the pages use): `None`
/// only if Leptos renders no script at all.
pub fn boot_script(options: &LeptosOptions) -> Option<BootScript> {
    let leptos_scripts =
        view! { <HydrationScripts options=options.clone() islands=true /> }.to_html();
    let text = defer_until_painted(&leptos_scripts)?;
    let path = format!(
        "/{}/boot.{:016x}.js",
        options.site_pkg_dir.trim_matches('/'),
        fnv1a(text.as_bytes())
    );
    Some(BootScript { path, text })
}

/// FNV-1a, 64 bits: the same on every machine and in every Rust release
/// (std's hasher promises neither), and enough to tell two texts apart in
/// a file name; nobody gains by making two scripts collide.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Starts the downloads the server listed for this page (see the module's
/// notes), and the stored data's reader when the browser holds the app's data
/// (`app::state::reading`; storage that throws counts as empty here, and the
/// reader then comes when the page asks for it). The attributes match the
/// requests the scripts make later (a module import; a CORS fetch of a wasm
/// file), so those use the preloads. Each request costs the main thread
/// about half a millisecond on a laptop, several on a phone, and a page
/// may list 40 files: they go out eight to a task, so a tap is never kept
/// waiting long.
const PRELOAD: &str = r#"const listed = (name) => (document.querySelector(`meta[name="${name}"]`)?.content ?? "").split(" ");
let files = listed("backstrong-preload");
try {
  if (Object.keys(localStorage).some((key) => key.startsWith("backstrong:"))) files = files.concat(listed("backstrong-preload-stored"));
} catch {}
files = files.filter(Boolean);
const batch = 8;
const preload = (from) => {
  for (const file of files.slice(from, from + batch)) {
    const link = document.createElement("link");
    if (file.endsWith(".js")) {
      link.rel = "modulepreload";
    } else {
      link.rel = "preload";
      link.as = "fetch";
      link.type = "application/wasm";
      link.crossOrigin = "anonymous";
    }
    link.href = file;
    document.head.append(link);
  }
  if (from + batch < files.length) setTimeout(() => preload(from + batch), 0);
};
preload(0);"#;

/// Where Leptos's script hydrates one island, then goes on to the next.
const EACH_ISLAND: &str = "await hydrateIsland(node, id, mod);";

/// Each island hydrates in a task of its own: the script lets the browser
/// handle input, paint and start downloads before the next island. Leptos
/// hydrates every island of the page in one go, and on the session page
/// that is one task several times longer than the 50 ms a phone can spend
/// without answering a tap (Lighthouse's blocking time counts it).
const YIELD: &str = "await new Promise((resolve) => setTimeout(resolve, 0));";

/// The body of the first `<script …>` in `html`, run only after the page
/// has loaded and been painted, each island hydrating in a task of its own
/// when the script has the expected shape. `None` when `html` holds no script.
pub fn defer_until_painted(html: &str) -> Option<String> {
    let open = html.find("<script")?;
    let body_start = open + html[open..].find('>')? + 1;
    let body_len = html[body_start..].find("</script>")?;
    let body = html[body_start..body_start + body_len]
        .replace(EACH_ISLAND, &format!("{EACH_ISLAND} {YIELD}"));
    Some(format!(
        "const hydrate = () => requestAnimationFrame(() => setTimeout(() => {{\n{PRELOAD}\n{body}\n}}, 0));\n\
         if (document.readyState === \"complete\") hydrate();\n\
         else addEventListener(\"load\", hydrate, {{ once: true }});"
    ))
}

#[cfg(test)]
mod tests {
    use super::{boot_script, defer_until_painted, fnv1a};
    use leptos::{config::LeptosOptions, hydration::HydrationScripts, prelude::*};

    #[test]
    fn the_script_runs_after_load_and_a_frame() {
        let html = r#"<link rel="modulepreload" href="/pkg/a.js"><link rel="preload" href="/pkg/a.wasm"><script type="module" nonce="n">((a) => { go(a) })("x");</script>"#;
        let script = defer_until_painted(html).unwrap();
        assert!(script.contains(r#"((a) => { go(a) })("x");"#));
        assert!(script.contains("addEventListener(\"load\""));
        assert!(script.contains("requestAnimationFrame"));
        // The page's own list is fetched first, Leptos's hints are dropped.
        assert!(script.find("backstrong-preload") < script.find("go(a)"));
        assert!(!script.contains("/pkg/a.wasm") && !script.contains("<script"));
        assert_eq!(defer_until_painted("<p>no script</p>"), None);
    }

    #[test]
    fn each_island_hydrates_in_a_task_of_its_own() {
        // Leptos's own script, as the app renders it.
        let options = LeptosOptions::builder().output_name("backstrong").build();
        let html = view! { <HydrationScripts options islands=true /> }.to_html();
        let script = defer_until_painted(&html).unwrap();
        assert_eq!(script.matches(super::EACH_ISLAND).count(), 1, "{script}");
        assert!(script.contains(&format!("{} {}", super::EACH_ISLAND, super::YIELD)));
    }

    #[test]
    fn the_boot_script_is_named_after_its_text_in_the_build_folder() {
        let options = LeptosOptions::builder().output_name("backstrong").build();
        let in_folder = |folder: &str| {
            let mut options = options.clone();
            options.site_pkg_dir = folder.into();
            boot_script(&options).unwrap()
        };
        let a = in_folder("pkg/0123abcd");
        assert!(a.text.contains("pkg/0123abcd") && a.text.contains("backstrong-preload"));
        assert_eq!(
            a.path,
            format!("/pkg/0123abcd/boot.{:016x}.js", fnv1a(a.text.as_bytes()))
        );
        // Rendering again gives the same file; another build, another file.
        assert_eq!(in_folder("pkg/0123abcd"), a);
        let b = in_folder("pkg/4567ef01");
        assert_ne!(b.path, a.path);
        assert!(b.path.starts_with("/pkg/4567ef01/boot."));
    }

    #[test]
    fn the_page_loads_the_boot_script_and_carries_no_inline_copy() {
        let options = LeptosOptions::builder().output_name("backstrong").build();
        let boot = boot_script(&options).unwrap();
        let html = view! { <super::PaintFirstHydration options /> }.to_html();
        assert_eq!(
            html,
            format!(r#"<script type="module" src="{}"></script>"#, boot.path)
        );
    }

    #[test]
    fn fnv1a_matches_its_published_values() {
        // From the FNV authors' test suite.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }
}
