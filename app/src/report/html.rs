//! The report as HTML text ([`crate::markup`]): its sections in the order
//! a clinician reads them, with their tables, charts and notes. Read-only,
//! drawn once from the stored data for a period: as text it costs the wasm a
//! few string writes instead of a `view!` per cell, and it is tested
//! natively.

use super::{CheckLine, ExerciseLine, PainStop, Report, WeekLine, chart};
use crate::{
    markup::Markup,
    progress::{date_label, short_date_year},
    units::{self, Unit},
};

/// The whole report, in a `<div class="report">` that names its period.
pub fn body(report: &Report, unit: Unit) -> String {
    let mut m = Markup::default();
    m.open(
        "div",
        &[
            ("class", &"report"),
            ("data-testid", &"report-ready"),
            ("data-period", &report.period.id()),
        ],
    );
    let title = format!(
        "{}: {} – {}",
        report.period.label(),
        short_date_year(report.from_day),
        short_date_year(report.to_day)
    );
    section(&mut m, "report-period", &title, None, |m| {
        m.element(
            "p",
            &[("data-testid", &"report-sessions")],
            format_args!(
                "{} in this period. Weekly target: {}.",
                units::count(report.sessions as usize, "session"),
                units::count(usize::from(report.target), "session")
            ),
        );
        m.open("table", &[("class", &"report-table report-weeks")]);
        m.element("caption", &[], "Sessions, week by week");
        head(m, &["Week of", "Sessions", "Target"]);
        m.open("tbody", &[]);
        week_rows(m, &report.weeks, report.target);
        m.close("tbody").close("table");
    });
    section(
        &mut m,
        "report-program",
        "The program as followed",
        None,
        |m| {
            m.open(
                "table",
                &[
                    ("class", &"report-table report-program"),
                    ("data-testid", &"report-program"),
                ],
            );
            head(
                m,
                &[
                    "Exercise",
                    "Sets × reps",
                    "Sessions",
                    "First",
                    "Last",
                    "Left out or varied",
                ],
            );
            m.open("tbody", &[]);
            program_rows(m, &report.exercises, unit);
            m.close("tbody").close("table");
            m.element(
            "p",
            &[("class", &"fine-print")],
            "Load: the heaviest set of the session. Where no load is used, the reps of the best set.",
        );
        },
    );
    let charted: Vec<&ExerciseLine> = report
        .exercises
        .iter()
        .filter(|e| !e.points.is_empty())
        .collect();
    let empty = charted
        .is_empty()
        .then_some("No sets logged in this period.");
    section(
        &mut m,
        "report-charts",
        "Each exercise over the period",
        empty,
        |m| {
            m.element(
                "p",
                &[("class", &"fine-print")],
                "Line: load (or reps). ▲ under a session: the exercise brought on pain that day.",
            );
            m.open("div", &[("class", &"report-charts")]);
            for line in charted {
                m.open("figure", &[("class", &"report-figure")]);
                m.element("figcaption", &[], line.name);
                chart::draw(m, line, unit);
                m.close("figure");
            }
            m.close("div");
        },
    );
    let empty = report
        .pain_stops
        .is_empty()
        .then_some("None in this period.");
    section(&mut m, "report-stops", "Stops for pain", empty, |m| {
        m.open(
            "table",
            &[("class", &"report-table"), ("data-testid", &"report-stops")],
        );
        head(m, &["Date", "Exercise", "What was felt", "Stopped"]);
        m.open("tbody", &[]);
        stop_rows(m, &report.pain_stops);
        m.close("tbody").close("table");
    });
    let empty = report.checks.is_empty().then_some("None in this period.");
    let title = "Safety checks that kept you from training";
    section(&mut m, "report-checks", title, empty, |m| {
        m.open(
            "table",
            &[
                ("class", &"report-table"),
                ("data-testid", &"report-checks"),
            ],
        );
        head(m, &["Date", "Answered no"]);
        m.open("tbody", &[]);
        check_rows(m, &report.checks);
        m.close("tbody").close("table");
    });
    let empty = report.notes.is_empty().then_some("No notes.");
    section(&mut m, "report-notes", "Your notes", empty, |m| {
        m.open("dl", &[("class", &"report-notes")]);
        for (name, text) in &report.notes {
            m.element("dt", &[], name).element("dd", &[], text);
        }
        m.close("dl");
    });
    m.close("div");
    m.finish()
}

/// One section: its heading (which labels it), then its content, or a line
/// that says there is nothing to show for the period.
fn section(
    m: &mut Markup,
    id: &str,
    title: &str,
    empty: Option<&str>,
    content: impl FnOnce(&mut Markup),
) {
    m.open(
        "section",
        &[("class", &"report-section"), ("aria-labelledby", &id)],
    );
    m.element("h2", &[("id", &id)], title);
    match empty {
        Some(text) => {
            m.element(
                "p",
                &[("class", &"report-empty"), ("data-empty-for", &id)],
                text,
            );
        }
        None => content(m),
    }
    m.close("section");
}

/// A table's head: one column heading each.
fn head(m: &mut Markup, columns: &[&str]) {
    m.open("thead", &[]).open("tr", &[]);
    for column in columns {
        m.element("th", &[("scope", &"col")], column);
    }
    m.close("tr").close("thead");
}

/// Sessions week by week against the target.
fn week_rows(m: &mut Markup, weeks: &[WeekLine], target: u8) {
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
}

/// The program as followed: each exercise's sets × reps, sessions, first
/// and last load (or reps), and what was varied or left out.
fn program_rows(m: &mut Markup, exercises: &[ExerciseLine], unit: Unit) {
    let value = |line: &ExerciseLine, v: f32| {
        if line.by_load {
            unit.show(v)
        } else {
            format!("{} reps", units::kg(v))
        }
    };
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
}

/// Every stop for pain: when, during which exercise, what was felt, and
/// whether the exercise (F13) or the whole session (F12) was stopped.
fn stop_rows(m: &mut Markup, stops: &[PainStop]) {
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
}

/// Every safety check that kept the person from training, with the
/// questions answered "no".
fn check_rows(m: &mut Markup, checks: &[CheckLine]) {
    for c in checks {
        m.open("tr", &[]).element("td", &[], date_label(c.day));
        m.open("td", &[]).open("ul", &[("class", &"report-list")]);
        for q in &c.answered_no {
            m.element("li", &[], q);
        }
        m.close("ul").close("td").close("tr");
    }
}
