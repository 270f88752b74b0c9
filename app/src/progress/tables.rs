//! The Progress screen's tables, written as text ([`crate::markup`]) for
//! their `<tbody>`: the calendar of the last weeks and the sets of a past
//! session. Read-only rows, drawn once from the history: as text they cost
//! the wasm a few string writes instead of a `view!` per cell.

use super::{Consistency, short_date};
use crate::{
    markup::{Attr, Markup},
    session::{Effort, Session},
    units::Unit,
};

/// The calendar's rows, oldest week first: a dot on each day with a
/// session, today outlined, weeks on target marked. Encouraging, never
/// nagging: a day off is a quiet dot, never red.
pub fn calendar_rows(consistency: &Consistency) -> String {
    let mut m = Markup::default();
    for week in &consistency.calendar {
        let row: &[Attr] = if week.on_target {
            &[("class", &"on-target")]
        } else {
            &[]
        };
        m.open("tr", row);
        m.element("th", &[("scope", &"row")], short_date(week.start_day));
        for (i, n) in week.days.iter().enumerate() {
            let day = week.start_day + i as i64;
            let (mark, said) = match n {
                0 if day > consistency.today => ("", "not yet"),
                0 => ("·", "no session"),
                1 => ("●", "1 session"),
                _ => ("●", "more than one session"),
            };
            let class = match (*n > 0, day == consistency.today) {
                (true, true) => "trained today",
                (true, false) => "trained",
                (false, true) => "today",
                (false, false) => "",
            };
            if class.is_empty() {
                m.element("td", &[("aria-label", &said)], mark);
            } else {
                m.element("td", &[("class", &class), ("aria-label", &said)], mark);
            }
        }
        m.close("tr");
    }
    m.finish()
}

/// Every set of `session`, in the order logged: a set not done says why
/// (skipped, stopped for pain) where its reps would be.
pub fn set_rows(session: &Session, unit: Unit) -> String {
    let mut m = Markup::default();
    for set in &session.sets {
        let name = session
            .plan
            .items
            .get(set.item)
            .map_or("", |item| crate::program::name_of(&item.exercise_id));
        let reps = if set.done() {
            set.reps.to_string()
        } else {
            crate::backup::set_status(set).to_owned()
        };
        let load = set.load_kg.map(|kg| unit.show(kg)).unwrap_or_default();
        let effort = match set.effort {
            Some(Effort::Easy) => "easy",
            Some(Effort::Right) => "about right",
            Some(Effort::Hard) => "hard",
            None => "",
        };
        let pain = set.pain.map(|p| p.to_string()).unwrap_or_default();
        let row: &[Attr] = if set.done() {
            &[]
        } else {
            &[("class", &"skipped")]
        };
        m.row(
            row,
            &[
                ("td", &[], &name),
                ("td", &[("data-label", &"Set")], &set.set),
                ("td", &[("data-label", &"Reps")], &reps),
                ("td", &[("data-label", &"Load")], &load),
                ("td", &[("data-label", &"Effort")], &effort),
                ("td", &[("data-label", &"Pain")], &pain),
            ],
        );
    }
    m.finish()
}
