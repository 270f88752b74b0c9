use crate::state::stores;
use leptos::prelude::*;

/// Tells the user when storage is not doing what they expect.
#[island]
pub fn StorageBanner() -> impl IntoView {
    let board = stores().board;
    move || {
        board.current().map(|notice| {
            view! {
                <div class="banner banner-warning" role="alert" data-testid="storage-notice">
                    <p>{notice.message}</p>
                    <button type="button" class="button" on:click=move |_| board.dismiss()>
                        "OK"
                    </button>
                </div>
            }
        })
    }
}
