//! Files in and out, and the browser's storage settings: saving a text as a
//! download, reading a chosen file, and persistent storage. No-ops (or
//! `None`) off the browser. Stored values themselves go through
//! [`crate::storage`], the one door to localStorage.

use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use web_sys::js_sys::{Array, Function, Promise, Reflect};

fn window() -> Option<web_sys::Window> {
    web_sys::window().filter(|_| super::in_browser())
}

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, mime: &str, text: &str) -> bool {
    let Some(document) = window().and_then(|w| w.document()) else {
        return false;
    };
    let parts = Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let Some(link) = document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return false;
    };
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The click has started the download; the URL is no longer needed.
    let _ = web_sys::Url::revoke_object_url(&url);
    true
}

/// Reads the first file chosen in `input` as text and hands it to `done`
/// with its size in bytes, or `None` when nothing could be read. A file over
/// `max_bytes` is reported by size without being read.
pub fn read_chosen_file(
    input: &web_sys::HtmlInputElement,
    max_bytes: usize,
    done: impl FnOnce(Option<(usize, String)>) + 'static,
) {
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        done(None);
        return;
    };
    let size = file.size() as usize;
    if size > max_bytes {
        done(Some((size, String::new())));
        return;
    }
    on_settled(file.text(), move |text| {
        done(text.and_then(|t| t.as_string()).map(|t| (size, t)))
    });
}

/// Calls `done` once `promise` settles: with its value, or `None` when it
/// was rejected.
fn on_settled(promise: Promise, done: impl FnOnce(Option<JsValue>) + 'static) {
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let on_ok = {
        let done = done.clone();
        Closure::once(move |value: JsValue| {
            if let Some(done) = done.borrow_mut().take() {
                done(Some(value));
            }
        })
    };
    let on_err = Closure::once(move |_e: JsValue| {
        if let Some(done) = done.borrow_mut().take() {
            done(None);
        }
    });
    let _ = promise.then2(&on_ok, &on_err);
    // Each runs at most once; the promise keeps them until then.
    on_ok.forget();
    on_err.forget();
}

fn storage_manager() -> Option<JsValue> {
    let navigator = window()?.navigator();
    let manager = Reflect::get(&navigator, &"storage".into()).ok()?;
    (!manager.is_undefined() && !manager.is_null()).then_some(manager)
}

fn call_bool(method: &str, done: impl FnOnce(Option<bool>) + 'static) {
    let promise = storage_manager().and_then(|m| {
        let f = Reflect::get(&m, &method.into())
            .ok()?
            .dyn_into::<Function>()
            .ok()?;
        f.call0(&m).ok()?.dyn_into::<Promise>().ok()
    });
    let Some(promise) = promise else {
        done(None);
        return;
    };
    on_settled(promise, move |v| done(v.and_then(|v| v.as_bool())));
}

/// Asks the browser to keep the app's data even when space runs low
/// (`navigator.storage.persist()`); `done` gets whether it was granted, or
/// `None` where the browser has no such setting.
pub fn request_persistence(done: impl FnOnce(Option<bool>) + 'static) {
    call_bool("persist", done);
}

/// Whether the data is kept persistently (`navigator.storage.persisted()`).
pub fn persistence(done: impl FnOnce(Option<bool>) + 'static) {
    call_bool("persisted", done);
}

/// Calls `f` with the key whenever another tab changes localStorage (`None`
/// when it was cleared), for as long as the page lives.
pub fn on_storage_change(f: impl Fn(Option<String>) + 'static) {
    let Some(window) = window() else {
        return;
    };
    let closure = Closure::<dyn Fn(JsValue)>::new(move |event: JsValue| {
        let key = Reflect::get(&event, &"key".into())
            .ok()
            .and_then(|k| k.as_string());
        f(key);
    });
    let _ = window.add_event_listener_with_callback("storage", closure.as_ref().unchecked_ref());
    closure.forget();
}
