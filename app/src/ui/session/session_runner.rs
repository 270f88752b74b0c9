use super::in_session::{self, Mounted, Parts};
use super::{SetTarget, StoppedScreen};
use crate::{
    platform::{self, FrameClock, WakeLock, WakeLockStatus},
    program::{BASICS, basics, name_of},
    session::{Event, Phase, Plan, Session, Step, cues::Cue, cues::CueState},
    state::stores,
    ui::screening::SafetyCheck,
};
use leptos::prelude::*;

/// What the screen shows, derived from the stored session and the clock.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Screen {
    /// No session: the safety check, then Start.
    Check,
    WarmUp,
    Set(SetTarget, bool),
    Rest {
        until_ms: u64,
        next: String,
        /// The exercise just stopped because it brought on pain (F13).
        stopped: Option<String>,
    },
    Paused {
        left_ms: Option<u64>,
        /// What was under way: "Leg press, set 2 of 5".
        what: String,
    },
    Ended(Box<Session>),
}

/// "Leg press, set 2 of 5".
fn set_label(session: &Session, item: usize, set: u16) -> String {
    let planned = &session.plan.items[item];
    format!(
        "{}, set {set} of {}",
        name_of(&planned.exercise_id),
        planned.sets
    )
}

/// The screen for `session` at `t`; `step_of` gives an exercise's load step
/// in the shown unit.
fn screen_of(
    session: &Session,
    t: u64,
    hurt_last_time: impl Fn(&str) -> bool,
    step_of: impl Fn(&str) -> f64,
) -> Screen {
    match session.phase_at(t) {
        Phase::WarmUp => Screen::WarmUp,
        Phase::Working { item, set } => {
            let planned = &session.plan.items[item];
            match basics(&planned.exercise_id) {
                Some(e) => Screen::Set(
                    SetTarget {
                        exercise: e,
                        set,
                        sets: planned.sets,
                        reps: planned.target_reps,
                        load_kg: session.load_for(item),
                        load_from: planned.load_from,
                        load_step: step_of(e.id),
                        suggested: planned.suggested,
                        instead: (planned.equipment > 0)
                            .then(|| e.equipment.get(usize::from(planned.equipment)))
                            .flatten()
                            .map(|eq| eq.label()),
                        fresh: set == 1 && !session.sets.iter().any(|s| s.item == item),
                        equipment: planned.equipment,
                        can_wait: set == 1
                            && item + 1 < session.plan.items.len()
                            && !session.sets.iter().any(|s| s.item == item),
                    },
                    hurt_last_time(e.id),
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
            next: set_label(session, item, set),
            stopped: None,
        },
        Phase::BetweenExercises { item, until_ms } => Screen::Rest {
            until_ms,
            next: name_of(&session.plan.items[item].exercise_id).to_owned(),
            stopped: item
                .checked_sub(1)
                .filter(|&before| session.hurt_in(before))
                .map(|before| name_of(&session.plan.items[before].exercise_id).to_owned()),
        },
        Phase::Paused { from, .. } => Screen::Paused {
            left_ms: session.rest_left_ms(t),
            what: match *from {
                Phase::Working { item, set } | Phase::Resting { item, set, .. } => {
                    set_label(session, item, set)
                }
                Phase::BetweenExercises { item, .. } => {
                    format!("Next: {}", name_of(&session.plan.items[item].exercise_id))
                }
                _ => "Warm-up".to_owned(),
            },
        },
        Phase::Finished | Phase::StoppedForPain { .. } | Phase::Incomplete => {
            Screen::Ended(Box::new(session.clone()))
        }
    }
}

/// The guided session. Keeps exact time through screen locks and reloads:
/// the stored session holds absolute deadlines, and what the screen shows is
/// worked out from them and the clock on every frame. The rules live in
/// plain Rust (`session::dispatch`, `session::cues`); this island shows the
/// screen, sends events, and plays the cues.
// Lazy in the release build, which splits the wasm (feature `split`); the
// wasm tests run an unsplit wasm, where a lazy island could not load.
#[cfg_attr(feature = "split", island(lazy))]
#[cfg_attr(not(feature = "split"), island)]
pub fn SessionRunner() -> impl IntoView {
    let st = stores();
    let now = RwSignal::new(platform::now_ms());
    let error = RwSignal::new(None::<String>);
    // The session that just ended, for its summary (it has left `active`).
    let ended = RwSignal::new(None::<Session>);
    let wake_lock_missing = RwSignal::new(false);

    let live = move || st.active.with(|a| a.session.is_some());
    let clock = StoredValue::new_local(FrameClock::new(
        move |t| now.set(t),
        move || st.active.with_untracked(|a| a.session.is_some()),
    ));

    // Take the wake lock while a session runs; drop it when it ends.
    Effect::new(move |was_running: Option<bool>| {
        let running = live();
        if running {
            clock.with_value(FrameClock::start);
            if was_running != Some(true) && WakeLock::acquire() == WakeLockStatus::Unsupported {
                wake_lock_missing.set(true);
            }
        } else if was_running == Some(true) {
            WakeLock::release();
        }
        running
    });
    // When the page is back: the time again, the stale rule (a session
    // left too long is closed, not resumed), the wake lock and the clock
    // (the browser drops the one and pauses the other while hidden).
    Effect::new(move |_| {
        platform::on_visibility_change(move || {
            let t = platform::now_ms();
            now.set(t);
            if platform::is_visible() {
                st.close_stale_session(t, platform::utc_offset_min());
                if st.active.with_untracked(|a| a.session.is_some()) {
                    WakeLock::acquire();
                    clock.with_value(FrameClock::start);
                }
            }
        });
    });

    // Exercises that brought on pain last time: worked out when the
    // history changes, not on every frame of the clock.
    let hurt_before = Memo::new(move |_| {
        st.history.with(|h| {
            BASICS
                .iter()
                .map(|e| e.id)
                .filter(|id| h.hurt_last_time(id))
                .collect::<Vec<&'static str>>()
        })
    });
    let screen = Memo::new(move |_| {
        let t = now.get();
        if let Some(done) = ended.get() {
            return Screen::Ended(Box::new(done));
        }
        st.active.with(|a| match a.session.as_ref() {
            None => Screen::Check,
            Some(s) => hurt_before.with(|hurt| {
                st.prefs.with(|p| {
                    screen_of(s, t, |id| hurt.contains(&id), |id| p.load_step(id, p.unit))
                })
            }),
        })
    });

    // Sends an event; an ended session is in the history at once.
    let dispatch = Callback::new(move |event: Event| {
        let t = platform::now_ms();
        now.set(t);
        match st.dispatch(event, t, platform::utc_offset_min()) {
            Ok(Step::Applied) => error.set(None),
            Ok(Step::Ended(session)) => {
                error.set(None);
                ended.set(Some(session));
            }
            // The notice above the page says what happened and why.
            Ok(Step::Closed(_)) => error.set(None),
            Err(e) => error.set(Some(format!("That did not work: {e}."))),
        }
    });

    let start = Callback::new(move |()| {
        let t = platform::now_ms();
        let offset = platform::utc_offset_min();
        // The check screen is locked then too; this keeps the rule whatever
        // the screen showed.
        if st
            .history
            .with_untracked(|h| h.stopped_today(t, offset).is_some())
        {
            return;
        }
        // Loads carry over from the history (the suggestion for next time,
        // or the last working load).
        let plan = st.prefs.with_untracked(|p| {
            st.history
                .with_untracked(|h| Plan::for_prefs(p).with_history(h, p.unit))
        });
        let id = format!("{t:x}-{:08x}", platform::random_u32());
        if let Ok(session) = Session::new(id, plan, t) {
            ended.set(None);
            st.active.update(|a| a.session = Some(session));
        }
    });

    let prompts = move || st.prefs.with(|p| p.prompts);
    let unit = move || st.prefs.with(|p| p.unit);

    // Cues 3 s before the end of a rest and at its end (not when skipped),
    // each as switched on in settings.
    let cues = StoredValue::new(CueState::default());
    Effect::new(move |_| {
        let t = now.get();
        let rest_until = match screen.get() {
            Screen::Rest { until_ms, .. } => Some(until_ms),
            _ => None,
        };
        let Some(cue) = cues.try_update_value(|c| c.step(rest_until, t)).flatten() else {
            return;
        };
        let long = cue == Cue::Over;
        let (sound, vibration) = st.prefs.with_untracked(|p| (p.sound, p.vibration));
        if sound {
            platform::beep(
                if long { 880.0 } else { 660.0 },
                if long { 400 } else { 150 },
            );
        }
        if vibration {
            platform::vibrate(if long { &[300] } else { &[100] });
        }
    });

    // Each new screen opens at the top of the page with its heading
    // focused, so the stop control and the main action are in view and a
    // screen reader announces where the person is. Not on the first render:
    // a page that just opened is at its top already.
    let screen_key = Memo::new(move |_| match screen.get() {
        Screen::Check => "check".to_owned(),
        Screen::WarmUp => "warm-up".to_owned(),
        Screen::Set(t, _) => format!("set:{}:{}", t.exercise.id, t.set),
        Screen::Rest { next, .. } => format!("rest:{next}"),
        Screen::Paused { .. } => "paused".to_owned(),
        Screen::Ended(s) => format!("ended:{}", s.id),
    });
    // The screen under way, mounted into `host`; `generation` tells a
    // mount that finished late (its part of the wasm was loading) that the
    // screen has moved on since.
    let host = NodeRef::<leptos::html::Div>::new();
    let mounted = StoredValue::new_local(None::<Mounted>);
    let generation = StoredValue::new(0_u64);
    // Set when the screens' part of the wasm could not load; "Try again"
    // bumps `retry`.
    let not_loaded = RwSignal::new(false);
    let retry = RwSignal::new(0_u32);
    // True while a screen waits for its part of the wasm: only ever seen
    // the first time, with no signal and nothing kept yet (the loader
    // retries until the signal is back).
    let loading = RwSignal::new(false);
    Effect::new(move |before: Option<String>| {
        let key = screen_key.get();
        let shown = screen.get();
        let (prompts, unit) = (prompts(), unit());
        retry.track();
        let focus = before.is_some_and(|b| b != key);
        let this = generation.get_value() + 1;
        generation.set_value(this);
        mounted.set_value(None);
        not_loaded.set(false);
        loading.set(false);
        // Tracked: the runner's body (and `host` in it) is built just
        // after this first runs (see `frame`).
        let Some(parent) = host.get() else {
            return key;
        };
        if shown == Screen::Check {
            if focus {
                platform::show_screen_top("[data-screen-title]");
            }
            return key;
        }
        let parts = Parts {
            now,
            dispatch,
            ended,
            prompts,
            unit,
        };
        loading.set(true);
        leptos::task::spawn_local_scoped(async move {
            let screen = in_session::mount(parent.into(), shown, parts).await;
            if generation.get_value() != this {
                return;
            }
            loading.set(false);
            match screen {
                Ok(screen) => {
                    mounted.set_value(Some(screen));
                    if focus {
                        platform::show_screen_top("[data-screen-title]");
                    }
                }
                Err(in_session::NotLoaded) => not_loaded.set(true),
            }
        });
        key
    });

    frame(move || {
        view! {
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
            {move || matches!(screen.get(), Screen::Check).then(|| view! { <SafetyCheck on_start=start now=now /> })}
            // What to do after Stop: part of the runner, so it never waits
            // for a download.
            {move || screen.with(|s| matches!(s, Screen::Ended(s) if matches!(s.phase, Phase::StoppedForPain { .. })))
                .then(|| view! { <StoppedScreen /> })}
            // The other screens are mounted here (see `in_session`).
            <div class="session-screen" node_ref=host></div>
            {move || loading.get().then(|| view! {
                <p class="hint" role="status" data-testid="screen-loading">"Loading this screen: the first time, it needs a signal. The session is saved."</p>
            })}
            {move || not_loaded.get().then(|| view! {
                <section class="panel" data-testid="screen-not-loaded" role="alert">
                    <p>"This screen could not load: the connection did not bring it (no signal, or a Wi-Fi sign-in page), and this device has not kept it yet. The session and every logged set are saved."</p>
                    <button type="button" class="button button-primary button-huge" data-testid="retry-screen" on:click=move |_| retry.update(|n| *n += 1)>
                        "Try again"
                    </button>
                </section>
            })}
            {move || {
                matches!(screen.get(), Screen::WarmUp | Screen::Set(..) | Screen::Rest { .. }).then(|| view! {
                    <div class="session-controls">
                        <button type="button" class="button" data-testid="pause" on:click=move |_| dispatch.run(Event::Pause)>"Pause"</button>
                        <button type="button" class="button" data-testid="finish" on:click=move |_| dispatch.run(Event::Finish)>"End session"</button>
                    </div>
                })
            }}
        }
    })
}

/// The runner's frame around `body`. The server renders the body into the
/// page (it always shows the safety check, since it cannot see the stored
/// session), so the check is there at first paint. The browser builds the
/// body afresh in its place once the island has woken, instead of hydrating
/// it: its reactive parts need their build code anyway, and hydration code
/// came on top (1.4 KB of brotli on the session page, measured). The swap
/// happens before the next paint, and nothing could be tapped before it
/// anyway (the buttons only work once the island has woken); a button
/// focused from the keyboard before then keeps it (`platform::keep_focus`).
#[cfg(feature = "ssr")]
fn frame<V: IntoView + 'static>(body: impl FnOnce() -> V + 'static) -> impl IntoView {
    view! { <div class="runner" data-testid="runner">{body()}</div> }
}

#[cfg(not(feature = "ssr"))]
fn frame<V: IntoView + 'static>(body: impl FnOnce() -> V + 'static) -> impl IntoView {
    let root = NodeRef::<leptos::html::Div>::new();
    root.on_load(move |el| {
        crate::platform::keep_focus(&el, || {
            el.set_inner_html("");
            // Kept for the life of the page, as Leptos keeps every island:
            // the runner is never taken off it. (A handle kept to drop
            // would only add its clean-up code to the download.)
            leptos::mount::mount_to_renderer(&el, body).forget();
        });
    });
    view! { <div class="runner" data-testid="runner" node_ref=root></div> }
}
