use crate::{
    notes::{MAX_NOTE_CHARS, Notes},
    state::stores,
};
use leptos::prelude::*;

/// The user's own note for an exercise (seat height, pin setting), saved as
/// they type. Shown as plain text only. A note over the limit is refused with
/// a message, and the saved note stays as it was.
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
    let stored = move || notes.with(|n| exercise_id.with_value(|id| n.get(id).to_owned()));
    // What is in the box now, once the user has typed; until then, the stored note.
    let typed_len = RwSignal::new(None::<usize>);
    let error = RwSignal::new(None::<String>);
    let count = move || typed_len.get().unwrap_or_else(|| stored().chars().count());

    let on_input = move |ev| {
        let text = event_target_value(&ev);
        typed_len.set(Some(text.chars().count()));
        let result =
            exercise_id.with_value(|id| notes.try_update(|n: &mut Notes| n.set(id, &text)));
        match result {
            Ok(()) => error.set(None),
            Err(e) => error.set(Some(e.to_string())),
        }
    };

    view! {
        <section class="panel notes">
            <h2>
                <label for=field_id.clone()>"My notes"</label>
            </h2>
            <p class="hint">"Seat position, pin setting, anything you want to remember. Kept on this device."</p>
            <textarea
                id=field_id
                rows="4"
                prop:value=stored
                on:input=on_input
                aria-describedby="note-count"
            ></textarea>
            <p id="note-count" class="hint" class:over=move || error.with(Option::is_some)>
                {count}
                " / "
                {MAX_NOTE_CHARS}
            </p>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e} " Your saved note was kept."</p> })}
        </section>
    }
}
