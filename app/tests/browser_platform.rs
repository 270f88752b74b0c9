//! The platform wrappers in real headless Chromium: they work where the API
//! exists, and never panic where it is missing (removed here on purpose).
#![cfg(target_arch = "wasm32")]

use app::platform::{self, WakeLock, WakeLockStatus};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::js_sys::{Object, Reflect};

wasm_bindgen_test_configure!(run_in_browser);

/// Hides `name` on `target` by defining it as undefined on the object itself.
fn hide(target: &JsValue, name: &str) {
    let descriptor = Object::new();
    Reflect::set(&descriptor, &"value".into(), &JsValue::UNDEFINED).unwrap();
    Reflect::set(&descriptor, &"configurable".into(), &JsValue::TRUE).unwrap();
    Object::define_property(target.unchecked_ref::<Object>(), &name.into(), &descriptor);
}

#[wasm_bindgen_test]
fn the_clock_and_time_zone_are_read() {
    let now = platform::now_ms();
    assert!(now > 1_700_000_000_000, "{now}");
    assert!((-14 * 60..=14 * 60).contains(&platform::utc_offset_min()));
}

#[wasm_bindgen_test]
fn beep_works_and_survives_a_missing_audio_api() {
    // Headless Chromium has Web Audio; the call must not panic either way.
    let _ = platform::beep(660.0, 50);
    let window: JsValue = web_sys::window().unwrap().into();
    hide(&window, "AudioContext");
    assert!(!platform::beep(660.0, 50), "no AudioContext: reports false");
}

#[wasm_bindgen_test]
fn vibrate_survives_a_missing_vibration_api() {
    let _ = platform::vibrate(&[100]);
    let navigator: JsValue = web_sys::window().unwrap().navigator().into();
    hide(&navigator, "vibrate");
    assert!(!platform::vibrate(&[100]), "no vibrate: reports false");
}

#[wasm_bindgen_test]
fn wake_lock_reports_a_missing_api_instead_of_failing() {
    let navigator: JsValue = web_sys::window().unwrap().navigator().into();
    hide(&navigator, "wakeLock");
    assert!(!WakeLock::supported());
    assert_eq!(WakeLock::acquire(), WakeLockStatus::Unsupported);
    WakeLock::release();
}
