use super::Chart;
use crate::{
    program::Basics,
    progress::{Advice, Point, Suggestion},
    units::Unit,
};
use leptos::prelude::*;

/// One exercise: its chart and the suggested load for next time, with the
/// reason, marked as a suggestion.
#[component]
pub fn ExerciseProgress(
    exercise: &'static Basics,
    series: Vec<Point>,
    suggestion: Option<Suggestion>,
    unit: Unit,
    offset: i32,
) -> impl IntoView {
    let advice = suggestion.map(|s| {
        let (class, headline) = match (s.advice, s.next_kg) {
            (Advice::Up, Some(kg)) => ("advice advice-up", format!("Next time: {} (up a step)", unit.show(kg))),
            (Advice::Hold, Some(kg)) => ("advice advice-hold", format!("Next time: stay at {}", unit.show(kg))),
            (Advice::Down, Some(kg)) => ("advice advice-down", format!("Next time: {} (down a step), and take care", unit.show(kg))),
            (Advice::Up, None) => ("advice advice-up", "Next time: a little more (a step up in load or difficulty)".to_owned()),
            (Advice::Hold, None) => ("advice advice-hold", "Next time: the same again".to_owned()),
            (Advice::Down, None) => ("advice advice-down", "Next time: go easier, and take care".to_owned()),
            (Advice::None, _) => ("advice advice-down", "No load suggestion for now".to_owned()),
        };
        view! {
            <div class=class data-testid=format!("advice-{}", exercise.id)>
                <p><strong>{headline}</strong>" "<span class="tag">"the app's suggestion"</span></p>
                <p>{s.reason.text()}</p>
                {s.caution().then(|| view! {
                    <p class="caution">"If the pain spreads into your leg, or you feel numbness or tingling, stop and see the Stop page."</p>
                })}
            </div>
        }
    });
    view! {
        <article class="exercise-progress" data-exercise=exercise.id>
            <h3>{exercise.name}</h3>
            <Chart points=series unit offset name=exercise.name />
            {advice}
        </article>
    }
}
