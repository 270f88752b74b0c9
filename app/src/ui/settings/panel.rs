use leptos::prelude::*;

/// One panel of the settings page: a section named by its heading.
/// Rendered on the server only (the page's panels are the settings
/// island's children), so it costs the download nothing.
#[component]
pub fn Panel(
    /// The heading's id: the section is labelled by it.
    heading_id: &'static str,
    /// The heading.
    title: &'static str,
    /// The section's own id, for links to it.
    #[prop(optional)]
    id: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby=heading_id id=id>
            <h2 id=heading_id>{title}</h2>
            {children()}
        </section>
    }
}
