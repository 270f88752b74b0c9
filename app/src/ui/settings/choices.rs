//! The settings made with one tap (theme, unit, cues, machines the gym
//! lacks, weight steps) or with − and + (rest, sets and reps, the weekly
//! target): their controls are markup written by `prefs::html`, each
//! naming its [`Choice`] or [`Amount`]. The settings island's click
//! handler passes each tap to [`on_tap`]; one effect shows the person's
//! settings on them all ([`show`]).

use crate::{
    platform,
    prefs::{Amount, Choice, Prefs},
    state::Persisted,
};

/// A tap on the settings page: a choice's button makes that choice, a
/// stepper's button steps its amount (any other tap is not theirs).
pub fn on_tap(ev: &web_sys::Event, prefs: Persisted<Prefs>) {
    if let Some(choice) =
        platform::closest_attr(ev, "data-choice").and_then(|attr| Choice::parse(&attr))
    {
        prefs.update(|p| p.choose(&choice));
    } else if let Some(amount) =
        platform::closest_attr(ev, "data-amount").and_then(|attr| Amount::parse(&attr))
    {
        let by = platform::closest_attr(ev, "data-by").map_or(0, |by| match by.as_str() {
            "1" => 1,
            "-1" => -1,
            _ => 0,
        });
        prefs.update(|p| p.step(amount, by));
    }
}

/// Shows `prefs` on the page: each choice's button pressed or not, and
/// what is shown only while a choice holds.
pub fn show(prefs: &Prefs) {
    platform::each_with_attr("data-choice", |el, attr| {
        if let Some(choice) = Choice::parse(attr) {
            let _ = el.set_attribute("aria-pressed", &prefs.chosen(&choice).to_string());
        }
    });
    platform::each_with_attr("data-amount-value", |el, attr| {
        if let Some(amount) = Amount::parse(attr) {
            el.set_text_content(Some(&prefs.shown(amount)));
        }
    });
    platform::each_with_attr("data-if-choice", |el, attr| {
        platform::hide(el, !Choice::parse(attr).is_some_and(|c| prefs.chosen(&c)));
    });
}
