use crate::progress::{Consistency, short_date};
use leptos::prelude::*;

/// This week against the target, the streak of weeks on target, and a
/// calendar of the last 12 weeks. Encouraging, never nagging: no red marks
/// for days off.
#[component]
pub fn ConsistencyPanel(consistency: Consistency) -> impl IntoView {
    let Consistency {
        this_week,
        target,
        streak_weeks,
        calendar,
        today,
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
                        {["M", "T", "W", "T", "F", "S", "S"].map(|d| view! { <th scope="col">{d}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {calendar
                        .into_iter()
                        .map(|week| {
                            view! {
                                <tr class:on-target=week.on_target>
                                    <th scope="row">{short_date(week.start_day)}</th>
                                    {week
                                        .days
                                        .iter()
                                        .enumerate()
                                        .map(|(i, n)| {
                                            let day = week.start_day + i as i64;
                                            let (mark, said) = match n {
                                                0 if day > today => ("", "not yet"),
                                                0 => ("·", "no session"),
                                                1 => ("●", "1 session"),
                                                _ => ("●", "more than one session"),
                                            };
                                            let trained = *n > 0;
                                            let is_today = day == today;
                                            view! {
                                                <td class:trained=trained class:today=is_today aria-label=said>
                                                    {mark}
                                                </td>
                                            }
                                        })
                                        .collect_view()}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </section>
    }
}
