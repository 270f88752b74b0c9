use super::{BodyMap, ExerciseNotes, Illustration, PointList, PrescriptionTag, StartLoadHint};
use crate::{
    program::{Exercise, Point},
    ui::screening::StopButton,
};
use leptos::prelude::*;
use leptos_meta::Title;

/// A titled panel listing `points`, or nothing when there are none.
fn point_section(
    title: &'static str,
    points: &'static [Point],
    class: &'static str,
    panel: &'static str,
) -> Option<impl IntoView> {
    (!points.is_empty()).then(|| {
        view! {
            <section class=panel>
                <h2>{title}</h2>
                <PointList points class />
            </section>
        }
    })
}

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
        <Illustration exercise=&exercise.basics />
        <PrescriptionTag prescription=exercise.prescription />
        {exercise.source_note.map(|n| view! { <p class="source-note" data-testid="source-note">{n.text}</p> })}
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
        {point_section("How to do it", exercise.cues, "cues", "panel")}
        {point_section("Watch out", exercise.cautions, "cautions", "panel panel-caution")}
        {point_section("Variations", exercise.variations, "variations", "panel")}
        {point_section("When it gets easy", exercise.progressions, "progressions", "panel")}
        <ExerciseNotes exercise_id=exercise.id.to_owned() />
    }
}
