use crate::{platform, state::stores};
use leptos::{either::EitherOf3, prelude::*};

/// On the Stop page: when a session is still running (the page was opened
/// from the Stop link, another tab, or the address bar), offers to end it
/// now, logged as stopped for pain (F12).
// Lazy in the release build (feature `split`): only the Stop page has it.
#[cfg_attr(feature = "split", island(lazy))]
#[cfg_attr(not(feature = "split"), island)]
pub fn EndSessionOffer() -> impl IntoView {
    let st = stores();
    let ended = RwSignal::new(false);
    let end = move |_| {
        if st.stop_session_now(platform::now_ms()) {
            ended.set(true);
        }
    };
    move || {
        if ended.get() {
            EitherOf3::A(view! {
                <div class="panel panel-danger" data-testid="session-ended-here" role="status">
                    <p>"Your session has ended and is logged as stopped for pain. No new session starts today."</p>
                </div>
            })
        } else if st.session_running() {
            EitherOf3::B(view! {
                <div class="panel panel-danger" data-testid="end-session-offer">
                    <h2>"Your session is still running"</h2>
                    <p>"If pain spreads into your buttock or leg, or you feel numbness or tingling, end it now."</p>
                    <button type="button" class="button button-danger button-big" data-testid="end-session-now" on:click=end>
                        "End the session now"
                    </button>
                </div>
            })
        } else {
            EitherOf3::C(())
        }
    }
}
