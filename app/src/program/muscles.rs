//! The muscles the program names, and where the body map draws them.

/// Which view of the body map shows a muscle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodySide {
    /// Seen from the front.
    Front,
    /// Seen from the back.
    Back,
}

/// A muscle or muscle group the program strengthens or stretches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Muscle {
    /// Front of the thigh.
    Quadriceps,
    /// Back of the thigh.
    Hamstrings,
    /// The big buttock muscle.
    GluteusMaximus,
    /// Side of the hip, above the glute.
    GluteusMedius,
    /// Inner thigh.
    Adductors,
    /// Front of the hip.
    HipFlexors,
    /// Deep in the buttock.
    Piriformis,
    /// Along the spine (erector spinae).
    Erectors,
    /// Deep low back, between the ribs and the pelvis.
    QuadratusLumborum,
    /// Front of the belly (rectus abdominis).
    Abdominals,
    /// Sides of the waist.
    Obliques,
    /// Chest.
    Pectorals,
    /// Shoulders.
    Deltoids,
    /// Upper and middle back (lats, rhomboids, trapezius).
    UpperBack,
}

impl Muscle {
    /// Its everyday name.
    pub fn name(self) -> &'static str {
        match self {
            Muscle::Quadriceps => "Quadriceps",
            Muscle::Hamstrings => "Hamstrings",
            Muscle::GluteusMaximus => "Gluteus maximus",
            Muscle::GluteusMedius => "Gluteus medius",
            Muscle::Adductors => "Adductors (inner thigh)",
            Muscle::HipFlexors => "Hip flexors",
            Muscle::Piriformis => "Piriformis",
            Muscle::Erectors => "Spinal erectors",
            Muscle::QuadratusLumborum => "Quadratus lumborum",
            Muscle::Abdominals => "Abdominals",
            Muscle::Obliques => "Obliques",
            Muscle::Pectorals => "Chest (pectorals)",
            Muscle::Deltoids => "Shoulders (deltoids)",
            Muscle::UpperBack => "Upper back",
        }
    }

    /// The id of its shapes in the body map's drawing.
    pub fn css_id(self) -> &'static str {
        match self {
            Muscle::Quadriceps => "quads",
            Muscle::Hamstrings => "hams",
            Muscle::GluteusMaximus => "gmax",
            Muscle::GluteusMedius => "gmed",
            Muscle::Adductors => "adductors",
            Muscle::HipFlexors => "hipflex",
            Muscle::Piriformis => "piri",
            Muscle::Erectors => "erectors",
            Muscle::QuadratusLumborum => "ql",
            Muscle::Abdominals => "abs",
            Muscle::Obliques => "obliques",
            Muscle::Pectorals => "pecs",
            Muscle::Deltoids => "delts",
            Muscle::UpperBack => "upperback",
        }
    }

    /// The view that shows it.
    pub fn side(self) -> BodySide {
        match self {
            Muscle::Quadriceps
            | Muscle::Adductors
            | Muscle::HipFlexors
            | Muscle::Abdominals
            | Muscle::Obliques
            | Muscle::Pectorals
            | Muscle::Deltoids => BodySide::Front,
            Muscle::Hamstrings
            | Muscle::GluteusMaximus
            | Muscle::GluteusMedius
            | Muscle::Piriformis
            | Muscle::Erectors
            | Muscle::QuadratusLumborum
            | Muscle::UpperBack => BodySide::Back,
        }
    }

    /// The muscles the program sets out to strengthen (F16).
    pub const TO_STRENGTHEN: &'static [Muscle] = &[
        Muscle::QuadratusLumborum,
        Muscle::GluteusMaximus,
        Muscle::GluteusMedius,
        Muscle::Quadriceps,
        Muscle::Abdominals,
        Muscle::Obliques,
    ];

    /// The muscles the program stretches before training (F17).
    pub const TO_STRETCH: &'static [Muscle] = &[
        Muscle::Hamstrings,
        Muscle::Quadriceps,
        Muscle::HipFlexors,
        Muscle::Piriformis,
        Muscle::Erectors,
        Muscle::QuadratusLumborum,
    ];
}
