use super::ResumeOffer;
use crate::APP_NAME;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

/// Where every visit starts: what the app is for and where to go next.
#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <Title text="" />
        <header class="hero">
            <h1>{APP_NAME}</h1>
            <p class="lead">
                "Get stronger at the gym with a pinched nerve in your lower back: one calm, guided session at a time."
            </p>
        </header>
        <ResumeOffer />
        <ul class="tiles">
            <li>
                <A href="/program" attr:class="tile">
                    <strong>"Program"</strong>
                    <span>"The exercises, how to do them, and what to watch for."</span>
                </A>
            </li>
            <li>
                <A href="/session" attr:class="tile">
                    <strong>"Session"</strong>
                    <span>"Start today's workout, set by set, with a rest timer."</span>
                </A>
            </li>
            <li>
                <A href="/progress" attr:class="tile">
                    <strong>"Progress"</strong>
                    <span>"Your sessions, loads and how your back felt."</span>
                </A>
            </li>
            <li>
                <A href="/settings" attr:class="tile">
                    <strong>"Settings"</strong>
                    <span>"Display, units and your data."</span>
                </A>
            </li>
        </ul>
        <p class="fine-print">
            "Your progress stays on this device. Nothing is sent anywhere unless you export it."
        </p>
    }
}
