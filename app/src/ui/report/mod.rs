//! The Report screen: a printable summary of the person's own log for their
//! physiotherapist. Its island is lazy, like the Progress screen's.

mod report_page;
mod report_view;

pub use {report_page::ReportPage, report_view::ReportView};
