//! The screen worked out from the session and the clock, what a set's
//! steppers enter, and the taps the screens' markup names.

use super::*;
use crate::session::{Plan, PlanItem};

const T0: u64 = 1_764_000_000_000;
const S: u64 = 1000;

fn item(id: &str, sets: u16, load_kg: Option<f32>) -> PlanItem {
    PlanItem {
        exercise_id: id.into(),
        sets,
        target_reps: 15,
        load_kg,
        rest_s: 90,
        suggested: false,
        load_from: LoadFrom::Unknown,
        equipment: 0,
    }
}

/// Two sets of leg press with no load known, then two of leg curl at 20 kg.
fn session() -> Session {
    let plan = Plan {
        items: vec![item("leg-press", 2, None), item("leg-curl", 2, Some(20.0))],
    };
    Session::new("s1".into(), plan, T0).unwrap()
}

fn screen(s: &Session, t: u64) -> Screen {
    screen_of(s, t, |id| id == "leg-curl", |_| 5.0)
}

fn done(reps: u16) -> Event {
    Event::SetDone {
        reps,
        load_kg: Some(20.0),
        effort: None,
        pain: None,
    }
}

#[test]
fn a_session_goes_from_warm_up_to_a_set_to_its_rest() {
    let mut s = session();
    assert_eq!(screen(&s, T0), Screen::WarmUp);
    assert!(Screen::WarmUp.under_way());

    s.apply(Event::Start, T0 + S).unwrap();
    let Screen::Set(target, hurt) = screen(&s, T0 + S) else {
        panic!("a set");
    };
    assert_eq!(target.exercise.id, "leg-press");
    assert_eq!((target.set, target.sets, target.reps), (1, 2, 15));
    assert!(!hurt, "the leg press did not hurt last time");
    assert!(target.first_time(), "no load known: find one first");
    assert!(target.fresh && target.can_wait);
    assert_eq!(target.load_step, 5.0);

    s.apply(done(15), T0 + 2 * S).unwrap();
    let rest = screen(&s, T0 + 3 * S);
    let Screen::Rest {
        until_ms,
        next,
        stopped,
    } = &rest
    else {
        panic!("a rest, not {rest:?}");
    };
    assert_eq!(*until_ms, T0 + 2 * S + 90 * S);
    assert_eq!(next, "Leg press, set 2 of 2");
    assert_eq!(*stopped, None);
    assert_eq!(rest.key(), "rest:Leg press, set 2 of 2");

    // The deadline passed: set 2, which starts at set 1's load.
    let Screen::Set(target, _) = screen(&s, T0 + 93 * S) else {
        panic!("set 2");
    };
    assert_eq!(target.set, 2);
    assert_eq!(target.load_kg, Some(20.0));
    assert!(!target.first_time() && !target.fresh && !target.can_wait);
}

#[test]
fn a_longer_rest_is_the_same_screen_and_another_set_is_a_new_one() {
    let mut s = session();
    s.apply(Event::Start, T0).unwrap();
    let set_1 = screen(&s, T0).key();
    s.apply(done(15), T0 + S).unwrap();
    let before = screen(&s, T0 + S);
    s.apply(Event::AdjustRest(15), T0 + 2 * S).unwrap();
    let after = screen(&s, T0 + 2 * S);
    assert_ne!(before, after, "the deadline moved");
    assert_eq!(before.key(), after.key());
    s.apply(Event::SkipRest, T0 + 3 * S).unwrap();
    let set_2 = screen(&s, T0 + 3 * S).key();
    assert_eq!(set_1, "set:leg-press:1");
    assert_eq!(set_2, "set:leg-press:2");
}

