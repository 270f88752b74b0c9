use crate::{
    backup::{self, Backup, ImportError, MAX_IMPORT_BYTES},
    platform::{self, files},
    progress::{date_label, short_date},
    screening::local_day,
    storage::{Backend, browser::BrowserBackend},
    units::count,
};
use crate::{markup::Markup, state::Stores};
use leptos::prelude::*;

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
/// whether the browser keeps the data, and deleting everything: markup
/// rendered on the server, whose buttons name their `data-action`; [`Tools`]
/// (in the settings island) acts on them. Everything a step may show is in
/// the page from the start, hidden until it applies.
#[component]
pub fn DataTools() -> impl IntoView {
    view! {
        <div class="data-tools">
            <h3>"Back up and share"</h3>
            <p class="hint">"Everything stays on this device. A backup file lets you move it to another phone or keep it safe."</p>
            <div class="button-row">
                <button type="button" class="button" data-testid="export-json" data-action="export-json">"Save a backup (JSON)"</button>
                <button type="button" class="button" data-testid="export-csv" data-action="export-csv">"Sets for a spreadsheet (CSV)"</button>
            </div>

            <h3>"Import a backup"</h3>
            // The browser's own file input names itself in its own words
            // ("Choose File"), cut short on a phone: it stays for keyboards
            // and screen readers, and a button-like label is what people see.
            <input id="import-file" class="visually-hidden" type="file" accept=".json,application/json" data-testid="import-file" />
            <label class="button file-button" for="import-file">"Choose a backup file…"</label>
            <p class="error" role="alert" data-testid="import-error" hidden></p>
            <p class="ok" role="status" data-testid="import-done" hidden></p>
            <div class="panel import-preview" data-testid="import-preview" hidden>
                <p data-import-line="0"></p>
                <p data-import-line="1"></p>
                <div class="button-row">
                    <button type="button" class="button button-primary" data-testid="import-merge" data-action="import-merge">"Merge into my data"</button>
                    <button type="button" class="button" data-testid="import-replace" data-action="import-replace">"Replace my data with it"</button>
                    <button type="button" class="button" data-action="import-cancel">"Cancel"</button>
                </div>
                <p class="hint">"Merge keeps everything you have and adds what is new. Replace makes this app hold exactly the backup."</p>
            </div>

            <h3>"Kept on this device"</h3>
            // One sentence per answer the browser may give; the island shows
            // the one that holds. Until then: the browser has not said.
            <p data-testid="persistence">
                <span data-persisted="true" hidden>"Your browser keeps this data until you delete it."</span>
                <span data-persisted="false" hidden>"Your browser may clear this data when space runs low (it decides after your first session). Save a backup now and then."</span>
                <span data-persisted="unknown">"Your browser does not say whether it keeps this data for good. Save a backup now and then."</span>
            </p>
            <div data-testid="kept-aside" hidden>
                <p>"Copies of saved data that could not be read, kept untouched:"</p>
                <ul class="kept-aside"></ul>
            </div>

            <h3>"Delete all my data"</h3>
            <p class="ok" role="status" data-testid="deleted" hidden>"Everything BackStrong kept on this device was deleted."</p>
            <div class="panel panel-danger" role="alertdialog" aria-labelledby="delete-q" data-testid="delete-question" hidden>
                <p id="delete-q">"Delete every session, note and setting from this device? This cannot be undone. Save a backup first if you may want them back."</p>
                <div class="button-row">
                    <button type="button" class="button" data-testid="delete-confirm" data-action="delete-confirm">"Yes, delete everything"</button>
                    <button type="button" class="button button-primary" data-action="delete-keep">"Keep my data"</button>
                </div>
            </div>
            <button type="button" class="button" data-testid="delete-all" data-action="delete-all">"Delete all my data…"</button>
        </div>
    }
}

/// The data tools at work: what a tap or a chosen file does, and what the
/// markup then shows. Lives in the settings island, which hands it the
/// events of the whole page.
#[derive(Clone, Copy)]
pub struct Tools {
    st: Stores,
    import: StoredValue<Import, LocalStorage>,
}

impl Tools {
    /// Shows whether the browser keeps the data, and any copies of data
    /// that could not be read.
    pub fn new(st: Stores) -> Self {
        let tools = Tools {
            st,
            import: StoredValue::new_local(Import::Idle),
        };
        Effect::new(move |_| {
            let answer = match st.persisted.get() {
                Some(true) => "true",
                Some(false) => "false",
                None => "unknown",
            };
            platform::show_only("data-persisted", answer);
        });
        Effect::new(move |_| show_kept_aside());
        tools
    }

