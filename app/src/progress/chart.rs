//! The Progress screen's chart of one exercise, drawn as SVG text
//! ([`crate::markup`]): load (line, left scale; reps where no load was ever
//! logged) and volume (bars, scaled to their own maximum) over time, with
//! the sessions where the exercise brought on pain marked in a strip on the
//! same time axis. Pain is a stop (F13): any pain is marked alike, with its
//! number in the text alternative. No chart library in the wasm.

use super::{Point, civil, downsample, short_date, short_date_year};
use crate::{
    markup::{At, Markup},
    screening::local_day,
    units::{self, Unit},
};

const LEFT: f64 = 44.0;
const RIGHT: f64 = 312.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 104.0;
/// The pain strip under the plot, on the same time axis.
const PAIN_Y: f64 = 124.0;
/// Above this many sessions the markers are left out and only lines drawn.
const MARKERS_UP_TO: usize = 40;
/// More points than this would be closer than a pixel apart on a phone.
const MAX_POINTS: usize = 60;

/// Draws `points` (one exercise's sessions, oldest first) for `name`, as an
/// `<svg>` element labelled with what it shows.
pub fn draw(m: &mut Markup, points: &[Point], unit: Unit, offset: i32, name: &str) {
    let sessions = points.len();
    // The dates named are the first and last sessions', even where several
    // sessions share a point of the drawing.
    let (first_day, last_day) = (
        local_day(points.first().map_or(0, |p| p.at_ms), offset),
        local_day(points.last().map_or(0, |p| p.at_ms), offset),
    );
    let points = downsample(points, MAX_POINTS);
    let n = points.len();
    let (t0, t1) = (
        points.first().map_or(0, |p| p.at_ms) as f64,
        points.last().map_or(0, |p| p.at_ms) as f64,
    );
    let x = |t: u64| {
        if t1 > t0 {
            LEFT + (t as f64 - t0) / (t1 - t0) * (RIGHT - LEFT)
        } else {
            (LEFT + RIGHT) / 2.0
        }
    };
    // What the line shows: the working load, or the reps where there is no
    // load at all (body-weight work).
    let by_load = points.iter().any(|p| p.working_load_kg.is_some());
    let value_of = |p: &Point| -> Option<f64> {
        if by_load {
            p.working_load_kg.map(|kg| unit.from_kg(kg))
        } else {
            Some(f64::from(p.reps))
        }
    };
    let scale_label = if by_load { unit.symbol() } else { "reps" };
    let loads: Vec<f64> = points.iter().filter_map(value_of).collect();
    let (lo, hi) = value_range(&loads);
    let y_load = |v: f64| BOTTOM - (v - lo) / (hi - lo) * (BOTTOM - TOP);
    let max_volume = points
        .iter()
        .map(|p| f64::from(p.volume_kg))
        .fold(0.0, f64::max);
    let bar = ((RIGHT - LEFT) / n.max(1) as f64 * 0.6).clamp(1.0, 14.0);
    let max_pain = points.iter().filter_map(|p| p.max_pain).max();
    let summary = format!(
        "{name}: {sessions} sessions from {} to {}.{}{}",
        short_date(first_day),
        short_date(last_day),
        match (loads.first(), loads.last(), by_load) {
            (Some(first), Some(last), true) => format!(
                " Load from {} to {} {}.",
                units::kg(*first as f32),
                units::kg(*last as f32),
                unit.symbol()
            ),
            (Some(first), Some(last), false) => format!(" Reps from {first} to {last}."),
            _ => String::new(),
        },
        match max_pain {
            Some(p) if p > 0 => format!(" It brought on pain (highest {p} out of 10)."),
            _ => " No pain reported.".to_owned(),
        }
    );
    let markers = n <= MARKERS_UP_TO;

    m.open(
        "svg",
        &[
            ("class", &"chart"),
            ("viewBox", &"0 0 320 136"),
            ("role", &"img"),
            ("aria-label", &summary),
        ],
    );
    m.element("title", &[], &summary);
    // Volume bars behind, scaled to the largest.
    m.open("g", &[("class", &"chart-volume")]);
    for p in points
        .iter()
        .filter(|p| max_volume > 0.0 && p.volume_kg > 0.0)
    {
        let h = f64::from(p.volume_kg) / max_volume * (BOTTOM - TOP);
        m.leaf(
            "rect",
            &[
                ("x", &At(x(p.at_ms) - bar / 2.0)),
                ("y", &At(BOTTOM - h)),
                ("width", &At(bar)),
                ("height", &At(h)),
            ],
        );
    }
    m.close("g");
    m.leaf(
        "line",
        &[
            ("class", &"chart-axis"),
            ("x1", &LEFT),
            ("y1", &BOTTOM),
            ("x2", &RIGHT),
            ("y2", &BOTTOM),
        ],
    );
    if !loads.is_empty() {
        m.text_at(
            "chart-label",
            LEFT - 4.0,
            TOP + 4.0,
            "end",
            units::kg(hi as f32),
        );
        m.text_at(
            "chart-label",
            LEFT - 4.0,
            BOTTOM,
            "end",
            units::kg(lo as f32),
        );
        m.text_at(
            "chart-label",
            4.0,
            (TOP + BOTTOM) / 2.0,
            "start",
            scale_label,
        );
        let line: Vec<String> = points
            .iter()
            .filter_map(|p| value_of(p).map(|v| format!("{},{}", At(x(p.at_ms)), At(y_load(v)))))
            .collect();
        m.leaf(
            "polyline",
            &[("class", &"chart-load"), ("points", &line.join(" "))],
        );
    }
    if markers {
        for p in &points {
            if let Some(v) = value_of(p) {
                m.leaf(
                    "circle",
                    &[
                        ("class", &"chart-point"),
                        ("cx", &At(x(p.at_ms))),
                        ("cy", &At(y_load(v))),
                        ("r", &3),
                    ],
                );
            }
        }
    }
    m.text_at("chart-label", 4.0, PAIN_Y + 4.0, "start", "pain");
    m.open("g", &[("class", &"chart-pain")]);
    for (t, pain) in points
        .iter()
        .filter_map(|p| p.max_pain.map(|pain| (p.at_ms, pain)))
    {
        let class = if pain > 0 { "pain-yes" } else { "pain-no" };
        let r = if markers { 5 } else { 3 };
        m.leaf(
            "circle",
            &[
                ("class", &class),
                ("cx", &At(x(t))),
                ("cy", &PAIN_Y),
                ("r", &r),
            ],
        );
    }
    m.close("g");
    // The year only when the chart spans more than one.
    let date: fn(i64) -> String = if civil(first_day).0 == civil(last_day).0 {
        short_date
    } else {
        short_date_year
    };
    if first_day == last_day {
        m.text_at(
            "chart-label",
            (LEFT + RIGHT) / 2.0,
            134.0,
            "middle",
            date(first_day),
        );
    } else {
        m.text_at("chart-label", LEFT, 134.0, "start", date(first_day));
        m.text_at("chart-label", RIGHT, 134.0, "end", date(last_day));
    }
    m.close("svg");
}

/// The span of a chart's vertical scale: from the lowest value to the
/// highest, widened to 10 around values that barely change (never below 0),
/// so a flat line sits in the middle rather than on an edge.
pub(crate) fn value_range(values: &[f64]) -> (f64, f64) {
    if values.is_empty() {
        return (0.0, 1.0);
    }
    let (lo, hi) = values
        .iter()
        .fold((f64::MAX, f64::MIN), |(lo, hi), &v| (lo.min(v), hi.max(v)));
    if hi - lo < 1.0 {
        ((lo - 5.0).max(0.0), hi + 5.0)
    } else {
        (lo, hi)
    }
}
