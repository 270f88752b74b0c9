use super::{EndSessionOffer, RedFlags};
use crate::program::STOP_RULES;
use leptos::prelude::*;
use leptos_meta::Title;

/// What to do when training brings on pain, numbness or tingling.
#[component]
pub fn StopPage() -> impl IntoView {
    view! {
        <Title text="Stop" />
        <h1>"Stop here"</h1>
        <p class="lead">"You did the right thing. Do not push through it."</p>
        <EndSessionOffer />
        <section class="panel">
            <h2>"Right now"</h2>
            <ol class="steps">
                <li>"Put the weight down, gently and under control."</li>
                <li>"End today's session if the pain spreads into your buttock or leg, or if you feel numbness or tingling."</li>
                <li>"If only one exercise hurt and nothing spreads, leave that exercise out today."</li>
                <li>"Note what you felt and during which exercise: it helps your doctor or physiotherapist."</li>
            </ol>
        </section>
        <section class="panel">
            <h2>"The program's stop rules"</h2>
            <ul>{STOP_RULES.iter().map(|p| view! { <li>{p.text}</li> }).collect_view()}</ul>
        </section>
        <RedFlags />
        <section class="panel">
            <h2>"Next time"</h2>
            <p>
                "Answer the safety check again before your next session. If the symptoms keep coming back, talk to your doctor or physiotherapist before you train again."
            </p>
            <p>
                <a class="button" href="/">
                    "Back to the start"
                </a>
            </p>
        </section>
    }
}
