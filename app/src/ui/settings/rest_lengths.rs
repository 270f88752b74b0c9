use crate::{
    prefs::REST_RANGE_S, program::session_order, session::suggested_rest_s, state::stores,
    ui::session::Stepper,
};
use leptos::prelude::*;

/// Rest between sets for each exercise, in steps of 15 s. The source gives
/// no rest times, so the starting values are our suggestion.
#[component]
pub fn RestLengths() -> impl IntoView {
    let prefs = stores().prefs;
    view! {
        <p class="hint">"Used by the next session you start. Starting values are our suggestion."</p>
        <ul class="rest-lengths">
            {session_order()
                .map(|exercise| {
                    let id = exercise.id;
                    let suggested = suggested_rest_s(exercise);
                    let current = move || prefs.with(|p| p.rest_s.get(id).copied().unwrap_or(suggested));
                    let value = Signal::derive(move || format!("{} s", current()));
                    let step = Callback::new(move |delta: i32| {
                        let next = (current() as i32 + delta * 15)
                            .clamp(*REST_RANGE_S.start() as i32, *REST_RANGE_S.end() as i32) as u32;
                        prefs.update(|p| {
                            if next == suggested {
                                p.rest_s.remove(id);
                            } else {
                                p.rest_s.insert(id.to_owned(), next);
                            }
                        });
                    });
                    view! {
                        <li data-rest=id>
                            <Stepper label=exercise.name value on_step=step id=id />
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
