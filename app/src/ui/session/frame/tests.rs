//! The frame's places and parts.

use super::*;
use crate::session::screen::Tap;

#[test]
fn every_part_has_its_place_in_page_order_around_the_screen() {
    let m = markup("<section>check</section>");
    let at = |needle: &str| m.find(needle).unwrap_or_else(|| panic!("{needle} in {m}"));
    let mut last = 0;
    for part in ABOVE {
        let here = at(&format!("data-part=\"{part}\""));
        assert!(here >= last, "{part}");
        last = here;
    }
    assert!(at("data-part=\"check\"><section>check</section></div>") > 0);
    let screen = at("<div class=\"session-screen\"></div>");
    assert!(screen > last);
    for part in BELOW {
        assert!(at(&format!("<div data-part=\"{part}\"></div>")) > screen);
    }
}

#[test]
fn each_button_names_a_tap_the_runner_knows() {
    for (markup, tap) in [
        (STOP, "stop"),
        (NOT_LOADED, "retry"),
        (CONTROLS, "pause"),
        (CONTROLS, "finish"),
    ] {
        assert!(markup.contains(&format!("data-tap=\"{tap}\"")), "{tap}");
        assert!(Tap::parse(tap).is_some(), "{tap}");
    }
    assert!(STOP.contains("data-testid=\"stop-session\""));
}

#[test]
fn after_stop_the_program_rules_come_with_what_to_do() {
    let m = stopped();
    assert!(
        m.starts_with("<section class=\"panel panel-danger stopped\" data-testid=\"stopped\">")
    );
    assert_eq!(m.matches("<li>").count(), STOP_RULES.len());
    assert!(m.contains("data-screen-title"));
}

#[test]
fn an_error_stays_text() {
    assert_eq!(
        error("That did not work: <no>."),
        "<p class=\"error\" role=\"alert\">That did not work: &lt;no&gt;.</p>"
    );
}
