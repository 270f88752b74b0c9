#![recursion_limit = "256"]
//! BackStrong: a strength program for people with a pinched nerve in the
//! lower back, one gym session at a time.
//!
//! This crate is shared by the server (feature `ssr`, renders every page) and
//! the browser (feature `hydrate`, makes those pages live). Domain modules
//! (`prefs`, `storage`) are plain Rust; `ui` holds the components, one per
//! file; `platform` wraps the browser APIs.

pub mod backup;
pub mod build_folder;
pub mod markup;
pub mod notes;
pub mod paint_first;
pub mod platform;
pub mod prefs;
pub mod program;
pub mod progress;
pub mod report;
pub mod screening;
pub mod session;
pub mod state;
pub mod storage;
pub mod sync;
pub mod ui;
pub mod units;

use leptos::prelude::*;
use leptos_meta::{HashedStylesheet, MetaTags, Title, provide_meta_context};
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};
use ui::{
    about::AboutPage,
    cards::{ExercisePage, ProgramPage, WarmUpPage},
    home::HomePage,
    layout::{ClientRuntime, NavBar, StorageBanner, TopBar, UpdateBanner},
    not_found::NotFoundPage,
    progress::ProgressPage,
    report::ReportPage,
    screening::StopPage,
    session::SessionPage,
    settings::SettingsPage,
    sync::SyncPage,
};

/// The name the app shows itself by.
pub const APP_NAME: &str = "BackStrong";

/// Every page the static export writes, by URL path. The server's tests check
/// that this list covers every route of [`App`].
pub fn prerendered_paths() -> Vec<String> {
    let pages = [
        "/",
        "/program",
        "/warm-up",
        "/session",
        "/progress",
        "/report",
        "/settings",
        "/stop",
        "/about",
        "/sync",
    ];
    pages
        .into_iter()
        .map(str::to_owned)
        .chain(
            program::EXERCISES
                .iter()
                .map(|e| format!("/exercise/{}", e.id)),
        )
        .collect()
}

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en" data-theme="system">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
                <meta name="color-scheme" content="light dark" />
                <meta
                    name="description"
                    content="Gym strength training for a pinched nerve in the lower back: safe, guided, one session at a time."
                />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                // Installable: the manifest, the home-screen icon for iOS,
                // and the browser bar in the app's colours.
                <link rel="manifest" href="/manifest.webmanifest" />
                <link rel="apple-touch-icon" href="/icons/apple-touch-icon.png" />
                <meta name="theme-color" media="(prefers-color-scheme: light)" content="#1f6f50" />
                <meta name="theme-color" media="(prefers-color-scheme: dark)" content="#121513" />
                <meta name="mobile-web-app-capable" content="yes" />
                <meta name="apple-mobile-web-app-capable" content="yes" />
                <meta name="apple-mobile-web-app-title" content="BackStrong" />
                <meta name="apple-mobile-web-app-status-bar-style" content="default" />
                <AutoReload options=options.clone() />
                <paint_first::PaintFirstHydration options=build_folder::hydration_options(&options) />
                <HashedStylesheet options id="app-css" />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The app: shared frame and routes. Pages render on the server; the
/// interactive parts are islands (`#[island]`), hydrated in the browser.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();

    view! {
        <Title formatter=|page: String| {
            if page.is_empty() { APP_NAME.to_owned() } else { format!("{page} · {APP_NAME}") }
        } />
        <Router>
            <a class="skip-link" href="#main">
                "Skip to content"
            </a>
            <TopBar />
            <StorageBanner />
            <UpdateBanner />
            <main id="main" class="page">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/program") view=ProgramPage />
                    <Route path=path!("/exercise/:id") view=ExercisePage />
                    <Route path=path!("/warm-up") view=WarmUpPage />
                    <Route path=path!("/session") view=SessionPage />
                    <Route path=path!("/stop") view=StopPage />
                    <Route path=path!("/about") view=AboutPage />
                    <Route path=path!("/progress") view=ProgressPage />
                    <Route path=path!("/report") view=ReportPage />
                    <Route path=path!("/settings") view=SettingsPage />
                    <Route path=path!("/sync") view=SyncPage />
                </Routes>
            </main>
            <NavBar />
            // Must stay the last island: islands hydrate one by one in
            // document order, and it loads the stored data, which must not
            // reach an island before that island has hydrated (hydration
            // keeps the server's HTML, so the change would be lost).
            <ClientRuntime />
        </Router>
    }
}

/// The wasm entry point: makes the islands of the server-rendered page live.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
