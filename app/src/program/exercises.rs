//! The ten exercises of the program, in session order (see
//! [`super::session_order`]): seated row comes before chest press (F41).

use super::{
    Basics, Equipment as E, Exercise, Fact as F, Limits, Movement, Muscle as M, Origin, Point,
    Prescription, Range,
};

const fn p(text: &'static str, facts: &'static [F]) -> Point {
    Point { text, facts }
}

/// Control both phases, no jerking: true of every exercise (F14).
const CONTROL: Point = p(
    "Move slowly and under control both ways: no jerks, no bouncing.",
    &[F(14)],
);

/// Any pain from an exercise ends that exercise (F13).
const STOP_IF_PAIN: Point = p(
    "If this exercise brings on pain, stop it and leave it out today.",
    &[F(13)],
);

/// Leg press: F18–F24.
const LEG_PRESS: Exercise = Exercise {
    basics: Basics {
        id: "leg-press",
        name: "Leg press",
        equipment: &[E::Machine("Leg press machine")],
        prescription: Prescription {
            sets: Range::exactly(5),
            reps: Range::exactly(15),
            origin: Origin::Program(&[F(24)]),
        },
        limits: Limits {
            max_lumbar_extension_deg: None,
            never_to_fatigue: false,
            start_at_half_body_weight: true,
        },
    },
    summary: "Builds the legs and glutes that carry the load off your lower back.",
    muscles: &[M::Quadriceps, M::GluteusMaximus, M::Hamstrings],
    muscle_facts: &[],
    movements: &[],
    cues: &[
        p("Push through your heels, not your toes.", &[F(20)]),
        p(
            "Keep your lower back pressed against the back pad the whole time.",
            &[F(21)],
        ),
        p(
            "Stop just short of straight legs: never lock your knees at the top.",
            &[F(19)],
        ),
        p(
            "If one leg does more of the work, think about pressing evenly with both. That connection gets better with practice.",
            &[F(22)],
        ),
        p(
            "Start with about half of your body weight on the sled, if you can.",
            &[F(18)],
        ),
        CONTROL,
    ],
    cautions: &[
        p(
            "Locked knees at the top put strain on the knee joint.",
            &[F(19)],
        ),
        p(
            "If your lower back lifts off the pad, lighten the load.",
            &[F(21)],
        ),
        STOP_IF_PAIN,
    ],
    variations: &[],
    progressions: &[p(
        "Once the full sets feel easy, press with one leg at a time.",
        &[F(23)],
    )],
    source_note: None,
};

/// Leg extension: F25–F30 (no sets or reps in the source).
const LEG_EXTENSION: Exercise = Exercise {
    basics: Basics {
        id: "leg-extension",
        name: "Leg extension",
        equipment: &[E::Machine("Leg extension machine"), E::AnkleWeights],
        prescription: Prescription {
            sets: Range::new(3, 4),
            reps: Range::new(10, 12),
            origin: Origin::Suggested(&[F(30)]),
        },
        limits: Limits {
            max_lumbar_extension_deg: None,
            never_to_fatigue: false,
            start_at_half_body_weight: false,
        },
    },
    summary: "Strengthens the front of the thighs.",
    muscles: &[M::Quadriceps],
    muscle_facts: &[F(25)],
    movements: &[],
    cues: &[
        p(
            "Lift and lower under control; the way down counts as much as the way up.",
            &[F(29)],
        ),
        p(
            "Use the full range of motion, unless part of it hurts.",
            &[F(26)],
        ),
        p(
            "Pick a moderate weight: this is not the exercise to go heavy on.",
            &[F(29)],
        ),
        CONTROL,
    ],
    cautions: &[
        p(
            "After knee surgery or a knee injury, stay within the range that feels comfortable.",
            &[F(26)],
        ),
        STOP_IF_PAIN,
    ],
    variations: &[
        p(
            "Alternate sets with both legs and sets with one leg at a time.",
            &[F(27)],
        ),
        p(
            "For a set or two, turn your toes inward to bias the inner quadriceps (vastus medialis).",
            &[F(28)],
        ),
        p(
            "For a set or two, turn your toes outward to bias the outer quadriceps (vastus lateralis).",
            &[F(28)],
        ),
    ],
    progressions: &[p("Work one leg at a time.", &[F(27)])],
    source_note: None,
};

