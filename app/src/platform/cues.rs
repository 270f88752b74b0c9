//! Sound and vibration cues at the end of a rest. Both fail quietly where
//! the browser has no such API or refuses (no audio before a user gesture,
//! no vibration motor).

use std::cell::RefCell;

thread_local! {
    /// One audio context per page: browsers limit how many may exist.
    static AUDIO: RefCell<Option<web_sys::AudioContext>> = const { RefCell::new(None) };
}

/// True when `target[name]` is a function that can be called.
fn has_function(target: &wasm_bindgen::JsValue, name: &str) -> bool {
    web_sys::js_sys::Reflect::get(target, &name.into()).is_ok_and(|f| f.is_function())
}

/// Vibrates in the given on/off pattern (ms). Returns false where the
/// device cannot vibrate.
pub fn vibrate(pattern_ms: &[u32]) -> bool {
    if !super::in_browser() {
        return false;
    }
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    // Not every browser has navigator.vibrate (Safari); calling it anyway
    // would throw, and a throw from an import aborts the wasm.
    if !has_function(&navigator, "vibrate") {
        return false;
    }
    let pattern: web_sys::js_sys::Array = pattern_ms
        .iter()
        .map(|ms| wasm_bindgen::JsValue::from(*ms))
        .collect();
    navigator.vibrate_with_pattern(&pattern)
}

/// A short sine beep made with the Web Audio API (no sound files). Returns
/// false where audio is unavailable.
pub fn beep(frequency_hz: f32, duration_ms: u32) -> bool {
    if !super::in_browser() {
        return false;
    }
    if !web_sys::window().is_some_and(|w| has_function(&w, "AudioContext")) {
        return false;
    }
    AUDIO.with(|slot| {
        let mut slot = slot.borrow_mut();
        if slot.is_none() {
            *slot = web_sys::AudioContext::new().ok();
        }
        let Some(ctx) = slot.as_ref() else {
            return false;
        };
        // Contexts start suspended until a user gesture; resuming is harmless.
        let _ = ctx.resume();
        let play = || -> Result<(), wasm_bindgen::JsValue> {
            let osc = ctx.create_oscillator()?;
            let gain = ctx.create_gain()?;
            osc.set_type(web_sys::OscillatorType::Sine);
            osc.frequency().set_value(frequency_hz);
            let start = ctx.current_time();
            let end = start + f64::from(duration_ms) / 1000.0;
            // A quick fade in and out: no click at either end.
            gain.gain().set_value_at_time(0.0, start)?;
            gain.gain()
                .linear_ramp_to_value_at_time(0.3, start + 0.01)?;
            gain.gain().linear_ramp_to_value_at_time(0.0, end)?;
            osc.connect_with_audio_node(&gain)?;
            gain.connect_with_audio_node(&ctx.destination())?;
            osc.start_with_when(start)?;
            osc.stop_with_when(end)?;
            Ok(())
        };
        play().is_ok()
    })
}
