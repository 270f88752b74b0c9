use crate::{program::leg_press_start_load, state::stores};
use leptos::{either::Either, prelude::*};

/// The leg press starting load from the user's body weight (half of it, F18),
/// or where to enter the weight to get one.
#[island]
pub fn StartLoadHint() -> impl IntoView {
    let prefs = stores().prefs;
    let load = move || prefs.with(|p| leg_press_start_load(p.body_weight_kg, p.unit));
    let unit = move || prefs.with(|p| p.unit);
    view! {
        <p class="start-load" data-testid="start-load">
            {move || match load() {
                Some(kg) => Either::Left(view! {
                    "Starting load: about "
                    <strong>{unit().show(kg)}</strong>
                    ", half your body weight."
                }),
                None => Either::Right(view! {
                    "Start at about half your body weight. "
                    <a href="/settings">"Enter your weight"</a>
                    " and the app works it out."
                }),
            }}
        </p>
    }
}
