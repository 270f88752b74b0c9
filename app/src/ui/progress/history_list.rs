use crate::{
    progress::{Outcome, by_week, date_label, short_date, tables::set_rows},
    screening::local_day,
    session::{History, Session},
    units::Unit,
};
use leptos::prelude::*;

/// Weeks shown at first; older ones on request, so a long history opens fast.
const FIRST_WEEKS: usize = 8;

/// The sessions by week, newest first. Each opens to show every set.
#[component]
pub fn HistoryList(history: History, unit: Unit, offset: i32) -> impl IntoView {
    let shown = RwSignal::new(FIRST_WEEKS);
    let history = StoredValue::new(history);
    let total_weeks = history.with_value(|h| by_week(h, offset).len());
    view! {
        <section class="panel" aria-labelledby="history">
            <h2 id="history">"History"</h2>
            {move || history.with_value(|h| {
                by_week(h, offset)
                    .into_iter()
                    .take(shown.get())
                    .map(|week| {
                        let count = week.sessions.len();
                        view! {
                            <h3 class="week-heading">
                                {format!("Week of {} · {}", short_date(week.start_day), crate::units::count(count, "session"))}
                            </h3>
                            <ul class="sessions">
                                {week.sessions.into_iter().map(|s| view! { <SessionEntry session=s.clone() unit offset /> }).collect_view()}
                            </ul>
                        }
                    })
                    .collect_view()
            })}
            {move || (shown.get() < total_weeks).then(|| view! {
                <button type="button" class="button" data-testid="older-weeks" on:click=move |_| shown.update(|n| *n += FIRST_WEEKS)>
                    "Show older weeks"
                </button>
            })}
        </section>
    }
}

/// One session: date, duration, exercises, a mark when it was stopped for
/// pain or left incomplete; its sets are drawn only when opened.
#[component]
fn SessionEntry(session: Session, unit: Unit, offset: i32) -> impl IntoView {
    let open = RwSignal::new(false);
    let time = crate::session::active_time_label(&session);
    let exercises = session
        .plan
        .items
        .iter()
        .enumerate()
        .filter(|(i, _)| session.sets.iter().any(|s| s.item == *i && s.done()))
        .count();
    let sets_done = session.sets_done();
    let mark = match Outcome::of(&session) {
        Outcome::Finished => None,
        Outcome::StoppedForPain => Some(("mark mark-pain", "Stopped for pain")),
        Outcome::Incomplete => Some(("mark mark-incomplete", "Incomplete")),
    };
    let day = local_day(session.started_ms, offset);
    let session = StoredValue::new(session);
    view! {
        <li class="session-entry" data-session=session.with_value(|s| s.id.clone())>
            <details on:toggle=move |ev| {
                use leptos::wasm_bindgen::JsCast;
                let now_open = ev
                    .target()
                    .and_then(|t| t.dyn_into::<leptos::web_sys::HtmlDetailsElement>().ok())
                    .is_some_and(|d| d.open());
                open.set(now_open);
            }>
                <summary>
                    <span class="session-date">{date_label(day)}</span>
                    {format!(
                        " · {time} · {} · {}",
                        crate::units::count(exercises, "exercise"),
                        crate::units::count(sets_done, "set")
                    )}
                    {mark.map(|(class, text)| view! { " " <span class=class>{text}</span> })}
                </summary>
                {move || open.get().then(|| session.with_value(|s| view! { <SetTable session=s.clone() unit /> }))}
            </details>
        </li>
    }
}

/// Every set of a session; its rows are written as text
/// (`progress::tables`).
#[component]
fn SetTable(session: Session, unit: Unit) -> impl IntoView {
    view! {
        <table class="sets">
            <thead>
                <tr>
                    <th scope="col">"Exercise"</th>
                    <th scope="col">"Set"</th>
                    <th scope="col">"Reps"</th>
                    <th scope="col">"Load"</th>
                    <th scope="col">"Effort"</th>
                    <th scope="col">"Pain"</th>
                </tr>
            </thead>
            <tbody inner_html=set_rows(&session, unit)></tbody>
        </table>
    }
}
