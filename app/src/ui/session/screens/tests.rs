//! The screens' markup: what each shows, and that every button names a tap
//! the runner knows.

use super::*;
use crate::session::{
    Event, Plan, PlanItem,
    screen::{Tap, screen_of},
};

const T0: u64 = 1_764_000_000_000;
const S: u64 = 1000;

fn session(load_kg: Option<f32>) -> Session {
    let item = |id: &str| PlanItem {
        exercise_id: id.into(),
        sets: 2,
        target_reps: 15,
        load_kg,
        rest_s: 90,
        suggested: true,
        load_from: LoadFrom::LastTime,
        equipment: 0,
    };
    let plan = Plan {
        items: vec![item("leg-press"), item("leg-curl")],
    };
    Session::new("s1".into(), plan, T0).unwrap()
}

/// A session at 40 kg with its first set logged at `T0 + S`.
fn one_set_done() -> Session {
    let mut s = session(Some(40.0));
    s.apply(Event::Start, T0).unwrap();
    s.apply(
        Event::SetDone {
            reps: 15,
            load_kg: Some(40.0),
            effort: None,
            pain: None,
        },
        T0 + S,
    )
    .unwrap();
    s
}

fn markup_at(s: &Session, t: u64, prompts: bool) -> String {
    screen(&screen_of(s, t, |_| false, |_| 5.0), prompts, Unit::Kg)
}

