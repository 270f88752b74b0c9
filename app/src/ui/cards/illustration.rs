use crate::{program::Basics, ui::art::exercise_svg};
use leptos::prelude::*;

/// The line drawing of an exercise, with a text alternative.
#[component]
pub fn Illustration(
    /// The exercise to draw.
    exercise: &'static Basics,
) -> impl IntoView {
    let label = format!("Drawing: {}", exercise.name.to_ascii_lowercase());
    view! {
        <div
            class="illus"
            role="img"
            aria-label=label
            inner_html=exercise_svg(exercise.id).unwrap_or_default()
        ></div>
    }
}
