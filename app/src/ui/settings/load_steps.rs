use crate::{
    prefs::{LoadStep, load_steps_of},
    program::session_order,
    state::stores,
    units::kg,
};
use leptos::prelude::*;

/// The weight step of each machine, so the load stepper moves like that
/// machine's stack: 1, 2.5, 5 or 10 kg; 2.5, 5 or 10 lb. Exercises done with
/// body weight have none.
#[component]
pub fn LoadSteps() -> impl IntoView {
    let prefs = stores().prefs;
    view! {
        <p class="hint">"Pick the step of each machine at your gym. 2.5 kg or 5 lb unless you change it."</p>
        <ul class="load-steps">
            {session_order()
                .filter(|e| e.uses_load())
                .map(|exercise| {
                    let id = exercise.id;
                    let label_id = format!("step-{id}");
                    view! {
                        <li data-load-step=id>
                            <p class="field-label" id=label_id.clone()>{exercise.name}</p>
                            <div class="choice-group" role="group" aria-labelledby=label_id>
                                {move || {
                                    let unit = prefs.with(|p| p.unit);
                                    load_steps_of(unit)
                                        .iter()
                                        .map(|&amount| {
                                            let chosen = move || prefs.with(|p| p.load_step(id, p.unit) == amount);
                                            let pick = move |_| {
                                                prefs.update(|p| {
                                                    p.load_steps.insert(id.to_owned(), LoadStep { amount, unit });
                                                });
                                            };
                                            view! {
                                                <button type="button" class="choice" data-step=amount.to_string() aria-pressed=move || chosen().to_string() on:click=pick>
                                                    {format!("{} {}", kg(amount as f32), unit.symbol())}
                                                </button>
                                            }
                                        })
                                        .collect_view()
                                }}
                            </div>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
