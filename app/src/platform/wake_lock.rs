//! The Screen Wake Lock keeps the phone's screen on during a session. The
//! browser releases it whenever the page is hidden, so the session takes it
//! again each time the page becomes visible. Called through `Reflect`
//! because web-sys exposes the API only behind an unstable flag.

use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use web_sys::js_sys::{Function, Promise, Reflect};

/// What the browser offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WakeLockStatus {
    /// A request was made (the browser may still refuse it quietly).
    Requested,
    /// This browser has no Screen Wake Lock.
    Unsupported,
}

thread_local! {
    static SENTINEL: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

/// Takes and releases the screen wake lock.
#[derive(Debug, Clone, Copy, Default)]
pub struct WakeLock;

impl WakeLock {
    fn api() -> Option<JsValue> {
        if !super::in_browser() {
            return None;
        }
        let navigator = web_sys::window()?.navigator();
        let api = Reflect::get(&navigator, &"wakeLock".into()).ok()?;
        (!api.is_undefined() && !api.is_null()).then_some(api)
    }

    /// True where the browser has the API.
    pub fn supported() -> bool {
        Self::api().is_some()
    }

    /// Asks for the lock (again, if the browser dropped it).
    pub fn acquire() -> WakeLockStatus {
        let Some(api) = Self::api() else {
            return WakeLockStatus::Unsupported;
        };
        let request = Reflect::get(&api, &"request".into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok());
        let Some(request) = request else {
            return WakeLockStatus::Unsupported;
        };
        let Ok(promise) = request.call1(&api, &"screen".into()) else {
            return WakeLockStatus::Requested;
        };
        let Ok(promise) = promise.dyn_into::<Promise>() else {
            return WakeLockStatus::Requested;
        };
        let keep = Closure::once(|sentinel: JsValue| {
            SENTINEL.with(|s| *s.borrow_mut() = Some(sentinel));
        });
        // A refusal (page hidden, battery saver) is not an error worth a
        // message: the next visibility change asks again.
        let ignore = Closure::once(|_: JsValue| {});
        let _ = promise.then2(&keep, &ignore);
        keep.forget();
        ignore.forget();
        WakeLockStatus::Requested
    }

    /// Lets the screen sleep again.
    pub fn release() {
        let sentinel = SENTINEL.with(|s| s.borrow_mut().take());
        let release = sentinel.as_ref().and_then(|s| {
            Reflect::get(s, &"release".into())
                .ok()
                .and_then(|f| f.dyn_into::<Function>().ok())
        });
        if let (Some(sentinel), Some(release)) = (sentinel, release) {
            let _ = release.call0(&sentinel);
        }
    }
}
