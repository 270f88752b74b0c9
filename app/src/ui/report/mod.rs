//! The Report screen: a printable summary of the person's own log for their
//! physiotherapist. Its island is lazy, like the Progress screen's.

mod report_body;
mod report_chart;
mod report_page;
mod report_section;
mod report_view;

pub use {
    report_body::ReportBody, report_chart::ReportChart, report_page::ReportPage,
    report_section::ReportSection, report_view::ReportView,
};
