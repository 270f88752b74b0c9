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
            let several = notice.kept_aside.len() > 1;
            let download = notice
                .kept_aside
                .iter()
                .cloned()
                .map(|(key, what)| {
                    let save = move |_| {
                        if let Ok(Some(text)) = BrowserBackend.get(&key) {
                            let name = format!("{}.json", key.replace(':', "-"));
                            files::download(&name, "application/json", &text);
                        }
                    };
                    let label = if several {
                        format!("Download the unreadable {what}")
                    } else {
                        "Download the unreadable copy".to_owned()
                    };
                    view! {
                        <button type="button" class="button" data-testid="download-corrupt" on:click=save>
                            {label}
                        </button>
                    }
                })
                .collect_view();
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
