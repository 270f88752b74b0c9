//! The screens of a session under way: warm-up, set, rest, paused, and the
//! summary when it ends (what to do after Stop is the runner's own).
//!
//! The server always renders the runner's safety check (it cannot see the
//! stored session), so these screens are never hydrated: they are only ever
//! built in the browser, once a session starts or a stored one has been
//! read. So they are mounted, not rendered as part of the runner's view,
//! which leaves their hydration code out of the wasm; and in the release
//! build (feature `split`) their code is a lazy part of the wasm of its own,
//! off the session page's first load (cached for offline use like the rest).

use super::{ExerciseStopped, RestScreen, SetScreen, Summary, SymptomLog, session_runner::Screen};
use crate::{
    session::{Event, Phase, Session},
    units::Unit,
};
use leptos::{either::EitherOf5, prelude::*};
use std::any::Any;

/// What the screens need from the runner.
pub struct Parts {
    /// The time, moved on every frame while a session runs.
    pub now: RwSignal<u64>,
    /// Sends an event to the session.
    pub dispatch: Callback<Event>,
    /// The session that just ended, for its summary.
    pub ended: RwSignal<Option<Session>>,
    /// Whether to show the movement prompts.
    pub prompts: bool,
    /// The unit loads are shown in.
    pub unit: Unit,
}

/// A mounted screen: dropping it takes the screen off the page and cleans
/// up what it set up.
pub struct Mounted(#[allow(dead_code)] Box<dyn Any>);

/// The screens' part of the wasm could not be loaded: no signal, and the
/// device has not kept it yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotLoaded;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for NotLoaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// Mounts the view of `screen` (not the safety check) into `parent`: at
/// once in an unsplit build; in a split one, once its part of the wasm has
/// loaded (the first time only). A failed load is an error to show, never
/// a panic: that would stop the whole page, Stop button included.
pub async fn mount(
    parent: web_sys::Element,
    screen: Screen,
    parts: Parts,
) -> Result<Mounted, NotLoaded> {
    #[cfg(feature = "split")]
    {
        mount_screen(parent, screen, parts).await
    }
    #[cfg(not(feature = "split"))]
    {
        mount_screen(parent, screen, parts)
    }
}

// Not Leptos's `#[lazy]`, which panics when the load fails: the same split
// with `fallible`. The name (then digits) is what the server looks for
// (`server/src/preload.rs`).
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(mount_screen_1, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn mount_screen(
    parent: web_sys::Element,
    screen: Screen,
    parts: Parts,
) -> Result<Mounted, NotLoaded> {
    Ok(Mounted(Box::new(leptos::mount::mount_to_renderer(
        &parent,
        move || screen_view(screen, parts),
    ))))
}

/// The view of `screen`.
fn screen_view(screen: Screen, parts: Parts) -> impl IntoView {
    let Parts {
        now,
        dispatch,
        ended,
        prompts,
        unit,
    } = parts;
    match screen {
        Screen::Check | Screen::WarmUp => EitherOf5::A(view! {
            <section class="panel" data-testid="warm-up">
                <h2 data-screen-title tabindex="-1">"Warm-up"</h2>
                <p>"Foam roll, stretch gently, and do the shoulder rotations: " <a href="/warm-up">"the warm-up steps"</a> "."</p>
                <button type="button" class="button button-primary button-huge" data-testid="start-first-set" on:click=move |_| dispatch.run(Event::Start)>
                    "Warm-up done: first set"
                </button>
            </section>
        }),
        Screen::Set(target, hurt) => {
            EitherOf5::B(view! { <SetScreen target prompts hurt_last_time=hurt unit dispatch /> })
        }
        Screen::Rest {
            until_ms,
            next,
            stopped,
        } => EitherOf5::C(view! {
            {stopped.clone().map(|name| view! { <ExerciseStopped name /> })}
            <RestScreen
                compact=stopped.is_some()
                left_ms=Signal::derive(move || until_ms.saturating_sub(now.get()))
                until_ms=Signal::derive(move || until_ms)
                next=Signal::derive(move || next.clone())
                dispatch
            />
        }),
        Screen::Paused { left_ms, what } => EitherOf5::D(view! {
            <section class="panel" data-testid="paused">
                <h2 data-screen-title tabindex="-1">"Paused"</h2>
                <p class="next">{what}</p>
                {left_ms.map(|ms| view! { <p class="countdown">{super::clock(ms)}</p> })}
                <button type="button" class="button button-primary button-huge" data-testid="resume" on:click=move |_| dispatch.run(Event::Resume)>
                    "Resume"
                </button>
            </section>
        }),
        // After Stop, what to do now comes first, from the runner itself:
        // it never waits for this part of the wasm.
        Screen::Ended(session) => EitherOf5::E(view! {
            {matches!(session.phase, Phase::StoppedForPain { .. }).then(|| view! { <SymptomLog session=(*session).clone() /> })}
            <Summary session=*session unit />
            <button type="button" class="button" data-testid="done" on:click=move |_| ended.set(None)>"Done"</button>
        }),
    }
}
