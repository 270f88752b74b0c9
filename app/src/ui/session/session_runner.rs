use super::StoppedScreen;
use super::in_session;
use crate::{
    platform::{self, FrameClock, WakeLock, WakeLockStatus},
    program::BASICS,
    session::{
        Event, Phase, Plan, Session, Step, Symptom,
        cues::{Cue, CueState},
        screen::{EFFORTS, Field, Screen, SetEntry, Tap, screen_of, toggle_felt},
    },
    state::stores,
    ui::screening::SafetyCheck,
};
use leptos::prelude::*;

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

    // The screen under way is written into `host` as markup (see
    // `in_session`), and its buttons act through `on_tap`. `generation`
    // tells markup that came late (its part of the wasm was loading) that
    // the screen has moved on since; `written` is the markup in `host`, so
    // the same screen worked out again (a rest made longer) is left as it
    // is, with its focus; `entry` is what was entered on the set on screen;
    // `stopped` is the ended session whose symptoms are being marked.
    let host = NodeRef::<leptos::html::Div>::new();
    let generation = StoredValue::new(0_u64);
    let written = StoredValue::new(String::new());
    let entry = StoredValue::new(SetEntry::default());
    let stopped = StoredValue::new(None::<Session>);
    // Set when the screens' part of the wasm could not load; "Try again"
    // bumps `retry`.
    let not_loaded = RwSignal::new(false);
    let retry = RwSignal::new(0_u32);
    // True while a screen waits for its part of the wasm: only ever seen
    // the first time, with no signal and nothing kept yet (the loader
    // retries until the signal is back).
    let loading = RwSignal::new(false);

    // The rest countdown's digits, and its deadline for tests and
    // benchmarks: written on every frame, only when they change.
    let show_countdown = move |t: u64| {
        let Screen::Rest { until_ms, .. } = screen.get_untracked() else {
            return;
        };
        let Some(el) = host
            .get_untracked()
            .and_then(|h| h.query_selector("[data-testid=countdown]").ok().flatten())
        else {
            return;
        };
        let digits = crate::session::screen::clock(until_ms.saturating_sub(t));
        if el.text_content().as_deref() != Some(digits.as_str()) {
            el.set_text_content(Some(&digits));
        }
        let until = until_ms.to_string();
        if el.get_attribute("data-until").as_deref() != Some(until.as_str()) {
            let _ = el.set_attribute("data-until", &until);
        }
    };
    Effect::new(move |_| {
        let t = now.get();
        screen.track();
        show_countdown(t);
    });

    // Each new screen opens at the top of the page with its heading
    // focused, so the stop control and the main action are in view and a
    // screen reader announces where the person is. Not on the first render:
    // a page that just opened is at its top already.
    Effect::new(move |before: Option<String>| {
        let shown = screen.get();
        let key = shown.key();
        let (prompts, unit) = (prompts(), unit());
        retry.track();
        let focus = before.is_some_and(|b| b != key);
        let this = generation.get_value() + 1;
        generation.set_value(this);
        not_loaded.set(false);
        loading.set(false);
        // Tracked: the runner's body (and `host` in it) is built just
        // after this first runs (see `frame`).
        let Some(parent) = host.get() else {
            return key;
        };
        // Another screen: the last one's buttons go at once, so a tap can
        // never act on a screen that has moved on.
        if focus || shown == Screen::Check {
            parent.set_inner_html("");
            written.set_value(String::new());
        }
        if shown == Screen::Check {
            if focus {
                platform::show_screen_top("[data-screen-title]");
            }
            return key;
        }
        loading.set(true);
        leptos::task::spawn_local_scoped(async move {
            let markup = in_session::markup(shown.clone(), prompts, unit).await;
            if generation.get_value() != this {
                return;
            }
            loading.set(false);
            let Ok(markup) = markup else {
                not_loaded.set(true);
                return;
            };
            if written.with_value(|w| *w != markup) {
                parent.set_inner_html(&markup);
                written.set_value(markup);
                match &shown {
                    Screen::Set(target, _) => entry.set_value(SetEntry::new(target)),
                    Screen::Ended(session) => stopped.set_value(Some((**session).clone())),
                    _ => {}
                }
            }
            show_countdown(now.get_untracked());
            if focus {
                platform::show_screen_top("[data-screen-title]");
            }
        });
        key
    });

    // Every button of the screens, by what its markup names.
    let on_tap = move |ev: web_sys::MouseEvent| {
        let Some(root) = host.get_untracked() else {
            return;
        };
        let find = |selector: &str| root.query_selector(selector).ok().flatten();
        if let Some(field) =
            platform::closest_attr(&ev, "data-step").and_then(|f| Field::from_id(&f))
        {
            let up = platform::closest_attr(&ev, "data-by").as_deref() == Some("1");
            let Screen::Set(target, _) = screen.get_untracked() else {
                return;
            };
            let unit = st.prefs.with_untracked(|p| p.unit);
            entry.update_value(|e| e.step(field, up, unit, target.load_step));
            let e = entry.get_value();
            if let Some(el) = find(&format!("[data-testid={}-value]", field.id())) {
                el.set_text_content(Some(&e.shown(field, unit)));
            }
            if let Some(el) = find("[data-target-text]") {
                el.set_text_content(Some(&e.target_text(target.reps, unit)));
            }
            return;
        }
        let Some(tap) = platform::closest_attr(&ev, "data-tap").and_then(|t| Tap::parse(&t)) else {
            return;
        };
        let press = |tap: &str, on: bool| {
            if let Some(el) = find(&format!("[data-tap='{tap}']")) {
                let _ = el.set_attribute("aria-pressed", if on { "true" } else { "false" });
            }
        };
        match tap {
            Tap::Send(event) => dispatch.run(event.event()),
            Tap::Log(hurt) => dispatch.run(entry.get_value().log(hurt)),
            Tap::Effort(i) => {
                entry.update_value(|e| e.effort = Some(EFFORTS[i].0));
                for j in 0..EFFORTS.len() {
                    press(&format!("effort:{j}"), j == i);
                }
            }
            // What was felt is marked on the stopped session in the
            // history as each is tapped, for the log and the report; the
            // summary stays as it is (and the tapped button keeps focus).
            Tap::Felt(i) => {
                let marked = stopped
                    .try_update_value(|s| s.as_mut().and_then(|s| toggle_felt(s, Symptom::ALL[i])))
                    .flatten();
                if let Some(on) = marked {
                    press(&format!("felt:{i}"), on);
                    if let Some(session) = stopped.get_value() {
                        st.history.update(|h| h.upsert(session));
                    }
                }
            }
            Tap::Close => ended.set(None),
        }
    };

    frame(move || {
        view! {
            {move || {
                screen.with(Screen::under_way).then(|| view! {
                    <button type="button" class="stop-button" data-testid="stop-session" on:click=move |_| dispatch.run(Event::StopForPain(Vec::new()))>
                        "Stop: pain, numbness or tingling"
                    </button>
                })
            }}
            {move || wake_lock_missing.get().then(|| view! { <p class="hint" data-testid="no-wake-lock">"This browser can't keep the screen on: the timer keeps exact time anyway, even if the screen locks."</p> })}
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            {move || matches!(screen.get(), Screen::Check).then(|| view! { <SafetyCheck on_start=start now=now /> })}
            // What to do after Stop: part of the runner, so it never waits
            // for a download.
            {move || screen.with(|s| matches!(s, Screen::Ended(s) if matches!(s.phase, Phase::StoppedForPain { .. })))
                .then(|| view! { <StoppedScreen /> })}
            // The other screens are written here (see `in_session`).
            <div class="session-screen" node_ref=host on:click=on_tap></div>
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
