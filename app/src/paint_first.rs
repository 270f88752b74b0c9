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

use leptos::{config::LeptosOptions, hydration::HydrationScripts, prelude::*};

/// Leptos's islands hydration script, started only once the page has
/// painted (see the module's notes). The policy allows it by its hash.
#[component]
pub fn PaintFirstHydration(options: LeptosOptions) -> impl IntoView {
    let leptos_scripts =
        view! { <HydrationScripts options=options.clone() islands=true /> }.to_html();
    match defer_until_painted(&leptos_scripts) {
        Some(script) => view! { <script type="module" inner_html=script></script> }.into_any(),
        // Cannot happen with Leptos's output; keep hydration working anyway.
        None => view! { <HydrationScripts options islands=true /> }.into_any(),
    }
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
    use super::defer_until_painted;
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
}
