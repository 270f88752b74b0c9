use crate::{
    platform,
    progress::short_date_year,
    report::{self, Period, Sources},
    state::stores,
};
use leptos::prelude::*;

/// Picks the period, prints, and shows the report once storage is read,
/// around the page's markup (its `children`, rendered on the server and
/// never hydrated: the period buttons, Print, and the report's place). The
/// report is read-only text for the period (`report::html`, tested
/// natively), set as HTML: a `view!` would cost the wasm build, mount and
/// hydrate code for each table cell.
// Lazy in the release build, which splits the wasm (feature `split`); the
// wasm tests run an unsplit wasm, where a lazy island could not load.
#[cfg_attr(feature = "split", island(lazy))]
#[cfg_attr(not(feature = "split"), island)]
pub fn ReportView(children: Children) -> impl IntoView {
    let st = stores();
    let period = RwSignal::new(Period::Weeks12);
    // `/report?period=all` opens on that period. Read after hydration: the
    // page was rendered once for everyone, with the default.
    Effect::new(move |_| {
        if let Some(p) = platform::query_param("period").and_then(|id| Period::from_id(&id)) {
            period.set(p);
        }
    });
    Effect::new(move |_| {
        let period = period.get();
        platform::each_with_attr("data-period-choice", |el, id| {
            let _ = el.set_attribute("aria-pressed", &(id == period.id()).to_string());
        });
        if !st.loaded.get() {
            return;
        }
        let now = platform::now_ms();
        let offset = platform::utc_offset_min();
        let (report, unit) = st.history.with(|history| {
            st.screening.with(|screening| {
                st.notes.with(|notes| {
                    st.prefs.with(|prefs| {
                        let sources = Sources {
                            history,
                            screening,
                            notes,
                            prefs,
                        };
                        (report::build(&sources, period, now, offset), prefs.unit)
                    })
                })
            })
        });
        platform::set_inner_html(".report-body", &report::html::body(&report, unit));
        // The period on every printed page; and, for `make bench-storage`,
        // a mark once the report is on screen.
        platform::set_print_running_head(&format!(
            "{}: {} – {}",
            report.period.label(),
            short_date_year(report.from_day),
            short_date_year(report.to_day)
        ));
        let mark = format!("backstrong:report-rendered:{}", report.period.id());
        platform::every_frame(move || {
            platform::mark(&mark);
            false
        });
    });
    let tap = move |ev: leptos::ev::MouseEvent| {
        if let Some(p) =
            platform::closest_attr(&ev, "data-period-choice").and_then(|id| Period::from_id(&id))
        {
            period.set(p);
        } else if platform::closest_attr(&ev, "data-action").as_deref() == Some("print") {
            platform::print();
        }
    };
    view! { <div class="report-view" on:click=tap>{children()}</div> }
}