/// Every value of attribute `name` in `markup`, in order.
fn values<'a>(markup: &'a str, name: &str) -> Vec<&'a str> {
    let pattern = format!(" {name}=\"");
    markup
        .match_indices(&pattern)
        .map(|(i, p)| {
            let rest = &markup[i + p.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect()
}

/// True when every button's tap is one the runner acts on.
fn taps_known(markup: &str) {
    for tap in values(markup, "data-tap") {
        assert!(Tap::parse(tap).is_some(), "{tap:?}");
    }
    for step in values(markup, "data-step") {
        assert!(Field::from_id(step).is_some(), "{step:?}");
    }
    assert_eq!(
        markup.matches("<button").count(),
        values(markup, "data-tap").len() + values(markup, "data-step").len(),
        "every button does something"
    );
}

#[test]
fn the_warm_up_links_its_steps_and_starts_the_first_set() {
    let m = markup_at(&session(None), T0, false);
    assert!(m.contains(r#"data-testid="warm-up""#));
    assert!(m.contains(r#"<a href="/warm-up">"#));
    assert!(
        m.contains(r#"data-testid="start-first-set" data-tap="start">Warm-up done: first set<"#)
    );
    taps_known(&m);
}

#[test]
fn a_first_set_with_no_load_asks_for_one_first() {
    let mut s = session(None);
    s.apply(Event::Start, T0).unwrap();
    let m = markup_at(&s, T0, true);
    assert!(m.contains(r#"data-exercise="leg-press" data-set="1""#));
    assert!(
        m.contains(r#"<h2 class="set-exercise" data-screen-title="" tabindex="-1">Leg press</h2>"#)
    );
    assert!(m.contains(r#"Set 1 of 2<span class="tag">suggested</span>"#));
    assert!(m.contains(r#"<span data-target-text="">15 reps</span></span>"#));
    assert!(
        !m.contains("load-from"),
        "no load, so no word on where it came from"
    );
    // The load stepper is in view, above the adjust controls, and only
    // there.
    let find = m.find(r#"data-testid="find-load""#).unwrap();
    let details = m.find(r#"class="set-details""#).unwrap();
    let load = m.find(r#"data-testid="load-value""#).unwrap();
    assert!(find < load && load < details);
    assert_eq!(m.matches(r#"data-testid="load-value""#).count(), 1);
    assert!(m.contains("start at half your body weight (the program)."));
    assert_eq!(
        values(&m, "data-step"),
        ["load", "load", "reps", "reps", "pain", "pain"]
    );
    assert_eq!(values(&m, "data-by"), ["-1", "1", "-1", "1", "-1", "1"]);
    assert!(m.contains(r#"aria-label="Pain (0–10): more""#));
    assert!(m.contains(r#"data-testid="prompt""#));
    assert!(m.contains(r#"<div class="illus" role="img" aria-label="Drawing: leg press"><svg"#));
    assert!(
        m.contains(r#"data-testid="do-later""#),
        "the leg curl follows"
    );
    assert!(m.contains(r#"as &quot;This hurts&quot; does."#));
    // Set done comes after the adjust controls.
    assert!(details < m.find(r#"data-testid="set-done""#).unwrap());
    taps_known(&m);
}

#[test]
fn a_set_with_a_load_says_where_it_came_from() {
    let mut s = session(Some(40.0));
    s.apply(Event::Start, T0).unwrap();
    let m = markup_at(&s, T0, false);
    assert!(m.contains(
        r#"<span data-target-text="">15 reps at 40 kg</span><span class="tag" data-testid="load-from">as last time</span>"#
    ));
    assert!(!m.contains("find-load"));
    assert!(!m.contains(r#"data-testid="prompt""#));
    assert_eq!(values(&m, "aria-pressed"), ["false"; 3], "no effort yet");
    taps_known(&m);
}

#[test]
fn a_rest_leaves_its_digits_to_the_runner() {
    let mut s = one_set_done();
    let m = markup_at(&s, T0 + 2 * S, false);
    assert!(m.contains(r#"<h2 id="rest-title" data-screen-title tabindex="-1">Rest</h2>"#));
    assert!(m.contains("Next: Leg press, set 2 of 2"));
    assert!(m.contains(r#"data-testid="countdown" role="timer" aria-live="off"></p>"#));
    assert!(!m.contains("exercise-stopped"));
    // The same rest a second on, or made longer, is the same markup.
    s.apply(Event::AdjustRest(15), T0 + 3 * S).unwrap();
    assert_eq!(markup_at(&s, T0 + 4 * S, false), m);
    taps_known(&m);
}

#[test]
fn after_this_hurts_the_exercise_stopped_comes_first_and_the_rest_is_compact() {
    let mut s = session(Some(40.0));
    s.apply(Event::Start, T0).unwrap();
    s.apply(
        Event::Hurts {
            reps: 4,
            load_kg: Some(40.0),
            effort: None,
            pain: Some(4),
        },
        T0 + S,
    )
    .unwrap();
    let m = markup_at(&s, T0 + 2 * S, false);
    let stopped = m.find("Leg press stopped for today").unwrap();
    assert!(stopped < m.find("rest-compact").unwrap());
    assert_eq!(
        m.matches("data-screen-title").count(),
        1,
        "one heading to land on"
    );
    assert!(m.contains(r#"class="visually-hidden""#));
    assert!(m.contains("Next: Leg curl"));
    taps_known(&m);
}

#[test]
fn paused_shows_the_rest_left() {
    let mut s = session(Some(40.0));
    s.apply(Event::Start, T0).unwrap();
    s.apply(Event::Pause, T0 + S).unwrap();
    let m = markup_at(&s, T0 + 2 * S, false);
    assert!(m.contains(r#"<p class="next">Leg press, set 1 of 2</p>"#));
    assert!(!m.contains("countdown"), "no rest under way");
    let paused = screen(
        &Screen::Paused {
            left_ms: Some(61_000),
            what: "Next: <Leg curl>".into(),
        },
        false,
        Unit::Kg,
    );
    assert!(paused.contains(r#"<p class="countdown">1:01</p>"#));
    assert!(paused.contains("Next: &lt;Leg curl&gt;"), "text stays text");
    taps_known(&m);
}

#[test]
fn a_stopped_session_asks_what_was_felt_above_its_summary() {
    let mut s = one_set_done();
    s.apply(Event::StopForPain(vec![Symptom::Numbness]), T0 + 2 * S)
        .unwrap();
    let m = screen(&Screen::Ended(Box::new(s)), false, Unit::Kg);
    assert!(m.find(r#"data-testid="felt""#).unwrap() < m.find(r#"data-testid="summary""#).unwrap());
    assert_eq!(
        values(&m, "aria-pressed"),
        ["false", "false", "true", "false"]
    );
    assert!(m.contains(">What was logged</h2>"));
    assert!(m.contains(r#"<dt>Sets</dt><dd data-testid="summary-sets">1</dd>"#));
    assert!(m.contains("<dt>Volume</dt><dd>600 kg</dd>"));
    assert!(m.contains("Stopped for pain. It is in your log."));
    assert!(m.ends_with(r#"data-testid="done" data-tap="close">Done</button>"#));
    taps_known(&m);
}

#[test]
fn a_finished_session_names_what_was_skipped() {
    let mut s = session(Some(40.0));
    s.apply(Event::Start, T0).unwrap();
    s.apply(Event::SkipExercise, T0 + S).unwrap();
    s.apply(Event::Finish, T0 + 2 * S).unwrap();
    let m = screen(&Screen::Ended(Box::new(s)), false, Unit::Kg);
    assert!(!m.contains(r#"data-testid="felt""#));
    assert!(m.contains(">Session done</h2>"));
    assert!(m.contains("<p>Skipped: Leg press"), "{m}");
    taps_known(&m);
}

#[test]
fn the_safety_check_is_the_runners_own() {
    assert_eq!(screen(&Screen::Check, true, Unit::Kg), "");
}
