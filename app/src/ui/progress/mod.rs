//! The Progress screen: consistency against the weekly target, a chart and
//! a next-load suggestion per exercise, and the history by week. Its island
//! is lazy: its code is a split of the wasm that only this page loads.

mod progress_page;
mod progress_view;

pub use {progress_page::ProgressPage, progress_view::ProgressView};
