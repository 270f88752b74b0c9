use super::BodyMap;
use crate::{
    program::{FOAM_ROLLING, Muscle, SHOULDER_ROTATIONS, STRETCH_NOTE, STRETCHES, WarmUpItem},
    ui::screening::StopButton,
};
use leptos::prelude::*;
use leptos_meta::Title;

/// One warm-up step with its suggested dose.
fn step(item: &'static WarmUpItem) -> impl IntoView {
    view! {
        <li class="warmup-step" data-step=item.id>
            <h3>{item.name}</h3>
            <p>{item.how.text}</p>
            <p class="dose">
                {item.dose}
                " "
                <span class="tag" title="The program gives no times here: this is our suggestion.">
                    "suggested"
                </span>
            </p>
        </li>
    }
}

/// Before every session: foam rolling, stretching, shoulder rotations.
#[component]
pub fn WarmUpPage() -> impl IntoView {
    view! {
        <Title text="Warm-up" />
        <p class="back-link">
            <a href="/program">"← Program"</a>
        </p>
        <h1>"Warm-up"</h1>
        <p class="lead">"Before every session: roll, stretch, then wake up the shoulders."</p>
        <StopButton />
        <section class="panel">
            <h2>"1. Foam rolling"</h2>
            <ol class="steps">{step(&FOAM_ROLLING)}</ol>
        </section>
        <section class="panel">
            <h2>"2. Stretching"</h2>
            <p class="note">{STRETCH_NOTE.text}</p>
            <BodyMap muscles=Muscle::TO_STRETCH caption="Muscles to stretch" />
            <ol class="steps">{STRETCHES.iter().map(step).collect_view()}</ol>
        </section>
        <section class="panel">
            <h2>"3. Shoulder rotations"</h2>
            <p class="note">"Always before the chest press."</p>
            <ol class="steps">{step(&SHOULDER_ROTATIONS)}</ol>
        </section>
        <p>
            <a class="button button-primary" href="/exercise/leg-press">
                "Warm-up done: on to the leg press"
            </a>
        </p>
    }
}
