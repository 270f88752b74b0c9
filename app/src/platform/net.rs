//! The network, for sync only (nothing else the app does leaves the
//! device): one `fetch`, random bytes for keys and nonces, and the sync
//! server's address the page names. Off the browser every call fails
//! politely.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};

// The browser's objects are reached by name through `Reflect` rather than
// web-sys's typed bindings: every typed method adds an import and its
// JavaScript shim to the main module, which every page downloads, while
// these few calls are used by sync only. Our choice, for the first visit.

/// `target[name]`.
pub(super) fn prop(target: &JsValue, name: &str) -> Result<JsValue, JsValue> {
    Reflect::get(target, &JsValue::from_str(name))
}

/// `target[method](args…)`.
pub(super) fn invoke(target: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let f = prop(target, method)?;
    if !f.is_function() {
        return Err(JsValue::from_str(method));
    }
    Reflect::apply(
        f.unchecked_ref::<Function>(),
        target,
        &args.iter().collect::<Array>(),
    )
}

/// Awaits the promise `target[method](args…)` returns.
pub(super) async fn invoke_async(
    target: &JsValue,
    method: &str,
    args: &[JsValue],
) -> Result<JsValue, JsValue> {
    JsFuture::from(Promise::from(invoke(target, method, args)?)).await
}

/// A plain object from name–value pairs.
pub(super) fn object(pairs: &[(&str, JsValue)]) -> Result<Object, JsValue> {
    let o = Object::new();
    for (name, value) in pairs {
        Reflect::set(&o, &JsValue::from_str(name), value)?;
    }
    Ok(o)
}

pub(super) fn window() -> Option<JsValue> {
    web_sys::window()
        .filter(|_| super::in_browser())
        .map(JsValue::from)
}

/// An answer from the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// The HTTP status.
    pub status: u16,
    /// The `ETag` header, when there is one.
    pub etag: Option<String>,
    /// The body.
    pub body: Vec<u8>,
}

/// No answer at all: offline, the server down, or the browser refused the
/// request (another origin that does not allow this one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoAnswer;

impl From<JsValue> for NoAnswer {
    fn from(_: JsValue) -> Self {
        NoAnswer
    }
}

/// Sends one request and reads the whole answer. Never from a cache: a
/// sync must see what the server holds now.
pub async fn request(
    method: &str,
    url: &str,
    headers: &[(&str, String)],
    body: Option<&[u8]>,
) -> Result<Reply, NoAnswer> {
    let window = window().ok_or(NoAnswer)?;
    let sent: Vec<(&str, JsValue)> = headers
        .iter()
        .map(|(name, value)| (*name, JsValue::from_str(value)))
        .collect();
    let mut init = vec![
        ("method", JsValue::from_str(method)),
        ("cache", JsValue::from_str("no-store")),
        ("headers", object(&sent)?.into()),
    ];
    if let Some(body) = body {
        init.push(("body", Uint8Array::from(body).into()));
    }
    let response = invoke_async(
        &window,
        "fetch",
        &[JsValue::from_str(url), object(&init)?.into()],
    )
    .await?;
    let status = prop(&response, "status")?.as_f64().ok_or(NoAnswer)? as u16;
    let etag = invoke(
        &prop(&response, "headers")?,
        "get",
        &[JsValue::from_str("etag")],
    )?
    .as_string();
    let buffer = invoke_async(&response, "arrayBuffer", &[]).await?;
    Ok(Reply {
        status,
        etag,
        body: Uint8Array::new(&buffer).to_vec(),
    })
}

/// `N` bytes from the browser's cryptographic random source; `None` off the
/// browser or when it fails (never a weaker source in its place).
pub fn random_bytes<const N: usize>() -> Option<[u8; N]> {
    let crypto = prop(&window()?, "crypto").ok()?;
    let array = Uint8Array::new_with_length(N as u32);
    invoke(&crypto, "getRandomValues", &[array.clone().into()]).ok()?;
    let mut bytes = [0u8; N];
    array.copy_to(&mut bytes);
    // An all-zero answer means the call did nothing.
    bytes.iter().any(|b| *b != 0).then_some(bytes)
}

/// Where the sync API lives, as the page names it
/// (`<meta name="backstrong-sync">`: the server adds it when it runs one,
/// a static export when built with a sync server's address); `None`: this
/// copy of the app has no sync server.
pub fn sync_url() -> Option<String> {
    super::document()?
        .query_selector("meta[name=backstrong-sync]")
        .ok()??
        .get_attribute("content")
        .filter(|url| !url.is_empty())
}

/// This page's origin (`https://host`), for links to it.
pub fn origin() -> Option<String> {
    prop(&prop(&window()?, "location").ok()?, "origin")
        .ok()?
        .as_string()
}

/// The address bar's fragment (`#…` without the `#`), then removes it from
/// the address bar and the history, so a key in it stays nowhere.
pub fn take_fragment() -> Option<String> {
    let window = window()?;
    let location = prop(&window, "location").ok()?;
    let read = |name: &str| prop(&location, name).ok().and_then(|v| v.as_string());
    let fragment = read("hash")?.strip_prefix('#')?.to_owned();
    if fragment.is_empty() {
        return None;
    }
    let without = format!(
        "{}{}",
        read("pathname")?,
        read("search").unwrap_or_default()
    );
    if let Ok(history) = prop(&window, "history") {
        let _ = invoke(
            &history,
            "replaceState",
            &[
                JsValue::NULL,
                JsValue::from_str(""),
                JsValue::from_str(&without),
            ],
        );
    }
    Some(fragment)
}

/// Calls `f` each time the browser reports it is back online.
pub fn on_online(f: impl Fn() + 'static) {
    use wasm_bindgen::closure::Closure;
    let Some(window) = web_sys::window().filter(|_| super::in_browser()) else {
        return;
    };
    let closure = Closure::<dyn Fn()>::new(f);
    let _ = window.add_event_listener_with_callback("online", closure.as_ref().unchecked_ref());
    // Lives as long as the page.
    closure.forget();
}

/// Calls `f` once after `ms` milliseconds.
pub fn after(ms: i32, f: impl FnOnce() + 'static) {
    use wasm_bindgen::closure::Closure;
    let Some(window) = web_sys::window().filter(|_| super::in_browser()) else {
        return;
    };
    let closure = Closure::once_into_js(f);
    let _ =
        window.set_timeout_with_callback_and_timeout_and_arguments_0(closure.unchecked_ref(), ms);
}
