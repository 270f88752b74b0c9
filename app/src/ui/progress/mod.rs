//! The Progress screen: consistency against the weekly target, a chart and
//! a next-load suggestion per exercise, and the history by week. Its island
//! ships only in the larger bundle (see `app/src/bundle.rs`).

#[cfg(any(feature = "ssr", feature = "session-bundle"))]
mod chart;
#[cfg(any(feature = "ssr", feature = "session-bundle"))]
mod consistency_panel;
#[cfg(any(feature = "ssr", feature = "session-bundle"))]
mod exercise_progress;
#[cfg(any(feature = "ssr", feature = "session-bundle"))]
mod history_list;
#[cfg(any(feature = "ssr", feature = "session-bundle"))]
mod progress_page;
#[cfg(any(feature = "ssr", feature = "session-bundle"))]
mod progress_view;

#[cfg(any(feature = "ssr", feature = "session-bundle"))]
pub use {
    chart::Chart, consistency_panel::ConsistencyPanel, exercise_progress::ExerciseProgress,
    history_list::HistoryList, progress_page::ProgressPage, progress_view::ProgressView,
};

/// In the smaller bundle the page is never rendered.
#[cfg(not(any(feature = "ssr", feature = "session-bundle")))]
#[leptos::component]
pub fn ProgressPage() -> impl leptos::IntoView {}
