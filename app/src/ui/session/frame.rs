//! The session runner's frame as HTML text ([`crate::markup`]): a place
//! (`data-part`) for each thing shown around the screen under way, which
//! the runner fills or empties as the session goes, and the place of the
//! screen itself (`.session-screen`, see `screens`).
//!
//! Why text: each of these is shown or not, and never changes inside; as
//! views, each would bring its build and mount code to the session page.
//! The buttons name what they do (`data-tap`) for the runner's one click
//! handler.

use crate::{markup::Markup, program::STOP_RULES};

/// The parts in page order, before the screen's place (`Check` holds the
/// safety check, with parts of its own: see `ui::screening::safety_check`).
pub const ABOVE: [&str; 5] = ["stop", "wake-lock", "error", "check", "stopped"];
/// The parts after the screen's place.
pub const BELOW: [&str; 3] = ["loading", "not-loaded", "controls"];

/// The frame, with `check` in its place (the server's copy shows the
/// safety check; the other parts are empty).
pub fn markup(check: &str) -> String {
    let mut m = Markup::default();
    for part in ABOVE {
        m.open("div", &[("data-part", &part)]);
        if part == "check" {
            m.raw(check);
        }
        m.close("div");
    }
    m.raw("<div class=\"session-screen\"></div>");
    for part in BELOW {
        m.element("div", &[("data-part", &part)], "");
    }
    m.finish()
}

/// Stop, first on every screen of a session under way (F12): one line on
/// a phone.
pub const STOP: &str = "<button type=\"button\" class=\"stop-button\" \
    data-testid=\"stop-session\" data-tap=\"stop\">Stop: pain, numbness or tingling</button>";

/// Said once, when the browser cannot keep the screen on.
pub const WAKE_LOCK: &str = "<p class=\"hint\" data-testid=\"no-wake-lock\">\
    This browser can't keep the screen on: the timer keeps exact time anyway, \
    even if the screen locks.</p>";

/// An event the session refused, said as an alert.
pub fn error(text: &str) -> String {
    let mut m = Markup::default();
    m.element("p", &[("class", &"error"), ("role", &"alert")], text);
    m.finish()
}

/// After Stop: what to do now (F12–F13). The runner's own, so it shows at
/// once, whatever the signal; what was felt is marked below it, with the
/// summary.
pub fn stopped() -> String {
    let mut m = Markup::default();
    m.raw(
        "<section class=\"panel panel-danger stopped\" data-testid=\"stopped\">\
         <h2 data-screen-title tabindex=\"-1\">Session stopped</h2>\
         <p>Put the weight down gently. Don't push through it: today's session is over, \
         and it is logged as stopped for pain.</p><ul>",
    );
    for rule in STOP_RULES {
        m.element("li", &[], rule.text);
    }
    m.raw(
        "</ul><p>If it keeps coming back, talk to your doctor or physiotherapist \
         before you train again.</p></section>",
    );
    m.finish()
}

/// While a screen waits for its part of the wasm: only ever seen the first
/// time, with no signal and nothing kept yet.
pub const LOADING: &str = "<p class=\"hint\" role=\"status\" data-testid=\"screen-loading\">\
    Loading this screen: the first time, it needs a signal. The session is saved.</p>";

/// When the screens' part of the wasm could not load.
pub const NOT_LOADED: &str = "<section class=\"panel\" data-testid=\"screen-not-loaded\" \
    role=\"alert\"><p>This screen could not load: the connection did not bring it \
    (no signal, or a Wi-Fi sign-in page), and this device has not kept it yet. \
    The session and every logged set are saved.</p><button type=\"button\" \
    class=\"button button-primary button-huge\" data-testid=\"retry-screen\" \
    data-tap=\"retry\">Try again</button></section>";

/// Pause and End session, below the warm-up, a set and a rest.
pub const CONTROLS: &str = "<div class=\"session-controls\">\
    <button type=\"button\" class=\"button\" data-testid=\"pause\" data-tap=\"pause\">Pause</button>\
    <button type=\"button\" class=\"button\" data-testid=\"finish\" data-tap=\"finish\">End session</button>\
    </div>";

#[cfg(test)]
mod tests;