#[test]
fn an_exercise_that_hurts_is_named_above_the_rest_before_the_next() {
    let mut s = session();
    s.apply(Event::Start, T0).unwrap();
    s.apply(
        Event::Hurts {
            reps: 8,
            load_kg: Some(20.0),
            effort: None,
            pain: Some(3),
        },
        T0 + S,
    )
    .unwrap();
    let Screen::Rest { next, stopped, .. } = screen(&s, T0 + 2 * S) else {
        panic!("the rest before the next exercise");
    };
    assert_eq!(next, "Leg curl");
    assert_eq!(stopped.as_deref(), Some("Leg press"));

    // The leg curl brought on pain last time: its set says so.
    s.apply(Event::SkipRest, T0 + 3 * S).unwrap();
    let Screen::Set(target, hurt) = screen(&s, T0 + 3 * S) else {
        panic!("the leg curl");
    };
    assert_eq!(target.exercise.id, "leg-curl");
    assert!(hurt);
    assert!(!target.can_wait, "nothing follows the last exercise");
}

#[test]
fn paused_shows_what_was_under_way_and_the_rest_left() {
    let mut s = session();
    s.apply(Event::Start, T0).unwrap();
    s.apply(done(15), T0 + S).unwrap();
    s.apply(Event::Pause, T0 + 31 * S).unwrap();
    assert_eq!(
        screen(&s, T0 + 500 * S),
        Screen::Paused {
            left_ms: Some(60 * S),
            what: "Leg press, set 2 of 2".to_owned(),
        }
    );
    assert!(screen(&s, T0 + 500 * S).under_way());
}

#[test]
fn an_ended_session_shows_its_summary_with_nothing_under_way() {
    let mut s = session();
    s.apply(Event::StopForPain(vec![]), T0 + S).unwrap();
    let ended = screen(&s, T0 + 2 * S);
    assert!(matches!(&ended, Screen::Ended(e) if e.id == "s1"));
    assert_eq!(ended.key(), "ended:s1");
    assert!(!ended.under_way() && !Screen::Check.under_way());
}

#[test]
fn the_clock_rounds_up_to_whole_seconds() {
    assert_eq!(clock(90_000), "1:30");
    assert_eq!(clock(89_001), "1:30");
    assert_eq!(clock(89_000), "1:29");
    assert_eq!(clock(1), "0:01");
    assert_eq!(clock(0), "0:00");
    assert_eq!(clock(600_000), "10:00");
}

fn first_set() -> SetTarget {
    let mut s = session();
    s.apply(Event::Start, T0).unwrap();
    match screen(&s, T0) {
        Screen::Set(target, _) => target,
        other => panic!("a set, not {other:?}"),
    }
}

#[test]
fn steppers_stay_within_their_bounds() {
    let target = first_set();
    let mut e = SetEntry::new(&target);
    assert_eq!(e.shown(Field::Reps, Unit::Kg), "15");
    assert_eq!(e.shown(Field::Load, Unit::Kg), "—");
    assert_eq!(e.shown(Field::Pain, Unit::Kg), "—");
    assert_eq!(e.target_text(15, Unit::Kg), "15 reps");

    for _ in 0..20 {
        e.step(Field::Reps, false, Unit::Kg, 5.0);
        e.step(Field::Pain, false, Unit::Kg, 5.0);
        e.step(Field::Load, false, Unit::Kg, 5.0);
    }
    assert_eq!((e.reps, e.pain, e.load_kg), (0, Some(0), Some(0.0)));
    for _ in 0..(MAX_REPS + 5) {
        e.step(Field::Reps, true, Unit::Kg, 5.0);
        e.step(Field::Pain, true, Unit::Kg, 5.0);
    }
    assert_eq!((e.reps, e.pain), (MAX_REPS, Some(10)));
    e.step(Field::Load, true, Unit::Kg, 5.0);
    e.step(Field::Load, true, Unit::Kg, 5.0);
    assert_eq!(e.shown(Field::Load, Unit::Kg), "10 kg");
    assert_eq!(e.target_text(15, Unit::Kg), "15 reps at 10 kg");
}

#[test]
fn the_load_moves_by_the_machines_step_in_the_shown_unit() {
    let mut e = SetEntry {
        load_kg: Some(20.0),
        ..SetEntry::default()
    };
    assert_eq!(e.shown(Field::Load, Unit::Lb), "44.1 lb");
    e.step(Field::Load, true, Unit::Lb, 10.0);
    assert_eq!(e.shown(Field::Load, Unit::Lb), "50 lb");
}

