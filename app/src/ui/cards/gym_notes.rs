use crate::{program::session_order, state::stores};
use leptos::prelude::*;

/// On the Program page: what the user's gym changes (Settings → Your gym).
/// The program itself stays as the source gives it; this says what the
/// sessions do instead, and that the source includes the machine.
#[island]
pub fn GymNotes() -> impl IntoView {
    let prefs = stores().prefs;
    move || {
        let notes: Vec<String> = prefs.with(|p| {
            session_order()
                .filter(|e| e.needs_machine() && p.missing_machines.contains(e.id))
                .map(|e| match e.without_machine().and_then(|i| e.equipment.get(i)) {
                    Some(other) => format!(
                        "{}: done with {} in your sessions, as the program allows.",
                        e.name,
                        other.label().to_lowercase()
                    ),
                    None => format!(
                        "{}: left out of your sessions, since your gym has no machine for it. The program includes it.",
                        e.name
                    ),
                })
                .collect()
        });
        (!notes.is_empty()).then(|| {
            view! {
                <section class="panel panel-caution" data-testid="gym-notes">
                    <h2>"At your gym"</h2>
                    <ul>{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                    <p><a href="/settings#gym-heading">"Change in Settings"</a></p>
                </section>
            }
        })
    }
}
