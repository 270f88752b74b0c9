//! The installable, offline app: registering the service worker, noticing
//! when a new version has installed and is waiting, switching to it when the
//! user says so, and the browser's install prompt. All no-ops off the
//! browser and where the browser lacks the API.

use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use web_sys::{ServiceWorkerRegistration, ServiceWorkerState, js_sys::Reflect};

thread_local! {
    static REGISTRATION: RefCell<Option<ServiceWorkerRegistration>> = const { RefCell::new(None) };
    static INSTALL_PROMPT: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

fn container() -> Option<web_sys::ServiceWorkerContainer> {
    if !super::in_browser() {
        return None;
    }
    let navigator = web_sys::window()?.navigator();
    // Absent on insecure origins and in some private modes.
    let present = Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    present.then(|| navigator.service_worker())
}

/// True when this page is already controlled by a worker, so a newly
/// installed one is an update rather than the first install.
fn controlled() -> bool {
    container().is_some_and(|c| c.controller().is_some())
}

/// Registers `/sw.js` and calls `on_update` once a new version has
/// installed and waits to take over.
pub fn register_service_worker(on_update: impl Fn() + 'static) {
    let Some(container) = container() else {
        return;
    };
    let on_update = std::rc::Rc::new(on_update);
    let registered = Closure::<dyn FnMut(JsValue)>::new(move |value: JsValue| {
        let Ok(registration) = value.dyn_into::<ServiceWorkerRegistration>() else {
            return;
        };
        if registration.waiting().is_some() && controlled() {
            on_update();
        }
        let reg = registration.clone();
        let on_update = on_update.clone();
        let found = Closure::<dyn Fn()>::new(move || {
            let Some(worker) = reg.installing() else {
                return;
            };
            let w = worker.clone();
            let on_update = on_update.clone();
            let changed = Closure::<dyn Fn()>::new(move || {
                if w.state() == ServiceWorkerState::Installed && controlled() {
                    on_update();
                }
            });
            worker.set_onstatechange(Some(changed.as_ref().unchecked_ref()));
            changed.forget();
        });
        registration.set_onupdatefound(Some(found.as_ref().unchecked_ref()));
        found.forget();
        REGISTRATION.with(|r| *r.borrow_mut() = Some(registration));
    });
    let failed = Closure::<dyn FnMut(JsValue)>::new(|_e: JsValue| {
        // The app works without the worker, only not offline.
    });
    let _ = container.register("/sw.js").then2(&registered, &failed);
    registered.forget();
    failed.forget();
}

/// Lets the waiting version take over, then reloads the page into it.
pub fn apply_update() {
    let waiting = REGISTRATION.with(|r| r.borrow().as_ref().and_then(|r| r.waiting()));
    let (Some(container), Some(waiting)) = (container(), waiting) else {
        reload();
        return;
    };
    let reload_once = Closure::<dyn Fn()>::new(reload);
    let _ = container
        .add_event_listener_with_callback("controllerchange", reload_once.as_ref().unchecked_ref());
    reload_once.forget();
    let _ = waiting.post_message(&"skip-waiting".into());
}

fn reload() {
    if let Some(window) = web_sys::window().filter(|_| super::in_browser()) {
        let _ = window.location().reload();
    }
}

/// Keeps the browser's install offer (`beforeinstallprompt`, Chromium) for
/// a button to use later; `on_available` is told when it arrives.
pub fn listen_for_install_prompt(on_available: impl Fn() + 'static) {
    let Some(window) = web_sys::window().filter(|_| super::in_browser()) else {
        return;
    };
    let closure = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
        // Keep the offer for our own button instead of the browser's banner.
        event.prevent_default();
        INSTALL_PROMPT.with(|p| *p.borrow_mut() = Some(event.into()));
        on_available();
    });
    let _ = window
        .add_event_listener_with_callback("beforeinstallprompt", closure.as_ref().unchecked_ref());
    closure.forget();
}

/// Shows the browser's install dialog; false when there is no offer.
pub fn prompt_install() -> bool {
    let Some(event) = INSTALL_PROMPT.with(|p| p.borrow_mut().take()) else {
        return false;
    };
    let prompt = Reflect::get(&event, &"prompt".into())
        .ok()
        .and_then(|f| f.dyn_into::<web_sys::js_sys::Function>().ok());
    prompt.is_some_and(|f| f.call0(&event).is_ok())
}

/// True when the app runs installed (from the home screen).
pub fn is_installed() -> bool {
    let Some(window) = web_sys::window().filter(|_| super::in_browser()) else {
        return false;
    };
    let standalone = window
        .match_media("(display-mode: standalone)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    // iOS Safari says so through navigator.standalone instead.
    let ios_standalone = Reflect::get(&window.navigator(), &"standalone".into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    standalone || ios_standalone
}

/// True on an iPhone or iPad, where installing goes through Safari's
/// Share menu.
pub fn is_ios() -> bool {
    let Some(window) = web_sys::window().filter(|_| super::in_browser()) else {
        return false;
    };
    let agent = window.navigator().user_agent().unwrap_or_default();
    agent.contains("iPhone") || agent.contains("iPad") || agent.contains("iPod")
}
