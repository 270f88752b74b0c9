use crate::{
    platform, program::CRITERIA, screening::Check, session::duration_label, state::stores,
};
use leptos::{
    either::{Either, EitherOf3},
    prelude::*,
};

/// The four entry criteria, yes or no, before every session. Nothing is
/// pre-filled: four fresh answers each time Start is offered, and only four
/// yeses open the session; each "no" says why not today and what to do
/// instead. Answers are stored with the date as soon as all four are given.
/// After a session stopped for pain, numbness or tingling, no session starts
/// again until the next local day.
#[component]
pub fn SafetyCheck(
    /// Starts the session; offered only when all four hold.
    on_start: Callback<()>,
    /// The time, kept current by the page (it moves when the page returns).
    #[prop(into)]
    now: Signal<u64>,
) -> impl IntoView {
    let st = stores();
    let picked = RwSignal::new([None::<bool>; 4]);
    // The session stopped today, if one was: minutes ago, for the message.
    let locked = move || {
        let t = now.get();
        st.history.with(|h| {
            h.stopped_today(t, platform::utc_offset_min())
                .map(|s| t.saturating_sub(s.ended_ms.unwrap_or(t)))
        })
    };

    let answer = move |index: usize, yes: bool| {
        let mut next = picked.get_untracked();
        next[index] = Some(yes);
        picked.set(next);
        if let [Some(a), Some(b), Some(c), Some(d)] = next {
            let check = Check {
                at_ms: platform::now_ms(),
                utc_offset_min: platform::utc_offset_min(),
                answers: [a, b, c, d],
            };
            st.screening.update(|l| l.record(check));
        }
    };

    let all_answered = move || picked.get().iter().all(Option::is_some);
    let cleared = move || picked.get().iter().all(|a| *a == Some(true)) && locked().is_none();
    let refused = move || {
        CRITERIA
            .iter()
            .zip(picked.get())
            .filter(|(_, a)| *a == Some(false))
            .map(|(c, _)| c)
            .collect::<Vec<_>>()
    };

    let questions = view! {
        <p>"Answer all four before every session. The program is only for days when all four are true."</p>
        <ol class="criteria">
            {CRITERIA
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let is = move |v: bool| (picked.get()[i] == Some(v)).to_string();
                    view! {
                        <li class="criterion" data-criterion=c.id>
                            <p class="question" id=format!("q-{}", c.id)>{c.question}</p>
                            <div class="choice-group" role="group" aria-labelledby=format!("q-{}", c.id)>
                                <button type="button" class="choice" data-answer="yes" aria-pressed=move || is(true) on:click=move |_| answer(i, true)>
                                    "Yes"
                                </button>
                                <button type="button" class="choice" data-answer="no" aria-pressed=move || is(false) on:click=move |_| answer(i, false)>
                                    "No"
                                </button>
                            </div>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
        <div class="verdict" aria-live="polite">
            {move || {
                let refused = refused();
                if !refused.is_empty() {
                    EitherOf3::A(
                        view! {
                            <div class="panel panel-caution" data-testid="not-today">
                                <h3>"Not today"</h3>
                                <ul>
                                    {refused.into_iter().map(|c| view! { <li>{c.if_not}</li> }).collect_view()}
                                </ul>
                            </div>
                        },
                    )
                } else if all_answered() {
                    EitherOf3::B(view! { <p class="ok" data-testid="cleared">"All four hold: you're clear for today's session."</p> })
                } else {
                    EitherOf3::C(view! { <p class="hint">"Answer all four to start."</p> })
                }
            }}
        </div>
    };

    view! {
        <section class="panel safety-check" aria-labelledby="safety-title">
            <h2 id="safety-title" data-screen-title tabindex="-1">"Safety check"</h2>
            {move || match locked() {
                Some(ago) => Either::Left(view! {
                    <div class="panel panel-danger" data-testid="locked-today">
                        <h3>"No more training today"</h3>
                        <p>{format!(
                            "Today's session was stopped for pain, numbness or tingling ({} ago). The program says to stop when that happens, so BackStrong keeps the rest of today free: a new session opens tomorrow, after a fresh safety check (the app's own rule).",
                            duration_label(ago)
                        )}</p>
                        <p>"If the symptoms come back or stay, talk to your doctor or physiotherapist before you train again."</p>
                        <p><a href="/stop">"What to do now"</a></p>
                    </div>
                }),
                None => Either::Right(()),
            }}
            <div class:hidden=move || locked().is_some()>{questions}</div>
            {move || {
                if cleared() {
                    Either::Left(view! { <button type="button" class="button button-primary button-big" data-testid="start" on:click=move |_| on_start.run(())>"Start the session"</button> })
                } else {
                    Either::Right(view! { <button type="button" class="button button-big" disabled data-testid="start">"Start the session"</button> })
                }
            }}
        </section>
    }
}
