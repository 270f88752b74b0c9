use crate::{
    progress::{Point, chart},
    units::Unit,
};
use leptos::prelude::*;

/// One exercise's chart on the Progress screen. Drawn as text by
/// [`chart::draw`] (plain Rust, tested natively) and set as the SVG's
/// content: far less wasm than the same elements written in `view!`, for a
/// drawing that never changes once shown.
#[component]
pub fn Chart(points: Vec<Point>, unit: Unit, offset: i32, name: &'static str) -> impl IntoView {
    let chart::Drawing { summary, inner } = chart::draw(&points, unit, offset, name);
    view! { <svg class="chart" viewBox=chart::VIEW_BOX role="img" aria-label=summary inner_html=inner></svg> }
}