#[test]
fn a_set_is_logged_as_entered() {
    let mut e = SetEntry::new(&first_set());
    e.step(Field::Reps, false, Unit::Kg, 5.0);
    e.step(Field::Pain, true, Unit::Kg, 5.0);
    e.effort = Some(Effort::Hard);
    assert_eq!(
        e.log(false),
        Event::SetDone {
            reps: 14,
            load_kg: None,
            effort: Some(Effort::Hard),
            pain: Some(1),
        }
    );
    assert_eq!(
        e.log(true),
        Event::Hurts {
            reps: 14,
            load_kg: None,
            effort: Some(Effort::Hard),
            pain: Some(1),
        }
    );
}

#[test]
fn taps_are_read_from_their_names() {
    let send = |e| Some(Tap::Send(e));
    assert_eq!(Tap::parse("start"), send(TapEvent::Start));
    assert_eq!(Tap::parse("later"), send(TapEvent::DoLater));
    assert_eq!(Tap::parse("equipment:2"), send(TapEvent::Equipment(2)));
    assert_eq!(Tap::parse("skip-set"), send(TapEvent::SkipSet));
    assert_eq!(Tap::parse("skip-exercise"), send(TapEvent::SkipExercise));
    assert_eq!(Tap::parse("skip-rest"), send(TapEvent::SkipRest));
    assert_eq!(Tap::parse("rest:-15"), send(TapEvent::Rest(-15)));
    assert_eq!(Tap::parse("rest:15"), send(TapEvent::Rest(15)));
    assert_eq!(Tap::parse("resume"), send(TapEvent::Resume));
    assert_eq!(Tap::parse("done"), Some(Tap::Log(false)));
    assert_eq!(Tap::parse("hurts"), Some(Tap::Log(true)));
    assert_eq!(Tap::parse("effort:2"), Some(Tap::Effort(2)));
    assert_eq!(Tap::parse("felt:3"), Some(Tap::Felt(3)));
    assert_eq!(Tap::parse("close"), Some(Tap::Close));
    assert_eq!(Tap::parse("pause"), send(TapEvent::Pause));
    assert_eq!(Tap::parse("finish"), send(TapEvent::Finish));
    assert_eq!(Tap::parse("stop"), send(TapEvent::Stop));
    assert_eq!(TapEvent::Stop.event(), Event::StopForPain(vec![]));
    assert_eq!(Tap::parse("begin"), Some(Tap::Begin));
    assert_eq!(Tap::parse("retry"), Some(Tap::Retry));
    assert_eq!(Tap::parse("answer:0:yes"), Some(Tap::Answer(0, true)));
    assert_eq!(Tap::parse("answer:3:no"), Some(Tap::Answer(3, false)));
    assert_eq!(TapEvent::Rest(-15).event(), Event::AdjustRest(-15));
    assert_eq!(TapEvent::Equipment(1).event(), Event::UseEquipment(1));

    // Anything else is no tap: never an index out of range.
    for bad in [
        "",
        "effort:3",
        "felt:4",
        "felt:-1",
        "equipment:x",
        "rest:",
        "rest:200",
        "start:1",
        "done:1",
        "stop:1",
        "answer:4:yes",
        "answer:0:maybe",
        "answer:0",
    ] {
        assert_eq!(Tap::parse(bad), None, "{bad:?}");
    }
    assert_eq!(Field::from_id("load"), Some(Field::Load));
    assert_eq!(Field::from_id("sets"), None);
}

#[test]
fn symptoms_are_marked_and_unmarked_on_a_stopped_session_only() {
    let mut s = session();
    assert_eq!(toggle_felt(&mut s, Symptom::Numbness), None);
    s.apply(Event::StopForPain(vec![Symptom::Pain]), T0 + S)
        .unwrap();
    assert!(felt(&s, Symptom::Pain));
    assert_eq!(toggle_felt(&mut s, Symptom::Numbness), Some(true));
    assert!(felt(&s, Symptom::Numbness));
    assert_eq!(toggle_felt(&mut s, Symptom::Pain), Some(false));
    assert!(!felt(&s, Symptom::Pain));
    assert_eq!(
        s.phase,
        Phase::StoppedForPain {
            felt: vec![Symptom::Numbness]
        }
    );
}
