use super::{RestScreen, SetScreen, SetTarget, StoppedScreen, Summary};
use crate::{
    platform::{self, WakeLock, WakeLockStatus},
    program::exercise,
    session::{Event, Phase, Plan, Session, Symptom},
    state::stores,
    ui::screening::SafetyCheck,
};
use leptos::{either::EitherOf6, prelude::*};

/// What the screen shows, derived from the stored session and the clock.
#[derive(Debug, Clone, PartialEq)]
enum Screen {
    /// No session: the safety check, then Start.
    Check,
    WarmUp,
    Set(SetTarget, bool),
    Rest {
        until_ms: u64,
        next: String,
    },
    Paused {
        left_ms: Option<u64>,
    },
    Ended(Box<Session>),
}

/// The guided session. Keeps exact time through screen locks and reloads:
/// the stored session holds absolute deadlines, and what the screen shows is
/// worked out from them and the clock on every frame.
#[island]
pub fn SessionRunner() -> impl IntoView {
    let st = stores();
    let now = RwSignal::new(platform::now_ms());
    let error = RwSignal::new(None::<String>);
    // The session that just ended, for its summary (it has left `active`).
    let ended = RwSignal::new(None::<Session>);
    let wake_lock_missing = RwSignal::new(false);

    let live = move || st.active.with(|a| a.session.is_some());

    // The clock: one animation-frame loop while a session runs (browsers
    // pause it while the page is hidden, and it picks up again on return).
    let ticking = StoredValue::new(false);
    let start_ticking = move || {
        if ticking.get_value() {
            return;
        }
        ticking.set_value(true);
        platform::every_frame(move || {
            now.set(platform::now_ms());
            let go_on = st.active.with_untracked(|a| a.session.is_some());
            if !go_on {
                ticking.set_value(false);
            }
            go_on
        });
    };
    // Resync the moment the page is back, and take the wake lock again (the
    // browser drops it whenever the page hides).
    let listening = StoredValue::new(false);
    Effect::new(move |was_running: Option<bool>| {
        let running = live();
        if running {
            start_ticking();
            if was_running != Some(true) && WakeLock::acquire() == WakeLockStatus::Unsupported {
                wake_lock_missing.set(true);
            }
            if !listening.get_value() {
                listening.set_value(true);
                platform::on_visibility_change(move || {
                    now.set(platform::now_ms());
                    if platform::is_visible() && st.active.with_untracked(|a| a.session.is_some()) {
                        WakeLock::acquire();
                        start_ticking();
                    }
                });
            }
        } else if was_running == Some(true) {
            WakeLock::release();
        }
        running
    });

    let screen = Memo::new(move |_| {
        let t = now.get();
        if let Some(done) = ended.get() {
            return Screen::Ended(Box::new(done));
        }
        st.active.with(|a| {
            let Some(s) = a.session.as_ref() else {
                return Screen::Check;
            };
            let hurt = st
                .history
                .with(|h| h.last_pain_exercise().map(str::to_owned));
            match s.phase_at(t) {
                Phase::WarmUp => Screen::WarmUp,
                Phase::Working { item, set } => {
                    let planned = &s.plan.items[item];
                    match exercise(&planned.exercise_id) {
                        Some(e) => Screen::Set(
                            SetTarget {
                                exercise: e,
                                set,
                                sets: planned.sets,
                                reps: planned.target_reps,
                                load_kg: planned.load_kg,
                                suggested: planned.suggested,
                            },
                            hurt.as_deref() == Some(e.id),
                        ),
                        None => Screen::Check,
                    }
                }
                Phase::Resting {
                    item,
                    set,
                    until_ms,
                } => Screen::Rest {
                    until_ms,
                    next: format!("set {set} of {}", s.plan.items[item].sets),
                },
                Phase::BetweenExercises { item, until_ms } => Screen::Rest {
                    until_ms,
                    next: exercise(&s.plan.items[item].exercise_id)
                        .map_or("next exercise", |e| e.name)
                        .to_owned(),
                },
                Phase::Paused { .. } => Screen::Paused {
                    left_ms: s.rest_left_ms(t),
                },
                Phase::Finished | Phase::StoppedForPain { .. } | Phase::Incomplete => {
                    Screen::Ended(Box::new(s.clone()))
                }
            }
        })
    });

    // Sends an event; an ended session moves to the history at once.
    let dispatch = Callback::new(move |event: Event| {
        let t = platform::now_ms();
        now.set(t);
        let result = st.active.try_update(|a| match a.session.as_mut() {
            Some(s) => s.apply(event, t),
            None => Ok(()),
        });
        match result {
            Ok(()) => error.set(None),
            Err(e) => error.set(Some(format!("That did not work: {e}."))),
        }
        if st
            .active
            .with_untracked(|a| a.session.as_ref().is_some_and(|s| s.phase.is_over()))
        {
            ended.set(st.archive_active());
        }
    });

    let start = Callback::new(move |()| {
        let t = platform::now_ms();
        let plan = st
            .prefs
            .with_untracked(|p| Plan::for_user(p.body_weight_kg, &p.rest_s, p.unit));
        let id = format!("{t:x}-{:08x}", platform::random_u32());
        if let Ok(session) = Session::new(id, plan, t) {
            ended.set(None);
            st.active.update(|a| a.session = Some(session));
        }
    });

    // What was felt, added to the stopped session in the history.
    let felt = Signal::derive(move || match ended.get().map(|s| s.phase) {
        Some(Phase::StoppedForPain { felt }) => felt,
        _ => Vec::new(),
    });
    let toggle_symptom = Callback::new(move |symptom: Symptom| {
        let Some(mut session) = ended.get_untracked() else {
            return;
        };
        if let Phase::StoppedForPain { felt } = &mut session.phase {
            if let Some(i) = felt.iter().position(|s| *s == symptom) {
                felt.remove(i);
            } else {
                felt.push(symptom);
            }
        }
        st.history.update(|h| h.upsert(session.clone()));
        ended.set(Some(session));
    });

    let prompts = move || st.prefs.with(|p| p.prompts);
    let unit = move || st.prefs.with(|p| p.unit);

    // Cues 3 s before the end of a rest and at its end (not when skipped),
    // each as switched on in settings.
    let cue_state = StoredValue::new((None::<u64>, false));
    Effect::new(move |_| {
        let t = now.get();
        let rest_until = match screen.get() {
            Screen::Rest { until_ms, .. } => Some(until_ms),
            _ => None,
        };
        let (sound, vibration) = st.prefs.with_untracked(|p| (p.sound, p.vibration));
        let cue = |long: bool| {
            if sound {
                platform::beep(
                    if long { 880.0 } else { 660.0 },
                    if long { 400 } else { 150 },
                );
            }
            if vibration {
                platform::vibrate(if long { &[300] } else { &[100] });
            }
        };
        let (watched, warned) = cue_state.get_value();
        match (rest_until, watched) {
            (Some(until), _) => {
                let fresh = watched != Some(until);
                let warned = if fresh { false } else { warned };
                if !warned && until.saturating_sub(t) <= 3_000 {
                    cue(false);
                    cue_state.set_value((Some(until), true));
                } else {
                    cue_state.set_value((Some(until), warned));
                }
            }
            (None, Some(until)) => {
                // The rest has gone: it ran out (cue) or was skipped (quiet).
                if t >= until {
                    cue(true);
                }
                cue_state.set_value((None, false));
            }
            (None, None) => {}
        }
    });

    view! {
        <div class="runner" data-testid="runner">
            {move || {
                let in_session = !matches!(screen.get(), Screen::Check | Screen::Ended(_));
                if in_session {
                    Some(view! {
                        <button type="button" class="stop-button" data-testid="stop-session" on:click=move |_| dispatch.run(Event::StopForPain(Vec::new()))>
                            "Stop: pain, numbness or tingling"
                        </button>
                    })
                } else {
                    None
                }
            }}
            {move || wake_lock_missing.get().then(|| view! { <p class="hint" data-testid="no-wake-lock">"This browser can't keep the screen on: the timer keeps exact time anyway, even if the screen locks."</p> })}
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            {move || match screen.get() {
                Screen::Check => EitherOf6::A(view! { <SafetyCheck on_start=start /> }),
                Screen::WarmUp => EitherOf6::B(view! {
                    <section class="panel" data-testid="warm-up">
                        <h2>"Warm-up"</h2>
                        <p>"Foam roll, stretch gently, and do the shoulder rotations. The steps are on the warm-up page."</p>
                        <p><a href="/warm-up">"Open the warm-up steps"</a></p>
                        <button type="button" class="button button-primary button-huge" data-testid="start-first-set" on:click=move |_| dispatch.run(Event::Start)>
                            "Warm-up done: first set"
                        </button>
                    </section>
                }),
                Screen::Set(target, hurt) => EitherOf6::C(view! { <SetScreen target prompts=prompts() hurt_last_time=hurt unit=unit() dispatch /> }),
                Screen::Rest { until_ms, next } => EitherOf6::D(view! {
                    <RestScreen
                        left_ms=Signal::derive(move || until_ms.saturating_sub(now.get()))
                        until_ms=Signal::derive(move || until_ms)
                        next=Signal::derive(move || next.clone())
                        dispatch
                    />
                }),
                Screen::Paused { left_ms } => EitherOf6::E(view! {
                    <section class="panel" data-testid="paused">
                        <h2>"Paused"</h2>
                        {left_ms.map(|ms| view! { <p class="countdown">{super::clock(ms)}</p> })}
                        <button type="button" class="button button-primary button-huge" data-testid="resume" on:click=move |_| dispatch.run(Event::Resume)>
                            "Resume"
                        </button>
                    </section>
                }),
                Screen::Ended(session) => EitherOf6::F(view! {
                    {matches!(session.phase, Phase::StoppedForPain { .. }).then(|| view! { <StoppedScreen felt on_toggle=toggle_symptom /> })}
                    <Summary session=*session unit=unit() />
                    <button type="button" class="button" on:click=move |_| ended.set(None)>"Done"</button>
                }),
            }}
            {move || {
                matches!(screen.get(), Screen::WarmUp | Screen::Set(..) | Screen::Rest { .. }).then(|| view! {
                    <div class="session-controls">
                        <button type="button" class="button" data-testid="pause" on:click=move |_| dispatch.run(Event::Pause)>"Pause"</button>
                        <button type="button" class="button" data-testid="finish" on:click=move |_| dispatch.run(Event::Finish)>"End session"</button>
                    </div>
                })
            }}
        </div>
    }
}
