use super::{frame, in_session};
use crate::{
    platform::{self, FrameClock, WakeLock, WakeLockStatus},
    program::BASICS,
    screening::{Answers, Check},
    session::{
        Event, Phase, Plan, Session, Step, Symptom,
        cues::{Cue, CueState},
        screen::{EFFORTS, Field, Screen, SetEntry, Tap, clock, screen_of, toggle_felt},
    },
    state::stores,
    ui::screening::safety_check,
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
    let frames = StoredValue::new_local(FrameClock::new(
        move |t| now.set(t),
        move || st.active.with_untracked(|a| a.session.is_some()),
    ));

    // Take the wake lock while a session runs; drop it when it ends.
    Effect::new(move |was_running: Option<bool>| {
        let running = live();
        if running {
            frames.with_value(FrameClock::start);
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
                    frames.with_value(FrameClock::start);
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

    let begin = move || {
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
    };

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

    // The runner's frame is markup (see `frame`): the server's copy is the
    // one the browser keeps. `ready` is set once the island holds it; each
    // part is written into its `data-part` element only when its markup
    // changed (`parts` holds what each has; none yet is an empty part), so
    // a focused button stays focused.
    let root = NodeRef::<leptos::html::Div>::new();
    let ready = RwSignal::new(false);
    let first_check = safety_check::check(&Answers::default(), None);
    let parts = StoredValue::new(vec![
        ("check", first_check.clone()),
        ("verdict", safety_check::verdict(&Answers::default())),
        ("start", safety_check::start(false)),
    ]);
    let find = move |selector: &str| {
        root.get_untracked()
            .and_then(|r| r.query_selector(selector).ok().flatten())
    };
    let write = move |name: &'static str, markup: String| -> bool {
        let same = parts.with_value(|p| {
            p.iter()
                .find(|(n, _)| *n == name)
                .map_or(markup.is_empty(), |(_, m)| *m == markup)
        });
        if same {
            return false;
        }
        if let Some(el) = find(&format!("[data-part={name}]")) {
            el.set_inner_html(&markup);
        }
        parts.update_value(|p| {
            p.retain(|(n, _)| *n != name);
            p.push((name, markup));
        });
        true
    };

    // The screen under way is written into `.session-screen` as markup
    // (see `in_session`), and its buttons act through `on_tap`.
    // `generation` tells markup that came late (its part of the wasm was
    // loading) that the screen has moved on since; `written` is the markup
    // there, so the same screen worked out again (a rest made longer) is
    // left as it is, with its focus; `entry` is what was entered on the set
    // on screen; `stopped` is the ended session whose symptoms are marked.
    let generation = StoredValue::new(0_u64);
    let written = StoredValue::new(String::new());
    let entry = StoredValue::new(SetEntry::default());
    let stopped = StoredValue::new(None::<Session>);
    // The safety check's answers so far.
    let answers = RwSignal::new(Answers::default());
    // Set when the screens' part of the wasm could not load; "Try again"
    // bumps `retry`.
    let not_loaded = RwSignal::new(false);
    let retry = RwSignal::new(0_u32);
    // True while a screen waits for its part of the wasm: only ever seen
    // the first time, with no signal and nothing kept yet (the loader
    // retries until the signal is back).
    let loading = RwSignal::new(false);

    // What the frame shows around the screen.
    Effect::new(move |_| {
        if !ready.get() {
            return;
        }
        let shown = screen.get();
        let on = |yes: bool, markup: &str| {
            if yes {
                markup.to_owned()
            } else {
                String::new()
            }
        };
        let stopped =
            matches!(&shown, Screen::Ended(s) if matches!(s.phase, Phase::StoppedForPain { .. }));
        write("stop", on(shown.under_way(), frame::STOP));
        write("wake-lock", on(wake_lock_missing.get(), frame::WAKE_LOCK));
        write(
            "error",
            error.with(|e| e.as_deref().map(frame::error).unwrap_or_default()),
        );
        write(
            "stopped",
            if stopped {
                frame::stopped()
            } else {
                String::new()
            },
        );
        write("loading", on(loading.get(), frame::LOADING));
        write("not-loaded", on(not_loaded.get(), frame::NOT_LOADED));
        let controls = matches!(
            shown,
            Screen::WarmUp | Screen::Set(..) | Screen::Rest { .. }
        );
        write("controls", on(controls, frame::CONTROLS));
    });

    // The safety check, on the check screen only: written fresh (no
    // answers) each time it comes back, with its heading focused; locked
    // for the rest of a day whose session was stopped for pain.
    Effect::new(move |_| {
        if !ready.get() {
            return;
        }
        if screen.with(|s| *s != Screen::Check) {
            write("check", String::new());
            return;
        }
        if write("check", first_check.clone()) {
            answers.set(Answers::default());
            write("verdict", safety_check::verdict(&Answers::default()));
            write("start", safety_check::start(false));
            platform::show_screen_top("[data-screen-title]");
        }
        let t = now.get();
        let locked_ago = st.history.with(|h| {
            h.stopped_today(t, platform::utc_offset_min())
                .map(|s| t.saturating_sub(s.ended_ms.unwrap_or(t)))
        });
        let picked = answers.get();
        write("locked", safety_check::locked(locked_ago));
        write("verdict", safety_check::verdict(&picked));
        write(
            "start",
            safety_check::start(picked.all_yes() && locked_ago.is_none()),
        );
        if let Some(questions) = find("[data-questions]") {
            let _ = questions
                .class_list()
                .toggle_with_force("hidden", locked_ago.is_some());
        }
    });

    // The rest countdown's digits, and its deadline for tests and
    // benchmarks: written on every frame, only when they change.
    let show_countdown = move |t: u64| {
        // Read in place: this runs on every frame, and a clone of the
        // screen would copy its text each time.
        let Some(until_ms) = screen.with_untracked(|s| match s {
            Screen::Rest { until_ms, .. } => Some(*until_ms),
            _ => None,
        }) else {
            return;
        };
        let Some(el) = find("[data-testid=countdown]") else {
            return;
        };
        let digits = clock(until_ms.saturating_sub(t));
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
        // Tracked: the frame is the island's once it has woken.
        if !ready.get() {
            return key;
        }
        let Some(host) = find(".session-screen") else {
            return key;
        };
        // Another screen: the last one's buttons go at once, so a tap can
        // never act on a screen that has moved on.
        if focus || shown == Screen::Check {
            host.set_inner_html("");
            written.set_value(String::new());
        }
        if shown == Screen::Check {
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
                host.set_inner_html(&markup);
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

    // Every button of the runner, by what its markup names.
    let on_tap = move |ev: web_sys::MouseEvent| {
        let press = |tap: &str, on: bool| {
            if let Some(el) = find(&format!("[data-tap='{tap}']")) {
                let _ = el.set_attribute("aria-pressed", if on { "true" } else { "false" });
            }
        };
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
            // Answers are stored with the date as soon as all four are
            // given.
            Tap::Answer(i, yes) => {
                let mut picked = answers.get_untracked();
                if let Some(all) = picked.answer(i, yes) {
                    st.screening.update(|l| {
                        l.record(Check {
                            at_ms: platform::now_ms(),
                            utc_offset_min: platform::utc_offset_min(),
                            answers: all,
                        })
                    });
                }
                answers.set(picked);
                press(&format!("answer:{i}:yes"), yes);
                press(&format!("answer:{i}:no"), !yes);
            }
            Tap::Begin => {
                if answers.get_untracked().all_yes() {
                    begin();
                }
            }
            Tap::Retry => retry.update(|n| *n += 1),
        }
    };

    frame(root, ready, on_tap)
}

/// The runner's frame. The server renders it with the safety check (it
/// cannot see the stored session), so the check is there at first paint,
/// and the browser keeps that copy: the island only takes it over (`ready`)
/// and acts on its taps. Should the copy not be the runner's (a page
/// kept from another build), it is written again.
#[cfg(feature = "ssr")]
fn frame(
    _: NodeRef<leptos::html::Div>,
    _: RwSignal<bool>,
    _: impl Fn(web_sys::MouseEvent) + 'static,
) -> impl IntoView {
    let markup = frame::markup(&safety_check::check(&Answers::default(), None));
    view! { <div class="runner" data-testid="runner" inner_html=markup></div> }
}

#[cfg(not(feature = "ssr"))]
fn frame(
    root: NodeRef<leptos::html::Div>,
    ready: RwSignal<bool>,
    on_tap: impl Fn(web_sys::MouseEvent) + 'static,
) -> impl IntoView {
    root.on_load(move |el| {
        if el
            .query_selector(".session-screen")
            .ok()
            .flatten()
            .is_none()
        {
            el.set_inner_html(&frame::markup(&safety_check::check(
                &Answers::default(),
                None,
            )));
        }
        ready.set(true);
    });
    view! { <div class="runner" data-testid="runner" node_ref=root on:click=on_tap></div> }
}
