use super::*;
use crate::{
    session::{Effort, Event, Plan, PlanItem, Session, Symptom},
    units::Unit,
};

const DAY: u64 = 86_400_000;
/// 2026-11-25 00:00 UTC, a Wednesday: day 20782.
const NOV_25: u64 = 20_782 * DAY;

fn plan(exercise: &str, sets: u16, reps: u16, load: Option<f32>) -> Plan {
    Plan {
        items: vec![PlanItem {
            exercise_id: exercise.into(),
            sets,
            target_reps: reps,
            load_kg: load,
            rest_s: 60,
            suggested: false,
            load_from: Default::default(),
            equipment: 0,
        }],
    }
}

/// A session of `exercise` at `at`, one entry of (reps, pain) per set.
fn session(id: &str, at: u64, exercise: &str, target: u16, sets: &[(u16, Option<u8>)]) -> Session {
    let mut s = Session::new(
        id.into(),
        plan(exercise, sets.len() as u16, target, Some(40.0)),
        at,
    )
    .unwrap();
    s.apply(Event::Start, at + 1).unwrap();
    let mut now = at + 2;
    for (reps, pain) in sets {
        s.apply(
            Event::SetDone {
                reps: *reps,
                load_kg: Some(40.0),
                effort: None,
                pain: *pain,
            },
            now,
        )
        .unwrap();
        now += 1;
        let _ = s.apply(Event::SkipRest, now);
    }
    if !s.phase.is_over() {
        s.apply(Event::Finish, now).unwrap();
    }
    s
}

fn history(sessions: Vec<Session>) -> History {
    let mut h = History::default();
    for s in sessions {
        h.upsert(s);
    }
    h
}

#[test]
fn calendar_dates_are_right_across_leap_years() {
    assert_eq!(civil(0), (1970, 1, 1));
    assert_eq!(civil(20_782), (2026, 11, 25));
    assert_eq!(civil(11_016), (2000, 2, 29));
    assert_eq!(date_label(20_782), "Wed 25 Nov 2026");
    assert_eq!(iso_date(20_782), "2026-11-25");
    assert_eq!(civil(-1), (1969, 12, 31));
}

#[test]
fn weeks_start_on_monday_even_across_a_year_end() {
    // Mon 29 Dec 2025 .. Sun 4 Jan 2026 is one week; Mon 5 Jan starts the next.
    assert_eq!(week_start(20_451), 20_451);
    assert_eq!(week_start(20_457), 20_451);
    assert_eq!(week_start(20_458), 20_458);
    assert_eq!(week_start(20_782), 20_780);
}

#[test]
fn a_late_session_belongs_to_the_local_day() {
    // Sunday 4 Jan 2026, 23:30 UTC: still Sunday in London, already Monday
    // in Berlin (UTC+1), still Sunday in New York (UTC-5).
    let at = 20_457 * DAY + 23 * 3_600_000 + 30 * 60_000;
    let h = history(vec![session("x", at, "leg-press", 15, &[(15, None)])]);
    assert_eq!(by_week(&h, 0)[0].start_day, 20_451);
    assert_eq!(by_week(&h, 60)[0].start_day, 20_458);
    assert_eq!(by_week(&h, -300)[0].start_day, 20_451);
}

#[test]
fn sessions_are_grouped_by_week_newest_first() {
    let h = history(vec![
        session("a", NOV_25 - 10 * DAY, "leg-press", 15, &[(15, None)]),
        session("b", NOV_25 - DAY, "leg-press", 15, &[(15, None)]),
        session("c", NOV_25, "leg-press", 15, &[(15, None)]),
    ]);
    let weeks = by_week(&h, 0);
    assert_eq!(weeks.len(), 2);
    let ids: Vec<_> = weeks[0].sessions.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["c", "b"]);
    assert_eq!(weeks[1].sessions[0].id, "a");
}

