use super::{ExerciseCard, GymNotes};
use crate::{
    program::{EXERCISES, PROGRAM_INTRO},
    ui::screening::StopButton,
};
use leptos::prelude::*;
use leptos_meta::Title;

/// The whole program in session order, warm-up first.
#[component]
pub fn ProgramPage() -> impl IntoView {
    view! {
        <Title text="Program" />
        <h1>"Program"</h1>
        <p class="lead">{PROGRAM_INTRO[0].text}</p>
        <details class="why">
            <summary>"Why these exercises"</summary>
            {PROGRAM_INTRO[1..].iter().map(|p| view! { <p>{p.text}</p> }).collect_view()}
        </details>
        <StopButton />
        <GymNotes />
        <article class="card card-warmup">
            <div class="card-body">
                <h2>
                    <a class="card-link" href="/warm-up">
                        "Warm-up"
                    </a>
                </h2>
                <p>"Foam rolling, six gentle stretches, and shoulder rotations before any pressing."</p>
            </div>
        </article>
        <div class="cards">
            {EXERCISES
                .iter()
                .enumerate()
                .map(|(i, exercise)| view! { <ExerciseCard exercise number=i + 1 /> })
                .collect_view()}
        </div>
    }
}
