//! The History screen: every SMS the app has read, on this device, found
//! by one search box and a few filters, newest first, a page at a time;
//! the hits exported as CSV or JSON.

mod hits;

use chrono::{DateTime, Local, NaiveDate, TimeZone, Utc};
use leptos::prelude::*;
use rentapi::CountryCode;
use rentapi::export;
use rentapi::history::Query;

use crate::i18n::use_i18n;
use crate::store::memory::{Loaded, use_memory};
use crate::ui::country::CountryNames;
use crate::ui::download;

/// Hits drawn at first and at each "show more".
pub const PAGE: usize = 50;

/// The start of a day picked in a date field, in the browser's time zone.
fn day_start(value: &str, days_after: i64) -> Option<DateTime<Utc>> {
    let day = NaiveDate::parse_from_str(value, "%Y-%m-%d").ok()?;
    let day = day.checked_add_signed(chrono::Duration::days(days_after))?;
    let local = Local.from_local_datetime(&day.and_hms_opt(0, 0, 0)?).earliest()?;
    Some(local.with_timezone(&Utc))
}

#[component]
pub fn HistoryScreen() -> impl IntoView {
    let i18n = use_i18n();
    let memory = use_memory();
    // Loaded when the screen opens, and again after an account change.
    Effect::new(move |_| {
        if memory.loaded.get() == Loaded::No {
            memory.load();
        }
    });
    let text = RwSignal::new(String::new());
    let service = RwSignal::new(String::new());
    let country = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let has_code = RwSignal::new(false);
    let query = Memo::new(move |_| Query {
        text: text.get(),
        service: service.get(),
        country: country.get(),
        from: day_start(&from.get(), 0),
        // The "to" day is included: up to the start of the next one.
        to: day_start(&to.get(), 1),
        has_code: has_code.get(),
    });
    let hits = Memo::new(move |_| query.with(|q| memory.search(q)));
    let facets = Memo::new(move |_| memory.facets());
    let export = move |json: bool| {
        let entries = hits.with_untracked(|h| memory.entries(h));
        let rows: Vec<Vec<String>> = entries.iter().map(|e| export::sms_row(e, &Local)).collect();
        let now = crate::clock::now();
        if json {
            let name = export::file_name("sms", now, &Local, "json");
            download::save(&name, "application/json", &export::json(&export::SMS_COLUMNS, &rows));
        } else {
            let name = export::file_name("sms", now, &Local, "csv");
            download::save(&name, "text/csv", &export::csv(&export::SMS_COLUMNS, &rows));
        }
    };
    let state = move || memory.loaded.get();
    view! {
        <section class="screen history">
            <header class="screen-head">
                <h1>{move || i18n.t("history-title")}</h1>
            </header>
            <p class="help">{move || i18n.t("history-intro")}</p>
            <div class="history-filters" role="search">
                <input
                    type="search"
                    class="history-text"
                    data-testid="history-search"
                    aria-label=move || i18n.t("history-search")
                    placeholder=move || i18n.t("history-search-placeholder")
                    prop:value=move || text.get()
                    on:input:target=move |ev| text.set(ev.target().value())
                />
                <FacetSelect
                    label="history-service"
                    any="history-service-any"
                    test_id="history-service"
                    chosen=service
                    options=Signal::derive(move || facets.with(|(services, _)| {
                        services.iter().map(|s| (s.clone(), s.clone())).collect()
                    }))
                />
                <FacetSelect
                    label="history-country"
                    any="history-country-any"
                    test_id="history-country"
                    chosen=country
                    options=Signal::derive(move || {
                        let lang = i18n.lang.get();
                        facets.with(|(_, countries)| countries.iter().map(|c| {
                            (c.clone(), CountryNames::new(lang, &CountryCode::new(c), c).shown)
                        }).collect())
                    })
                />
                <DateField label="history-from" test_id="history-from" value=from />
                <DateField label="history-to" test_id="history-to" value=to />
                <label class="choice">
                    <input type="checkbox" data-testid="history-has-code" prop:checked=move || has_code.get() on:change:target=move |ev| has_code.set(ev.target().checked()) />
                    {move || i18n.t("history-has-code")}
                </label>
            </div>
            {move || match state() {
                Loaded::No | Loaded::Loading => view! { <p class="muted">{i18n.t("history-loading")}</p> }.into_any(),
                Loaded::Failed => view! { <p class="notice error" role="alert">{i18n.t("history-failed")}</p> }.into_any(),
                Loaded::Ready => view! {
                    <div class="list-bar">
                        <p class="list-count muted" aria-live="polite" data-testid="history-count">
                            {move || i18n.fmt("history-count", &[("n", &hits.with(Vec::len).to_string())])}
                        </p>
                        <ExportButtons what="export-sms" disabled=Signal::derive(move || hits.with(Vec::is_empty)) on_export=Callback::new(export) />
                    </div>
                    <hits::Hits hits />
                }.into_any(),
            }}
        </section>
    }
}

/// A filter's menu: "any" first, then each `(value, label)`.
#[component]
fn FacetSelect(
    label: &'static str,
    any: &'static str,
    test_id: &'static str,
    chosen: RwSignal<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class="filter-field">
            <span>{move || i18n.t(label)}</span>
            <select
                data-testid=test_id
                prop:value=move || chosen.get()
                on:change:target=move |ev| chosen.set(ev.target().value())
            >
                <option value="">{move || i18n.t(any)}</option>
                {move || options.get().into_iter().map(|(value, text)| {
                    let selected = chosen.get_untracked() == value;
                    view! { <option value=value selected=selected>{text}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}

/// A day picked in the browser's own date field (`YYYY-MM-DD`).
#[component]
fn DateField(label: &'static str, test_id: &'static str, value: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class="filter-field">
            <span>{move || i18n.t(label)}</span>
            <input type="date" data-testid=test_id prop:value=move || value.get() on:change:target=move |ev| value.set(ev.target().value()) />
        </label>
    }
}

/// "Export: CSV JSON", each button named in full for screen readers.
#[component]
pub fn ExportButtons(
    /// The key of the buttons' full name ("Export the SMS found as {format}").
    what: &'static str,
    #[prop(into)] disabled: Signal<bool>,
    /// Called with `true` for JSON, `false` for CSV.
    on_export: Callback<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let button = move |json: bool| {
        let (short, format) = if json { ("export-json", "JSON") } else { ("export-csv", "CSV") };
        view! {
            <button
                type="button"
                class="export"
                data-testid=if json { "export-json" } else { "export-csv" }
                aria-label=move || i18n.fmt(what, &[("format", format)])
                disabled=move || disabled.get()
                on:click=move |_| on_export.run(json)
            >
                {move || i18n.t(short)}
            </button>
        }
    };
    view! {
        <span class="export-buttons" role="group" aria-label=move || i18n.t("export-label")>
            <span class="muted" aria-hidden="true">{move || i18n.t("export-label")} ": "</span>
            {button(false)}
            " "
            {button(true)}
        </span>
    }
}
