//! Thin wrappers over browser APIs. Each is a no-op off the browser (on the
//! server, in native tests), so components can call them from effects and
//! handlers without `cfg` attributes of their own.

/// The page's document, or `None` off the browser, where calling into
/// web-sys would panic.
fn document() -> Option<web_sys::Document> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window().and_then(|w| w.document())
    } else {
        None
    }
}

/// Milliseconds since the Unix epoch from the browser's clock; 0 elsewhere.
/// Domain code never reads the clock itself: callers pass this in.
pub fn now_ms() -> u64 {
    if cfg!(target_arch = "wasm32") {
        // Date.now() is a whole number of milliseconds, well inside f64.
        web_sys::js_sys::Date::now() as u64
    } else {
        0
    }
}

/// The local time zone's offset from UTC in minutes (east positive); 0 off
/// the browser.
pub fn utc_offset_min() -> i32 {
    if cfg!(target_arch = "wasm32") {
        // getTimezoneOffset() is minutes *behind* UTC, a whole number.
        -(web_sys::js_sys::Date::new_0().get_timezone_offset() as i32)
    } else {
        0
    }
}

/// Sets an attribute on `<html>` (the stylesheet reads `data-theme`).
pub fn set_root_attribute(name: &str, value: &str) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute(name, value);
    }
}

/// Marks `<body data-hydrated>`, so browser tests know the page is live and
/// its stored state has been loaded.
pub fn mark_hydrated() {
    if let Some(body) = document().and_then(|d| d.body()) {
        let _ = body.set_attribute("data-hydrated", "");
    }
}
