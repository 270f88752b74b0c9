use crate::{
    backup::{self, Backup, ImportError, MAX_IMPORT_BYTES},
    platform::{self, files},
    progress::{date_label, short_date},
    screening::local_day,
    state::stores,
    storage::{Backend, browser::BrowserBackend},
    units::count,
};
use leptos::{html, prelude::*};

/// Where the import stands.
#[derive(Debug, Clone, PartialEq)]
enum Import {
    /// Nothing chosen.
    Idle,
    /// A valid backup, waiting for merge, replace or cancel, with what it
    /// holds and what of it is new, in words.
    Ready(Box<Backup>, [String; 2]),
    /// The file was refused; nothing changed.
    Refused(String),
    /// Done, with what happened.
    Done(String),
}

/// A backup's contents, and what of it this app lacks, as two sentences.
fn describe(backup: &Backup, current: &crate::session::History) -> [String; 2] {
    let offset = platform::utc_offset_min();
    let summary = backup.summary(current, offset);
    let span = summary
        .span
        .map(|(a, b)| format!(" from {} to {}", short_date(a), date_label(b)))
        .unwrap_or_default();
    let made = if backup.exported_ms > 0 {
        format!(
            "This backup was made on {}. ",
            date_label(local_day(backup.exported_ms, offset))
        )
    } else {
        String::new()
    };
    [
        format!(
            "{made}It holds {} ({}){span}, notes for {}{}",
            count(summary.sessions, "session"),
            count(summary.sets, "set"),
            count(summary.notes, "exercise"),
            if summary.has_settings {
                ", and settings."
            } else {
                "."
            }
        ),
        format!(
            "New to this app: {}.",
            count(summary.new_sessions, "session")
        ),
    ]
}

