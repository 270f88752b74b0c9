//! The report's tables and notes, written as text ([`crate::markup`]) for
//! their containers: read-only rows drawn once from the stored data, which
//! as text cost the wasm a few string writes instead of a `view!` per cell.

use super::{CheckLine, ExerciseLine, PainStop, WeekLine};
use crate::{
    markup::Markup,
    progress::{date_label, short_date_year},
    units::{self, Unit},
};

/// Sessions week by week against the target.
pub fn week_rows(weeks: &[WeekLine], target: u8) -> String {
    let mut m = Markup::default();
    for w in weeks {
        let met = if w.sessions >= u32::from(target) {
            "met"
        } else {
            "not met"
        };
        m.row(
            &[],
            &[
                ("td", &[], &short_date_year(w.start_day)),
                ("td", &[], &w.sessions),
                ("td", &[], &met),
            ],
        );
    }
    m.finish()
}

/// The program as followed: each exercise's sets × reps, sessions, first
/// and last load (or reps), and what was varied or left out.
pub fn program_rows(exercises: &[ExerciseLine], unit: Unit) -> String {
    let value = |line: &ExerciseLine, v: f32| {
        if line.by_load {
            unit.show(v)
        } else {
            format!("{} reps", units::kg(v))
        }
    };
    let mut m = Markup::default();
    for e in exercises {
        let first = e
            .first
            .as_ref()
            .map_or("–".to_owned(), |p| value(e, p.value));
        let last = e
            .last
            .as_ref()
            .map_or("–".to_owned(), |p| value(e, p.value));
        let mut changes: Vec<String> = e
            .varied
            .iter()
            .map(|(label, n)| format!("{label}: {}", units::count(*n as usize, "session")))
            .collect();
        if e.left_out {
            changes.push("Left out: no machine at the gym".to_owned());
        }
        let changes = if changes.is_empty() {
            "–".to_owned()
        } else {
            changes.join("; ")
        };
        m.row(
            &[("data-exercise", &e.id)],
            &[
                ("th", &[("scope", &"row")], &e.name),
                (
                    "td",
                    &[("data-label", &"Sets × reps")],
                    &e.sets_reps.as_deref().unwrap_or("–"),
                ),
                ("td", &[("data-label", &"Sessions")], &e.sessions),
                (
                    "td",
                    &[("data-label", &"First"), ("data-testid", &"first")],
                    &first,
                ),
                (
                    "td",
                    &[("data-label", &"Last"), ("data-testid", &"last")],
                    &last,
                ),
                ("td", &[("data-label", &"Left out or varied")], &changes),
            ],
        );
    }
    m.finish()
}

/// Every stop for pain: when, during which exercise, what was felt, and
/// whether the exercise (F13) or the whole session (F12) was stopped.
pub fn stop_rows(stops: &[PainStop]) -> String {
    let mut m = Markup::default();
    for s in stops {
        let stopped = if s.whole_session {
            "the session"
        } else {
            "this exercise"
        };
        m.row(
            &[],
            &[
                ("td", &[], &date_label(s.day)),
                ("td", &[], &s.exercise.unwrap_or("–")),
                ("td", &[], &s.felt),
                ("td", &[], &stopped),
            ],
        );
    }
    m.finish()
}

/// Every safety check that kept the person from training, with the
/// questions answered "no".
pub fn check_rows(checks: &[CheckLine]) -> String {
    let mut m = Markup::default();
    for c in checks {
        m.open("tr", &[]).element("td", &[], date_label(c.day));
        m.open("td", &[]).open("ul", &[("class", &"report-list")]);
        for q in &c.answered_no {
            m.element("li", &[], q);
        }
        m.close("ul").close("td").close("tr");
    }
    m.finish()
}

/// The person's notes, exercise by exercise, for a `<dl>`.
pub fn note_items(notes: &[(&str, String)]) -> String {
    let mut m = Markup::default();
    for (name, text) in notes {
        m.element("dt", &[], name).element("dd", &[], text);
    }
    m.finish()
}
