use super::Stepper;
use crate::{
    program::Exercise,
    session::{Effort, Event, MAX_LOAD_KG, MAX_REPS},
    ui::cards::Illustration,
    units::Unit,
};
use leptos::prelude::*;

/// What one set asks for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SetTarget {
    /// The exercise.
    pub exercise: &'static Exercise,
    /// This set, from 1.
    pub set: u16,
    /// Sets planned.
    pub sets: u16,
    /// Reps to aim for.
    pub reps: u16,
    /// Load to use, if known.
    pub load_kg: Option<f32>,
    /// True when sets and reps are our suggestion.
    pub suggested: bool,
}

const EFFORTS: [(Effort, &str); 3] = [
    (Effort::Easy, "Easy"),
    (Effort::Right, "Right"),
    (Effort::Hard, "Hard"),
];

/// One set: what to do, and one big button to log it. Reps and load are
/// adjusted with steppers; effort and pain are optional.
#[component]
pub fn SetScreen(
    /// The set.
    target: SetTarget,
    /// Show breathing and tempo prompts.
    prompts: bool,
    /// This exercise hurt in the last session.
    hurt_last_time: bool,
    /// How loads are shown (they are logged in kg).
    unit: Unit,
    /// Sends an event to the session.
    dispatch: Callback<Event>,
) -> impl IntoView {
    let reps = RwSignal::new(target.reps);
    let load = RwSignal::new(target.load_kg);
    let effort = RwSignal::new(None::<Effort>);
    let pain = RwSignal::new(None::<u8>);
    let exercise = target.exercise;

    let step_reps = Callback::new(move |d: i32| {
        reps.update(|r| *r = (i32::from(*r) + d).clamp(0, i32::from(MAX_REPS)) as u16)
    });
    let step_load = Callback::new(move |d: i32| {
        // A step is 2.5 kg or 5 lb: the shown value moves in round steps.
        load.update(|l| {
            let shown = unit.from_kg(l.unwrap_or(0.0)) + unit.step() * f64::from(d);
            *l = Some(unit.to_kg(shown.max(0.0)).min(MAX_LOAD_KG));
        })
    });
    let step_pain = Callback::new(move |d: i32| {
        pain.update(|p| *p = Some((i32::from(p.unwrap_or(0)) + d).clamp(0, 10) as u8))
    });
    let done = move |_| {
        dispatch.run(Event::SetDone {
            reps: reps.get_untracked(),
            load_kg: load.get_untracked(),
            effort: effort.get_untracked(),
            pain: pain.get_untracked(),
        })
    };
    // F13: the set is logged with what was entered, and the exercise ends
    // for today.
    let hurts = move |_| {
        dispatch.run(Event::Hurts {
            reps: reps.get_untracked(),
            load_kg: load.get_untracked(),
            effort: effort.get_untracked(),
            pain: pain.get_untracked(),
        })
    };
    let load_text = move || load.get().map_or("—".to_owned(), |kg| unit.show(kg));
    let target_text = format!(
        "{} reps{}",
        target.reps,
        target
            .load_kg
            .map(|kg| format!(" at {}", unit.show(kg)))
            .unwrap_or_default()
    );

    view! {
        <section class="set" data-testid="set" data-exercise=exercise.id data-set=target.set>
            <h2 class="set-exercise">{exercise.name}</h2>
            <p class="set-count" data-testid="set-count">
                {format!("Set {} of {}", target.set, target.sets)}
                {target.suggested.then(|| view! { <span class="tag">"suggested"</span> })}
            </p>
            <Illustration exercise />
            <p class="set-target">{target_text}</p>
            {hurt_last_time.then(|| view! { <p class="caution" data-testid="hurt-last-time">"This exercise brought on pain last time. Go lighter, and stop it at once if the pain comes back."</p> })}
            <p class="set-cue">{exercise.cues.first().map(|c| c.text)}</p>
            {prompts.then(|| view! { <p class="prompt" data-testid="prompt">"Slow and controlled, both ways. Breathe out as you squeeze."</p> })}
            <div class="set-actions">
                <button type="button" class="button button-primary button-huge" data-testid="set-done" on:click=done>
                    "Set done"
                </button>
                <button type="button" class="button button-hurts" data-testid="set-hurts" on:click=hurts>
                    "This hurts: stop this exercise"
                </button>
            </div>
            <details class="set-details">
                <summary>"Adjust reps, load, effort, pain"</summary>
                <Stepper label="Reps" id="reps" value=Signal::derive(move || reps.get().to_string()) on_step=step_reps />
                <Stepper label="Load" id="load" value=Signal::derive(load_text) on_step=step_load />
                <div class="choice-group" role="group" aria-label="How hard was it">
                    {EFFORTS
                        .into_iter()
                        .map(|(e, label)| {
                            view! {
                                <button type="button" class="choice" aria-pressed=move || (effort.get() == Some(e)).to_string() on:click=move |_| effort.set(Some(e))>
                                    {label}
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
                <p class="hint">"Any pain above 0 stops this exercise for today, as \"This hurts\" does."</p>
                <Stepper label="Pain (0–10)" id="pain" value=Signal::derive(move || pain.get().map_or("—".to_owned(), |p| p.to_string())) on_step=step_pain />
            </details>
            <div class="set-skips">
                <button type="button" class="button" data-testid="skip-set" on:click=move |_| dispatch.run(Event::SkipSet)>
                    "Skip set"
                </button>
                <button type="button" class="button" data-testid="skip-exercise" on:click=move |_| dispatch.run(Event::SkipExercise)>
                    "Skip exercise"
                </button>
            </div>
        </section>
    }
}
