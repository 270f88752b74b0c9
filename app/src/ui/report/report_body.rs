use super::{ReportChart, ReportSection};
use crate::{
    progress::{date_label, short_date_year},
    report::{ExerciseLine, Report},
    units::{self, Unit},
};
use leptos::prelude::*;

/// The report's sections, in the order a clinician reads them.
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
    let value = move |line: &ExerciseLine, v: f32| {
        if line.by_load {
            unit.show(v)
        } else {
            format!("{} reps", units::kg(v))
        }
    };
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
                    <tbody>
                        {weeks
                            .into_iter()
                            .map(|w| view! {
                                <tr>
                                    <td>{short_date_year(w.start_day)}</td>
                                    <td>{w.sessions}</td>
                                    <td>{if w.sessions >= u32::from(target) { "met" } else { "not met" }}</td>
                                </tr>
                            })
                            .collect_view()}
                    </tbody>
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
                    <tbody>
                        {exercises
                            .iter()
                            .map(|e| {
                                let first = e.first.as_ref().map_or("–".to_owned(), |p| value(e, p.value));
                                let last = e.last.as_ref().map_or("–".to_owned(), |p| value(e, p.value));
                                let mut changes: Vec<String> = e
                                    .varied
                                    .iter()
                                    .map(|(label, n)| format!("{label}: {}", units::count(*n as usize, "session")))
                                    .collect();
                                if e.left_out {
                                    changes.push("Left out: no machine at the gym".to_owned());
                                }
                                view! {
                                    <tr data-exercise=e.id>
                                        <th scope="row">{e.name}</th>
                                        <td data-label="Sets × reps">{e.sets_reps.clone().unwrap_or_else(|| "–".to_owned())}</td>
                                        <td data-label="Sessions">{e.sessions}</td>
                                        <td data-label="First" data-testid="first">{first}</td>
                                        <td data-label="Last" data-testid="last">{last}</td>
                                        <td data-label="Left out or varied">{if changes.is_empty() { "–".to_owned() } else { changes.join("; ") }}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
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
                    <tbody>
                        {pain_stops
                            .into_iter()
                            .map(|s| view! {
                                <tr>
                                    <td>{date_label(s.day)}</td>
                                    <td>{s.exercise.unwrap_or("–")}</td>
                                    <td>{s.felt}</td>
                                    <td>{if s.whole_session { "the session" } else { "this exercise" }}</td>
                                </tr>
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </ReportSection>

            <ReportSection
                id="report-checks"
                title="Safety checks that kept you from training"
                empty=checks.is_empty().then_some("None in this period.")
            >
                <table class="report-table" data-testid="report-checks">
                    <thead><tr><th scope="col">"Date"</th><th scope="col">"Answered no"</th></tr></thead>
                    <tbody>
                        {checks
                            .into_iter()
                            .map(|c| view! {
                                <tr>
                                    <td>{date_label(c.day)}</td>
                                    <td><ul class="report-list">{c.answered_no.into_iter().map(|q| view! { <li>{q}</li> }).collect_view()}</ul></td>
                                </tr>
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </ReportSection>

            <ReportSection id="report-notes" title="Your notes" empty=notes.is_empty().then_some("No notes.")>
                <dl class="report-notes">
                    {notes
                        .into_iter()
                        .map(|(name, text)| view! { <dt>{name}</dt><dd>{text}</dd> })
                        .collect_view()}
                </dl>
            </ReportSection>
        </div>
    }
}
