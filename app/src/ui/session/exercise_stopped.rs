use leptos::prelude::*;

/// After "This hurts" (F13): the exercise is over for today, what to do
/// now, and when to stop the whole session (F12). Short, so the rest
/// countdown below stays in view on a phone.
#[component]
pub fn ExerciseStopped(
    /// The exercise that brought on pain.
    name: String,
) -> impl IntoView {
    view! {
        <section class="exercise-stopped" data-testid="exercise-stopped" aria-labelledby="exercise-stopped-title">
            <h2 id="exercise-stopped-title" data-screen-title tabindex="-1">{format!("{name} stopped for today")}</h2>
            <p>"It brought on pain: put the weight down gently and leave it out today (its other sets are logged as stopped for pain). Go on only if nothing hurts now."</p>
            <p><strong>"Pain into your buttock or leg, numbness or tingling: tap Stop."</strong></p>
        </section>
    }
}
