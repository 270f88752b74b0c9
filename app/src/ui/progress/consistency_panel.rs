use crate::progress::{Consistency, tables::calendar_rows};
use leptos::prelude::*;

/// This week against the target, the streak of weeks on target, and a
/// calendar of the last 12 weeks. Encouraging, never nagging: no red marks
/// for days off.
#[component]
pub fn ConsistencyPanel(consistency: Consistency) -> impl IntoView {
    // The calendar's rows are written as text (`progress::tables`).
    let rows = calendar_rows(&consistency);
    let Consistency {
        this_week,
        target,
        streak_weeks,
        ..
    } = consistency;
    let week_text = if this_week >= u32::from(target) {
        format!(
            "This week: {}. Target of {target} reached.",
            crate::units::count(this_week as usize, "session")
        )
    } else {
        format!("This week: {this_week} of {target} sessions.")
    };
    let streak_text = match streak_weeks {
        0 => "Every week on target counts towards a streak.".to_owned(),
        1 => "1 week on target.".to_owned(),
        n => format!("{n} weeks in a row on target."),
    };
    view! {
        <section class="panel" aria-labelledby="consistency">
            <h2 id="consistency">"Consistency"</h2>
            <p class="big-figure" data-testid="this-week">{week_text}</p>
            <p data-testid="streak">{streak_text}</p>
            <p class="hint">"The program asks for consistency: make these sessions a priority in your week."</p>
            <table class="calendar" aria-label="Sessions in the last 12 weeks">
                <thead>
                    <tr>
                        <th scope="col">"Week of"</th>
                        <th scope="col">"M"</th><th scope="col">"T"</th><th scope="col">"W"</th><th scope="col">"T"</th>
                        <th scope="col">"F"</th><th scope="col">"S"</th><th scope="col">"S"</th>
                    </tr>
                </thead>
                <tbody inner_html=rows></tbody>
            </table>
        </section>
    }
}
