use leptos::prelude::*;

/// One section of the report: its heading, then its content, or a line
/// that says there is nothing to show for the period.
#[component]
pub fn ReportSection(
    /// The heading's id; the section is labelled by it.
    id: &'static str,
    /// The heading.
    #[prop(into)]
    title: String,
    /// Shown instead of the content when there is nothing to show.
    #[prop(default = None)]
    empty: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    view! {
        <section class="report-section" aria-labelledby=id>
            <h2 id=id>{title}</h2>
            {match empty {
                Some(text) => view! { <p class="report-empty" data-empty-for=id>{text}</p> }.into_any(),
                None => children().into_any(),
            }}
        </section>
    }
}
