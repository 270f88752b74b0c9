//! Every transition, every refused event, and the time arithmetic.

use super::*;
use crate::session::{Plan, PlanItem};

const T0: u64 = 1_764_000_000_000;
const S: u64 = 1000;

fn item(id: &str, sets: u16, rest_s: u32) -> PlanItem {
    PlanItem {
        exercise_id: id.into(),
        sets,
        target_reps: 10,
        load_kg: Some(40.0),
        rest_s,
        suggested: false,
        load_from: Default::default(),
        equipment: 0,
    }
}

/// Two sets of leg press (rest 90 s), then one set of leg curl (rest 60 s).
fn session() -> Session {
    let plan = Plan {
        items: vec![item("leg-press", 2, 90), item("leg-curl", 1, 60)],
    };
    Session::new("s1".into(), plan, T0).unwrap()
}

fn done(reps: u16) -> Event {
    Event::SetDone {
        reps,
        load_kg: Some(40.0),
        effort: Some(Effort::Right),
        pain: Some(0),
    }
}

#[test]
fn a_whole_session_from_warm_up_to_finish() {
    let mut s = session();
    assert_eq!(s.phase, Phase::WarmUp);
    s.apply(Event::Start, T0 + 300 * S).unwrap();
    assert_eq!(s.phase, Phase::Working { item: 0, set: 1 });
    s.apply(done(15), T0 + 360 * S).unwrap();
    assert_eq!(
        s.phase,
        Phase::Resting {
            item: 0,
            set: 2,
            until_ms: T0 + 450 * S
        }
    );
    s.apply(done(15), T0 + 460 * S).unwrap();
    assert_eq!(
        s.phase,
        Phase::BetweenExercises {
            item: 1,
            until_ms: T0 + 550 * S
        }
    );
    s.apply(Event::SkipRest, T0 + 470 * S).unwrap();
    assert_eq!(s.phase, Phase::Working { item: 1, set: 1 });
    s.apply(done(10), T0 + 500 * S).unwrap();
    assert_eq!(s.phase, Phase::Finished);
    assert_eq!(s.ended_ms, Some(T0 + 500 * S));
    assert_eq!(s.sets_done(), 3);
    assert_eq!(s.volume_kg(), 40.0 * 40.0);
}

#[test]
fn rest_left_is_computed_from_the_deadline() {
    let mut s = session();
    s.apply(Event::Start, T0).unwrap();
    let t = T0 + 10 * S;
    s.apply(done(15), t).unwrap();
    assert_eq!(s.rest_left_ms(t), Some(90 * S));
    assert_eq!(
        s.rest_left_ms(t + 37 * S),
        Some(53 * S),
        "queried at t + 37 s"
    );
    // A ten-minute gap (locked phone): the rest is long over, set 2 is on.
    assert_eq!(s.rest_left_ms(t + 600 * S), None);
    assert_eq!(s.phase_at(t + 600 * S), Phase::Working { item: 0, set: 2 });
    // ...and an event after the gap applies to set 2.
    s.apply(done(14), t + 600 * S).unwrap();
    assert_eq!(s.sets[1].set, 2);
    assert_eq!(s.sets[1].reps, 14);
}

#[test]
fn the_rest_ends_exactly_at_its_deadline() {
    let mut s = session();
    s.apply(Event::Start, T0).unwrap();
    s.apply(done(15), T0).unwrap();
    assert_eq!(s.rest_left_ms(T0 + 90 * S - 1), Some(1));
    assert_eq!(s.rest_left_ms(T0 + 90 * S), None);
}

#[test]
fn pause_keeps_what_was_left_and_resume_restores_it() {
    let mut s = session();
    s.apply(Event::Start, T0).unwrap();
    s.apply(done(15), T0).unwrap();
    s.apply(Event::Pause, T0 + 30 * S).unwrap();
    assert_eq!(s.rest_left_ms(T0 + 30 * S), Some(60 * S));
    // Time passes while paused; nothing runs down.
    assert_eq!(s.rest_left_ms(T0 + 900 * S), Some(60 * S));
    s.apply(Event::Resume, T0 + 900 * S).unwrap();
    assert_eq!(s.rest_left_ms(T0 + 900 * S), Some(60 * S));
    assert_eq!(s.rest_left_ms(T0 + 945 * S), Some(15 * S));
}

