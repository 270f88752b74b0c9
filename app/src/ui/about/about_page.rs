use crate::program::{ABOUT, YOUR_BACK};
use leptos::prelude::*;
use leptos_meta::Title;

/// Where the program comes from, that this is not medical advice, and how
/// the app treats your data.
#[component]
pub fn AboutPage() -> impl IntoView {
    view! {
        <Title text="About" />
        <h1>"About this program"</h1>
        <section class="panel">
            <h2>"Not medical advice"</h2>
            <p>
                "BackStrong is a training aid, not a treatment. It does not diagnose anything and cannot tell whether exercise is right for you. Ask your doctor before you start, and stop whenever something hurts."
            </p>
        </section>
        <section class="panel" aria-labelledby="your-back" data-testid="your-back">
            <h2 id="your-back">"Your back"</h2>
            {YOUR_BACK.iter().map(|p| view! { <p>{p.text}</p> }).collect_view()}
            <p>"Only a doctor can tell what is behind your own symptoms."</p>
        </section>
        <section class="panel">
            <h2>"Where it comes from"</h2>
            <p>
                "The exercises, sets, reps and cautions restate a published gym program for people with a pinched nerve in the lower back (\"Exercises for Pinched Nerve in Lower Back\"). Every word here is our own. Where that program gives no number, the app suggests one and marks it "
                <span class="tag">"suggested"</span>
                "."
            </p>
            {ABOUT.iter().map(|p| view! { <p>{p.text}</p> }).collect_view()}
            <p>
                "The urgent warning signs on the safety screen come from standard medical guidance, not from that program."
            </p>
        </section>
        <section class="panel">
            <h2>"Your data"</h2>
            <p>
                "Everything you enter stays in this browser on this device. There is no account, and nothing is sent anywhere unless you export it yourself."
            </p>
        </section>
    }
}