/// Leg curl: F31–F34.
const LEG_CURL: Exercise = Exercise {
    basics: Basics {
        id: "leg-curl",
        name: "Leg curl",
        equipment: &[E::Machine("Leg curl machine"), E::AnkleWeights],
        prescription: Prescription {
            sets: Range::new(4, 5),
            reps: Range::exactly(10),
            origin: Origin::Program(&[F(34)]),
        },
        limits: Limits {
            max_lumbar_extension_deg: None,
            never_to_fatigue: true,
            start_at_half_body_weight: false,
        },
    },
    summary: "Strengthens the back of the thighs.",
    muscles: &[M::Hamstrings],
    muscle_facts: &[F(31)],
    movements: &[],
    cues: &[
        p(
            "End every set with reps to spare: never work to fatigue.",
            &[F(33)],
        ),
        p(
            "Use the full range of motion, unless part of it hurts.",
            &[F(32)],
        ),
        CONTROL,
    ],
    cautions: &[
        p(
            "Training to fatigue puts too much stress on the hamstrings: stop each set well before your last possible rep.",
            &[F(33)],
        ),
        STOP_IF_PAIN,
    ],
    variations: &[],
    progressions: &[],
    source_note: None,
};

/// Back extension: F35–F38 (no sets or reps in the source).
const BACK_EXTENSION: Exercise = Exercise {
    basics: Basics {
        id: "back-extension",
        name: "Back extension",
        equipment: &[E::Bench, E::Floor],
        prescription: Prescription {
            sets: Range::new(2, 3),
            reps: Range::new(8, 10),
            origin: Origin::Suggested(&[F(38)]),
        },
        limits: Limits {
            max_lumbar_extension_deg: Some(10),
            never_to_fatigue: false,
            start_at_half_body_weight: false,
        },
    },
    summary: "Strengthens the lower back, glutes and hamstrings, gently.",
    muscles: &[M::Erectors, M::GluteusMaximus, M::Hamstrings],
    muscle_facts: &[F(37)],
    movements: &[],
    cues: &[
        p(
            "Rise only until your back is straight, then at most 10° further: never more.",
            &[F(35)],
        ),
        p("Go slowly on every rep, up and down.", &[F(37)]),
        p(
            "You should feel it in your lower back, glutes and hamstrings.",
            &[F(37)],
        ),
        CONTROL,
    ],
    cautions: &[
        p(
            "Never arch back more than 10° past a straight back.",
            &[F(35)],
        ),
        p("Stop this exercise if it causes pain.", &[F(38)]),
    ],
    variations: &[
        p(
            "On a back extension bench, as found in most gyms.",
            &[F(36)],
        ),
        p(
            "Lying face down on a mat, lifting your chest a little off the floor.",
            &[F(36)],
        ),
    ],
    progressions: &[],
    source_note: None,
};

/// Seated row: F43–F46. Before chest press (F41).
const SEATED_ROW: Exercise = Exercise {
    basics: Basics {
        id: "seated-row",
        name: "Seated row",
        equipment: &[E::Machine("Seated row machine"), E::Cable, E::Band],
        prescription: Prescription {
            sets: Range::new(3, 4),
            reps: Range::exactly(15),
            origin: Origin::Program(&[F(46)]),
        },
        limits: Limits {
            max_lumbar_extension_deg: None,
            never_to_fatigue: false,
            start_at_half_body_weight: false,
        },
    },
    summary: "Strengthens the upper back, and warms the shoulders up for the chest press.",
    muscles: &[M::UpperBack, M::Deltoids],
    muscle_facts: &[F(45)],
    movements: &[],
    cues: &[
        p("Let your shoulders drop, away from your ears.", &[F(44)]),
        p(
            "Keep your spine neutral: tall, neither rounded nor arched.",
            &[F(44)],
        ),
        p(
            "Start each pull with your back muscles, and squeeze them as the handle reaches your chest.",
            &[F(45)],
        ),
        CONTROL,
    ],
    cautions: &[
        p(
            "Shoulders creeping up toward the ears means the load is too heavy.",
            &[F(44)],
        ),
        STOP_IF_PAIN,
    ],
    variations: &[p(
        "The row can be done many ways: on a seated row machine, at a low cable, or with a band around your feet.",
        &[F(43)],
    )],
    progressions: &[],
    source_note: None,
};