#[test]
fn pause_while_working_resumes_the_same_set() {
    let mut s = session();
    s.apply(Event::Start, T0).unwrap();
    s.apply(Event::Pause, T0 + S).unwrap();
    assert_eq!(s.rest_left_ms(T0 + S), None);
    s.apply(Event::Resume, T0 + 100 * S).unwrap();
    assert_eq!(s.phase, Phase::Working { item: 0, set: 1 });
}

#[test]
fn the_state_survives_a_save_and_load() {
    let mut s = session();
    s.apply(Event::Start, T0).unwrap();
    s.apply(done(15), T0 + 10 * S).unwrap();
    let saved = serde_json::to_string(&s).unwrap();
    let loaded: Session = serde_json::from_str(&saved).unwrap();
    assert_eq!(loaded, s);
    // A reload 37 s later shows the same countdown.
    assert_eq!(loaded.rest_left_ms(T0 + 47 * S), Some(53 * S));
}

#[test]
fn rest_can_be_lengthened_and_shortened_but_not_into_the_past() {
    let mut s = session();
    s.apply(Event::Start, T0).unwrap();
    s.apply(done(15), T0).unwrap();
    s.apply(Event::AdjustRest(15), T0 + 10 * S).unwrap();
    assert_eq!(s.rest_left_ms(T0 + 10 * S), Some(95 * S));
    s.apply(Event::AdjustRest(-15), T0 + 10 * S).unwrap();
    s.apply(Event::AdjustRest(-15), T0 + 10 * S).unwrap();
    assert_eq!(s.rest_left_ms(T0 + 10 * S), Some(65 * S));
    for _ in 0..5 {
        s.apply(Event::AdjustRest(-15), T0 + 10 * S).unwrap();
    }
    assert_eq!(s.rest_left_ms(T0 + 10 * S), None, "rest over, not negative");
    assert_eq!(s.phase_at(T0 + 10 * S), Phase::Working { item: 0, set: 2 });
    assert!(
        s.apply(Event::AdjustRest(-15), T0 + 10 * S).is_err(),
        "no rest left to change"
    );
}

#[test]
fn skipping_a_set_logs_it_and_moves_on() {
    let mut s = session();
    s.apply(Event::Start, T0).unwrap();
    s.apply(Event::SkipSet, T0 + S).unwrap();
    assert!(s.sets[0].skipped);
    assert_eq!(s.skipped_items, [0]);
    assert!(matches!(s.phase, Phase::Resting { set: 2, .. }));
    assert_eq!(s.sets_done(), 0);
}

#[test]
fn skipping_an_exercise_goes_to_the_next_one_or_the_end() {
    let mut s = session();
    s.apply(Event::Start, T0).unwrap();
    s.apply(Event::SkipExercise, T0 + S).unwrap();
    assert_eq!(s.phase, Phase::Working { item: 1, set: 1 });
    s.apply(Event::SkipExercise, T0 + 2 * S).unwrap();
    assert_eq!(s.phase, Phase::Finished);
    assert_eq!(s.skipped_items, [0, 1]);
}

#[test]
fn stop_for_pain_ends_at_once_and_remembers_the_exercise() {
    let mut s = session();
    s.apply(Event::Start, T0).unwrap();
    s.apply(done(15), T0 + S).unwrap();
    s.apply(
        Event::StopForPain(vec![Symptom::Radiating, Symptom::Tingling]),
        T0 + 2 * S,
    )
    .unwrap();
    assert_eq!(
        s.phase,
        Phase::StoppedForPain {
            felt: vec![Symptom::Radiating, Symptom::Tingling]
        }
    );
    assert_eq!(s.pain_item, Some(0));
    assert_eq!(s.ended_ms, Some(T0 + 2 * S));
    // Stopping from the warm-up works too.
    let mut s = session();
    s.apply(Event::StopForPain(vec![Symptom::Pain]), T0)
        .unwrap();
    assert_eq!(s.pain_item, None);
}

