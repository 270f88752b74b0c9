use super::{ReportChart, ReportSection};
use crate::{
    progress::short_date_year,
    report::{
        ExerciseLine, Report,
        tables::{check_rows, note_items, program_rows, stop_rows, week_rows},
    },
    units::{self, Unit},
};
use leptos::prelude::*;

/// The report's sections, in the order a clinician reads them. Their
/// tables' rows are written as text (`report::tables`).
#[component]
pub fn ReportBody(report: Report, unit: Unit) -> impl IntoView {
    let Report {
        period,
        from_day,
        to_day,
        target,
        weeks,
        sessions,
        exercises,
        pain_stops,
        checks,
        notes,
    } = report;
    let charted: Vec<ExerciseLine> = exercises
        .iter()
        .filter(|e| !e.points.is_empty())
        .cloned()
        .collect();
    view! {
        <div class="report" data-testid="report-ready" data-period=period.id()>
            <ReportSection
                id="report-period"
                title=format!("{}: {} – {}", period.label(), short_date_year(from_day), short_date_year(to_day))
            >
                <p data-testid="report-sessions">
                    {format!("{} in this period. Weekly target: {}.", units::count(sessions as usize, "session"), units::count(usize::from(target), "session"))}
                </p>
                <table class="report-table report-weeks">
                    <caption>"Sessions, week by week"</caption>
                    <thead><tr><th scope="col">"Week of"</th><th scope="col">"Sessions"</th><th scope="col">"Target"</th></tr></thead>
                    <tbody inner_html=week_rows(&weeks, target)></tbody>
                </table>
            </ReportSection>

            <ReportSection id="report-program" title="The program as followed">
                <table class="report-table report-program" data-testid="report-program">
                    <thead>
                        <tr>
                            <th scope="col">"Exercise"</th>
                            <th scope="col">"Sets × reps"</th>
                            <th scope="col">"Sessions"</th>
                            <th scope="col">"First"</th>
                            <th scope="col">"Last"</th>
                            <th scope="col">"Left out or varied"</th>
                        </tr>
                    </thead>
                    <tbody inner_html=program_rows(&exercises, unit)></tbody>
                </table>
                <p class="fine-print">"Load: the heaviest set of the session. Where no load is used, the reps of the best set."</p>
            </ReportSection>

            <ReportSection
                id="report-charts"
                title="Each exercise over the period"
                empty=charted.is_empty().then_some("No sets logged in this period.")
            >
                <p class="fine-print">"Line: load (or reps). ▲ under a session: the exercise brought on pain that day."</p>
                <div class="report-charts">
                    {charted
                        .into_iter()
                        .map(|line| view! {
                            <figure class="report-figure">
                                <figcaption>{line.name}</figcaption>
                                <ReportChart line unit />
                            </figure>
                        })
                        .collect_view()}
                </div>
            </ReportSection>

            <ReportSection
                id="report-stops"
                title="Stops for pain"
                empty=pain_stops.is_empty().then_some("None in this period.")
            >
                <table class="report-table" data-testid="report-stops">
                    <thead><tr><th scope="col">"Date"</th><th scope="col">"Exercise"</th><th scope="col">"What was felt"</th><th scope="col">"Stopped"</th></tr></thead>
                    <tbody inner_html=stop_rows(&pain_stops)></tbody>
                </table>
            </ReportSection>

            <ReportSection
                id="report-checks"
                title="Safety checks that kept you from training"
                empty=checks.is_empty().then_some("None in this period.")
            >
                <table class="report-table" data-testid="report-checks">
                    <thead><tr><th scope="col">"Date"</th><th scope="col">"Answered no"</th></tr></thead>
                    <tbody inner_html=check_rows(&checks)></tbody>
                </table>
            </ReportSection>

            <ReportSection id="report-notes" title="Your notes" empty=notes.is_empty().then_some("No notes.")>
                <dl class="report-notes" inner_html=note_items(&notes)></dl>
            </ReportSection>
        </div>
    }
}
