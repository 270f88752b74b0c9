use crate::{
    progress::{civil, short_date, short_date_year},
    report::ExerciseLine,
    units::{self, Unit},
};
use leptos::prelude::*;

const LEFT: f64 = 66.0;
const RIGHT: f64 = 470.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 92.0;
/// The row of pain marks under the plot, on the same time axis.
const PAIN_Y: f64 = 110.0;
/// More sessions than this and the dots would touch.
const DOTS_UP_TO: usize = 40;

/// One exercise over the period, drawn for paper: a black line of the load
/// (or reps), a dot per session, and a filled triangle under each session
/// where it brought on pain, so it reads in black and white. Inline SVG
/// drawn by us.
#[component]
pub fn ReportChart(line: ExerciseLine, unit: Unit) -> impl IntoView {
    let points = line.points;
    let (d0, d1) = (
        points.first().map_or(0, |p| p.day),
        points.last().map_or(0, |p| p.day),
    );
    let x = move |day: i64| {
        if d1 > d0 {
            LEFT + (day - d0) as f64 / (d1 - d0) as f64 * (RIGHT - LEFT)
        } else {
            (LEFT + RIGHT) / 2.0
        }
    };
    let shown = |v: f32| -> f64 {
        if line.by_load {
            unit.from_kg(v)
        } else {
            f64::from(v)
        }
    };
    let values: Vec<f64> = points.iter().map(|p| shown(p.value)).collect();
    let (lo, hi) = values
        .iter()
        .fold((f64::MAX, f64::MIN), |(lo, hi), &v| (lo.min(v), hi.max(v)));
    let (lo, hi) = if hi - lo < 1.0 {
        ((lo - 5.0).max(0.0), hi + 5.0)
    } else {
        (lo, hi)
    };
    let y = move |v: f64| BOTTOM - (v - lo) / (hi - lo) * (BOTTOM - TOP);
    let polyline: String = points
        .iter()
        .zip(&values)
        .map(|(p, &v)| format!("{:.1},{:.1}", x(p.day), y(v)))
        .collect::<Vec<_>>()
        .join(" ");
    let scale = if line.by_load { unit.symbol() } else { "reps" };
    let summary = format!(
        "{}: {} sessions from {} to {}; {} from {} to {}; brought on pain in {}.",
        line.name,
        line.sessions,
        short_date_year(d0),
        short_date_year(d1),
        if line.by_load {
            "load"
        } else {
            "reps of the best set"
        },
        values
            .first()
            .map_or(String::new(), |v| units::kg(*v as f32)),
        values
            .last()
            .map_or(String::new(), |v| units::kg(*v as f32)),
        units::count(line.pain_sessions as usize, "session"),
    );
    let label = summary.clone();
    let date = if civil(d0).0 == civil(d1).0 {
        short_date
    } else {
        short_date_year
    };
    view! {
        <svg class="report-chart" viewBox="0 0 480 136" role="img" aria-label=label>
            <title>{summary}</title>
            <line class="report-axis" x1=LEFT y1=BOTTOM x2=RIGHT y2=BOTTOM />
            <line class="report-axis" x1=LEFT y1=TOP x2=LEFT y2=BOTTOM />
            <text class="report-chart-label" x=LEFT - 6.0 y=TOP + 5.0 text-anchor="end">{units::kg(hi as f32)}</text>
            <text class="report-chart-label" x=LEFT - 6.0 y=BOTTOM text-anchor="end">{units::kg(lo as f32)}</text>
            <text class="report-chart-label" x=LEFT - 6.0 y=(TOP + BOTTOM) / 2.0 + 5.0 text-anchor="end">{scale}</text>
            <polyline class="report-line" points=polyline />
            // A dot per session while they stay apart; beyond, the line alone.
            {(points.len() <= DOTS_UP_TO).then(|| points
                .iter()
                .zip(&values)
                .map(|(p, &v)| view! { <circle class="report-point" cx=format!("{:.1}", x(p.day)) cy=format!("{:.1}", y(v)) r="3" /> })
                .collect_view())}
            <text class="report-chart-label" x=LEFT - 6.0 y=PAIN_Y + 5.0 text-anchor="end">"pain"</text>
            {points
                .iter()
                .filter(|p| p.pain)
                .map(|p| {
                    let cx = x(p.day);
                    view! {
                        <path
                            class="report-pain"
                            d=format!("M{:.1},{:.1} l6,10 l-12,0 z", cx, PAIN_Y - 6.0)
                        />
                    }
                })
                .collect_view()}
            <text class="report-chart-label" x=LEFT y=132 text-anchor="start">{date(d0)}</text>
            <text class="report-chart-label" x=RIGHT y=132 text-anchor="end">{date(d1)}</text>
        </svg>
    }
}
