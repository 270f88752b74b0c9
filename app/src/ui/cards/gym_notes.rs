use crate::{platform, program::session_order, state::stores};
use leptos::prelude::*;

/// On the Program page: what the user's gym changes (Settings → Your gym).
/// The program itself stays as the source gives it; this says what the
/// sessions do instead, and that the source includes the machine. Every
/// note is rendered on the server, hidden; the island only shows the ones
/// that apply, so the program's words stay out of the wasm.
#[component]
pub fn GymNotes() -> impl IntoView {
    view! {
        <section class="panel panel-caution" data-testid="gym-notes" hidden>
            <h2>"At your gym"</h2>
            <ul>
                {session_order()
                    .filter(|e| e.needs_machine())
                    .map(|e| {
                        let text = e.without_machine_text();
                        view! { <li data-gym-note=e.id hidden>{text}</li> }
                    })
                    .collect_view()}
            </ul>
            <p><a href="/settings#gym-heading">"Change in Settings"</a></p>
        </section>
        <GymNotesReveal />
    }
}

/// Shows the notes of the machines the user marked missing.
#[island]
pub fn GymNotesReveal() -> impl IntoView {
    let prefs = stores().prefs;
    Effect::new(move |_| {
        let missing = prefs.with(|p| p.missing_machines.clone());
        platform::set_hidden("[data-testid='gym-notes']", missing.is_empty());
        platform::set_hidden("[data-gym-note]", true);
        for id in &missing {
            platform::set_hidden(&format!("[data-gym-note='{id}']"), false);
        }
    });
}
