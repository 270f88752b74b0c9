use crate::{
    program::exercise,
    session::{Phase, Session},
};
use leptos::prelude::*;

fn minutes(ms: u64) -> String {
    let min = ms / 60_000;
    if min < 1 {
        "under a minute".to_owned()
    } else {
        format!("{min} min")
    }
}

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
            .and_then(|i| exercise(&i.exercise_id))
            .map_or("?", |e| e.name)
    };
    let skipped: Vec<&'static str> = session.skipped_items.iter().map(|i| name(*i)).collect();
    let stopped = matches!(session.phase, Phase::StoppedForPain { .. });
    let heading = if stopped {
        "Session stopped"
    } else {
        "Session done"
    };
    let volume = session.volume_kg();
    view! {
        <section class="panel summary" data-testid="summary">
            <h2>{heading}</h2>
            <dl class="figures">
                <div>
                    <dt>"Time"</dt>
                    <dd>{minutes(session.duration_ms(0))}</dd>
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
            {stopped.then(|| view! { <p class="caution">"Stopped for pain. It is in your log."</p> })}
            <p>"Saved to your history on this device."</p>
        </section>
    }
}
