//! The Progress screen as HTML text ([`crate::markup`]): consistency with
//! the calendar of the last weeks, a chart and a next-load suggestion per
//! exercise, and the sessions week by week, each opening to show its sets.
//! Read-only, drawn once from the history: as text it costs the wasm a few
//! string writes instead of a `view!` per cell, and it is tested natively.

use super::{
    Advice, Consistency, Outcome, Point, Suggestion, WeekOfSessions, chart, date_label, short_date,
};
use crate::{
    markup::{Attr, Markup},
    program::Basics,
    screening::local_day,
    session::{Effort, Session},
    units::{self, Unit},
};

/// One exercise's part of the screen: its sessions and the suggestion for
/// next time.
pub struct ExerciseSeries {
    /// The exercise.
    pub exercise: &'static Basics,
    /// Its sessions, oldest first.
    pub series: Vec<Point>,
    /// The load suggested for next time, if any.
    pub suggestion: Option<Suggestion>,
}

/// The consistency panel and the panel of exercises, each drawn with its
/// chart and suggestion.
pub fn overview(
    consistency: &Consistency,
    exercises: &[ExerciseSeries],
    unit: Unit,
    offset: i32,
) -> String {
    let mut m = Markup::default();
    consistency_panel(&mut m, consistency);
    m.open(
        "section",
        &[("class", &"panel"), ("aria-labelledby", &"by-exercise")],
    );
    m.element("h2", &[("id", &"by-exercise")], "By exercise");
    m.element(
        "p",
        &[("class", &"hint")],
        "Load (line) and volume (bars) over time. A mark shows each session where the exercise brought on pain.",
    );
    m.element(
        "p",
        &[("class", &"fine-print")],
        "Next-load suggestions are the app's own rule, not the source's: up one step only when every set reached the top of its range with no pain and none felt hard; down one step after the exercise brought on pain; none after a session you stopped. The step is your machine's own, set in Settings.",
    );
    for e in exercises {
        exercise_progress(&mut m, e, unit, offset);
    }
    m.close("section");
    m.finish()
}

/// This week against the target, the streak of weeks on target, and a
/// calendar of the last weeks. Encouraging, never nagging: no red marks for
/// days off.
fn consistency_panel(m: &mut Markup, c: &Consistency) {
    m.open(
        "section",
        &[("class", &"panel"), ("aria-labelledby", &"consistency")],
    );
    m.element("h2", &[("id", &"consistency")], "Consistency");
    let week = if c.this_week >= u32::from(c.target) {
        format!(
            "This week: {}. Target of {} reached.",
            units::count(c.this_week as usize, "session"),
            c.target
        )
    } else {
        format!("This week: {} of {} sessions.", c.this_week, c.target)
    };
    m.element(
        "p",
        &[("class", &"big-figure"), ("data-testid", &"this-week")],
        week,
    );
    let streak = match c.streak_weeks {
        0 => "Every week on target counts towards a streak.".to_owned(),
        1 => "1 week on target.".to_owned(),
        n => format!("{n} weeks in a row on target."),
    };
    m.element("p", &[("data-testid", &"streak")], streak);
    m.element(
        "p",
        &[("class", &"hint")],
        "The program asks for consistency: make these sessions a priority in your week.",
    );
    m.open(
        "table",
        &[
            ("class", &"calendar"),
            ("aria-label", &"Sessions in the last 12 weeks"),
        ],
    );
    m.open("thead", &[]).open("tr", &[]);
    for day in ["Week of", "M", "T", "W", "T", "F", "S", "S"] {
        m.element("th", &[("scope", &"col")], day);
    }
    m.close("tr").close("thead").open("tbody", &[]);
    calendar_rows(m, c);
    m.close("tbody").close("table").close("section");
}

