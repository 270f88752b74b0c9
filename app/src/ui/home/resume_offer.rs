use crate::state::stores;
use leptos::prelude::*;

/// When a session was left unfinished (a reload, a crash, a dead battery),
/// offers to pick it up where it stopped. Markup, written when a stored
/// session is found (a view would cost the download its build code).
#[island]
pub fn ResumeOffer() -> impl IntoView {
    let active = stores().active;
    let offer = move || {
        if active.with(|a| a.session.is_some()) {
            r#"<div class="banner banner-warning" data-testid="resume-offer"><p>You have a session in progress. Everything you logged is kept.</p><a class="button button-primary" href="/session">Resume session</a></div>"#
        } else {
            ""
        }
    };
    view! { <div inner_html=offer></div> }
}
