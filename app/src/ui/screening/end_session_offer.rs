use crate::{platform, state::stores};
use leptos::prelude::*;

/// On the Stop page: when a session is still running (the page was opened
/// from the Stop link, another tab, or the address bar), offers to end it
/// now, logged as stopped for pain (F12). Both panels are in the page,
/// hidden until they apply: an effect shows the offer while a session runs,
/// and the button swaps it for the confirmation.
// Lazy in the release build (feature `split`): only the Stop page has it.
#[cfg_attr(feature = "split", island(lazy))]
#[cfg_attr(not(feature = "split"), island)]
pub fn EndSessionOffer() -> impl IntoView {
    let st = stores();
    Effect::new(move |_| {
        platform::set_hidden("[data-testid='end-session-offer']", !st.session_running());
    });
    let end = move |_| {
        if st.stop_session_now(platform::now_ms()) {
            platform::set_hidden("[data-testid='end-session-offer']", true);
            platform::set_hidden("[data-testid='session-ended-here']", false);
        }
    };
    view! {
        <div class="panel panel-danger" data-testid="session-ended-here" role="status" hidden>
            <p>"Your session has ended and is logged as stopped for pain. No new session starts today."</p>
        </div>
        <div class="panel panel-danger" data-testid="end-session-offer" hidden>
            <h2>"Your session is still running"</h2>
            <p>"If pain spreads into your buttock or leg, or you feel numbness or tingling, end it now."</p>
            <button type="button" class="button button-danger button-big" data-testid="end-session-now" on:click=end>
                "End the session now"
            </button>
        </div>
    }
}