#[test]
fn finish_ends_early_from_any_live_state() {
    for setup in [
        vec![],
        vec![Event::Start],
        vec![Event::Start, done(15)],
        vec![Event::Start, Event::Pause],
    ] {
        let mut s = session();
        for e in setup {
            s.apply(e, T0).unwrap();
        }
        s.apply(Event::Finish, T0 + S).unwrap();
        assert_eq!(s.phase, Phase::Finished);
    }
}

#[test]
fn invalid_events_are_refused_and_change_nothing() {
    let mut s = session();
    let cases = [
        (Event::SkipRest, "cannot skip rest while warm-up"),
        (done(10), "cannot set done while warm-up"),
        (Event::Resume, "cannot resume while warm-up"),
        (Event::AdjustRest(15), "cannot change rest while warm-up"),
        (Event::SkipSet, "cannot skip set while warm-up"),
        (Event::SkipExercise, "cannot skip exercise while warm-up"),
    ];
    for (event, message) in cases {
        let before = s.clone();
        let err = s.apply(event, T0).unwrap_err();
        assert_eq!(err.to_string(), message);
        assert_eq!(s, before);
    }
    s.apply(Event::Start, T0).unwrap();
    assert!(s.apply(Event::Start, T0).is_err(), "start twice");
    assert!(
        s.apply(Event::SkipRest, T0).is_err(),
        "no rest while working"
    );
    assert!(s.apply(Event::Resume, T0).is_err(), "not paused");
    s.apply(Event::Pause, T0).unwrap();
    assert!(s.apply(Event::Pause, T0).is_err(), "pause twice");
    assert!(s.apply(done(10), T0).is_err(), "log while paused");
    s.apply(Event::Resume, T0).unwrap();
    assert_eq!(
        s.apply(
            Event::SetDone {
                reps: 10,
                load_kg: None,
                effort: None,
                pain: Some(11)
            },
            T0
        ),
        Err(SessionError::PainOutOfRange(11))
    );
    assert!(s.sets.is_empty());
    s.apply(Event::Finish, T0).unwrap();
    for event in [
        Event::Start,
        Event::Finish,
        Event::StopForPain(vec![]),
        done(1),
    ] {
        assert!(s.apply(event, T0).is_err(), "nothing after the end");
    }
}

#[test]
fn an_empty_plan_is_refused() {
    assert_eq!(
        Session::new("x".into(), Plan { items: vec![] }, T0),
        Err(SessionError::EmptyPlan)
    );
}

#[test]
fn the_program_plan_respects_the_order_and_the_leg_press_load() {
    let plan = Plan::from_program(Some(80.0));
    let ids: Vec<_> = plan.items.iter().map(|i| i.exercise_id.as_str()).collect();
    assert_eq!(crate::program::check_order(&ids, true), Ok(()));
    assert_eq!(plan.items[0].load_kg, Some(40.0));
    assert_eq!((plan.items[0].sets, plan.items[0].target_reps), (5, 15));
    assert!(plan.items.iter().all(|i| i.rest_s > 0));
    assert_eq!(Plan::from_program(None).items[0].load_kg, None);
}

#[test]
fn reps_and_load_outside_sane_bounds_are_refused() {
    let mut s = session();
    s.apply(Event::Start, T0).unwrap();
    let set = |reps, load_kg| Event::SetDone {
        reps,
        load_kg,
        effort: None,
        pain: None,
    };
    assert_eq!(
        s.apply(set(1001, None), T0),
        Err(SessionError::RepsOutOfRange)
    );
    assert_eq!(
        s.apply(set(10, Some(-5.0)), T0),
        Err(SessionError::LoadOutOfRange)
    );
    assert_eq!(
        s.apply(set(10, Some(1000.5)), T0),
        Err(SessionError::LoadOutOfRange)
    );
    assert_eq!(
        s.apply(set(10, Some(f32::NAN)), T0),
        Err(SessionError::LoadOutOfRange)
    );
    assert!(s.sets.is_empty());
    s.apply(set(1000, Some(1000.0)), T0).unwrap();
}

