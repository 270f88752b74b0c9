use crate::{program::Muscle, ui::art::BODY_MAP};
use leptos::prelude::*;

/// Front and back of a body with `muscles` highlighted, and their names
/// written out for anyone who cannot see the drawing.
#[component]
pub fn BodyMap(
    /// The muscles to highlight.
    muscles: &'static [Muscle],
    /// What the highlight means, e.g. "Muscles worked".
    #[prop(into)]
    caption: String,
) -> impl IntoView {
    let on = muscles
        .iter()
        .map(|m| m.css_id())
        .collect::<Vec<_>>()
        .join(" ");
    let names = muscles
        .iter()
        .map(|m| m.name())
        .collect::<Vec<_>>()
        .join(", ");
    let label = format!("{caption}: {names}");
    view! {
        <figure class="body-map">
            <div class="body-map-art" data-on=on role="img" aria-label=label inner_html=BODY_MAP></div>
            <figcaption>
                <strong>{caption}</strong>
                ": "
                {names}
            </figcaption>
        </figure>
    }
}