    /// A tap on one of the tools' buttons (any other tap is not theirs).
    pub fn on_click(self, ev: &web_sys::Event) {
        let Some(action) = platform::closest_attr(ev, "data-action") else {
            return;
        };
        let st = self.st;
        match action.as_str() {
            "export-json" => {
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
            }
            "export-csv" => {
                let now = platform::now_ms();
                let offset = platform::utc_offset_min();
                let unit = st.prefs.with_untracked(|p| p.unit);
                let text = st
                    .history
                    .with_untracked(|h| backup::export_csv(h, unit, offset));
                files::download(&backup::file_name(now, offset, "csv"), "text/csv", &text);
            }
            "import-merge" => self.apply(false),
            "import-replace" => self.apply(true),
            "import-cancel" => self.set_import(Import::Idle),
            "download-kept" => {
                if let Some(key) = platform::closest_attr(ev, "data-key")
                    && let Ok(Some(text)) = BrowserBackend.get(&key)
                {
                    files::download(
                        &format!("{}.json", key.replace(':', "-")),
                        "application/json",
                        &text,
                    );
                }
            }
            "delete-all" => show_delete(Delete::Asking),
            "delete-keep" => show_delete(Delete::Kept),
            "delete-confirm" => {
                st.delete_everything();
                show_delete(Delete::Done);
                show_kept_aside();
            }
            _ => {}
        }
    }

    /// A file chosen for import (any other change is not the tools').
    pub fn on_change(self, ev: &web_sys::Event) {
        let Some(input) = platform::input_target(ev, "import-file") else {
            return;
        };
        let st = self.st;
        files::read_chosen_file(&input, MAX_IMPORT_BYTES, move |read| {
            let result = match read {
                None => Err("That file could not be read. Nothing was changed.".to_owned()),
                Some((size, _)) if size > MAX_IMPORT_BYTES => {
                    Err(ImportError::TooLarge(size).to_string())
                }
                Some((_, text)) => backup::import_json(text.as_bytes()).map_err(|e| e.to_string()),
            };
            self.set_import(match result {
                Ok(backup) => {
                    let words = st.history.with_untracked(|h| describe(&backup, h));
                    Import::Ready(Box::new(backup), words)
                }
                Err(message) => Import::Refused(message),
            });
        });
        // The same file can be chosen again after a cancel.
        input.set_value("");
    }

    /// Merges the backup waiting for an answer into the data, or replaces
    /// the data with it.
    fn apply(self, replace: bool) {
        let Import::Ready(backup, _) = self.import.get_value() else {
            return;
        };
        let (st, backup) = (self.st, *backup);
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
        self.set_import(Import::Done(message));
    }

    /// Keeps `import` and shows it: the reason a file was refused, what a
    /// backup holds with the question what to do with it, or what was done.
    fn set_import(self, import: Import) {
        let (error, done, lines) = match &import {
            Import::Idle => (None, None, None),
            Import::Refused(message) => (Some(message.as_str()), None, None),
            Import::Done(message) => (None, Some(message.as_str()), None),
            Import::Ready(_, words) => (None, None, Some(words)),
        };
        for (selector, text) in [
            ("[data-testid='import-error']", error),
            ("[data-testid='import-done']", done),
        ] {
            platform::set_text(selector, text.unwrap_or_default());
            platform::set_hidden(selector, text.is_none());
        }
        if let Some(lines) = lines {
            platform::set_text("[data-import-line='0']", &lines[0]);
            platform::set_text("[data-import-line='1']", &lines[1]);
        }
        platform::set_hidden("[data-testid='import-preview']", lines.is_none());
        self.import.set_value(import);
    }
}

/// Where deleting everything stands.
#[derive(Clone, Copy, PartialEq)]
enum Delete {
    /// The question is on screen.
    Asking,
    /// The answer was no.
    Kept,
    /// Everything was deleted.
    Done,
}

fn show_delete(step: Delete) {
    platform::set_hidden("[data-testid='delete-question']", step != Delete::Asking);
    platform::set_hidden("[data-testid='delete-all']", step != Delete::Kept);
    platform::set_hidden("[data-testid='deleted']", step != Delete::Done);
}

/// Lists the copies of stored data that could not be read (kept aside by
/// the storage module), each with a button to download it; hidden when
/// there are none.
fn show_kept_aside() {
    let keys: Vec<String> = BrowserBackend
        .own_keys()
        .unwrap_or_default()
        .into_iter()
        .filter(|k| k.contains(":corrupt:"))
        .collect();
    let mut m = Markup::default();
    for key in &keys {
        m.open("li", &[])
            .element("code", &[], key)
            .text(" ")
            .element(
                "button",
                &[
                    ("type", &"button"),
                    ("class", &"button"),
                    ("data-action", &"download-kept"),
                    ("data-key", key),
                ],
                "Download",
            )
            .close("li");
    }
    if let Some(list) = platform::find(".kept-aside") {
        list.set_inner_html(&m.finish());
    }
    platform::set_hidden("[data-testid='kept-aside']", keys.is_empty());
}
