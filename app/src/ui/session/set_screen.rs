use super::Stepper;
use crate::{
    program::{self, Basics},
    session::{Effort, Event, LoadFrom, MAX_LOAD_KG, MAX_REPS},
    ui::cards::Illustration,
    units::Unit,
};
use leptos::prelude::*;

/// What one set asks for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SetTarget {
    /// The exercise (its card's text is looked up by the screen, which
    /// is a part of the wasm of its own).
    pub exercise: &'static Basics,
    /// This set, from 1.
    pub set: u16,
    /// Sets planned.
    pub sets: u16,
    /// Reps to aim for.
    pub reps: u16,
    /// Load to use, if known: the set before's, or the plan's.
    pub load_kg: Option<f32>,
    /// Where the plan's load came from.
    pub load_from: LoadFrom,
    /// One step of the load stepper, in the unit loads are shown in (the
    /// machine's own step).
    pub load_step: f64,
    /// True when sets and reps are our suggestion.
    pub suggested: bool,
    /// What it is done with today, when not the usual machine (the gym
    /// lacks it).
    pub instead: Option<&'static str>,
    /// True when the exercise has not begun and others follow: "machine
    /// taken" can move it.
    pub can_wait: bool,
    /// True when the exercise has not begun: its equipment can change.
    pub fresh: bool,
    /// What it is done with (its place in the exercise's equipment list).
    pub equipment: u8,
}

const EFFORTS: [(Effort, &str); 3] = [
    (Effort::Easy, "Easy"),
    (Effort::Right, "About right"),
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
    // No load known for a machine yet: the person finds one, with the load
    // stepper in view, before the first set.
    let first_time = target.set == 1 && target.load_kg.is_none() && exercise.uses_load();

    let step_reps = Callback::new(move |d: i32| {
        reps.update(|r| *r = (i32::from(*r) + d).clamp(0, i32::from(MAX_REPS)) as u16)
    });
    let step_load = Callback::new(move |d: i32| {
        // A step of the machine, in the shown unit: the shown value moves in
        // round steps, from wherever it was to the next step of the stack.
        load.update(|l| *l = Some(unit.step_load(*l, target.load_step, d, MAX_LOAD_KG)))
    });
    let step_pain = Callback::new(move |d: i32| {
        pain.update(|p| *p = Some((i32::from(p.unwrap_or(0)) + d).clamp(0, 10) as u8))
    });
    // Logs the set as entered; `hurt` says "This hurts" was tapped (F13):
    // the set is logged and the exercise ends for today.
    let log = move |hurt: bool| {
        let (reps, load_kg, effort, pain) = (
            reps.get_untracked(),
            load.get_untracked(),
            effort.get_untracked(),
            pain.get_untracked(),
        );
        dispatch.run(if hurt {
            Event::Hurts {
                reps,
                load_kg,
                effort,
                pain,
            }
        } else {
            Event::SetDone {
                reps,
                load_kg,
                effort,
                pain,
            }
        })
    };
    let done = move |_| log(false);
    let hurts = move |_| log(true);
    let load_text = move || load.get().map_or("—".to_owned(), |kg| unit.show(kg));
    // What to do, with the load as it stands now (the stepper moves it).
    let target_text = move || match load.get() {
        Some(kg) => format!("{} reps at {}", target.reps, unit.show(kg)),
        None => format!("{} reps", target.reps),
    };

    // The screen opens at its top: what to do and the two actions come
    // first, the adjust controls just before them (so "Set done" follows
    // them when they are open), the cue and the drawing after.
    view! {
        <section class="set" data-testid="set" data-exercise=exercise.id data-set=target.set>
            <h2 class="set-exercise" data-screen-title tabindex="-1">{exercise.name}</h2>
            <p class="set-line">
                <span class="set-count" data-testid="set-count">
                    {format!("Set {} of {}", target.set, target.sets)}
                    {target.suggested.then(|| view! { <span class="tag">"suggested"</span> })}
                </span>
                " · "
                <span class="set-target" data-testid="set-target">
                    {target_text}
                    {(target.set == 1 && target.load_kg.is_some()).then(|| match target.load_from {
                        LoadFrom::Suggested => Some(view! { <span class="tag" data-testid="load-from">"the app's suggestion"</span> }),
                        LoadFrom::LastTime => Some(view! { <span class="tag" data-testid="load-from">"as last time"</span> }),
                        LoadFrom::HalfBodyWeight => Some(view! { <span class="tag" data-testid="load-from">"half your body weight"</span> }),
                        LoadFrom::Unknown => None,
                    })}
                </span>
            </p>
            {target.instead.map(|with| view! {
                <p class="hint" data-testid="instead">{format!("Today with: {with}, one of the program's own ways. The usual way is the machine.")}</p>
            })}
            {first_time.then(|| view! {
                <div class="find-load" data-testid="find-load">
                    <p>
                        <strong>"First time: "</strong>
                        {if exercise.limits.start_at_half_body_weight {
                            "start at half your body weight (the program)."
                        } else {
                            "start light, with reps to spare (the app's advice)."
                        }}
                    </p>
                    <Stepper label="Load" id="load" value=Signal::derive(load_text) on_step=step_load />
                </div>
            })}
            {hurt_last_time.then(|| view! { <p class="caution" data-testid="hurt-last-time">"It brought on pain last time: go lighter, and stop it at once if pain comes back."</p> })}
            <details class="set-details">
                <summary>"Adjust reps, load, effort, pain"</summary>
                <Stepper label="Reps" id="reps" value=Signal::derive(move || reps.get().to_string()) on_step=step_reps />
                {(!first_time).then(|| view! { <Stepper label="Load" id="load" value=Signal::derive(load_text) on_step=step_load /> })}
                <p class="field-label" id="effort-label">"How hard was it? (optional)"</p>
                <div class="choice-group" role="group" aria-labelledby="effort-label">
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
            <div class="set-actions">
                <button type="button" class="button button-primary button-huge" data-testid="set-done" on:click=done>
                    "Set done"
                </button>
                <button type="button" class="button button-hurts" data-testid="set-hurts" on:click=hurts>
                    "This hurts: stop this exercise"
                </button>
            </div>
            <p class="set-cue">{program::exercise(exercise.id).and_then(|e| e.cues.first()).map(|c| c.text)}</p>
            {prompts.then(|| view! { <p class="prompt" data-testid="prompt">"Slow and controlled, both ways. Breathe out as you squeeze."</p> })}
            <Illustration exercise />
            {(target.fresh && exercise.equipment.len() > 1).then(|| view! {
                <details class="set-equipment">
                    <summary>"Other equipment today"</summary>
                    <div class="choice-group" role="group" aria-label="Equipment today">
                        {exercise.equipment.iter().enumerate().map(|(i, eq)| {
                            let i = i as u8;
                            view! {
                                <button type="button" class="choice" data-equipment=i aria-pressed=(i == target.equipment).to_string() on:click=move |_| dispatch.run(Event::UseEquipment(i))>
                                    {eq.label()}
                                </button>
                            }
                        }).collect_view()}
                    </div>
                </details>
            })}
            <div class="set-skips">
                {target.can_wait.then(|| view! {
                    <button type="button" class="button" data-testid="do-later" on:click=move |_| dispatch.run(Event::DoLater)>
                        "Machine taken: do it later"
                    </button>
                })}
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