/// Backups in and out, the CSV for a clinician, copies of unreadable data,
/// whether the browser keeps the data, and deleting everything.
#[component]
pub fn DataTools() -> impl IntoView {
    let st = stores();
    let import = RwSignal::new(Import::Idle);
    let confirm_delete = RwSignal::new(false);
    let deleted = RwSignal::new(false);
    let file_input = NodeRef::<html::Input>::new();
    let kept_aside = RwSignal::new(Vec::<String>::new());
    let refresh_kept = move || {
        kept_aside.set(
            BrowserBackend
                .own_keys()
                .unwrap_or_default()
                .into_iter()
                .filter(|k| k.contains(":corrupt:"))
                .collect(),
        )
    };
    Effect::new(move |_| refresh_kept());

    let save_json = move |_| {
        let now = platform::now_ms();
        let text = backup::export_json(
            &st.prefs.with_untracked(Clone::clone),
            &st.notes.with_untracked(Clone::clone),
            &st.screening.with_untracked(Clone::clone),
            &st.history.with_untracked(Clone::clone),
            now,
        );
        files::download(
            &backup::file_name(now, platform::utc_offset_min(), "json"),
            "application/json",
            &text,
        );
    };
    let save_csv = move |_| {
        let now = platform::now_ms();
        let offset = platform::utc_offset_min();
        let unit = st.prefs.with_untracked(|p| p.unit);
        let text = st
            .history
            .with_untracked(|h| backup::export_csv(h, unit, offset));
        files::download(&backup::file_name(now, offset, "csv"), "text/csv", &text);
    };
    let chosen = move |_| {
        let Some(input) = file_input.get_untracked() else {
            return;
        };
        files::read_chosen_file(&input, MAX_IMPORT_BYTES, move |read| {
            let result = match read {
                None => Err("That file could not be read. Nothing was changed.".to_owned()),
                Some((size, _)) if size > MAX_IMPORT_BYTES => {
                    Err(ImportError::TooLarge(size).to_string())
                }
                Some((_, text)) => backup::import_json(text.as_bytes()).map_err(|e| e.to_string()),
            };
            import.set(match result {
                Ok(backup) => {
                    let words = st.history.with_untracked(|h| describe(&backup, h));
                    Import::Ready(Box::new(backup), words)
                }
                Err(message) => Import::Refused(message),
            });
        });
        // The same file can be chosen again after a cancel.
        input.set_value("");
    };
    let apply = move |replace: bool| {
        let Import::Ready(backup, _) = import.get_untracked() else {
            return;
        };
        let backup = *backup;
        let message = if replace {
            let sessions = backup.history.sessions.len();
            st.prefs.replace(backup.prefs.unwrap_or_default());
            st.notes.replace(backup.notes.unwrap_or_default());
            st.screening.replace(backup.screening.unwrap_or_default());
            st.history.replace(backup.history);
            format!(
                "Your data was replaced by the backup: {}.",
                count(sessions, "session")
            )
        } else {
            let mut history = st.history.with_untracked(Clone::clone);
            let mut notes = st.notes.with_untracked(Clone::clone);
            let added = backup::merge(backup, &mut history, &mut notes);
            st.notes.update(|n| *n = notes);
            st.history.update(|h| *h = history);
            format!(
                "Merged: {} added; everything you had is kept.",
                count(added, "session")
            )
        };
        import.set(Import::Done(message));
    };
    let delete = move |_| {
        st.delete_everything();
        confirm_delete.set(false);
        deleted.set(true);
        refresh_kept();
    };

    let refused = move || {
        import.with(|i| match i {
            Import::Refused(message) => Some(message.clone()),
            _ => None,
        })
    };
    let done = move || {
        import.with(|i| match i {
            Import::Done(message) => Some(message.clone()),
            _ => None,
        })
    };
    let preview = move |line: usize| {
        import.with(|i| match i {
            Import::Ready(_, words) => Some(words[line].clone()),
            _ => None,
        })
    };

    view! {
        <div class="data-tools">
            <h3>"Back up and share"</h3>
            <p class="hint">"Everything stays on this device. A backup file lets you move it to another phone or keep it safe."</p>
            <div class="button-row">
                <button type="button" class="button" data-testid="export-json" on:click=save_json>"Save a backup (JSON)"</button>
                <button type="button" class="button" data-testid="export-csv" on:click=save_csv>"Sets for a spreadsheet (CSV)"</button>
            </div>

            <h3>"Import a backup"</h3>
            // The browser's own file input names itself in its own words
            // ("Choose File"), cut short on a phone: it stays for keyboards
            // and screen readers, and a button-like label is what people see.
            <input id="import-file" class="visually-hidden" type="file" accept=".json,application/json" data-testid="import-file" node_ref=file_input on:change=chosen />
            <label class="button file-button" for="import-file">"Choose a backup file…"</label>
            // The answers to a chosen file are always in the page, shown as
            // the import goes: plain elements with changing text cost the
            // download far less than views built and dropped on each change.
            <p class="error" role="alert" data-testid="import-error" hidden=move || refused().is_none()>{move || refused().unwrap_or_default()}</p>
            <p class="ok" role="status" data-testid="import-done" hidden=move || done().is_none()>{move || done().unwrap_or_default()}</p>
            <div class="panel import-preview" data-testid="import-preview" hidden=move || preview(0).is_none()>
                <p>{move || preview(0).unwrap_or_default()}</p>
                <p>{move || preview(1).unwrap_or_default()}</p>
                <div class="button-row">
                    <button type="button" class="button button-primary" data-testid="import-merge" on:click=move |_| apply(false)>"Merge into my data"</button>
                    <button type="button" class="button" data-testid="import-replace" on:click=move |_| apply(true)>"Replace my data with it"</button>
                    <button type="button" class="button" on:click=move |_| import.set(Import::Idle)>"Cancel"</button>
                </div>
                <p class="hint">"Merge keeps everything you have and adds what is new. Replace makes this app hold exactly the backup."</p>
            </div>

            <h3>"Kept on this device"</h3>
            <p data-testid="persistence">
                {move || match st.persisted.get() {
                    Some(true) => "Your browser keeps this data until you delete it.",
                    Some(false) => "Your browser may clear this data when space runs low (it decides after your first session). Save a backup now and then.",
                    None => "Your browser does not say whether it keeps this data for good. Save a backup now and then.",
                }}
            </p>
            {move || {
                let keys = kept_aside.get();
                (!keys.is_empty()).then(|| view! {
                    <p>"Copies of saved data that could not be read, kept untouched:"</p>
                    <ul class="kept-aside">
                        {keys.into_iter().map(|key| {
                            let k = key.clone();
                            let save = move |_| {
                                if let Ok(Some(text)) = BrowserBackend.get(&k) {
                                    files::download(&format!("{}.json", k.replace(':', "-")), "application/json", &text);
                                }
                            };
                            view! { <li><code>{key}</code>" "<button type="button" class="button" on:click=save>"Download"</button></li> }
                        }).collect_view()}
                    </ul>
                })
            }}

            <h3>"Delete all my data"</h3>
            <p class="ok" role="status" data-testid="deleted" hidden=move || !deleted.get()>
                {move || deleted.get().then_some("Everything BackStrong kept on this device was deleted.")}
            </p>
            <div class="panel panel-danger" role="alertdialog" aria-labelledby="delete-q" hidden=move || !confirm_delete.get()>
                <p id="delete-q">"Delete every session, note and setting from this device? This cannot be undone. Save a backup first if you may want them back."</p>
                <div class="button-row">
                    <button type="button" class="button" data-testid="delete-confirm" on:click=delete>"Yes, delete everything"</button>
                    <button type="button" class="button button-primary" on:click=move |_| confirm_delete.set(false)>"Keep my data"</button>
                </div>
            </div>
            <button type="button" class="button" data-testid="delete-all" hidden=move || confirm_delete.get() || deleted.get() on:click=move |_| confirm_delete.set(true)>"Delete all my data…"</button>
        </div>
    }
}
