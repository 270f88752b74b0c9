//! The warm-up before every session: foam rolling and stretching (F15,
//! F17), and shoulder rotations before any pressing (F41). The source gives no
//! durations: every time and count here is our suggestion.

use super::{Fact as F, Muscle as M, Origin, Point, Prescription, Range};

/// One warm-up step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WarmUpItem {
    /// Stable id.
    pub id: &'static str,
    /// Its name.
    pub name: &'static str,
    /// The muscles it targets.
    pub muscles: &'static [M],
    /// How to do it.
    pub how: Point,
    /// How long or how many, always our suggestion.
    pub dose: &'static str,
}

/// Foam rolling, before stretching (F15, F40).
pub const FOAM_ROLLING: WarmUpItem = WarmUpItem {
    id: "foam-rolling",
    name: "Foam rolling",
    muscles: &[
        M::Quadriceps,
        M::Hamstrings,
        M::GluteusMaximus,
        M::UpperBack,
    ],
    how: Point {
        text: "Roll slowly over the fronts and backs of your thighs, your glutes and your upper back. Add chest and shoulders on chest press days if your shoulders tend to take over the press.",
        facts: &[F(15), F(40)],
    },
    dose: "about 30–60 seconds per area",
};

/// A note that stretching supports the training, not the other way round.
pub const STRETCH_NOTE: Point = Point {
    text: "Stretch gently, to mild tension and never into pain, and keep it short: the strength work is the main event.",
    facts: &[F(17)],
};

/// The six stretches (F17).
pub const STRETCHES: &[WarmUpItem] = &[
    WarmUpItem {
        id: "stretch-hamstrings",
        name: "Hamstring stretch",
        muscles: &[M::Hamstrings],
        how: Point {
            text: "Lying on your back, raise one straight leg, holding it behind the thigh, until you feel the back of the thigh.",
            facts: &[F(17)],
        },
        dose: "20–30 seconds each side",
    },
    WarmUpItem {
        id: "stretch-quadriceps",
        name: "Quadriceps stretch",
        muscles: &[M::Quadriceps],
        how: Point {
            text: "Standing and holding on for balance, bring one heel toward your buttock, knees side by side.",
            facts: &[F(17)],
        },
        dose: "20–30 seconds each side",
    },
    WarmUpItem {
        id: "stretch-hip-flexors",
        name: "Hip flexor stretch",
        muscles: &[M::HipFlexors],
        how: Point {
            text: "Half-kneeling, one foot forward: tuck your pelvis under and shift gently forward until the front of the back hip stretches.",
            facts: &[F(17)],
        },
        dose: "20–30 seconds each side",
    },
    WarmUpItem {
        id: "stretch-piriformis",
        name: "Piriformis stretch",
        muscles: &[M::Piriformis],
        how: Point {
            text: "On your back, cross one ankle over the other knee and draw the lower leg toward you.",
            facts: &[F(17)],
        },
        dose: "20–30 seconds each side",
    },
    WarmUpItem {
        id: "stretch-erectors",
        name: "Lower back stretch",
        muscles: &[M::Erectors],
        how: Point {
            text: "On your back, hug both knees gently toward your chest.",
            facts: &[F(17)],
        },
        dose: "20–30 seconds",
    },
    WarmUpItem {
        id: "stretch-quadratus-lumborum",
        name: "Side stretch",
        muscles: &[M::QuadratusLumborum],
        how: Point {
            text: "Standing tall, reach one arm overhead and lean gently to the other side.",
            facts: &[F(17)],
        },
        dose: "20–30 seconds each side",
    },
];

/// Shoulder internal and external rotation, before the chest press (F41).
pub const SHOULDER_ROTATIONS: WarmUpItem = WarmUpItem {
    id: "shoulder-rotations",
    name: "Shoulder rotations",
    muscles: &[M::Deltoids],
    how: Point {
        text: "Elbow bent at your side, rotate the forearm out and back in against a light band; then turn to rotate it inward. Both arms.",
        facts: &[F(41)],
    },
    dose: "1–2 sets of 10–15 each way",
};

/// The suggested dose of the shoulder rotations as numbers, for the session.
pub const SHOULDER_ROTATIONS_PRESCRIPTION: Prescription = Prescription {
    sets: Range::new(1, 2),
    reps: Range::new(10, 15),
    origin: Origin::Suggested(&[]),
};
