use crate::{
    program::name_of,
    session::{Phase, Session, active_time_label},
};
use leptos::prelude::*;

/// What a finished session added up to.
#[component]
pub fn Summary(
    /// The ended session.
    session: Session,
    /// How loads are shown.
    unit: crate::units::Unit,
) -> impl IntoView {
    let name = |item: usize| {
        session
            .plan
            .items
            .get(item)
            .map_or("?".to_owned(), |i| name_of(&i.exercise_id).to_owned())
    };
    let skipped: Vec<String> = session.skipped_items.iter().map(|i| name(*i)).collect();
    // F13: exercises that brought on pain and were stopped for today.
    let hurt: Vec<String> = (0..session.plan.items.len())
        .filter(|&i| session.pain_item != Some(i) && session.hurt_in(i))
        .map(name)
        .collect();
    let stopped = matches!(session.phase, Phase::StoppedForPain { .. });
    // The stopped screen above already says "Session stopped".
    let heading = if stopped {
        "What was logged"
    } else {
        "Session done"
    };
    let volume = session.volume_kg();
    view! {
        <section class="panel summary" data-testid="summary">
            <h2 data-screen-title tabindex="-1">{heading}</h2>
            <dl class="figures">
                <div>
                    <dt>"Time"</dt>
                    <dd>{active_time_label(&session)}</dd>
                </div>
                <div>
                    <dt>"Sets"</dt>
                    <dd data-testid="summary-sets">{session.sets_done()}</dd>
                </div>
                <div>
                    <dt>"Volume"</dt>
                    <dd>{unit.show(volume.round())}</dd>
                </div>
            </dl>
            {(!skipped.is_empty()).then(|| view! { <p>"Skipped: " {skipped.join(", ")}</p> })}
            {(!hurt.is_empty()).then(|| view! {
                <p class="caution" data-testid="summary-hurt">
                    "Stopped because it brought on pain: " {hurt.join(", ")}
                    ". Next time it comes with a caution, and its load is not raised until it goes through a whole session without pain."
                </p>
            })}
            {stopped.then(|| view! { <p class="caution">"Stopped for pain. It is in your log."</p> })}
            <p>"Saved to your history on this device."</p>
        </section>
    }
}
