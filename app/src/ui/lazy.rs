//! Views mounted from a lazy part of the wasm: the screens of a session
//! under way (`session::in_session`) and the sync panel while sync is on
//! (`settings::sync_on`). They are never hydrated (the server does not
//! render them), so they are mounted into a place their owner keeps for
//! them, once their part of the wasm has loaded.

use std::any::Any;

/// A mounted view: dropping it takes the view off the page and cleans up
/// what it set up.
pub struct Mounted(#[allow(dead_code)] pub(crate) Box<dyn Any>);

/// The part of the wasm could not be loaded: no signal, and the device has
/// not kept it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotLoaded;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for NotLoaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        NotLoaded
    }
}
