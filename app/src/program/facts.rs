//! Fact numbers of the source program, and the list the app claims to cover.

/// A fact of `shared/seed/PROGRAM-FACTS.md`, by number: `Fact(18)` is F18.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Fact(pub u8);

impl std::fmt::Display for Fact {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "F{}", self.0)
    }
}

/// Every fact the app carries: all of F1–F55. A test checks that each one is
/// referenced by some piece of program data, and the server's fact table
/// test that its content is on the page where it belongs.
pub const COVERED_FACTS: &[Fact] = &[
    Fact(1),
    Fact(2),
    Fact(3),
    Fact(4),
    Fact(5),
    Fact(6),
    Fact(7),
    Fact(8),
    Fact(9),
    Fact(10),
    Fact(11),
    Fact(12),
    Fact(13),
    Fact(14),
    Fact(15),
    Fact(16),
    Fact(17),
    Fact(18),
    Fact(19),
    Fact(20),
    Fact(21),
    Fact(22),
    Fact(23),
    Fact(24),
    Fact(25),
    Fact(26),
    Fact(27),
    Fact(28),
    Fact(29),
    Fact(30),
    Fact(31),
    Fact(32),
    Fact(33),
    Fact(34),
    Fact(35),
    Fact(36),
    Fact(37),
    Fact(38),
    Fact(39),
    Fact(40),
    Fact(41),
    Fact(42),
    Fact(43),
    Fact(44),
    Fact(45),
    Fact(46),
    Fact(47),
    Fact(48),
    Fact(49),
    Fact(50),
    Fact(51),
    Fact(52),
    Fact(53),
    Fact(54),
    Fact(55),
];
