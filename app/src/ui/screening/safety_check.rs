use crate::{platform, program::CRITERIA, screening::Check, state::stores};
use leptos::{
    either::{Either, EitherOf3},
    prelude::*,
};

/// The four entry criteria, yes or no, before every session. Only four yeses
/// open the session; each "no" says why not today and what to do instead.
/// Answers are stored with the date as soon as all four are given.
#[component]
pub fn SafetyCheck(
    /// Starts the session; offered only when all four hold.
    on_start: Callback<()>,
) -> impl IntoView {
    let log = stores().screening;
    // Answers given on this screen; until then, today's stored check.
    let picked = RwSignal::new([None::<bool>; 4]);
    let stored_today = move || {
        log.with(|l| {
            l.today(platform::now_ms(), platform::utc_offset_min())
                .map(|c| c.answers.map(Some))
        })
    };
    let answers = move || {
        let picked = picked.get();
        if picked.iter().any(Option::is_some) {
            picked
        } else {
            stored_today().unwrap_or([None; 4])
        }
    };

    let answer = move |index: usize, yes: bool| {
        let mut next = answers();
        next[index] = Some(yes);
        picked.set(next);
        if let [Some(a), Some(b), Some(c), Some(d)] = next {
            let check = Check {
                at_ms: platform::now_ms(),
                utc_offset_min: platform::utc_offset_min(),
                answers: [a, b, c, d],
            };
            log.update(|l| l.record(check));
        }
    };

    let all_answered = move || answers().iter().all(Option::is_some);
    let cleared = move || answers().iter().all(|a| *a == Some(true));
    let refused = move || {
        CRITERIA
            .iter()
            .zip(answers())
            .filter(|(_, a)| *a == Some(false))
            .map(|(c, _)| c)
            .collect::<Vec<_>>()
    };

    view! {
        <section class="panel safety-check" aria-labelledby="safety-title">
            <h2 id="safety-title">"Safety check"</h2>
            <p>"Answer all four before every session. The program is only for days when all four are true."</p>
            <ol class="criteria">
                {CRITERIA
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let is = move |v: bool| (answers()[i] == Some(v)).to_string();
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
