use super::ExerciseDetail;
use crate::{program::exercise, ui::not_found::NotFoundPage};
use leptos::{either::Either, prelude::*};
use leptos_router::hooks::use_params_map;

/// `/exercise/:id`: an exercise's own page, or the 404 page for an id the
/// program does not have.
#[component]
pub fn ExercisePage() -> impl IntoView {
    let params = use_params_map();
    move || match params.read().get("id").as_deref().and_then(exercise) {
        Some(exercise) => Either::Left(view! { <ExerciseDetail exercise /> }),
        None => Either::Right(view! { <NotFoundPage /> }),
    }
}