#[test]
fn between_exercises_rest_can_be_changed_paused_and_skipped() {
    let mut s = session();
    s.apply(Event::Start, T0).unwrap();
    s.apply(done(15), T0).unwrap();
    s.apply(Event::SkipRest, T0 + S).unwrap();
    s.apply(done(15), T0 + 2 * S).unwrap();
    assert_eq!(
        s.phase,
        Phase::BetweenExercises {
            item: 1,
            until_ms: T0 + 92 * S
        }
    );
    s.apply(Event::AdjustRest(15), T0 + 2 * S).unwrap();
    assert_eq!(s.rest_left_ms(T0 + 2 * S), Some(105 * S));
    s.apply(Event::Pause, T0 + 12 * S).unwrap();
    s.apply(Event::Resume, T0 + 500 * S).unwrap();
    assert_eq!(s.rest_left_ms(T0 + 500 * S), Some(95 * S));
    assert_eq!(s.current_item(T0 + 500 * S), Some(1));
    // Left to run out, the rest turns into the next exercise's first set.
    assert_eq!(s.phase_at(T0 + 595 * S), Phase::Working { item: 1, set: 1 });
    s.apply(Event::SkipExercise, T0 + 600 * S).unwrap();
    assert_eq!(s.phase, Phase::Finished);
}

fn hurts(reps: u16, pain: Option<u8>) -> Event {
    Event::Hurts {
        reps,
        load_kg: Some(40.0),
        effort: None,
        pain,
    }
}

#[test]
fn this_hurts_stops_that_exercise_and_moves_on_f13() {
    let mut s = session();
    s.apply(Event::Start, T0).unwrap();
    s.apply(hurts(6, None), T0 + 10 * S).unwrap();
    // Set 1 logged as it was, with the pain; set 2 stopped for pain, not
    // skipped; the rest before the next exercise is on.
    assert_eq!(s.sets.len(), 2);
    assert!(s.sets[0].hurt && s.sets[0].done() && s.sets[0].reps == 6);
    assert!(s.sets[1].stopped_for_pain && !s.sets[1].skipped && !s.sets[1].done());
    assert_eq!((s.sets[1].item, s.sets[1].set), (0, 2));
    assert!(s.skipped_items.is_empty());
    assert_eq!(
        s.phase,
        Phase::BetweenExercises {
            item: 1,
            until_ms: T0 + 100 * S
        }
    );
    assert!(s.hurt_in(0) && !s.hurt_in(1));
    assert_eq!(s.sets_done(), 1);
    // Hurting on the last exercise ends the session, as finished.
    s.apply(Event::SkipRest, T0 + 20 * S).unwrap();
    s.apply(hurts(3, Some(4)), T0 + 30 * S).unwrap();
    assert_eq!(s.phase, Phase::Finished);
    assert_eq!(s.sets[2].pain, Some(4));
}

#[test]
fn any_pain_above_0_in_a_set_counts_the_same_as_this_hurts() {
    for pain in [Some(1), Some(7)] {
        let mut s = session();
        s.apply(Event::Start, T0).unwrap();
        s.apply(
            Event::SetDone {
                reps: 10,
                load_kg: None,
                effort: None,
                pain,
            },
            T0 + S,
        )
        .unwrap();
        assert!(s.sets[0].hurt, "{pain:?}");
        assert!(matches!(s.phase, Phase::BetweenExercises { item: 1, .. }));
    }
    // Pain 0 is no pain: the next set follows.
    let mut s = session();
    s.apply(Event::Start, T0).unwrap();
    s.apply(done(10), T0 + S).unwrap();
    assert!(matches!(
        s.phase,
        Phase::Resting {
            item: 0,
            set: 2,
            ..
        }
    ));
    // Out of range is refused and changes nothing.
    let before = s.clone();
    s.apply(Event::SkipRest, T0 + 2 * S).unwrap();
    let before_hurt = s.clone();
    assert_eq!(
        s.apply(hurts(5, Some(11)), T0 + 3 * S),
        Err(SessionError::PainOutOfRange(11))
    );
    assert_eq!(s, before_hurt);
    assert_ne!(s, before);
    // Not while resting: nothing to log.
    let mut s = session();
    s.apply(Event::Start, T0).unwrap();
    s.apply(done(10), T0 + S).unwrap();
    assert!(s.apply(hurts(1, None), T0 + 2 * S).is_err());
}

/// The program's whole session, started, at its first set.
fn program_session() -> Session {
    let mut s = Session::new("p".into(), crate::session::Plan::from_program(None), T0).unwrap();
    s.apply(Event::Start, T0).unwrap();
    s
}