#[test]
fn the_streak_counts_weeks_on_target_across_the_year_end() {
    // Two sessions a week for three weeks around new year, target 2.
    let mondays = [20_444u64, 20_451, 20_458];
    let mut sessions = Vec::new();
    for (w, monday) in mondays.iter().enumerate() {
        for d in [0u64, 2] {
            let at = (monday + d) * DAY + 18 * 3_600_000;
            sessions.push(session(
                &format!("{w}-{d}"),
                at,
                "leg-press",
                15,
                &[(15, None)],
            ));
        }
    }
    let h = history(sessions);
    // Wednesday of the third week: this week is on target already.
    let c = consistency(&h, (20_460) * DAY + 20 * 3_600_000, 0, 2);
    assert_eq!(c.this_week, 2);
    assert_eq!(c.streak_weeks, 3);
    // The following Tuesday, nothing yet this week: the streak still stands.
    let c = consistency(&h, 20_466 * DAY, 0, 2);
    assert_eq!(c.this_week, 0);
    assert_eq!(c.streak_weeks, 3);
    assert_eq!(c.calendar.len(), CALENDAR_WEEKS);
    assert_eq!(c.calendar.last().unwrap().start_day, 20_465);
    // A target of 3 was never met.
    assert_eq!(consistency(&h, 20_466 * DAY, 0, 3).streak_weeks, 0);
    // A week with nothing breaks it.
    let c = consistency(&h, 20_473 * DAY, 0, 2);
    assert_eq!(c.streak_weeks, 0);
}

#[test]
fn the_calendar_shows_sessions_per_local_day() {
    let h = history(vec![
        session("a", NOV_25 + 8 * 3_600_000, "leg-press", 15, &[(15, None)]),
        session("b", NOV_25 + 19 * 3_600_000, "leg-press", 15, &[(15, None)]),
    ]);
    let c = consistency(&h, NOV_25 + 20 * 3_600_000, 0, 3);
    let this = c.calendar.last().unwrap();
    assert_eq!(this.start_day, 20_780);
    assert_eq!(this.days, [0, 0, 2, 0, 0, 0, 0]);
    assert!(!this.on_target);
    assert_eq!(c.today, 20_782);
}

#[test]
fn a_session_with_nothing_done_does_not_count() {
    let mut s = Session::new("e".into(), plan("leg-press", 1, 15, None), NOV_25).unwrap();
    s.apply(Event::Finish, NOV_25 + 1).unwrap();
    let c = consistency(&history(vec![s]), NOV_25 + 2, 0, 1);
    assert_eq!(c.this_week, 0);
}

#[test]
fn the_series_has_load_volume_and_pain_per_session() {
    let h = history(vec![
        session(
            "a",
            NOV_25,
            "leg-press",
            15,
            &[(15, Some(0)), (12, Some(3))],
        ),
        session("b", NOV_25 + DAY, "core", 10, &[(10, None)]),
    ]);
    let series = exercise_series(&h, "leg-press");
    assert_eq!(series.len(), 1);
    assert_eq!(series[0].working_load_kg, Some(40.0));
    assert_eq!(series[0].volume_kg, 27.0 * 40.0);
    assert_eq!(series[0].reps, 27);
    assert_eq!(series[0].max_pain, Some(3));
}

fn advice(sets: &[(u16, Option<u8>)]) -> Suggestion {
    let h = history(vec![session("s", NOV_25, "leg-press", 15, sets)]);
    next_load(&h, "leg-press", Unit::Kg).unwrap()
}

/// A leg press session of three sets at 40 kg, each (reps, effort).
fn with_effort(id: &str, at: u64, sets: &[(u16, Option<Effort>)]) -> Session {
    let mut s = Session::new(id.into(), plan("leg-press", 3, 15, Some(40.0)), at).unwrap();
    s.apply(Event::Start, at + 1).unwrap();
    for (n, (reps, effort)) in sets.iter().enumerate() {
        let t = at + 2 + n as u64 * 2;
        s.apply(
            Event::SetDone {
                reps: *reps,
                load_kg: Some(40.0),
                effort: *effort,
                pain: None,
            },
            t,
        )
        .unwrap();
        let _ = s.apply(Event::SkipRest, t + 1);
    }
    s
}

