use leptos::{either::Either, prelude::*};

/// One section of the report: its heading, then its content, or a line
/// that says there is nothing to show for the period. Typed children, not
/// `Children`: boxing each section's content into an `AnyView` costs the
/// wasm far more than a type per section (see `ui::settings::SettingsPanels`).
#[component]
pub fn ReportSection<T: IntoView + 'static>(
    /// The heading's id; the section is labelled by it.
    id: &'static str,
    /// The heading.
    #[prop(into)]
    title: String,
    /// Shown instead of the content when there is nothing to show.
    #[prop(default = None)]
    empty: Option<&'static str>,
    children: TypedChildren<T>,
) -> impl IntoView {
    view! {
        <section class="report-section" aria-labelledby=id>
            <h2 id=id>{title}</h2>
            {match empty {
                Some(text) => Either::Left(view! { <p class="report-empty" data-empty-for=id>{text}</p> }),
                None => Either::Right(children.into_inner()()),
            }}
        </section>
    }
}
