use super::*;
use crate::{
    screening::Check,
    session::{Event, Plan, Symptom},
    units::Unit,
};

const DAY: u64 = 86_400_000;
/// 2026-01-10, a Saturday, 12:00 UTC.
const NOW: u64 = 1_768_046_400_000;

fn day_ms(days_before_now: u64) -> u64 {
    NOW - days_before_now * DAY
}

/// A session `days_before` today: leg press sets at `load`, the first
/// `hurt_on` set (1-based) bringing on pain, then either finished or
/// stopped with the Stop control (`stop`).
fn session(days_before: u64, load: f32, hurt_on: Option<u16>, stop: bool) -> Session {
    let at = day_ms(days_before) - 3_600_000;
    let mut s = Session::new(format!("{at}-x"), Plan::from_program(Some(80.0)), at).unwrap();
    s.apply(Event::Start, at + 60_000).unwrap();
    let mut now = at + 120_000;
    for set in 1..=3u16 {
        let event = if hurt_on == Some(set) {
            Event::Hurts {
                reps: 10,
                load_kg: Some(load),
                effort: None,
                pain: Some(4),
            }
        } else {
            Event::SetDone {
                reps: 15,
                load_kg: Some(load),
                effort: None,
                pain: None,
            }
        };
        s.apply(event, now).unwrap();
        now += 120_000;
        if hurt_on == Some(set) {
            break;
        }
        let _ = s.apply(Event::SkipRest, now);
    }
    if stop {
        s.apply(
            Event::StopForPain(vec![Symptom::Numbness, Symptom::Tingling]),
            now,
        )
        .unwrap();
    } else {
        s.apply(Event::Finish, now).unwrap();
    }
    s
}

struct Data {
    history: History,
    screening: ScreeningLog,
    notes: Notes,
    prefs: Prefs,
}

/// Sessions on both sides of a year end: 2025-10-01 (outside 12 weeks),
/// 2025-12-20, 2025-12-29, 2026-01-02 (leg press hurt on set 2), and
/// 2026-01-07 (stopped: numbness, tingling).
fn data() -> Data {
    let mut history = History::default();
    for s in [
        session(101, 40.0, None, false),
        session(21, 50.0, None, false),
        session(12, 52.5, None, false),
        session(8, 55.0, Some(2), false),
        session(3, 55.0, None, true),
    ] {
        history.upsert(s);
    }
    let mut screening = ScreeningLog::default();
    for (days, answers) in [
        (90, [true, false, true, true]),
        (5, [false, true, true, false]),
        (3, [true; 4]),
    ] {
        screening.record(Check {
            at_ms: day_ms(days),
            utc_offset_min: 0,
            answers,
        });
    }
    let mut notes = Notes::default();
    notes.set("leg-press", "Seat on hole 4.").unwrap();
    let mut prefs = Prefs {
        weekly_target: 2,
        ..Prefs::default()
    };
    prefs.missing_machines.insert("chest-press".into());
    Data {
        history,
        screening,
        notes,
        prefs,
    }
}

fn report(data: &Data, period: Period) -> Report {
    let sources = Sources {
        history: &data.history,
        screening: &data.screening,
        notes: &data.notes,
        prefs: &data.prefs,
    };
    build(&sources, period, NOW, 0)
}

#[test]
fn each_period_counts_its_own_sessions_and_weeks() {
    let data = data();
    let four = report(&data, Period::Weeks4);
    assert_eq!(four.to_day - four.from_day, 27);
    assert_eq!(crate::progress::iso_date(four.from_day), "2025-12-14");
    assert_eq!(four.sessions, 4);
    assert_eq!(four.target, 2);
    // Weeks from Mon 8 Dec 2025 to Mon 5 Jan 2026: five, across the year end.
    let weeks: Vec<(String, u32)> = four
        .weeks
        .iter()
        .map(|w| (crate::progress::iso_date(w.start_day), w.sessions))
        .collect();
    assert_eq!(
        weeks,
        [
            ("2025-12-08".into(), 0),
            ("2025-12-15".into(), 1),
            ("2025-12-22".into(), 0),
            ("2025-12-29".into(), 2),
            ("2026-01-05".into(), 1),
        ]
    );
    assert_eq!(report(&data, Period::Weeks12).sessions, 4);
    let all = report(&data, Period::Everything);
    assert_eq!(all.sessions, 5);
    assert_eq!(crate::progress::iso_date(all.from_day), "2025-10-01");
    assert_eq!(all.weeks.iter().map(|w| w.sessions).sum::<u32>(), 5);
}