#[test]
fn load_goes_up_a_step_only_when_every_set_hits_the_top_without_pain() {
    let s = advice(&[(15, Some(0)), (15, None), (16, Some(0))]);
    assert_eq!((s.advice, s.reason), (Advice::Up, Reason::AllRepsNoPain));
    assert_eq!((s.last_kg, s.next_kg), (Some(40.0), Some(42.5)));
    assert!(!s.caution());
    // in pounds the step is 5 lb
    let h = history(vec![session("s", NOV_25, "leg-press", 15, &[(15, None)])]);
    let lb = next_load(&h, "leg-press", Unit::Lb).unwrap();
    assert!((lb.next_kg.unwrap() - (40.0 + 2.267_96)).abs() < 1e-3);
}

#[test]
fn any_pain_is_a_stop_never_a_level_to_train_at_f13() {
    // Pain 1 on the last set: the exercise brought on pain. Never up;
    // a step lighter, with its caution.
    for pain in [1, 2, 5, 10] {
        let s = advice(&[(15, Some(0)), (15, Some(pain))]);
        assert_eq!(
            (s.advice, s.reason),
            (Advice::Down, Reason::BroughtOnPain),
            "pain {pain}"
        );
        assert_eq!(s.next_kg, Some(37.5));
        assert!(s.caution());
    }
    // "This hurts" without a number counts the same.
    let mut hurt = Session::new("h".into(), plan("leg-press", 3, 15, Some(40.0)), NOV_25).unwrap();
    hurt.apply(Event::Start, NOV_25 + 1).unwrap();
    hurt.apply(
        Event::Hurts {
            reps: 9,
            load_kg: Some(40.0),
            effort: None,
            pain: None,
        },
        NOV_25 + 2,
    )
    .unwrap();
    let h = history(vec![hurt.clone()]);
    let s = next_load(&h, "leg-press", Unit::Kg).unwrap();
    assert_eq!((s.advice, s.reason), (Advice::Down, Reason::BroughtOnPain));
    // Then a whole session without pain, every set at the top: it may go
    // up again; a pain-free but short session holds.
    let clean = session(
        "c",
        NOV_25 + DAY,
        "leg-press",
        15,
        &[(15, None), (15, None)],
    );
    let h = history(vec![hurt.clone(), clean]);
    assert_eq!(
        next_load(&h, "leg-press", Unit::Kg).unwrap().advice,
        Advice::Up
    );
    let short = with_effort("d", NOV_25 + DAY, &[(15, None)]);
    let mut short = short;
    short.apply(Event::Finish, NOV_25 + DAY + 99).unwrap();
    let h = history(vec![hurt, short]);
    assert_eq!(
        next_load(&h, "leg-press", Unit::Kg).unwrap().reason,
        Reason::MissedReps
    );
}

#[test]
fn load_holds_on_missed_reps() {
    let s = advice(&[(15, Some(0)), (13, None)]);
    assert_eq!((s.advice, s.reason), (Advice::Hold, Reason::MissedReps));
    assert_eq!(s.next_kg, Some(40.0));
}

#[test]
fn a_set_logged_hard_never_earns_a_step_up_f33() {
    let s = with_effort(
        "f",
        NOV_25,
        &[
            (15, Some(Effort::Right)),
            (15, Some(Effort::Hard)),
            (15, None),
        ],
    );
    let s = next_load(&history(vec![s]), "leg-press", Unit::Kg).unwrap();
    assert_eq!((s.advice, s.reason), (Advice::Hold, Reason::HardSet));
    assert_eq!(s.next_kg, Some(40.0));
    let s = with_effort("g", NOV_25, &[(15, Some(Effort::Easy)); 3]);
    let s = next_load(&history(vec![s]), "leg-press", Unit::Kg).unwrap();
    assert_eq!(s.advice, Advice::Up);
}

