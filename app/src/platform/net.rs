//! The network, for sync only (nothing else the app does leaves the
//! device): one `fetch`, random bytes for keys and nonces, and the sync
//! server's address the page names. Off the browser every call fails
//! politely.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::js_sys::{ArrayBuffer, Uint8Array};

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
    let window = web_sys::window()
        .filter(|_| super::in_browser())
        .ok_or(NoAnswer)?;
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    init.set_cache(web_sys::RequestCache::NoStore);
    let sent = web_sys::Headers::new()?;
    for (name, value) in headers {
        sent.set(name, value)?;
    }
    init.set_headers(&sent);
    if let Some(body) = body {
        init.set_body(&Uint8Array::from(body).into());
    }
    let request = web_sys::Request::new_with_str_and_init(url, &init)?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_request(&request))
        .await?
        .dyn_into()?;
    let buffer: ArrayBuffer = JsFuture::from(response.array_buffer()?).await?.dyn_into()?;
    Ok(Reply {
        status: response.status(),
        etag: response.headers().get("etag").ok().flatten(),
        body: Uint8Array::new(&buffer).to_vec(),
    })
}

/// `N` bytes from the browser's cryptographic random source; `None` off the
/// browser or when it fails (never a weaker source in its place).
pub fn random_bytes<const N: usize>() -> Option<[u8; N]> {
    let crypto = web_sys::window()
        .filter(|_| super::in_browser())?
        .crypto()
        .ok()?;
    let mut bytes = [0u8; N];
    crypto.get_random_values_with_u8_array(&mut bytes).ok()?;
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

/// The address bar's fragment (`#…` without the `#`), then removes it from
/// the address bar and the history, so a key in it stays nowhere.
pub fn take_fragment() -> Option<String> {
    let window = web_sys::window().filter(|_| super::in_browser())?;
    let location = window.location();
    let hash = location.hash().ok()?;
    let fragment = hash.strip_prefix('#')?.to_owned();
    if fragment.is_empty() {
        return None;
    }
    if let (Ok(history), Ok(path), Ok(search)) =
        (window.history(), location.pathname(), location.search())
    {
        let _ =
            history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{search}")));
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
