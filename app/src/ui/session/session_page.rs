use crate::{
    program::session_order,
    ui::screening::{RedFlags, SafetyCheck, StopButton},
};
use leptos::prelude::*;
use leptos_meta::Title;

/// Today's session: the safety check first; the session opens only when all
/// four criteria hold. (The guided, timed session comes with its own issue;
/// until then "Start" leads into the warm-up and the exercise pages.)
#[component]
pub fn SessionPage() -> impl IntoView {
    view! {
        <Title text="Session" />
        <h1>"Today's session"</h1>
        <StopButton />
        <SafetyCheck />
        <RedFlags />
        <section class="panel">
            <h2>"Today's order"</h2>
            <ol class="session-order">
                <li>
                    <a href="/warm-up">"Warm-up"</a>
                </li>
                {session_order()
                    .map(|e| {
                        view! {
                            <li>
                                <a href=format!("/exercise/{}", e.id)>{e.name}</a>
                                " · "
                                {e.prescription.label()}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}
