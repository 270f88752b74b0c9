use crate::{
    progress::{Point, civil, downsample, short_date, short_date_year},
    screening::local_day,
    units::{self, Unit},
};
use leptos::prelude::*;

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

/// Load (line, left scale; reps where no load was ever logged) and volume
/// (bars, scaled to their own maximum) over time, with the sessions where
/// the exercise brought on pain marked in a strip on the same time axis
/// (pain is a stop, F13: any pain is marked alike, with its number in the
/// text alternative). Inline SVG drawn by us: no chart library in the wasm.
#[component]
pub fn Chart(points: Vec<Point>, unit: Unit, offset: i32, name: &'static str) -> impl IntoView {
    let sessions = points.len();
    let points = downsample(&points, MAX_POINTS);
    let n = points.len();
    let (t0, t1) = (
        points.first().map_or(0, |p| p.at_ms) as f64,
        points.last().map_or(0, |p| p.at_ms) as f64,
    );
    let x = move |t: u64| {
        if t1 > t0 {
            LEFT + (t as f64 - t0) / (t1 - t0) * (RIGHT - LEFT)
        } else {
            (LEFT + RIGHT) / 2.0
        }
    };
    // What the line shows: the working load, or the reps where there is no
    // load at all (body-weight work).
    let by_load = points.iter().any(|p| p.working_load_kg.is_some());
    let value_of = move |p: &Point| -> Option<f64> {
        if by_load {
            p.working_load_kg.map(|kg| unit.from_kg(kg))
        } else {
            Some(f64::from(p.reps))
        }
    };
    let scale_label = if by_load { unit.symbol() } else { "reps" };
    let loads: Vec<f64> = points.iter().filter_map(value_of).collect();
    let (lo, hi) = loads
        .iter()
        .fold((f64::MAX, f64::MIN), |(lo, hi), &l| (lo.min(l), hi.max(l)));
    let (lo, hi) = if loads.is_empty() {
        (0.0, 1.0)
    } else if hi - lo < 1.0 {
        ((lo - 5.0).max(0.0), hi + 5.0)
    } else {
        (lo, hi)
    };
    let y_load = move |v: f64| BOTTOM - (v - lo) / (hi - lo) * (BOTTOM - TOP);
    let max_volume = points
        .iter()
        .map(|p| f64::from(p.volume_kg))
        .fold(0.0, f64::max);
    let bar = ((RIGHT - LEFT) / n.max(1) as f64 * 0.6).clamp(1.0, 14.0);
    let line: String = points
        .iter()
        .filter_map(|p| value_of(p).map(|v| format!("{:.1},{:.1}", x(p.at_ms), y_load(v))))
        .collect::<Vec<_>>()
        .join(" ");
    let max_pain = points.iter().filter_map(|p| p.max_pain).max();
    let summary = format!(
        "{name}: {sessions} sessions from {} to {}.{}{}",
        short_date(local_day(t0 as u64, offset)),
        short_date(local_day(t1 as u64, offset)),
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
            Some(0) => " No pain reported.".to_owned(),
            Some(p) => format!(" It brought on pain (highest {p} out of 10)."),
            None => " No pain reported.".to_owned(),
        }
    );
    let markers = n <= MARKERS_UP_TO;
    // The year only when the chart spans more than one.
    let (first_day, last_day) = (local_day(t0 as u64, offset), local_day(t1 as u64, offset));
    let one_day = first_day == last_day;
    let label: fn(i64) -> String = if civil(first_day).0 == civil(last_day).0 {
        short_date
    } else {
        short_date_year
    };
    view! {
        <svg class="chart" viewBox="0 0 320 136" role="img" aria-label=summary>
            <title>{summary.clone()}</title>
            // volume bars behind, scaled to the largest
            <g class="chart-volume">
                {points
                    .iter()
                    .filter(|p| max_volume > 0.0 && p.volume_kg > 0.0)
                    .map(|p| {
                        let h = f64::from(p.volume_kg) / max_volume * (BOTTOM - TOP);
                        view! {
                            <rect
                                x=format!("{:.1}", x(p.at_ms) - bar / 2.0)
                                y=format!("{:.1}", BOTTOM - h)
                                width=format!("{bar:.1}")
                                height=format!("{h:.1}")
                            />
                        }
                    })
                    .collect_view()}
            </g>
            <line class="chart-axis" x1=LEFT y1=BOTTOM x2=RIGHT y2=BOTTOM />
            {(!loads.is_empty()).then(|| view! {
                <text class="chart-label" x=LEFT - 4.0 y=TOP + 4.0 text-anchor="end">{units::kg(hi as f32)}</text>
                <text class="chart-label" x=LEFT - 4.0 y=BOTTOM text-anchor="end">{units::kg(lo as f32)}</text>
                <text class="chart-label" x=4 y=(TOP + BOTTOM) / 2.0>{scale_label}</text>
                <polyline class="chart-load" points=line />
            })}
            {markers.then(|| points
                .iter()
                .filter_map(|p| value_of(p).map(|v| view! {
                    <circle class="chart-point" cx=format!("{:.1}", x(p.at_ms)) cy=format!("{:.1}", y_load(v)) r="3" />
                }))
                .collect_view())}
            <text class="chart-label" x=4 y=PAIN_Y + 4.0>"pain"</text>
            <g class="chart-pain">
                {points
                    .iter()
                    .filter_map(|p| p.max_pain.map(|pain| (p.at_ms, pain)))
                    .map(|(t, pain)| {
                        let class = if pain > 0 { "pain-yes" } else { "pain-no" };
                        view! { <circle class=class cx=format!("{:.1}", x(t)) cy=PAIN_Y r=if markers { "5" } else { "3" } /> }
                    })
                    .collect_view()}
            </g>
            {if one_day {
                leptos::either::Either::Left(view! { <text class="chart-label" x=(LEFT + RIGHT) / 2.0 y=134 text-anchor="middle">{label(first_day)}</text> })
            } else {
                leptos::either::Either::Right(view! {
                    <text class="chart-label" x=LEFT y=134 text-anchor="start">{label(first_day)}</text>
                    <text class="chart-label" x=RIGHT y=134 text-anchor="end">{label(last_day)}</text>
                })
            }}
        </svg>
    }
}
