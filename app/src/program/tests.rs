//! The program data held to the source (`shared/seed/PROGRAM-FACTS.md`).

use super::*;
use std::collections::BTreeSet;

fn ex(id: &str) -> &'static Exercise {
    exercise(id).unwrap_or_else(|| panic!("no exercise {id}"))
}

fn rx(id: &str) -> (Range, Range, Origin) {
    let p = ex(id).prescription;
    (p.sets, p.reps, p.origin)
}

/// The basics sessions use are the cards' own, in the same order: a card
/// added to one list and not the other would be left out of sessions, or
/// run without a card.
#[test]
fn the_basics_are_the_cards_own_in_the_same_order() {
    assert_eq!(BASICS.len(), EXERCISES.len());
    for (basics, card) in BASICS.iter().zip(EXERCISES) {
        assert_eq!(*basics, card.basics, "{}", card.id);
    }
    assert_eq!(basics("core"), Some(&ex("core").basics));
    assert_eq!(basics("hips-and-glutes"), None);
    assert_eq!(name_of("hips-and-glutes"), "Hips and glutes");
}

#[test]
fn ten_exercises_in_session_order() {
    let ids: Vec<_> = session_order().map(|e| e.id).collect();
    assert_eq!(
        ids,
        [
            "leg-press",
            "leg-extension",
            "leg-curl",
            "back-extension",
            "seated-row",
            "chest-press",
            "core",
            "hip-abduction",
            "hip-adduction",
            "glute-bridge"
        ]
    );
}

#[test]
fn leg_press_is_5_sets_of_15_f24() {
    assert_eq!(
        rx("leg-press"),
        (
            Range::exactly(5),
            Range::exactly(15),
            Origin::Program(&[Fact(24)])
        )
    );
    assert_eq!(ex("leg-press").prescription.label(), "5 sets × 15 reps");
}

#[test]
fn leg_curl_is_4_to_5_sets_of_10_f34() {
    assert_eq!(
        rx("leg-curl"),
        (
            Range::new(4, 5),
            Range::exactly(10),
            Origin::Program(&[Fact(34)])
        )
    );
    assert_eq!(ex("leg-curl").prescription.label(), "4–5 sets × 10 reps");
}

#[test]
fn chest_press_is_3_to_4_sets_of_10_to_12_f42() {
    assert_eq!(
        rx("chest-press"),
        (
            Range::new(3, 4),
            Range::new(10, 12),
            Origin::Program(&[Fact(42)])
        )
    );
}

#[test]
fn seated_row_is_3_to_4_sets_of_15_f46() {
    assert_eq!(
        rx("seated-row"),
        (
            Range::new(3, 4),
            Range::exactly(15),
            Origin::Program(&[Fact(46)])
        )
    );
}

#[test]
fn each_hip_and_glute_exercise_is_3_to_4_sets_of_15_to_20_f54_f55() {
    for id in ["hip-abduction", "hip-adduction", "glute-bridge"] {
        assert_eq!(
            rx(id),
            (
                Range::new(3, 4),
                Range::new(15, 20),
                Origin::Program(&[Fact(54)])
            ),
            "{id}"
        );
        let note = ex(id).source_note.expect("says the app chose it (F55)");
        assert!(note.facts.contains(&Fact(55)));
        assert!(note.text.contains("only in pictures") && note.text.contains("BackStrong chose"));
    }
    let noted = EXERCISES.iter().filter(|e| e.source_note.is_some()).count();
    assert_eq!(noted, 3, "only the exercises the source does not name");
}

#[test]
fn values_the_source_does_not_give_are_suggestions_f30_f38_f50() {
    for id in ["leg-extension", "back-extension", "core"] {
        assert!(ex(id).prescription.origin.is_suggested(), "{id}");
    }
    let suggested: Vec<_> = EXERCISES
        .iter()
        .filter(|e| e.prescription.origin.is_suggested())
        .map(|e| e.id)
        .collect();
    assert_eq!(suggested, ["leg-extension", "back-extension", "core"]);
}