/// Chest press: F39–F42. After seated row and shoulder rotations (F41).
const CHEST_PRESS: Exercise = Exercise {
    basics: Basics {
        id: "chest-press",
        name: "Chest press",
        equipment: &[E::Machine("Chest press machine")],
        prescription: Prescription {
            sets: Range::new(3, 4),
            reps: Range::new(10, 12),
            origin: Origin::Program(&[F(42)]),
        },
        limits: Limits {
            max_lumbar_extension_deg: None,
            never_to_fatigue: false,
            start_at_half_body_weight: false,
        },
    },
    summary: "Strengthens the chest with the spine fully supported.",
    muscles: &[M::Pectorals, M::Deltoids],
    muscle_facts: &[F(40)],
    movements: &[],
    cues: &[
        p(
            "Keep your whole back against the pad, spine neutral, no arching.",
            &[F(39)],
        ),
        p(
            "Do it after the seated row and the shoulder rotations of the warm-up.",
            &[F(41)],
        ),
        p("Press with your chest; your shoulders follow.", &[F(40)]),
        CONTROL,
    ],
    cautions: &[
        p(
            "An arched back means the weight is too heavy: lighten it.",
            &[F(39)],
        ),
        p(
            "If your shoulders start the push more than your chest, foam roll chest and shoulders before this exercise next time.",
            &[F(40)],
        ),
        STOP_IF_PAIN,
    ],
    variations: &[],
    progressions: &[],
    source_note: None,
};

/// Core: F47–F50 (no sets or reps in the source).
const CORE: Exercise = Exercise {
    basics: Basics {
        id: "core",
        name: "Core: crunches and side bends",
        equipment: &[E::Floor, E::Dumbbell],
        prescription: Prescription {
            sets: Range::new(2, 3),
            reps: Range::new(12, 15),
            origin: Origin::Suggested(&[F(50)]),
        },
        limits: Limits {
            max_lumbar_extension_deg: None,
            never_to_fatigue: false,
            start_at_half_body_weight: false,
        },
    },
    summary: "Wakes up the muscles that hold the spine steady, often weak with a pinched nerve.",
    muscles: &[
        M::Abdominals,
        M::Obliques,
        M::QuadratusLumborum,
        M::Erectors,
    ],
    muscle_facts: &[F(48), F(49)],
    movements: &[
        Movement {
            id: "crunch",
            name: "Crunch",
            muscles: &[M::Abdominals],
            how: p(
                "On your back, knees bent: curl your shoulders a little off the floor, then lower them.",
                &[F(49)],
            ),
        },
        Movement {
            id: "crunch-with-rotation",
            name: "Crunch with rotation",
            muscles: &[M::Abdominals, M::Obliques],
            how: p(
                "As you curl up, bring one elbow toward the opposite knee; alternate sides.",
                &[F(49)],
            ),
        },
        Movement {
            id: "side-bend",
            name: "Dumbbell side bend",
            muscles: &[M::Obliques, M::QuadratusLumborum, M::Erectors],
            how: p(
                "Standing tall, a dumbbell in one hand: bend sideways toward it, then come back up. Do both sides.",
                &[F(48)],
            ),
        },
    ],
    cues: &[
        p("Breathe out every time you squeeze.", &[F(50)]),
        p("Small and controlled beats big and fast.", &[F(50)]),
        p(
            "Core work is a must here: these muscles keep your spine steady.",
            &[F(47)],
        ),
        CONTROL,
    ],
    cautions: &[STOP_IF_PAIN],
    variations: &[],
    progressions: &[],
    source_note: None,
};

/// The source shows its hip and glute work only in pictures (F55): the app
/// chose these three, and each card says so.
const CHOSEN_BY_APP: Point = p(
    "The program shows its hip and glute work only in pictures, without naming the exercises. BackStrong chose these three, the usual choices: hip abduction, hip adduction and the glute bridge.",
    &[F(55)],
);

/// Hip and glute work, each exercise 3–4 × 15–20 (F54).
const HIP_SETS: Prescription = Prescription {
    sets: Range::new(3, 4),
    reps: Range::new(15, 20),
    origin: Origin::Program(&[F(54)]),
};

/// Both phases under control; weights or bands may be used (F53).
const HIP_CONTROL: Point = p(
    "Control both directions: out and in, up and down.",
    &[F(53)],
);

/// Each of the three for the full prescription (F54).
const HIP_FULL_SETS: Point = p(
    "Do the full sets and reps of this exercise, and of the other two hip exercises too.",
    &[F(54)],
);

/// Resistance from ankle weights or bands (F53).
const HIP_HEAVIER: Point = p(
    "Once 20 reps are easy, add resistance: a heavier ankle weight or a stronger band.",
    &[F(53)],
);

/// A hip and glute exercise: what the three share (F53–F55), around what
/// is each one's own.
#[allow(clippy::too_many_arguments)]
const fn hip_exercise(
    id: &'static str,
    name: &'static str,
    summary: &'static str,
    muscles: &'static [M],
    muscle_facts: &'static [F],
    equipment: &'static [E],
    cues: &'static [Point],
    variations: &'static [Point],
    progressions: &'static [Point],
) -> Exercise {
    Exercise {
        basics: Basics {
            id,
            name,
            equipment,
            prescription: HIP_SETS,
            limits: Limits {
                max_lumbar_extension_deg: None,
                never_to_fatigue: false,
                start_at_half_body_weight: false,
            },
        },
        summary,
        muscles,
        muscle_facts,
        movements: &[],
        cues,
        cautions: &[STOP_IF_PAIN],
        variations,
        progressions,
        source_note: Some(CHOSEN_BY_APP),
    }
}