fn order(s: &Session) -> Vec<&str> {
    s.plan
        .items
        .iter()
        .map(|i| i.exercise_id.as_str())
        .collect()
}

#[test]
fn a_taken_machine_moves_its_exercise_later_keeping_the_order_rules() {
    let mut s = program_session();
    s.apply(Event::DoLater, T0 + S).unwrap();
    assert_eq!(order(&s)[0], "leg-extension", "the next one starts now");
    assert_eq!(*order(&s).last().unwrap(), "leg-press");
    assert_eq!(s.phase, Phase::Working { item: 0, set: 1 });
    // The seated row taken: the chest press goes after it (F41).
    let mut s = program_session();
    for _ in 0..4 {
        s.apply(Event::SkipExercise, T0 + S).unwrap();
    }
    assert_eq!(
        s.current_item(T0 + S).map(|i| order(&s)[i]),
        Some("seated-row")
    );
    s.apply(Event::DoLater, T0 + 2 * S).unwrap();
    let ids = order(&s);
    assert_eq!(ids[4], "core");
    assert_eq!(&ids[8..], ["seated-row", "chest-press"]);
    assert_eq!(crate::program::check_order(&ids, true), Ok(()));
    // Between exercises too, with the rest going on.
    let mut s = program_session();
    for _ in 0..4 {
        s.apply(done(15), T0 + 10 * S).unwrap();
        s.apply(Event::SkipRest, T0 + 10 * S).unwrap();
    }
    s.apply(done(15), T0 + 10 * S).unwrap();
    let Phase::BetweenExercises { item, until_ms } = s.phase.clone() else {
        // five sets of 15 at the leg press, then the rest before the next
        panic!("{:?}", s.phase)
    };
    assert_eq!(item, 1);
    s.apply(Event::DoLater, T0 + 11 * S).unwrap();
    assert_eq!(s.phase, Phase::BetweenExercises { item: 1, until_ms });
    assert_eq!(order(&s)[1], "leg-curl");
    // Never once begun, never the last one.
    let mut s = program_session();
    s.apply(done(15), T0 + S).unwrap();
    s.apply(Event::SkipRest, T0 + 2 * S).unwrap();
    let before = s.clone();
    assert!(
        s.apply(Event::DoLater, T0 + 3 * S).is_err(),
        "set 2 of a begun exercise"
    );
    assert_eq!(s, before);
    let mut s = program_session();
    for _ in 0..9 {
        s.apply(Event::SkipExercise, T0 + S).unwrap();
    }
    assert_eq!(
        s.apply(Event::DoLater, T0 + 2 * S),
        Err(SessionError::NothingLater)
    );
}

#[test]
fn the_sources_own_variants_can_be_chosen_for_today() {
    let mut s = program_session();
    // Leg press: the machine only; nothing else to choose.
    assert!(s.apply(Event::UseEquipment(1), T0 + S).is_err());
    s.apply(Event::SkipExercise, T0 + S).unwrap();
    // Leg extension: the machine or ankle weights, as the source lists.
    s.apply(Event::UseEquipment(1), T0 + 2 * S).unwrap();
    assert_eq!(s.plan.items[1].equipment, 1);
    assert_eq!(s.phase, Phase::Working { item: 1, set: 1 });
    s.apply(done(10), T0 + 3 * S).unwrap();
    s.apply(Event::SkipRest, T0 + 4 * S).unwrap();
    assert!(
        s.apply(Event::UseEquipment(0), T0 + 5 * S).is_err(),
        "not once it has begun"
    );
}

#[test]
fn the_stop_page_ends_a_session_from_any_screen() {
    let mut s = program_session();
    s.apply(Event::Pause, T0 + S).unwrap();
    assert!(s.stop_now(T0 + 2 * S));
    assert_eq!(s.phase, Phase::StoppedForPain { felt: vec![] });
    assert_eq!((s.pain_item, s.ended_ms), (Some(0), Some(T0 + 2 * S)));
    assert!(!s.stop_now(T0 + 3 * S), "only once");
    assert_eq!(s.ended_ms, Some(T0 + 2 * S));
}
