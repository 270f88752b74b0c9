use crate::{
    progress::{by_week, html::week_entries},
    session::History,
    units::Unit,
};
use leptos::prelude::*;

/// Weeks shown at first; older ones on request, so a long history opens fast.
const FIRST_WEEKS: usize = 8;

/// The sessions by week, newest first. Each opens to show every set.
///
/// The weeks are written as text (`progress::html`), a batch of
/// [`FIRST_WEEKS`] in each block: showing older weeks adds a block and
/// leaves the others as they are (a session opened stays open).
#[component]
pub fn HistoryList(history: History, unit: Unit, offset: i32) -> impl IntoView {
    let batches = RwSignal::new(1);
    let history = StoredValue::new(history);
    let total_weeks = history.with_value(|h| by_week(h, offset).len());
    view! {
        <section class="panel" aria-labelledby="history">
            <h2 id="history">"History"</h2>
            {move || history.with_value(|h| {
                let weeks = by_week(h, offset);
                weeks
                    .chunks(FIRST_WEEKS)
                    .take(batches.get())
                    .map(|batch| view! { <div inner_html=week_entries(batch, unit, offset)></div> })
                    .collect_view()
            })}
            {move || (batches.get() * FIRST_WEEKS < total_weeks).then(|| view! {
                <button type="button" class="button" data-testid="older-weeks" on:click=move |_| batches.update(|n| *n += 1)>
                    "Show older weeks"
                </button>
            })}
        </section>
    }
}
