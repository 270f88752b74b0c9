//! Who may start (F8–F11), when to stop (F12–F14), and the red flags that
//! need medical help rather than exercise. The red flags come from standard
//! clinical guidance (signs of nerve compression that cannot wait), not from
//! the source program.

use super::{Fact as F, Point};

/// One of the four conditions that must all hold before a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Criterion {
    /// Stable id, used in storage.
    pub id: &'static str,
    /// The yes/no question.
    pub question: &'static str,
    /// Why a "no" means not today, and what to do instead.
    pub if_not: &'static str,
    /// The fact it comes from.
    pub fact: F,
}

/// All four must be answered yes (F8–F11).
pub const CRITERIA: [Criterion; 4] = [
    Criterion {
        id: "no-radiating-pain",
        question: "Are you free of pain that spreads from your back into your buttock, leg or foot?",
        if_not: "Pain that travels down the leg means the nerve is still irritated, and this program is not for that stage. Rest from it today, and talk to your doctor or physiotherapist. Check again on a day when the pain stays in your back or is gone.",
        fact: F(8),
    },
    Criterion {
        id: "full-range",
        question: "Can you bend and move your lower back through its full range without it being blocked?",
        if_not: "The program expects a lower back that moves freely. While movement is still limited, ask your doctor or physiotherapist what suits you now, and check again once it moves fully.",
        fact: F(9),
    },
    Criterion {
        id: "motor-control",
        question: "Do you have full control and strength in both legs?",
        if_not: "Weakness or poor control in a leg needs a medical check before any training. Please see a doctor, and come back once they have looked at it.",
        fact: F(10),
    },
    Criterion {
        id: "medical-clearance",
        question: "Has a doctor cleared you to exercise?",
        if_not: "This program asks for a doctor's go-ahead first. Ask your doctor whether strength training at the gym is right for you now, and start once they agree.",
        fact: F(11),
    },
];

/// When to stop, shown on every exercise and session screen.
pub const STOP_RULES: &[Point] = &[
    Point {
        text: "Pain that spreads into your buttock or leg, numbness, or tingling during exercise: stop the session now.",
        facts: &[F(12)],
    },
    Point {
        text: "An exercise that brings on pain: stop that exercise.",
        facts: &[F(13)],
    },
    Point {
        text: "Never jerk a weight: control it both ways, every rep.",
        facts: &[F(14)],
    },
];

/// Signs that need medical help now, not exercise (standard clinical
/// guidance, not the source program).
pub const RED_FLAGS: &[&str] = &[
    "Loss of control of your bladder or bowels, or being unable to pass urine",
    "Numbness in your groin, genitals, buttocks or inner thighs (the \"saddle\" area)",
    "Weakness in a leg or foot that is getting worse",
];
