use crate::{
    report::{ExerciseLine, chart},
    units::Unit,
};
use leptos::prelude::*;

/// One exercise over the report's period. Drawn as text by [`chart::draw`]
/// (plain Rust, tested natively) and set as the SVG's content: far less wasm
/// than the same elements written in `view!`, for a drawing that never
/// changes once shown.
#[component]
pub fn ReportChart(line: ExerciseLine, unit: Unit) -> impl IntoView {
    let drawing = chart::draw(&line, unit);
    view! {
        <svg class="report-chart" viewBox=chart::VIEW_BOX role="img" aria-label=drawing.summary inner_html=drawing.inner></svg>
    }
}
