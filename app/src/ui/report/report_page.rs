use super::ReportView;
use leptos::prelude::*;
use leptos_meta::Title;

/// The Report screen. Its figures come from this device's storage, so the
/// server renders the frame and the island fills it in.
#[component]
pub fn ReportPage() -> impl IntoView {
    view! {
        <Title text="Report" />
        <h1>"Report"</h1>
        <p class="report-about">
            "Your own log, summed up for your physiotherapist or doctor. Made on this device from what you logged; nothing is sent anywhere."
        </p>
        <p class="fine-print report-about">
            "The program follows the article “Exercises for Pinched Nerve in Lower Back”. This report shows numbers and dates only: it does not interpret them."
        </p>
        <ReportView />
    }
}