#[test]
fn core_has_crunches_rotation_and_side_bends_f48_f49() {
    let core = ex("core");
    let movements: Vec<_> = core.movements.iter().map(|m| m.id).collect();
    assert_eq!(movements, ["crunch", "crunch-with-rotation", "side-bend"]);
    let side_bend = &core.movements[2];
    assert!(side_bend.muscles.contains(&Muscle::QuadratusLumborum));
    assert!(side_bend.muscles.contains(&Muscle::Obliques));
    assert!(core.movements[1].muscles.contains(&Muscle::Obliques));
}

#[test]
fn leg_press_starts_at_half_body_weight_f18() {
    assert!(ex("leg-press").limits.start_at_half_body_weight);
    assert_eq!(leg_press_start_load_kg(Some(80.0)), Some(40.0));
    assert_eq!(
        leg_press_start_load_kg(Some(73.0)),
        Some(35.0),
        "rounded down to 2.5 kg"
    );
    assert_eq!(
        leg_press_start_load_kg(None),
        None,
        "no body weight, no number"
    );
    assert_eq!(leg_press_start_load_kg(Some(0.0)), None);
    // In pounds: half of 176 lb is 88 lb, down to a 5 lb step: 85 lb.
    let lb = crate::units::Unit::Lb;
    let start = leg_press_start_load(Some(lb.to_kg(176.0)), lb).unwrap();
    assert_eq!(lb.show(start), "85 lb");
    assert_eq!(leg_press_start_load_kg(Some(f32::NAN)), None);
}

#[test]
fn chest_press_comes_after_row_and_shoulder_rotations_f41() {
    let order: Vec<_> = session_order().map(|e| e.id).collect();
    assert_eq!(check_order(&order, true), Ok(()));
    assert_eq!(
        check_order(&["chest-press", "seated-row"], true),
        Err(OrderError::ChestPressBeforeRow)
    );
    assert_eq!(
        check_order(&["chest-press"], true),
        Err(OrderError::ChestPressBeforeRow)
    );
    assert_eq!(
        check_order(&["seated-row", "chest-press"], false),
        Err(OrderError::NoShoulderWarmUp)
    );
    assert_eq!(
        check_order(&["leg-press"], false),
        Ok(()),
        "no pressing, no rule"
    );
    assert!(matches!(
        check_order(&["squat"], true),
        Err(OrderError::Unknown(_))
    ));
    assert!(SHOULDER_ROTATIONS.how.facts.contains(&Fact(41)));
}

#[test]
fn back_extension_stops_10_degrees_past_neutral_f35() {
    assert_eq!(
        ex("back-extension").limits.max_lumbar_extension_deg,
        Some(10)
    );
    assert!(
        ex("back-extension")
            .cautions
            .iter()
            .any(|c| c.facts.contains(&Fact(35)) && c.text.contains("more than 10°"))
    );
    let others = EXERCISES
        .iter()
        .filter(|e| e.limits.max_lumbar_extension_deg.is_some())
        .count();
    assert_eq!(others, 1);
}

#[test]
fn leg_curl_never_to_fatigue_f33() {
    assert!(ex("leg-curl").limits.never_to_fatigue);
    assert!(ex("leg-curl").cautions[0].facts.contains(&Fact(33)));
    let others = EXERCISES
        .iter()
        .filter(|e| e.limits.never_to_fatigue)
        .count();
    assert_eq!(others, 1);
}

#[test]
fn single_leg_progressions_and_foot_turns_f23_f27_f28() {
    assert!(
        ex("leg-press")
            .progressions
            .iter()
            .any(|p| p.facts.contains(&Fact(23)))
    );
    assert!(
        ex("leg-extension")
            .variations
            .iter()
            .any(|p| p.facts.contains(&Fact(27)))
    );
    let turns = ex("leg-extension")
        .variations
        .iter()
        .filter(|p| p.facts.contains(&Fact(28)))
        .count();
    assert_eq!(turns, 2, "toes in and toes out");
}

