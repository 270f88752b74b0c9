use super::SettingsPanels;
use leptos::prelude::*;
use leptos_meta::Title;

/// Preferences, and the user's data: backups, import, deleting it.
#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <Title text="Settings" />
        <h1>"Settings"</h1>
        <SettingsPanels />
    }
}
