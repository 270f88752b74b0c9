use leptos::prelude::*;

/// One panel of the settings page: a section labelled by its own heading
/// (`<id>-heading`), so a screen reader lists the panels by name.
#[component]
pub fn SettingsSection(
    /// Names the heading's id.
    id: &'static str,
    /// The heading.
    title: &'static str,
    children: Children,
) -> impl IntoView {
    let heading = format!("{id}-heading");
    view! {
        <section class="panel" aria-labelledby=heading>
            <h2 id=heading.clone()>{title}</h2>
            {children()}
        </section>
    }
}
