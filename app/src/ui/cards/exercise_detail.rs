use super::{BodyMap, ExerciseNotes, Illustration, PointList, PrescriptionTag, StartLoadHint};
use crate::{program::Exercise, ui::screening::StopButton};
use leptos::prelude::*;
use leptos_meta::Title;

/// Everything about one exercise: how much, how, what to watch for, other
/// ways to do it, how to progress, and the user's own notes.
#[component]
pub fn ExerciseDetail(
    /// The exercise.
    exercise: &'static Exercise,
) -> impl IntoView {
    let equipment = exercise
        .equipment
        .iter()
        .map(|e| e.label())
        .collect::<Vec<_>>()
        .join(" · ");
    view! {
        <Title text=exercise.name />
        <p class="back-link">
            <a href="/program">"← Program"</a>
        </p>
        <h1>{exercise.name}</h1>
        <p class="lead">{exercise.summary}</p>
        <StopButton />
        <Illustration exercise />
        <PrescriptionTag prescription=exercise.prescription />
        {exercise.limits.start_at_half_body_weight.then(|| view! { <StartLoadHint /> })}
        <p class="equipment">
            <strong>"Equipment: "</strong>
            {equipment}
        </p>
        <BodyMap muscles=exercise.muscles caption="Muscles worked" />
        {(!exercise.movements.is_empty())
            .then(|| {
                view! {
                    <section class="panel">
                        <h2>"The movements"</h2>
                        <ul class="movements">
                            {exercise
                                .movements
                                .iter()
                                .map(|m| {
                                    view! {
                                        <li>
                                            <strong>{m.name}</strong>
                                            " "
                                            {m.how.text}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    </section>
                }
            })}
        <section class="panel">
            <h2>"How to do it"</h2>
            <PointList points=exercise.cues class="cues" />
        </section>
        <section class="panel panel-caution">
            <h2>"Watch out"</h2>
            <PointList points=exercise.cautions class="cautions" />
        </section>
        {(!exercise.variations.is_empty())
            .then(|| {
                view! {
                    <section class="panel">
                        <h2>"Variations"</h2>
                        <PointList points=exercise.variations class="variations" />
                    </section>
                }
            })}
        {(!exercise.progressions.is_empty())
            .then(|| {
                view! {
                    <section class="panel">
                        <h2>"When it gets easy"</h2>
                        <PointList points=exercise.progressions class="progressions" />
                    </section>
                }
            })}
        <ExerciseNotes exercise_id=exercise.id.to_owned() />
    }
}
