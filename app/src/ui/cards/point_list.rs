use crate::program::Point;
use leptos::prelude::*;

/// A list of cues, cautions or variations.
#[component]
pub fn PointList(
    /// The points, in order.
    points: &'static [Point],
    /// The list's class, for styling (e.g. "cues", "cautions").
    #[prop(into)]
    class: String,
) -> impl IntoView {
    view! {
        <ul class=class>
            {points.iter().map(|p| view! { <li>{p.text}</li> }).collect_view()}
        </ul>
    }
}
