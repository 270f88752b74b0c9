//! What the program is and why, for the About page and the Program screen's
//! introduction, and a short, plain background on the condition (F1–F4).

use super::{Fact as F, Point};

/// The program's aims, in our words.
pub const PROGRAM_INTRO: &[Point] = &[
    Point {
        text: "This program strengthens the muscles that support your lower back: the glutes (gluteus maximus and medius), the quadriceps, the abdominals and obliques, and the quadratus lumborum deep in the low back.",
        facts: &[F(16)],
    },
    Point {
        text: "The program's author found that strong glutes and legs made the upper body work better, and that the symptoms came back whenever leg training was skipped. That is the author's own experience, not a tested rule.",
        facts: &[F(6)],
    },
    Point {
        text: "Consistency is what counts: make these sessions a priority in your everyday life.",
        facts: &[F(7)],
    },
];

/// The background for the About page.
pub const ABOUT: &[Point] = &[Point {
    text: "About 90% of sciatica symptoms can be improved with conservative care: treatment without surgery, such as exercise.",
    facts: &[F(5)],
}];

/// "Your back": what a pinched nerve is, in plain words (F1–F4). No
/// diagnosis: the app cannot tell what a person has.
pub const YOUR_BACK: &[Point] = &[
    Point {
        text: "A pinched nerve is a nerve squeezed by what is around it: bone, muscle, tendon or cartilage. The pressure disturbs how the nerve works.",
        facts: &[F(1)],
    },
    Point {
        text: "That disturbance can show as numbness, tingling, pain, or weakness in a muscle or joint.",
        facts: &[F(2)],
    },
    Point {
        text: "In the lower back, a common cause is a herniated disc pressing on a nerve root. The pain can then spread into the buttock, the leg and the foot.",
        facts: &[F(3)],
    },
    Point {
        text: "Not every herniated disc causes symptoms.",
        facts: &[F(4)],
    },
];
