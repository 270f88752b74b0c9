use crate::{prefs::WEEKLY_TARGET_RANGE, state::stores, ui::session::Stepper};
use leptos::prelude::*;

/// Sessions a week to aim for, 1 to 7 (3 unless changed: our suggestion).
#[component]
pub fn WeeklyTargetInput() -> impl IntoView {
    let prefs = stores().prefs;
    let value = Signal::derive(move || prefs.with(|p| p.weekly_target.to_string()));
    let step = Callback::new(move |delta: i32| {
        prefs.update(|p| {
            let next = (i32::from(p.weekly_target) + delta).clamp(
                i32::from(*WEEKLY_TARGET_RANGE.start()),
                i32::from(*WEEKLY_TARGET_RANGE.end()),
            );
            p.weekly_target = next as u8;
        });
    });
    view! {
        <Stepper label="Sessions a week" value on_step=step id="weekly-target" />
        <p class="hint">"The program asks you to make these sessions a priority. 3 a week is our suggestion; the progress screen shows how you are doing."</p>
    }
}
