//! Thin wrappers over browser APIs. Each is a no-op off the browser (on the
//! server, in native tests) and where the browser lacks the API, so
//! components can call them from effects and handlers without `cfg`
//! attributes of their own, and never panic.

mod cues;
pub mod files;
pub mod net;
pub mod pwa;
pub mod subtle;
mod wake_lock;

pub use cues::{beep, vibrate};
pub use wake_lock::{WakeLock, WakeLockStatus};

use wasm_bindgen::{JsCast, closure::Closure};

/// True in the browser, where web-sys calls work.
fn in_browser() -> bool {
    cfg!(target_arch = "wasm32")
}

/// The page's document, or `None` off the browser, where calling into
/// web-sys would panic.
fn document() -> Option<web_sys::Document> {
    if in_browser() {
        web_sys::window().and_then(|w| w.document())
    } else {
        None
    }
}

/// Milliseconds since the Unix epoch from the browser's clock; 0 elsewhere.
/// Domain code never reads the clock itself: callers pass this in.
pub fn now_ms() -> u64 {
    if in_browser() {
        // Date.now() is a whole number of milliseconds, well inside f64.
        web_sys::js_sys::Date::now() as u64
    } else {
        0
    }
}

/// A random number for ids (not for secrets); 0 off the browser.
pub fn random_u32() -> u32 {
    if in_browser() {
        (web_sys::js_sys::Math::random() * f64::from(u32::MAX)) as u32
    } else {
        0
    }
}

/// The local time zone's offset from UTC in minutes (east positive); 0 off
/// the browser.
pub fn utc_offset_min() -> i32 {
    if in_browser() {
        // getTimezoneOffset() is minutes *behind* UTC, a whole number.
        -(web_sys::js_sys::Date::new_0().get_timezone_offset() as i32)
    } else {
        0
    }
}

/// A `performance.mark` for the benchmarks to read (`make bench-storage`).
pub fn mark(name: &str) {
    use web_sys::js_sys::{Function, Reflect};
    let Some(window) = web_sys::window().filter(|_| in_browser()) else {
        return;
    };
    let performance = Reflect::get(&window, &"performance".into()).ok();
    let mark = performance
        .as_ref()
        .and_then(|p| Reflect::get(p, &"mark".into()).ok())
        .and_then(|f| f.dyn_into::<Function>().ok());
    if let (Some(performance), Some(mark)) = (performance, mark) {
        let _ = mark.call1(&performance, &name.into());
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

/// Scrolls the page to its top and moves focus to the first element that
/// matches `heading` (which has `tabindex="-1"`), without scrolling again:
/// a new screen opens at its top and a screen reader announces it.
pub fn show_screen_top(heading: &str) {
    let Some(doc) = document() else {
        return;
    };
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
    if let Some(el) = doc
        .query_selector(heading)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = el.focus_with_options(&options);
    }
}

/// Sets or removes the `hidden` attribute of `el`.
pub fn hide(el: &web_sys::Element, hidden: bool) {
    let _ = if hidden {
        el.set_attribute("hidden", "")
    } else {
        el.remove_attribute("hidden")
    };
}

/// Hides or shows every element matching `selector` (for content rendered
/// on the server, shown as data decides).
pub fn set_hidden(selector: &str, hidden: bool) {
    let Some(found) = document().and_then(|d| d.query_selector_all(selector).ok()) else {
        return;
    };
    for i in 0..found.length() {
        if let Some(el) = found
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            hide(&el, hidden);
        }
    }
}

/// The first element of the page matching `selector` (`None` off the
/// browser).
pub fn find(selector: &str) -> Option<web_sys::Element> {
    document()?.query_selector(selector).ok()?
}

/// Sets the text of the first element matching `selector`.
pub fn set_text(selector: &str, text: &str) {
    if let Some(el) = find(selector) {
        el.set_text_content(Some(text));
    }
}

/// Sets the markup inside the first element matching `selector`.
pub fn set_inner_html(selector: &str, markup: &str) {
    if let Some(el) = find(selector) {
        el.set_inner_html(markup);
    }
}

/// Puts `markup` just before the first element matching `selector`.
pub fn insert_html_before(selector: &str, markup: &str) {
    if let Some(el) = find(selector) {
        let _ = el.insert_adjacent_html("beforebegin", markup);
    }
}

/// Takes the first element matching `selector` out of the page.
pub fn remove(selector: &str) {
    if let Some(el) = find(selector) {
        el.remove();
    }
}

/// True when the page is on screen (false in a background tab or behind a
/// locked screen; true off the browser).
pub fn is_visible() -> bool {
    document().is_none_or(|d| d.visibility_state() == web_sys::VisibilityState::Visible)
}

/// Calls `f` whenever the page is shown or hidden, for as long as the page
/// lives (timers resync and the wake lock is taken again on return).
pub fn on_visibility_change(f: impl Fn() + 'static) {
    if let Some(doc) = document() {
        let closure = Closure::<dyn Fn()>::new(f);
        let _ = doc
            .add_event_listener_with_callback("visibilitychange", closure.as_ref().unchecked_ref());
        // The listener lives as long as the page: never drop it.
        closure.forget();
    }
}

