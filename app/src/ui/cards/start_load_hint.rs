use crate::{markup::Markup, program::leg_press_start_load, state::stores};
use leptos::prelude::*;

/// The leg press starting load from the user's body weight (half of it, F18),
/// or where to enter the weight to get one. Written as markup (see
/// `crate::markup`): the server writes the second, and the browser the
/// first once the stored weight is read.
#[island]
pub fn StartLoadHint() -> impl IntoView {
    let prefs = stores().prefs;
    let hint = move || {
        prefs.with(|p| match leg_press_start_load(p.body_weight_kg, p.unit) {
            Some(kg) => {
                let mut m = Markup::default();
                m.text("Starting load: about ")
                    .element("strong", &[], p.unit.show(kg))
                    .text(", half your body weight.");
                m.finish()
            }
            None => r#"Start at about half your body weight. <a href="/settings">Enter your weight</a> and the app works it out."#.to_owned(),
        })
    };
    view! { <p class="start-load" data-testid="start-load" inner_html=hint></p> }
}