#[test]
fn after_a_stop_for_symptoms_there_is_no_load_suggestion_f12() {
    let mut stopped =
        Session::new("p".into(), plan("leg-press", 3, 15, Some(40.0)), NOV_25).unwrap();
    stopped.apply(Event::Start, NOV_25 + 1).unwrap();
    stopped
        .apply(
            Event::SetDone {
                reps: 15,
                load_kg: Some(40.0),
                effort: None,
                pain: None,
            },
            NOV_25 + 2,
        )
        .unwrap();
    stopped
        .apply(Event::StopForPain(vec![Symptom::Tingling]), NOV_25 + 3)
        .unwrap();
    // An exercise done cleanly in an earlier session gets none either.
    let earlier = session("e", NOV_25 - DAY, "leg-curl", 10, &[(10, None)]);
    let h = history(vec![earlier, stopped]);
    for id in ["leg-press", "leg-curl"] {
        let s = next_load(&h, id, Unit::Kg).unwrap();
        assert_eq!(
            (s.advice, s.reason, s.next_kg),
            (Advice::None, Reason::SessionStopped, None),
            "{id}"
        );
        assert!(s.caution());
        assert!(s.reason.text().contains("safety check"));
    }
}

#[test]
fn reps_are_built_to_the_top_of_a_range_before_load() {
    // Leg extension: 10–12 reps; 10 done in every set.
    let h = history(vec![session(
        "e",
        NOV_25,
        "leg-extension",
        10,
        &[(10, None), (10, Some(0))],
    )]);
    let s = next_load(&h, "leg-extension", Unit::Kg).unwrap();
    assert_eq!((s.advice, s.reason), (Advice::Hold, Reason::BuildReps));
}

#[test]
fn no_suggestion_before_the_exercise_was_done() {
    assert_eq!(next_load(&History::default(), "leg-press", Unit::Kg), None);
    assert_eq!(next_load(&History::default(), "no-such", Unit::Kg), None);
}

#[test]
fn long_series_are_combined_for_the_chart_keeping_their_shape() {
    let points: Vec<Point> = (0..600u64)
        .map(|i| Point {
            at_ms: NOV_25 + i * DAY,
            working_load_kg: Some(40.0 + (i / 100) as f32 * 5.0),
            volume_kg: 100.0,
            reps: 10,
            max_pain: Some(if i == 333 { 7 } else { 1 }),
        })
        .collect();
    let few = downsample(&points, 60);
    assert!(few.len() <= 60 && few.len() >= 55, "{}", few.len());
    assert_eq!(few.first().unwrap().working_load_kg, Some(40.0));
    assert_eq!(few.last().unwrap().working_load_kg, Some(65.0));
    assert_eq!(few.last().unwrap().at_ms, points.last().unwrap().at_ms);
    assert!(few.iter().all(|p| p.volume_kg == 100.0));
    // a single high pain is never averaged away
    assert_eq!(few.iter().filter_map(|p| p.max_pain).max(), Some(7));
    assert_eq!(downsample(&points[..10], 60), points[..10].to_vec());
}

fn point(day: u64, load: Option<f32>, reps: u32, pain: Option<u8>) -> Point {
    Point {
        at_ms: NOV_25 + day * DAY,
        working_load_kg: load,
        volume_kg: load.unwrap_or(0.0) * reps as f32,
        reps,
        max_pain: pain,
    }
}

struct Drawn {
    summary: String,
    inner: String,
}

