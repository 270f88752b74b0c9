//! The safety check's markup: blank to start, a verdict as answers come,
//! Start only for four yeses on a day that is not locked.

use super::*;
use crate::session::screen::Tap;

#[test]
fn a_fresh_check_has_no_answers_and_no_start() {
    let m = check(&Answers::default(), None);
    assert_eq!(m.matches("aria-pressed=\"false\"").count(), 8);
    assert!(!m.contains("aria-pressed=\"true\""));
    assert!(m.contains("<div data-part=\"locked\"></div><div data-questions>"));
    assert!(m.contains("Answer all four to start."));
    assert!(m.contains(&start(false)));
    assert!(start(false).contains(" disabled "));
    assert!(
        !start(false).contains("data-tap"),
        "a disabled Start does nothing"
    );
    for (i, c) in CRITERIA.iter().enumerate() {
        assert!(m.contains(&format!("data-criterion=\"{}\"", c.id)));
        for answer in ["yes", "no"] {
            let tap = format!("answer:{i}:{answer}");
            assert!(m.contains(&format!("data-tap=\"{tap}\"")), "{tap}");
            assert!(Tap::parse(&tap).is_some(), "{tap}");
        }
    }
}

#[test]
fn answers_show_pressed_and_a_no_says_why_not_today() {
    let mut a = Answers::default();
    a.answer(1, false);
    let m = check(&a, None);
    assert_eq!(m.matches("aria-pressed=\"true\"").count(), 1);
    let v = verdict(&a);
    assert!(v.contains("data-testid=\"not-today\""));
    assert!(v.contains(&format!(
        "<li>{}</li>",
        CRITERIA[1].if_not.replace('"', "&quot;")
    )));
    for i in [0, 1, 2, 3] {
        a.answer(i, true);
    }
    assert!(verdict(&a).contains("data-testid=\"cleared\""));
    assert!(start(true).contains("data-tap=\"begin\""));
    assert_eq!(Tap::parse("begin"), Some(Tap::Begin));
}

#[test]
fn a_locked_day_hides_the_questions_and_says_why() {
    let m = check(&Answers::default(), Some(5 * 60_000));
    assert!(m.contains("<div data-questions class=\"hidden\">"));
    assert!(m.contains("data-testid=\"locked-today\""));
    assert!(m.contains("(5 min ago)"));
    assert!(m.contains("<a href=\"/stop\">What to do now</a>"));
    assert_eq!(locked(None), "");
    // Four yeses do not open a locked day.
    let mut a = Answers::default();
    for i in 0..4 {
        a.answer(i, true);
    }
    assert!(check(&a, Some(1)).contains(&start(false)));
}
