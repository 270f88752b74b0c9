use super::{Illustration, PointList, PrescriptionTag};
use crate::program::Exercise;
use leptos::prelude::*;

/// One exercise on the Program screen: what, how much, how, and the main
/// caution. The whole card opens the exercise's page.
#[component]
pub fn ExerciseCard(
    /// The exercise.
    exercise: &'static Exercise,
    /// Its place in the session, from 1.
    number: usize,
) -> impl IntoView {
    let href = format!("/exercise/{}", exercise.id);
    let muscles = exercise
        .muscles
        .iter()
        .map(|m| m.name())
        .collect::<Vec<_>>()
        .join(", ");
    let caution = exercise.cautions.first().map(|c| c.text);
    view! {
        <article class="card" data-exercise=exercise.id>
            <Illustration exercise=&exercise.basics />
            <div class="card-body">
                <h2>
                    <a class="card-link" href=href>
                        <span class="card-number">{number} ". "</span>
                        {exercise.name}
                    </a>
                </h2>
                <PrescriptionTag prescription=exercise.prescription />
                <p class="muscles">
                    <strong>"Works: "</strong>
                    {muscles}
                </p>
                <PointList points=exercise.key_cues() class="cues" />
                {caution.map(|text| view! { <p class="caution">{text}</p> })}
                {exercise.source_note.map(|n| view! { <p class="source-note">{n.text}</p> })}
            </div>
        </article>
    }
}