#[test]
fn loads_at_the_start_and_end_of_the_period_with_pain_marked() {
    let data = data();
    let leg_press = |period| {
        report(&data, period)
            .exercises
            .into_iter()
            .find(|e| e.id == "leg-press")
            .unwrap()
    };
    let four = leg_press(Period::Weeks4);
    assert!(four.by_load);
    assert_eq!(four.sessions, 4);
    assert_eq!(four.first.as_ref().unwrap().value, 50.0);
    assert_eq!(four.last.as_ref().unwrap().value, 55.0);
    let pain_days: Vec<String> = four
        .points
        .iter()
        .filter(|p| p.pain)
        .map(|p| crate::progress::iso_date(p.day))
        .collect();
    // Hurt on set 2, and under way when the session was stopped.
    assert_eq!(pain_days, ["2026-01-02", "2026-01-07"]);
    assert_eq!(four.pain_sessions, 2);
    assert_eq!(four.sets_reps.as_deref(), Some("5 × 15"));
    let all = leg_press(Period::Everything);
    assert_eq!(all.first.unwrap().value, 40.0);
    assert_eq!(all.sessions, 5);
    // Exercises not done in the period have no points, and say so.
    let four = report(&data, Period::Weeks4);
    let curl = four.exercises.iter().find(|e| e.id == "leg-curl").unwrap();
    assert_eq!((curl.sessions, curl.first.is_none()), (0, true));
    let chest = four
        .exercises
        .iter()
        .find(|e| e.id == "chest-press")
        .unwrap();
    assert!(chest.left_out, "no machine and no other way in the source");
}

#[test]
fn every_stop_for_pain_and_every_check_that_kept_them_out() {
    let data = data();
    let four = report(&data, Period::Weeks4);
    let stops: Vec<(String, Option<&str>, &str, bool)> = four
        .pain_stops
        .iter()
        .map(|s| {
            (
                crate::progress::iso_date(s.day),
                s.exercise,
                s.felt.as_str(),
                s.whole_session,
            )
        })
        .collect();
    assert_eq!(
        stops,
        [
            (
                "2026-01-02".into(),
                Some("Leg press"),
                "Pain 4 of 10 during set 2",
                false
            ),
            (
                "2026-01-07".into(),
                Some("Leg press"),
                "Numbness, Tingling",
                true
            ),
        ]
    );
    assert_eq!(four.checks.len(), 1, "the all-yes check is not listed");
    assert_eq!(crate::progress::iso_date(four.checks[0].day), "2026-01-05");
    assert_eq!(
        four.checks[0].answered_no,
        [CRITERIA[0].question, CRITERIA[3].question]
    );
    assert_eq!(report(&data, Period::Everything).checks.len(), 2);
    assert_eq!(four.notes, [("Leg press", "Seat on hole 4.".to_owned())]);
}

#[test]
fn an_empty_log_gives_an_empty_report_not_an_error() {
    let data = Data {
        history: History::default(),
        screening: ScreeningLog::default(),
        notes: Notes::default(),
        prefs: Prefs::default(),
    };
    for period in Period::ALL {
        let r = report(&data, period);
        assert_eq!(r.sessions, 0);
        assert!(r.pain_stops.is_empty() && r.checks.is_empty() && r.notes.is_empty());
        assert!(r.exercises.iter().all(|e| e.points.is_empty()));
        assert!(!r.weeks.is_empty());
    }
    assert_eq!(Period::from_id("12w"), Some(Period::Weeks12));
    assert_eq!(Period::from_id("x"), None);
}

#[test]
fn a_long_series_is_thinned_for_paper_without_losing_a_pain_mark() {
    let points: Vec<ReportPoint> = (0..600)
        .map(|n| ReportPoint {
            day: 20_000 + n * 2,
            value: n as f32,
            pain: n == 301 || n == 599,
        })
        .collect();
    let thinned = thin(points.clone(), CHART_POINTS);
    assert!(thinned.len() <= CHART_POINTS, "{}", thinned.len());
    assert!(thinned.len() > CHART_POINTS / 2);
    assert_eq!(thinned.iter().filter(|p| p.pain).count(), 2);
    assert_eq!(
        thinned.last().unwrap().value,
        599.0,
        "the latest session's value"
    );
    assert!(thinned.windows(2).all(|w| w[0].day < w[1].day));
    assert_eq!(
        thin(points[..50].to_vec(), CHART_POINTS),
        points[..50].to_vec()
    );
}