/// A clock for a screen that shows time: while it runs, it hands the time
/// to `tick` on every animation frame. Browsers pause frames while the page
/// is hidden, so the owner also calls [`FrameClock::start`] when the page
/// comes back. Starting a running clock does nothing: one loop per page.
#[derive(Clone)]
pub struct FrameClock {
    running: std::rc::Rc<std::cell::Cell<bool>>,
    tick: std::rc::Rc<dyn Fn(u64)>,
    keep_going: std::rc::Rc<dyn Fn() -> bool>,
}

impl FrameClock {
    /// A stopped clock: `tick` gets the time on each frame, and the loop
    /// stops by itself once `keep_going` answers false.
    pub fn new(tick: impl Fn(u64) + 'static, keep_going: impl Fn() -> bool + 'static) -> Self {
        FrameClock {
            running: Default::default(),
            tick: std::rc::Rc::new(tick),
            keep_going: std::rc::Rc::new(keep_going),
        }
    }

    /// Starts the frame loop, unless it already runs.
    pub fn start(&self) {
        if self.running.replace(true) {
            return;
        }
        let clock = self.clone();
        every_frame(move || {
            (clock.tick)(now_ms());
            let go_on = (clock.keep_going)();
            clock.running.set(go_on);
            go_on
        });
    }
}

/// Calls `f` on every animation frame while it returns true. Frames stop
/// while the page is hidden; the visibility handler resyncs then.
pub fn every_frame(f: impl FnMut() -> bool + 'static) {
    use std::{cell::RefCell, rc::Rc};
    let Some(window) = web_sys::window().filter(|_| in_browser()) else {
        return;
    };
    type Frame = Rc<RefCell<Option<Closure<dyn FnMut()>>>>;
    let slot: Frame = Rc::new(RefCell::new(None));
    let again = slot.clone();
    let mut f = f;
    let win = window.clone();
    *slot.borrow_mut() = Some(Closure::new(move || {
        if f() {
            if let Some(cb) = again.borrow().as_ref() {
                let _ = win.request_animation_frame(cb.as_ref().unchecked_ref());
            }
        } else {
            // Break the cycle so the closure can be freed.
            again.borrow_mut().take();
        }
    }));
    if let Some(cb) = slot.borrow().as_ref() {
        let _ = window.request_animation_frame(cb.as_ref().unchecked_ref());
    }
}

/// Opens the browser's print dialog (where "Save as PDF" is offered).
pub fn print() {
    if in_browser()
        && let Some(window) = web_sys::window()
    {
        let _ = window.print();
    }
}

/// The text printed at the top of every page (an `@page` margin box). A
/// margin box cannot read the page, so the rule is written into the app's
/// own stylesheet through the CSSOM, which the Content-Security-Policy
/// allows (it refuses inline `<style>` only). Any earlier one is replaced.
pub fn set_print_running_head(text: &str) {
    const MARK: &str = "BackStrong report";
    let Some(doc) = document() else { return };
    let sheets = doc.style_sheets();
    let Some(sheet) = (0..sheets.length())
        .filter_map(|i| sheets.item(i))
        .find_map(|s| s.dyn_into::<web_sys::CssStyleSheet>().ok())
    else {
        return;
    };
    if let Ok(rules) = sheet.css_rules() {
        for i in (0..rules.length()).rev() {
            let ours = rules.item(i).is_some_and(|r| r.css_text().contains(MARK));
            if ours {
                let _ = sheet.delete_rule(i);
            }
        }
    }
    // Our own words and dates: no quote or backslash to escape.
    let text = text.replace(['"', '\\'], "");
    let rule = format!("@page {{ @top-left {{ content: \"{MARK} · {text}\"; }} }}");
    let end = sheet.css_rules().map_or(0, |r| r.length());
    let _ = sheet.insert_rule_with_index(&rule, end);
}

/// The value of `name` in the page address's query (`?period=all`).
pub fn query_param(name: &str) -> Option<String> {
    if !in_browser() {
        return None;
    }
    let search = web_sys::window()?.location().search().ok()?;
    search.trim_start_matches('?').split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (key == name).then(|| value.to_owned())
    })
}

/// Calls `f` with every element of the page that has the attribute `name`,
/// and its value.
pub fn each_with_attr(name: &str, mut f: impl FnMut(&web_sys::Element, &str)) {
    let Some(found) = document().and_then(|d| d.query_selector_all(&format!("[{name}]")).ok())
    else {
        return;
    };
    for i in 0..found.length() {
        if let Some(el) = found
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            && let Some(value) = el.get_attribute(name)
        {
            f(&el, &value);
        }
    }
}

/// Of the elements with the attribute `name`, shows those whose value is
/// `value` and hides the others: for markup that holds every answer and
/// shows one.
pub fn show_only(name: &str, value: &str) {
    each_with_attr(name, |el, v| hide(el, v != value));
}

/// The text field an event happened in, when it is the one with `id`.
pub fn input_target(event: &web_sys::Event, id: &str) -> Option<web_sys::HtmlInputElement> {
    event
        .target()?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()
        .filter(|input| input.id() == id)
}

/// The value of the attribute `name` on the element an event happened in,
/// or on its nearest ancestor that has it (a tap on a button's text names
/// the button's).
pub fn closest_attr(event: &web_sys::Event, name: &str) -> Option<String> {
    event
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(&format!("[{name}]"))
        .ok()??
        .get_attribute(name)
}
