use crate::{
    notes::{MAX_NOTE_CHARS, Notes},
    platform,
    state::stores,
};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The user's own note for an exercise (seat height, pin setting), saved as
/// they type. Shown as plain text only. A note over the limit is refused with
/// a message, and the saved note stays as it was.
///
/// The elements are static: an effect puts the stored note in the box, and
/// the input handler saves, counts and explains. (Reactive views would cost
/// the download their build and hydrate code for each changing part.)
// Lazy in the release build, which splits the wasm (feature `split`); the
// wasm tests run an unsplit wasm, where a lazy island could not load.
#[cfg_attr(feature = "split", island(lazy))]
#[cfg_attr(not(feature = "split"), island)]
pub fn ExerciseNotes(
    /// The exercise the note belongs to.
    exercise_id: String,
) -> impl IntoView {
    let notes = stores().notes;
    let field_id = format!("note-{exercise_id}");
    let exercise_id = StoredValue::new(exercise_id);
    // The stored note in the box, whenever it changes (loaded, synced, or
    // typed here: then it is the same text, and the box is left alone).
    Effect::new(move |_| {
        let stored = notes.with(|n| exercise_id.with_value(|id| n.get(id).to_owned()));
        if let Some(field) = field(&exercise_id.get_value())
            && field.value() != stored
        {
            field.set_value(&stored);
        }
        show_count(stored.chars().count(), None);
    });
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let result =
            exercise_id.with_value(|id| notes.try_update(|n: &mut Notes| n.set(id, &text)));
        show_count(text.chars().count(), result.err().map(|e| e.to_string()));
    };

    view! {
        <section class="panel notes" on:input=on_input>
            <h2>
                <label for=field_id.clone()>"My notes"</label>
            </h2>
            <p class="hint">"Seat position, pin setting, anything you want to remember. Kept on this device."</p>
            <textarea id=field_id rows="4" aria-describedby="note-count"></textarea>
            <p id="note-count" class="hint">
                <span data-note-count>"0"</span>
                " / "
                {MAX_NOTE_CHARS}
            </p>
            <p class="error" role="alert" data-note-error hidden></p>
        </section>
    }
}

/// The note's box, in the browser.
fn field(exercise_id: &str) -> Option<web_sys::HtmlTextAreaElement> {
    platform::find(&format!("#note-{exercise_id}"))?
        .dyn_into()
        .ok()
}

/// Shows how many characters the box holds and, when it was refused, why.
fn show_count(chars: usize, refused: Option<String>) {
    platform::set_text("[data-note-count]", &chars.to_string());
    if let Some(count) = platform::find("#note-count") {
        let _ = count
            .class_list()
            .toggle_with_force("over", refused.is_some());
    }
    let message = refused.map(|e| format!("{e} Your saved note was kept."));
    platform::set_text("[data-note-error]", message.as_deref().unwrap_or_default());
    platform::set_hidden("[data-note-error]", message.is_none());
}
