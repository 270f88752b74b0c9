use crate::state::PrefsStore;
use leptos::prelude::*;

/// Tells the user, once, when storage is not doing what they expect.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let prefs = PrefsStore::use_context();
    move || {
        prefs.notice().map(|notice| {
            view! {
                <div class="banner banner-warning" role="alert" data-testid="storage-notice">
                    <p>{notice.message}</p>
                    <button type="button" class="button" on:click=move |_| prefs.dismiss_notice()>
                        "OK"
                    </button>
                </div>
            }
        })
    }
}
