//! The Progress screen's tables and history, written as text
//! ([`crate::markup`]): the calendar of the last weeks, and the sessions
//! week by week, each opening to show its sets. Read-only, drawn once from
//! the history: as text they cost the wasm a few string writes instead of a
//! `view!` per cell.

use super::{Consistency, Outcome, WeekOfSessions, date_label, short_date};
use crate::{
    markup::{Attr, Markup},
    screening::local_day,
    session::{Effort, Session},
    units::{self, Unit},
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

/// Weeks of the history, newest first: a heading per week, then its
/// sessions, each a `<details>` whose summary gives the date, how long it
/// took, exercises and sets done, and a mark when it was stopped for pain or
/// left incomplete; opened, it shows every set.
pub fn week_entries(weeks: &[WeekOfSessions], unit: Unit, offset: i32) -> String {
    let mut m = Markup::default();
    for week in weeks {
        m.element(
            "h3",
            &[("class", &"week-heading")],
            format_args!(
                "Week of {} · {}",
                short_date(week.start_day),
                units::count(week.sessions.len(), "session")
            ),
        );
        m.open("ul", &[("class", &"sessions")]);
        for session in &week.sessions {
            session_entry(&mut m, session, unit, offset);
        }
        m.close("ul");
    }
    m.finish()
}

fn session_entry(m: &mut Markup, session: &Session, unit: Unit, offset: i32) {
    let exercises = (0..session.plan.items.len())
        .filter(|i| session.sets.iter().any(|s| s.item == *i && s.done()))
        .count();
    let mark = match Outcome::of(session) {
        Outcome::Finished => None,
        Outcome::StoppedForPain => Some(("mark mark-pain", "Stopped for pain")),
        Outcome::Incomplete => Some(("mark mark-incomplete", "Incomplete")),
    };
    m.open(
        "li",
        &[("class", &"session-entry"), ("data-session", &session.id)],
    );
    m.open("details", &[]).open("summary", &[]);
    m.element(
        "span",
        &[("class", &"session-date")],
        date_label(local_day(session.started_ms, offset)),
    );
    m.text(format_args!(
        " · {} · {} · {}",
        crate::session::active_time_label(session),
        units::count(exercises, "exercise"),
        units::count(session.sets_done(), "set")
    ));
    if let Some((class, text)) = mark {
        m.text(" ").element("span", &[("class", &class)], text);
    }
    m.close("summary");
    m.open("table", &[("class", &"sets")])
        .open("thead", &[])
        .open("tr", &[]);
    for heading in ["Exercise", "Set", "Reps", "Load", "Effort", "Pain"] {
        m.element("th", &[("scope", &"col")], heading);
    }
    m.close("tr").close("thead").open("tbody", &[]);
    set_rows(m, session, unit);
    m.close("tbody").close("table").close("details").close("li");
}

/// Every set of `session`, in the order logged: a set not done says why
/// (skipped, stopped for pain) where its reps would be.
fn set_rows(m: &mut Markup, session: &Session, unit: Unit) {
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
}
