use crate::{
    platform,
    progress::short_date_year,
    report::{self, Period, Sources},
    state::stores,
};
use leptos::{either::Either, prelude::*};

/// Picks the period, prints, and shows the report once storage is read.
// Lazy in the release build, which splits the wasm (feature `split`); the
// wasm tests run an unsplit wasm, where a lazy island could not load.
#[cfg_attr(feature = "split", island(lazy))]
#[cfg_attr(not(feature = "split"), island)]
pub fn ReportView() -> impl IntoView {
    let st = stores();
    let period = RwSignal::new(Period::Weeks12);
    // `/report?period=all` opens on that period. Read after hydration: the
    // page was rendered once for everyone, with the default.
    Effect::new(move |_| {
        if let Some(p) = platform::query_param("period").and_then(|id| Period::from_id(&id)) {
            period.set(p);
        }
    });
    let built = Memo::new(move |_| {
        if !st.loaded.get() {
            return None;
        }
        let now = platform::now_ms();
        let offset = platform::utc_offset_min();
        Some(st.history.with(|history| {
            st.screening.with(|screening| {
                st.notes.with(|notes| {
                    st.prefs.with(|prefs| {
                        let sources = Sources {
                            history,
                            screening,
                            notes,
                            prefs,
                        };
                        (
                            report::build(&sources, period.get(), now, offset),
                            prefs.unit,
                        )
                    })
                })
            })
        }))
    });
    // The period on every printed page; and, for `make bench-storage`,
    // a mark once the report is on screen.
    Effect::new(move |_| {
        if let Some((r, _)) = built.get() {
            let mark = format!("backstrong:report-rendered:{}", r.period.id());
            platform::every_frame(move || {
                platform::mark(&mark);
                false
            });
            platform::set_print_running_head(&format!(
                "{}: {} – {}",
                r.period.label(),
                short_date_year(r.from_day),
                short_date_year(r.to_day)
            ));
        }
    });
    view! {
        <div class="report-controls no-print">
            <div class="choice-group report-periods" role="group" aria-label="Period">
                {Period::ALL
                    .into_iter()
                    .map(|p| {
                        view! {
                            <button
                                type="button"
                                class="choice"
                                data-period=p.id()
                                aria-pressed=move || (period.get() == p).to_string()
                                on:click=move |_| period.set(p)
                            >
                                {p.short_label()}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <button
                type="button"
                class="button button-primary"
                data-testid="report-print"
                on:click=move |_| platform::print()
            >
                "Print or save as PDF"
            </button>
        </div>
        {move || match built.get() {
            None => Either::Left(view! { <p class="lead" data-testid="report-loading">"Reading your log on this device…"</p> }),
            // The report itself is read-only text for the period
            // (`report::html`, tested natively): set as HTML, it costs the
            // wasm a few string writes instead of a view per table cell.
            Some((report, unit)) => Either::Right(view! { <div inner_html=report::html::body(&report, unit)></div> }),
        }}
    }
}