#[test]
fn the_report_chart_marks_each_session_that_brought_on_pain() {
    let data = data();
    let four = report(&data, Period::Weeks4);
    let html = super::html::body(&four, Unit::Kg);
    let summary = "Leg press: 4 sessions from 20 Dec 2025 to 7 Jan 2026; load from 50 to 55; \
                   brought on pain in 2 sessions.";
    let start = format!(
        r#"<figure class="report-figure"><figcaption>Leg press</figcaption><svg class="report-chart" viewBox="0 0 480 136" role="img" aria-label="{summary}"><title>{summary}</title>"#
    );
    let chart = &html[html.find(&start).expect(&html)..];
    let chart = &chart[..chart.find("</svg>").unwrap()];
    assert_eq!(chart.matches(r#"class="report-point""#).count(), 4);
    // A triangle under each of the two days with pain.
    assert_eq!(chart.matches(r#"class="report-pain""#).count(), 2);
    // The line runs from the lowest load at the left edge to the highest at
    // the right.
    assert!(chart.contains(r#"points="66.0,92.0 "#), "{chart}");
    assert!(chart.contains(r#" 470.0,12.0"/>"#), "{chart}");
    // Across two years, the dates carry theirs.
    assert!(chart.contains(">20 Dec 2025</text>") && chart.contains(">7 Jan 2026</text>"));
    // In pounds, the scale says so.
    let html = super::html::body(&four, Unit::Lb);
    assert!(html.contains(">lb</text>"), "{html}");
}

#[test]
fn the_report_holds_every_row_as_the_report_has_it() {
    let data = data();
    let four = report(&data, Period::Weeks4);
    let html = super::html::body(&four, Unit::Kg);
    assert!(
        html.starts_with(r#"<div class="report" data-testid="report-ready" data-period="4w"><section class="report-section" aria-labelledby="report-period"><h2 id="report-period">"#),
        "{html}"
    );
    assert!(html.ends_with("</section></div>"), "{html}");
    let weeks = html
        .split("<tbody>")
        .nth(1)
        .unwrap()
        .split("</tbody>")
        .next()
        .unwrap();
    assert_eq!(weeks.matches("<tr>").count(), four.weeks.len());
    assert!(
        html.contains(concat!(
            r#"<tr data-exercise="leg-press"><th scope="row">Leg press</th>"#,
            r#"<td data-label="Sets × reps">5 × 15</td><td data-label="Sessions">4</td>"#,
            r#"<td data-label="First" data-testid="first">50 kg</td>"#,
            r#"<td data-label="Last" data-testid="last">55 kg</td>"#,
        )),
        "{html}"
    );
    assert!(
        html.contains(">Left out: no machine at the gym</td>"),
        "{html}"
    );
    assert!(
        html.contains(
            "<td>Leg press</td><td>Numbness, Tingling</td><td>the session</td></tr></tbody>"
        ),
        "{html}"
    );
    assert!(html.contains(r#"<ul class="report-list"><li>"#), "{html}");
    assert!(
        html.contains(
            r#"<dl class="report-notes"><dt>Leg press</dt><dd>Seat on hole 4.</dd></dl>"#
        ),
        "{html}"
    );
}

#[test]
fn an_empty_period_says_so_in_each_section_and_notes_stay_text() {
    let mut r = report(&data(), Period::Weeks4);
    r.pain_stops.clear();
    r.checks.clear();
    r.exercises.iter_mut().for_each(|e| e.points.clear());
    r.notes = vec![("Leg press", "Seat <4> & \"back\" flat".to_owned())];
    let html = super::html::body(&r, Unit::Kg);
    for (id, text) in [
        ("report-charts", "No sets logged in this period."),
        ("report-stops", "None in this period."),
        ("report-checks", "None in this period."),
    ] {
        assert!(
            html.contains(&format!(
                r#"<p class="report-empty" data-empty-for="{id}">{text}</p>"#
            )),
            "{id}: {html}"
        );
    }
    assert!(!html.contains("<svg"));
    assert!(
        html.contains("<dd>Seat &lt;4&gt; &amp; &quot;back&quot; flat</dd>"),
        "{html}"
    );
    r.notes.clear();
    let html = super::html::body(&r, Unit::Kg);
    assert!(html.contains(r#"data-empty-for="report-notes">No notes.</p></section></div>"#));
}
