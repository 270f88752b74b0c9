use super::ReportView;
use crate::report::Period;
use leptos::prelude::*;
use leptos_meta::Title;

/// The Report screen. Its figures come from this device's storage, so the
/// server renders the frame (the period buttons, Print, and the report's
/// place) and the island makes it work and fills it in.
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
        <ReportView>
            <div class="report-controls no-print">
                <div class="choice-group report-periods" role="group" aria-label="Period">
                    {Period::ALL
                        .into_iter()
                        .map(|p| {
                            view! {
                                <button
                                    type="button"
                                    class="choice"
                                    data-period=p.id()
                                    data-period-choice=p.id()
                                    aria-pressed=(p == Period::Weeks12).to_string()
                                >
                                    {p.short_label()}
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
                <button type="button" class="button button-primary" data-testid="report-print" data-action="print">
                    "Print or save as PDF"
                </button>
            </div>
            <div class="report-body">
                <p class="lead" data-testid="report-loading">"Reading your log on this device…"</p>
            </div>
        </ReportView>
    }
}
