use super::choices;
use crate::{
    prefs::{Prefs, html},
    program::{Fact, Origin, session_order},
    state::stores,
};
use leptos::prelude::*;

/// The machines the user's gym lacks. Without one, the exercise is done the
/// source's other way, or left out where the source gives none: the app
/// never invents a replacement. Its buttons are markup (`prefs::html`), made
/// live by [`choices`].
#[component]
pub fn YourGym() -> impl IntoView {
    let prefs = stores().prefs;
    view! {
        <p class="hint">"Mark a machine your gym does not have. Sessions and the program page then show what to do instead."</p>
        <ul class="toggles" inner_html=html::machines(&Prefs::default()) on:click=choices::on_tap(prefs)></ul>
    }
}

/// Sets and reps for each exercise, only within the source's ranges (or our
/// suggested ones, labelled, where the source gives none).
#[component]
pub fn SetsAndReps() -> impl IntoView {
    use crate::{prefs::SetsReps, ui::session::Stepper};
    let prefs = stores().prefs;
    view! {
        <p class="hint">"Sessions start at the low end of each range. Change them here, within the program's ranges."</p>
        <ul class="sets-reps">
            {session_order()
                .filter(|e| {
                    let rx = e.prescription;
                    rx.sets.min < rx.sets.max || rx.reps.min < rx.reps.max
                })
                .map(|e| {
                    let rx = e.prescription;
                    let id = e.id;
                    let current = move || prefs.with(|p| p.sets_reps_of(e));
                    let change = move |f: fn(&mut SetsReps, i32), d: i32| {
                        let mut next = current();
                        f(&mut next, d);
                        next.sets = next.sets.clamp(rx.sets.min, rx.sets.max);
                        next.reps = next.reps.clamp(rx.reps.min, rx.reps.max);
                        prefs.update(|p| {
                            if next == (SetsReps { sets: rx.sets.min, reps: rx.reps.min }) {
                                p.sets_reps.remove(id);
                            } else {
                                p.sets_reps.insert(id.to_owned(), next);
                            }
                        });
                    };
                    let step_sets = Callback::new(move |d: i32| {
                        change(|s, d| s.sets = s.sets.saturating_add_signed(d as i16), d)
                    });
                    let step_reps = Callback::new(move |d: i32| {
                        change(|s, d| s.reps = s.reps.saturating_add_signed(d as i16), d)
                    });
                    let range = match rx.origin {
                        Origin::Program(facts) => format!(
                            "The program: {} ({})",
                            rx.label(),
                            facts.iter().map(Fact::to_string).collect::<Vec<_>>().join(", ")
                        ),
                        Origin::Suggested(_) => format!("Our suggestion: {} (the program gives no numbers)", rx.label()),
                    };
                    view! {
                        <li data-sets-reps=id>
                            <p class="field-label">{e.name}</p>
                            <p class="hint">{range}</p>
                            <Stepper label="Sets" id=format!("sets-{id}") value=Signal::derive(move || current().sets.to_string()) on_step=step_sets />
                            <Stepper label="Reps" id=format!("reps-{id}") value=Signal::derive(move || current().reps.to_string()) on_step=step_reps />
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
