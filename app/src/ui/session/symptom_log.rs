use crate::{
    session::{Phase, Session, Symptom},
    state::stores,
};
use leptos::prelude::*;

/// After Stop: what was felt, marked on the stopped session in the history
/// as each is tapped, for the log and the report. Part of the session's
/// summary, below what to do now (which never waits for a download). The
/// screens' part of the wasm has almost always loaded by then, since the
/// session's own screens came from it; on a first visit with no signal it
/// comes with the summary, when the signal is back.
#[component]
pub fn SymptomLog(
    /// The session just stopped for pain, numbness or tingling.
    session: Session,
) -> impl IntoView {
    let st = stores();
    // This screen's copy: marking a symptom changes the history, not the
    // runner's ended session, so the summary is not built again (and the
    // tapped button keeps its focus).
    let session = RwSignal::new(session);
    let felt = move |symptom: Symptom| {
        session
            .with(|s| matches!(&s.phase, Phase::StoppedForPain { felt } if felt.contains(&symptom)))
    };
    let toggle = move |symptom: Symptom| {
        session.update(|s| {
            if let Phase::StoppedForPain { felt } = &mut s.phase {
                match felt.iter().position(|f| *f == symptom) {
                    Some(i) => {
                        felt.remove(i);
                    }
                    None => felt.push(symptom),
                }
            }
        });
        let marked = session.get_untracked();
        st.history.update(|h| h.upsert(marked));
    };
    view! {
        <section class="panel" data-testid="felt" aria-labelledby="felt-title">
            <h3 id="felt-title">"What did you feel?"</h3>
            <div class="choice-group">
                {Symptom::ALL
                    .into_iter()
                    .map(|symptom| {
                        view! {
                            <button
                                type="button"
                                class="choice"
                                aria-pressed=move || felt(symptom).to_string()
                                on:click=move |_| toggle(symptom)
                            >
                                {symptom.label()}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        </section>
    }
}
