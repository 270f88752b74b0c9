//! The markup of the screens of a session under way: warm-up, set, rest,
//! paused, and the summary when it ends (what to do after Stop is the
//! runner's own).
//!
//! The server always renders the runner's safety check (it cannot see the
//! stored session), so these screens are only ever written in the browser,
//! once a session starts or a stored one has been read. In the release
//! build (feature `split`) the code that writes them (with the exercises'
//! cues and drawings) is a lazy part of the wasm of its own, off the
//! session page's first load (cached for offline use like the rest).

use super::screens;
use crate::{session::screen::Screen, units::Unit};

/// The screens' part of the wasm could not be loaded: no signal, and the
/// device has not kept it yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotLoaded;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for NotLoaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// The markup of `screen`: at once in an unsplit build; in a split one,
/// once its part of the wasm has loaded (the first time only). A failed
/// load is an error to show, never a panic: that would stop the whole
/// page, Stop button included.
pub async fn markup(screen: Screen, prompts: bool, unit: Unit) -> Result<String, NotLoaded> {
    #[cfg(feature = "split")]
    {
        screen_markup(screen, prompts, unit).await
    }
    #[cfg(not(feature = "split"))]
    {
        screen_markup(screen, prompts, unit)
    }
}

// Not Leptos's `#[lazy]`, which panics when the load fails: the same split
// with `fallible`. The name (then digits) is what the server looks for
// (`server/src/preload.rs`).
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(screen_markup_1, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn screen_markup(screen: Screen, prompts: bool, unit: Unit) -> Result<String, NotLoaded> {
    Ok(screens::screen(&screen, prompts, unit))
}