#[test]
fn muscles_to_strengthen_are_all_trained_f16() {
    let trained: BTreeSet<Muscle> = EXERCISES
        .iter()
        .flat_map(|e| {
            e.muscles
                .iter()
                .chain(e.movements.iter().flat_map(|m| m.muscles))
        })
        .copied()
        .collect();
    for m in Muscle::TO_STRENGTHEN {
        assert!(trained.contains(m), "{m:?} is never strengthened");
    }
    assert_eq!(ex("leg-extension").muscles, &[Muscle::Quadriceps], "F25");
    assert_eq!(ex("leg-curl").muscles, &[Muscle::Hamstrings], "F31");
}

#[test]
fn warm_up_stretches_every_muscle_of_f17() {
    let stretched: BTreeSet<Muscle> = STRETCHES.iter().flat_map(|s| s.muscles).copied().collect();
    let wanted: BTreeSet<Muscle> = Muscle::TO_STRETCH.iter().copied().collect();
    assert_eq!(stretched, wanted);
    assert!(STRETCH_NOTE.facts.contains(&Fact(17)));
    assert!(FOAM_ROLLING.how.facts.contains(&Fact(15)));
}

#[test]
fn four_entry_criteria_f8_to_f11() {
    let facts: Vec<_> = CRITERIA.iter().map(|c| c.fact).collect();
    assert_eq!(facts, [Fact(8), Fact(9), Fact(10), Fact(11)]);
    assert_eq!(RED_FLAGS.len(), 3);
}

#[test]
fn equipment_alternatives_are_listed() {
    for id in ["hip-abduction", "hip-adduction"] {
        assert!(ex(id).equipment.contains(&Equipment::AnkleWeights), "F53");
        assert!(ex(id).equipment.contains(&Equipment::Band), "F53");
    }
    assert!(
        ex("back-extension").equipment.contains(&Equipment::Floor),
        "F36"
    );
}

/// Every fact the app claims is referenced by a piece of data, and nothing
/// references a fact the list leaves out.
#[test]
fn every_covered_fact_is_used_by_some_data() {
    let mut used: BTreeSet<Fact> = EXERCISES.iter().flat_map(|e| e.facts()).collect();
    used.extend(CRITERIA.iter().map(|c| c.fact));
    used.extend(STOP_RULES.iter().flat_map(|p| p.facts.iter().copied()));
    for item in STRETCHES.iter().chain([&FOAM_ROLLING, &SHOULDER_ROTATIONS]) {
        used.extend(item.how.facts.iter().copied());
    }
    used.extend(STRETCH_NOTE.facts.iter().copied());
    used.extend(
        ABOUT
            .iter()
            .chain(PROGRAM_INTRO)
            .chain(YOUR_BACK)
            .flat_map(|p| p.facts.iter().copied()),
    );

    let claimed: BTreeSet<Fact> = COVERED_FACTS.iter().copied().collect();
    let unused: Vec<_> = claimed.difference(&used).collect();
    assert!(unused.is_empty(), "claimed but not in the data: {unused:?}");
    let unclaimed: Vec<_> = used.difference(&claimed).collect();
    assert!(
        unclaimed.is_empty(),
        "in the data but not claimed: {unclaimed:?}"
    );
    assert_eq!(
        claimed,
        (1..=55).map(Fact).collect::<BTreeSet<_>>(),
        "every fact of the source is carried"
    );
}

#[test]
fn names_shown_in_lower_case_need_only_ascii_case_mapping() {
    // The app lower-cases names with `to_ascii_lowercase` (Unicode case
    // tables would add kilobytes to the wasm): right only while every
    // capital in them is ASCII.
    for e in EXERCISES {
        let names = std::iter::once(e.name).chain(e.equipment.iter().map(|q| q.label()));
        for name in names {
            assert_eq!(name.to_ascii_lowercase(), name.to_lowercase(), "{name}");
        }
    }
}
