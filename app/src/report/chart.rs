//! One exercise over the report's period, drawn as SVG text
//! ([`crate::markup`]) for paper: a black line of the load (or reps), a dot
//! per session, and a filled triangle under each session where it brought on
//! pain, so it reads in black and white.

use super::ExerciseLine;
use crate::{
    markup::{At, Markup},
    progress::{civil, short_date, short_date_year},
    units::{self, Unit},
};

const LEFT: f64 = 66.0;
const RIGHT: f64 = 470.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 92.0;
/// The row of pain marks under the plot, on the same time axis.
const PAIN_Y: f64 = 110.0;
/// More sessions than this and the dots would touch.
const DOTS_UP_TO: usize = 40;
const LABEL: &str = "report-chart-label";

/// Draws `line` as an `<svg>` element, labelled with what it shows.
pub fn draw(m: &mut Markup, line: &ExerciseLine, unit: Unit) {
    let points = &line.points;
    let (d0, d1) = (
        points.first().map_or(0, |p| p.day),
        points.last().map_or(0, |p| p.day),
    );
    let x = |day: i64| {
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
    let (lo, hi) = crate::progress::chart::value_range(&values);
    let y = |v: f64| BOTTOM - (v - lo) / (hi - lo) * (BOTTOM - TOP);
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
    let date = if civil(d0).0 == civil(d1).0 {
        short_date
    } else {
        short_date_year
    };

    m.open(
        "svg",
        &[
            ("class", &"report-chart"),
            ("viewBox", &"0 0 480 136"),
            ("role", &"img"),
            ("aria-label", &summary),
        ],
    );
    m.element("title", &[], &summary);
    for (x1, y1, x2, y2) in [(LEFT, BOTTOM, RIGHT, BOTTOM), (LEFT, TOP, LEFT, BOTTOM)] {
        m.leaf(
            "line",
            &[
                ("class", &"report-axis"),
                ("x1", &x1),
                ("y1", &y1),
                ("x2", &x2),
                ("y2", &y2),
            ],
        );
    }
    m.text_at(LABEL, LEFT - 6.0, TOP + 5.0, "end", units::kg(hi as f32));
    m.text_at(LABEL, LEFT - 6.0, BOTTOM, "end", units::kg(lo as f32));
    m.text_at(LABEL, LEFT - 6.0, (TOP + BOTTOM) / 2.0 + 5.0, "end", scale);
    let polyline: Vec<String> = points
        .iter()
        .zip(&values)
        .map(|(p, &v)| format!("{},{}", At(x(p.day)), At(y(v))))
        .collect();
    m.leaf(
        "polyline",
        &[("class", &"report-line"), ("points", &polyline.join(" "))],
    );
    // A dot per session while they stay apart; beyond, the line alone.
    if points.len() <= DOTS_UP_TO {
        for (p, &v) in points.iter().zip(&values) {
            m.leaf(
                "circle",
                &[
                    ("class", &"report-point"),
                    ("cx", &At(x(p.day))),
                    ("cy", &At(y(v))),
                    ("r", &3),
                ],
            );
        }
    }
    m.text_at(LABEL, LEFT - 6.0, PAIN_Y + 5.0, "end", "pain");
    for p in points.iter().filter(|p| p.pain) {
        let d = format!("M{},{} l6,10 l-12,0 z", At(x(p.day)), At(PAIN_Y - 6.0));
        m.leaf("path", &[("class", &"report-pain"), ("d", &d)]);
    }
    m.text_at(LABEL, LEFT, 132.0, "start", date(d0));
    m.text_at(LABEL, RIGHT, 132.0, "end", date(d1));
    m.close("svg");
}
