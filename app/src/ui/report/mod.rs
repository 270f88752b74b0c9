//! The Report screen: a printable summary of the person's own log for their
//! physiotherapist. Its island ships only in the larger bundle (see
//! `app/src/bundle.rs`), like the Progress screen's.

#[cfg(any(feature = "ssr", feature = "session-bundle"))]
mod report_body;
#[cfg(any(feature = "ssr", feature = "session-bundle"))]
mod report_chart;
#[cfg(any(feature = "ssr", feature = "session-bundle"))]
mod report_page;
#[cfg(any(feature = "ssr", feature = "session-bundle"))]
mod report_section;
#[cfg(any(feature = "ssr", feature = "session-bundle"))]
mod report_view;

#[cfg(any(feature = "ssr", feature = "session-bundle"))]
pub use {
    report_body::ReportBody, report_chart::ReportChart, report_page::ReportPage,
    report_section::ReportSection, report_view::ReportView,
};

/// In the smaller bundle the page is never rendered.
#[cfg(not(any(feature = "ssr", feature = "session-bundle")))]
#[leptos::component]
pub fn ReportPage() -> impl leptos::IntoView {}