/// A chart drawn at UTC: its title and what the `<svg>` holds.
fn draw(points: &[Point], unit: Unit, name: &str) -> Drawn {
    let mut m = crate::markup::Markup::default();
    chart::draw(&mut m, points, unit, 0, name);
    let svg = m.finish();
    assert!(svg.starts_with(r#"<svg class="chart" viewBox="0 0 320 136" role="img" aria-label=""#));
    let inner = svg[svg.find("<title>").unwrap()..svg.len() - "</svg>".len()].to_owned();
    let summary = inner["<title>".len()..inner.find("</title>").unwrap()].to_owned();
    assert!(svg.contains(&format!(r#"aria-label="{summary}""#)), "{svg}");
    Drawn { summary, inner }
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[test]
fn the_chart_draws_a_bar_and_a_point_per_session_and_marks_pain() {
    let points = [
        point(0, Some(40.0), 30, Some(0)),
        point(3, Some(45.0), 30, None),
        point(7, Some(50.0), 20, Some(3)),
    ];
    let d = draw(&points, Unit::Kg, "Leg press");
    assert_eq!(
        d.summary,
        "Leg press: 3 sessions from 25 Nov to 2 Dec. Load from 40 to 50 kg. \
         It brought on pain (highest 3 out of 10)."
    );
    assert!(
        d.inner
            .starts_with(&format!("<title>{}</title>", d.summary)),
        "{}",
        d.inner
    );
    assert_eq!(count(&d.inner, "<rect "), 3);
    assert_eq!(count(&d.inner, r#"class="chart-point""#), 3);
    // The line runs from the left edge, lowest, to the right edge, highest.
    assert!(d.inner.contains(r#"points="44.0,104.0 "#), "{}", d.inner);
    assert!(d.inner.contains(r#" 312.0,12.0"/>"#), "{}", d.inner);
    // One mark per session that reported pain, filled only where there was.
    assert_eq!(count(&d.inner, r#"class="pain-yes""#), 1);
    assert_eq!(count(&d.inner, r#"class="pain-no""#), 1);
    assert!(d.inner.contains(">kg</text>") && d.inner.contains(">50</text>"));
    assert!(d.inner.contains(">25 Nov</text>") && d.inner.contains(">2 Dec</text>"));
}

#[test]
fn a_chart_without_loads_shows_reps_and_in_pounds_shows_pounds() {
    let reps = [point(0, None, 20, None), point(1, None, 24, None)];
    let d = draw(&reps, Unit::Kg, "Core");
    assert!(d.summary.contains("Reps from 20 to 24.") && d.summary.ends_with("No pain reported."));
    assert!(d.inner.contains(">reps</text>"));
    // No load, no volume: no bars.
    assert_eq!(count(&d.inner, "<rect "), 0);

    let d = draw(&[point(0, Some(45.359_24), 10, None)], Unit::Lb, "Row");
    assert!(
        d.summary.contains("Load from 100 to 100 lb."),
        "{}",
        d.summary
    );
    // One day: a single date, in the middle.
    assert_eq!(count(&d.inner, r#"text-anchor="middle""#), 1);
}

#[test]
fn a_long_chart_keeps_its_lines_and_drops_its_markers() {
    let points: Vec<Point> = (0..400)
        .map(|i| point(i, Some(40.0), 10, Some(0)))
        .collect();
    let d = draw(&points, Unit::Kg, "Leg press");
    assert!(d.summary.starts_with("Leg press: 400 sessions"));
    assert_eq!(count(&d.inner, r#"class="chart-point""#), 0);
    assert!(count(&d.inner, "<rect ") <= 60);
    // Across two years, the dates carry theirs.
    assert!(d.inner.contains(">25 Nov 2026</text>"), "{}", d.inner);
}

#[test]
fn an_exercise_name_in_the_chart_stays_text() {
    let d = draw(
        &[point(0, Some(40.0), 10, None)],
        Unit::Kg,
        "<b>\"Press\"</b>",
    );
    assert!(
        d.inner
            .starts_with("<title>&lt;b&gt;&quot;Press&quot;&lt;/b&gt;: 1 sessions"),
        "{}",
        d.inner
    );
}

/// The calendar's rows, as the Progress screen's overview writes them.
fn calendar_rows(c: &Consistency) -> String {
    let html = html::overview(c, &[], Unit::Kg, 0);
    let start = html.find("<tbody>").unwrap() + "<tbody>".len();
    html[start..html.find("</tbody>").unwrap()].to_owned()
}

#[test]
fn the_calendar_rows_mark_days_trained_today_and_days_to_come() {
    let h = history(vec![
        session("a", NOV_25 + 8 * 3_600_000, "leg-press", 15, &[(15, None)]),
        session("b", NOV_25 - DAY, "leg-press", 15, &[(15, None)]),
    ]);
    let rows = calendar_rows(&consistency(&h, NOV_25 + 20 * 3_600_000, 0, 3));
    assert_eq!(rows.matches("<tr").count(), CALENDAR_WEEKS);
    let this_week = rows.rsplit("<tr").next().unwrap();
    assert_eq!(
        this_week,
        concat!(
            r#"><th scope="row">23 Nov</th>"#,
            r#"<td aria-label="no session">·</td>"#,
            r#"<td class="trained" aria-label="1 session">●</td>"#,
            r#"<td class="trained today" aria-label="1 session">●</td>"#,
            r#"<td aria-label="not yet"></td><td aria-label="not yet"></td>"#,
            r#"<td aria-label="not yet"></td><td aria-label="not yet"></td></tr>"#,
        )
    );
    // A week on target says so; a week with nothing done is only dots.
    let on_target = calendar_rows(&consistency(&h, NOV_25 + 20 * 3_600_000, 0, 2));
    assert!(on_target.ends_with(&format!(r#"<tr class="on-target"{this_week}"#)));
}

#[test]
fn each_session_in_the_history_opens_to_its_sets() {
    let mut s = session(
        "a",
        NOV_25 + 3_600_000,
        "leg-press",
        15,
        &[(15, None), (12, Some(2))],
    );
    s.sets[1].effort = Some(Effort::Hard);
    let h = history(vec![s.clone()]);
    let html = html::week_entries(&by_week(&h, 0), Unit::Kg, 0);
    assert!(
        html.starts_with(concat!(
            r#"<h3 class="week-heading">Week of 23 Nov · 1 session</h3><ul class="sessions">"#,
            r#"<li class="session-entry" data-session="a"><details><summary>"#,
            r#"<span class="session-date">Wed 25 Nov 2026</span>"#,
        )),
        "{html}"
    );
    assert!(
        html.contains(" · 1 exercise · 2 sets</summary><table class=\"sets\">"),
        "{html}"
    );
    assert!(
        html.contains(concat!(
            r#"<tbody><tr><td>Leg press</td><td data-label="Set">1</td><td data-label="Reps">15</td>"#,
            r#"<td data-label="Load">40 kg</td><td data-label="Effort"></td><td data-label="Pain"></td></tr>"#
        )),
        "{html}"
    );
    assert!(html.contains(r#"<td data-label="Effort">hard</td><td data-label="Pain">2</td>"#));
    assert!(
        html.ends_with("</tbody></table></details></li></ul>"),
        "{html}"
    );

    // A set stopped for pain is greyed and says so in place of its reps,
    // and the session is marked.
    let mut stopped = s;
    stopped.sets[1].reps = 0;
    stopped.sets[1].stopped_for_pain = true;
    stopped.phase = crate::session::Phase::StoppedForPain { felt: vec![] };
    let h = history(vec![stopped]);
    let html = html::week_entries(&by_week(&h, 0), Unit::Lb, 0);
    assert!(html.contains(r#"<tr class="skipped">"#), "{html}");
    assert!(
        html.contains(
            r#"<td data-label="Reps">stopped for pain</td><td data-label="Load">88.2 lb</td>"#
        ),
        "{html}"
    );
    assert!(
        html.contains(r#" <span class="mark mark-pain">Stopped for pain</span></summary>"#),
        "{html}"
    );
}

#[test]
fn the_overview_shows_this_week_each_exercise_and_its_suggestion() {
    let h = history(vec![
        session(
            "a",
            NOV_25 - 7 * DAY,
            "leg-press",
            15,
            &[(15, None), (15, None)],
        ),
        session("b", NOV_25, "leg-press", 15, &[(15, None), (15, None)]),
    ]);
    let c = consistency(&h, NOV_25 + 3_600_000, 0, 1);
    let exercises = [html::ExerciseSeries {
        exercise: crate::program::basics("leg-press").unwrap(),
        series: exercise_series(&h, "leg-press"),
        suggestion: next_load(&h, "leg-press", Unit::Kg),
    }];
    let html = html::overview(&c, &exercises, Unit::Kg, 0);
    assert!(
        html.contains(r#"<p class="big-figure" data-testid="this-week">This week: 1 session. Target of 1 reached.</p>"#),
        "{html}"
    );
    assert!(
        html.contains(r#"<p data-testid="streak">2 weeks in a row on target.</p>"#),
        "{html}"
    );
    assert!(
        html.contains(r#"<article class="exercise-progress" data-exercise="leg-press"><h3>Leg press</h3><svg class="chart""#),
        "{html}"
    );
    // The suggestion is labelled as the app's, with its reason.
    let advice = &html[html.find(r#"data-testid="advice-leg-press""#).expect(&html)..];
    assert!(
        advice.contains(r#"<span class="tag">the app's suggestion</span></p><p>"#),
        "{advice}"
    );
    assert!(advice.contains("Next time: "), "{advice}");
    assert!(html.ends_with("</article></section>"), "{html}");
}

#[test]
fn a_chart_scale_spans_its_values_and_widens_around_a_flat_line() {
    use super::chart::value_range;
    assert_eq!(value_range(&[40.0, 55.0, 47.5]), (40.0, 55.0));
    assert_eq!(value_range(&[40.0, 40.5]), (35.0, 45.5));
    assert_eq!(value_range(&[2.0]), (0.0, 7.0));
    assert_eq!(value_range(&[]), (0.0, 1.0));
}

#[test]
fn the_history_panel_shows_eight_weeks_and_a_button_for_the_older_ones() {
    // One session a week for `weeks` weeks, the newest on 25 Nov.
    let of_weeks = |weeks: u64| {
        history(
            (0..weeks)
                .map(|w| {
                    session(
                        &format!("s{w}"),
                        NOV_25 + 3_600_000 - w * 7 * 86_400_000,
                        "leg-press",
                        15,
                        &[(15, None)],
                    )
                })
                .collect(),
        )
    };
    let h = of_weeks(8);
    let weeks = by_week(&h, 0);
    let panel = html::history(&weeks, Unit::Kg, 0);
    assert!(
        panel.starts_with(
            r#"<section class="panel" aria-labelledby="history"><h2 id="history">History</h2><div><h3 class="week-heading">Week of 23 Nov"#
        ),
        "{panel}"
    );
    assert!(panel.ends_with("</ul></div></section>"), "{panel}");
    assert_eq!(panel.matches("week-heading").count(), 8);
    assert!(!panel.contains("older-weeks"), "no more weeks: no button");

    let h = of_weeks(9);
    let weeks = by_week(&h, 0);
    let panel = html::history(&weeks, Unit::Kg, 0);
    assert_eq!(panel.matches("week-heading").count(), 8);
    assert!(
        panel.ends_with(r#"data-action="older-weeks">Show older weeks</button></section>"#),
        "{panel}"
    );
    let older = html::week_block(&weeks[8..], Unit::Kg, 0);
    assert!(
        older.starts_with("<div><h3 class=\"week-heading\">Week of 28 Sep "),
        "{older}"
    );
    assert!(older.ends_with("</ul></div>"), "{older}");
    assert!(html::EMPTY.contains(r#"data-testid="progress-empty""#));
    assert!(html::LOADING.contains(r#"data-testid="progress-loading""#));
}
