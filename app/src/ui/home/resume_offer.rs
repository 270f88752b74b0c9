use crate::state::stores;
use leptos::prelude::*;

/// When a session was left unfinished (a reload, a crash, a dead battery),
/// offers to pick it up where it stopped.
#[island]
pub fn ResumeOffer() -> impl IntoView {
    let active = stores().active;
    move || {
        active.with(|a| a.session.is_some()).then(|| {
            view! {
                <div class="banner banner-warning" data-testid="resume-offer">
                    <p>"You have a session in progress. Everything you logged is kept."</p>
                    <a class="button button-primary" href="/session">
                        "Resume session"
                    </a>
                </div>
            }
        })
    }
}
