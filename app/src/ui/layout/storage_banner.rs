use crate::{
    platform::files,
    state::stores,
    storage::{Backend, browser::BrowserBackend},
};
use leptos::prelude::*;

/// Tells the user when storage is not doing what they expect, and offers an
/// unreadable value that was kept aside for download.
#[island]
pub fn StorageBanner() -> impl IntoView {
    let board = stores().board;
    move || {
        board.current().map(|notice| {
            let download = notice.backup_key.clone().map(|key| {
                let save = move |_| {
                    if let Ok(Some(text)) = BrowserBackend.get(&key) {
                        let name = format!("{}.json", key.replace(':', "-"));
                        files::download(&name, "application/json", &text);
                    }
                };
                view! {
                    <button type="button" class="button" data-testid="download-corrupt" on:click=save>
                        "Download the unreadable copy"
                    </button>
                }
            });
            view! {
                <div class="banner banner-warning" role="alert" data-testid="storage-notice">
                    <p>{notice.message}</p>
                    {download}
                    <button type="button" class="button" data-testid="dismiss-notice" on:click=move |_| board.dismiss()>
                        "OK"
                    </button>
                </div>
            }
        })
    }
}
