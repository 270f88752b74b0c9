use crate::{
    platform::{self, files},
    state::stores,
    storage::{Backend, browser::BrowserBackend},
};
use leptos::prelude::*;

/// Tells the user when storage is not doing what they expect, and offers
/// each unreadable value that was kept aside for download. Markup, written
/// when the notice changes (`StorageNotice::html`; a view would cost every
/// page's download its build code), with one click handler for its buttons.
#[island]
pub fn StorageBanner() -> impl IntoView {
    let board = stores().board;
    let banner = move || {
        board
            .current()
            .map(|notice| notice.html())
            .unwrap_or_default()
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if let Some(key) = platform::closest_attr(&ev, "data-download") {
            if let Ok(Some(text)) = BrowserBackend.get(&key) {
                let name = format!("{}.json", key.replace(':', "-"));
                files::download(&name, "application/json", &text);
            }
        } else if platform::closest_attr(&ev, "data-action").as_deref() == Some("dismiss") {
            board.dismiss();
        }
    };
    view! { <div class="site-banner" on:click=on_click inner_html=banner></div> }
}