/// Hip abduction: F51, F53–F55.
const HIP_ABDUCTION: Exercise = hip_exercise(
    "hip-abduction",
    "Hip abduction",
    "Strengthens the side of the hips; weak glutes go with low back and hip pain.",
    &[M::GluteusMedius],
    &[F(51)],
    &[
        E::Machine("Hip abduction machine"),
        E::AnkleWeights,
        E::Band,
    ],
    &[
        p(
            "Push your knees (or one leg) out against the pads, band or ankle weight, then let them come back in slowly.",
            &[F(53)],
        ),
        HIP_CONTROL,
        HIP_FULL_SETS,
        p(
            "Why it matters: the glutes and inner thighs strongly influence the lower back, and weak glutes lead to low back or hip pain.",
            &[F(51)],
        ),
        CONTROL,
    ],
    &[p(
        "On the machine, lying on your side with an ankle weight, or standing with a band around your knees.",
        &[F(53)],
    )],
    &[HIP_HEAVIER],
);

/// Hip adduction: F52–F55.
const HIP_ADDUCTION: Exercise = hip_exercise(
    "hip-adduction",
    "Hip adduction",
    "Strengthens the inner thighs; weak adductors go with hip, low back and knee trouble.",
    &[M::Adductors],
    &[F(52)],
    &[
        E::Machine("Hip adduction machine"),
        E::AnkleWeights,
        E::Band,
    ],
    &[
        p(
            "Squeeze your knees (or one leg) in against the pads, band or ankle weight, then let them open slowly.",
            &[F(53)],
        ),
        HIP_CONTROL,
        HIP_FULL_SETS,
        p(
            "Why it matters: inner thighs that do not work well go together with hip, low back and knee problems.",
            &[F(52)],
        ),
        CONTROL,
    ],
    &[p(
        "On the machine, lying on your side with an ankle weight, or standing with a band fixed beside you.",
        &[F(53)],
    )],
    &[HIP_HEAVIER],
);

/// Glute bridge: F51, F53–F55.
const GLUTE_BRIDGE: Exercise = hip_exercise(
    "glute-bridge",
    "Glute bridge",
    "Strengthens the glutes, which strongly influence the lower back.",
    &[M::GluteusMaximus],
    &[F(51)],
    &[E::Floor, E::Band],
    &[
        p(
            "On your back, knees bent, feet flat: squeeze your glutes to lift your hips until your body is straight from knees to shoulders, then lower slowly.",
            &[F(53)],
        ),
        HIP_CONTROL,
        HIP_FULL_SETS,
        CONTROL,
    ],
    &[p(
        "With a band around your knees, pressing them gently outward as you lift.",
        &[F(53)],
    )],
    &[],
);

/// The whole program, in session order.
pub const EXERCISES: &[Exercise] = &[
    LEG_PRESS,
    LEG_EXTENSION,
    LEG_CURL,
    BACK_EXTENSION,
    SEATED_ROW,
    CHEST_PRESS,
    CORE,
    HIP_ABDUCTION,
    HIP_ADDUCTION,
    GLUTE_BRIDGE,
];

/// What sessions need of each exercise, in session order: the same as
/// [`EXERCISES`] without the cards' text (see [`Basics`]).
pub const BASICS: &[Basics] = &[
    LEG_PRESS.basics,
    LEG_EXTENSION.basics,
    LEG_CURL.basics,
    BACK_EXTENSION.basics,
    SEATED_ROW.basics,
    CHEST_PRESS.basics,
    CORE.basics,
    HIP_ABDUCTION.basics,
    HIP_ADDUCTION.basics,
    GLUTE_BRIDGE.basics,
];

/// The exercise with this id, with its card's text.
pub fn exercise(id: &str) -> Option<&'static Exercise> {
    EXERCISES.iter().find(|e| e.id == id)
}

/// The basics of the exercise with this id.
pub fn basics(id: &str) -> Option<&'static Basics> {
    BASICS.iter().find(|e| e.id == id)
}

/// The name to show for an exercise id found in stored data: the
/// program's name, the name of an exercise from an older version of the
/// app, or the id itself.
pub fn name_of(id: &str) -> &str {
    match (basics(id), id) {
        (Some(e), _) => e.name,
        // Before each hip and glute exercise became its own (F54).
        (None, "hips-and-glutes") => "Hips and glutes",
        (None, other) => other,
    }
}