/// One exercise: its chart and the suggested load for next time, with the
/// reason, marked as a suggestion.
fn exercise_progress(m: &mut Markup, e: &ExerciseSeries, unit: Unit, offset: i32) {
    let id = e.exercise.id;
    m.open(
        "article",
        &[("class", &"exercise-progress"), ("data-exercise", &id)],
    );
    m.element("h3", &[], e.exercise.name);
    chart::draw(m, &e.series, unit, offset, e.exercise.name);
    if let Some(s) = &e.suggestion {
        let (class, headline) = match (s.advice, s.next_kg) {
            (Advice::Up, Some(kg)) => (
                "advice advice-up",
                format!("Next time: {} (up a step)", unit.show(kg)),
            ),
            (Advice::Hold, Some(kg)) => (
                "advice advice-hold",
                format!("Next time: stay at {}", unit.show(kg)),
            ),
            (Advice::Down, Some(kg)) => (
                "advice advice-down",
                format!("Next time: {} (down a step), and take care", unit.show(kg)),
            ),
            (Advice::Up, None) => (
                "advice advice-up",
                "Next time: a little more (a step up in load or difficulty)".to_owned(),
            ),
            (Advice::Hold, None) => ("advice advice-hold", "Next time: the same again".to_owned()),
            (Advice::Down, None) => (
                "advice advice-down",
                "Next time: go easier, and take care".to_owned(),
            ),
            (Advice::None, _) => (
                "advice advice-down",
                "No load suggestion for now".to_owned(),
            ),
        };
        m.open(
            "div",
            &[
                ("class", &class),
                ("data-testid", &format_args!("advice-{id}")),
            ],
        );
        m.open("p", &[]).element("strong", &[], headline).text(" ");
        m.element("span", &[("class", &"tag")], "the app's suggestion")
            .close("p");
        m.element("p", &[], s.reason.text());
        if s.caution() {
            m.element(
                "p",
                &[("class", &"caution")],
                "If the pain spreads into your leg, or you feel numbness or tingling, stop and see the Stop page.",
            );
        }
        m.close("div");
    }
    m.close("article");
}

/// The calendar's rows, oldest week first: a dot on each day with a
/// session, today outlined, weeks on target marked. Encouraging, never
/// nagging: a day off is a quiet dot, never red.
fn calendar_rows(m: &mut Markup, consistency: &Consistency) {
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
}

/// Weeks of the history shown at first, and added by each tap on "Show
/// older weeks", so a long history opens fast.
pub const WEEKS_PER_BLOCK: usize = 8;

/// What the screen says while the history is read.
pub const LOADING: &str =
    r#"<p class="lead" data-testid="progress-loading">Reading your history on this device…</p>"#;

/// The screen with no session yet.
pub const EMPTY: &str = r#"<div class="panel" data-testid="progress-empty"><p>No sessions yet. Your first one shows up here as soon as it ends: the weeks you trained, your loads and any pain, side by side.</p><a class="button button-primary" href="/session">Go to today's session</a></div>"#;

/// The History panel: the newest [`WEEKS_PER_BLOCK`] weeks in a block, and
/// a button for older ones when there are more (each tap adds a block
/// before it: see [`week_block`]).
pub fn history(weeks: &[WeekOfSessions], unit: Unit, offset: i32) -> String {
    let mut m = Markup::default();
    m.open(
        "section",
        &[("class", &"panel"), ("aria-labelledby", &"history")],
    )
    .element("h2", &[("id", &"history")], "History");
    let first = weeks.len().min(WEEKS_PER_BLOCK);
    let mut out = m.finish();
    out.push_str(&week_block(&weeks[..first], unit, offset));
    if weeks.len() > first {
        out.push_str(OLDER_WEEKS);
    }
    out.push_str("</section>");
    out
}

/// The button that adds a block of older weeks.
const OLDER_WEEKS: &str = r#"<button type="button" class="button" data-testid="older-weeks" data-action="older-weeks">Show older weeks</button>"#;

/// A block of weeks of the history (see [`week_entries`]).
pub fn week_block(weeks: &[WeekOfSessions], unit: Unit, offset: i32) -> String {
    format!("<div>{}</div>", week_entries(weeks, unit, offset))
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
