use leptos::prelude::*;

/// After "This hurts" (F13): the exercise is over for today, what to do
/// now, and when to stop the whole session (F12).
#[component]
pub fn ExerciseStopped(
    /// The exercise that brought on pain.
    name: String,
) -> impl IntoView {
    view! {
        <section class="panel panel-caution" data-testid="exercise-stopped" aria-labelledby="exercise-stopped-title">
            <h2 id="exercise-stopped-title" data-screen-title tabindex="-1">{format!("{name}: stopped for today")}</h2>
            <p>"It brought on pain, and the program says to stop an exercise that does. Its remaining sets are logged as stopped for pain. Put the weight down gently and leave this exercise out for the rest of today."</p>
            <p>"Go on to the next exercise only if nothing hurts now. If pain spreads into your buttock or leg, or you feel numbness or tingling, tap Stop: the session ends."</p>
        </section>
    }
}
