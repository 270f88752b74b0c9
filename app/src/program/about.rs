//! What the program is and why, for the About page and the Program screen's
//! introduction.

use super::{Fact as F, Point};

/// The program's aims, in our words.
pub const PROGRAM_INTRO: &[Point] = &[
    Point {
        text: "This program strengthens the muscles that support your lower back: the glutes (gluteus maximus and medius), the quadriceps, the abdominals and obliques, and the quadratus lumborum deep in the low back.",
        facts: &[F(16)],
    },
    Point {
        text: "Strong legs and glutes carry load that would otherwise land on your back. Leaving out the leg work is when symptoms tend to return.",
        facts: &[F(6)],
    },
    Point {
        text: "Consistency is what counts: make these sessions a fixed part of your week.",
        facts: &[F(7)],
    },
];

/// The background for the About page.
pub const ABOUT: &[Point] = &[Point {
    text: "Most sciatica symptoms, about nine in ten, can be improved without surgery, through conservative care such as exercise.",
    facts: &[F(5)],
}];
