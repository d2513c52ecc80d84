//! The archive: expired rentals, paged, each with a way to restore it.
//! Its rows name a service by code (`opt16`): the name comes from the
//! orders on screen, or from a country's price list, asked for behind
//! anything a person asks for.

mod restore;

use leptos::prelude::*;
use rentapi::model::HistoryRow;
use rentapi::{CountryCode, OrderId, ServiceCode};

use crate::api::use_api;
use crate::clock;
use crate::i18n::use_i18n;
use crate::store::archive::{ArchiveStore, PAGE_SIZES};
use crate::store::catalog::{CatalogStore, use_catalog};
use crate::store::network::use_network;
use crate::store::orders::{OrdersStore, use_orders};
use crate::ui::error::ErrorNotice;
use crate::ui::skipped::Skipped;
use crate::ui::table::TableHead;

use restore::RestoreFlow;

#[component]
pub fn ArchiveScreen() -> impl IntoView {
    let i18n = use_i18n();
    let network = use_network();
    let store = ArchiveStore::new(use_api());
    // The archive row whose restoration is being looked at.
    let restoring = RwSignal::new(None::<OrderId>);
    let error = Signal::derive(move || store.error.get());
    // Names for the services the page names by code: one price list at a
    // time (a code names the same service everywhere, so the first list
    // usually names them all), from the country of a row still unnamed.
    let orders = use_orders();
    let catalog = use_catalog();
    Effect::new(move |_| {
        if catalog.loading() {
            return;
        }
        let next = store.rows.with(|rows| {
            rows.iter()
                .filter(|r| service_name(orders, catalog, &r.resource_code).is_none())
                .map(|r| CountryCode::new(r.country.trim()))
                .find(|c| !c.as_str().is_empty() && !catalog.asked(c))
        });
        if let Some(country) = next {
            catalog.ensure_in_background(&country);
        }
    });
    view! {
        <section class="screen archive">
            <header class="screen-head">
                <h1>{move || i18n.t("archive-title")}</h1>
                <label class="row">
                    {move || i18n.t("archive-page-size")}
                    <select
                        on:change:target=move |ev| {
                            if let Ok(size) = ev.target().value().parse() {
                                store.set_page_size(size);
                            }
                        }
                    >
                        {PAGE_SIZES
                            .map(|n| view! {
                                <option value=n.to_string() selected=move || store.page_size.get() == n>{n}</option>
                            })
                            .collect_view()}
                    </select>
                </label>
            </header>
            <p class="help">{move || i18n.t("archive-help")}</p>
            <ErrorNotice error />
            <Skipped rows=store.skipped />
            <table class="archive-table card-table" aria-busy=move || store.loading.get().to_string()>
                <TableHead columns=&["archive-col-start", "archive-col-closed", "col-service", "col-number", "archive-col-action"] />
                <tbody>
                    <Show when=move || store.loaded.get() && store.rows.with(Vec::is_empty)>
                        <tr>
                            <td colspan="5" class="empty">{move || i18n.t("archive-empty")}</td>
                        </tr>
                    </Show>
                    <For
                        each=move || store.rows.get()
                        key=|row| row.order_id
                        let(row)
                    >
                        <ArchiveRow row restoring />
                    </For>
                </tbody>
            </table>
            <nav class="pager row" aria-label=move || i18n.t("archive-pages")>
                <button
                    type="button"
                    disabled=move || store.page.get() == 0 || store.loading.get() || network.blocked()
                    aria-describedby=network.described_by(None)
                    on:click=move |_| store.page.update(|p| *p = p.saturating_sub(1))
                >
                    {move || i18n.t("archive-prev")}
                </button>
                <span>{move || i18n.fmt("archive-page", &[("n", &(store.page.get() + 1).to_string())])}</span>
                <button
                    type="button"
                    disabled=move || !store.has_next() || store.loading.get() || network.blocked()
                    aria-describedby=network.described_by(None)
                    on:click=move |_| store.page.update(|p| *p += 1)
                >
                    {move || i18n.t("archive-next")}
                </button>
            </nav>
            {move || {
                restoring
                    .get()
                    .map(|id| {
                        // The orders were read again when it was restored (store::writes).
                        view! {
                            <RestoreFlow
                                order_id=id
                                on_close=Callback::new(move |restored: bool| {
                                    restoring.set(None);
                                    if restored {
                                        store.reload();
                                    }
                                })
                            />
                        }
                    })
            }}
        </section>
    }
}

/// The archive names a service by code only: a name from the orders on
/// screen or from a price list loaded (tracked).
fn service_name(orders: OrdersStore, catalog: CatalogStore, code: &ServiceCode) -> Option<String> {
    orders
        .orders
        .with(|list| list.iter().find(|o| o.scode == *code).map(|o| o.sname.clone()))
        .filter(|name| !name.trim().is_empty())
        .or_else(|| catalog.service_name(code))
}

#[component]
fn ArchiveRow(row: HistoryRow, restoring: RwSignal<Option<OrderId>>) -> impl IntoView {
    let i18n = use_i18n();
    let network = use_network();
    let id = row.order_id;
    let number = format!("+{}", row.number.trim_start_matches('+'));
    let code = row.resource_code.clone();
    let (orders, catalog) = (use_orders(), use_catalog());
    let service = move || service_name(orders, catalog, &code).unwrap_or_else(|| code.to_string());
    view! {
        <tr data-order-id=id.to_string()>
            <td data-label=move || i18n.t("archive-col-start")>
                <time datetime=row.begin.to_rfc3339()>{move || clock::local(row.begin)}</time>
            </td>
            <td data-label=move || i18n.t("archive-col-closed")>
                <time datetime=row.closed.to_rfc3339()>{move || clock::local(row.closed)}</time>
            </td>
            <td data-label=move || i18n.t("col-service")>{service}</td>
            <td class="number" data-label=move || i18n.t("col-number")>{number.clone()}</td>
            <td class="action">
                <button
                    type="button"
                    // Not disabled while the dialog is open: it is modal, and its
                    // opener must keep the focus it gives back.
                    disabled=move || network.writes_blocked()
                    aria-describedby=network.write_described_by()
                    aria-label=move || i18n.fmt("archive-restore-label", &[("number", &number)])
                    on:click=move |_| restoring.set(Some(id))
                >
                    {move || i18n.t("archive-restore")}
                </button>
            </td>
        </tr>
    }
}
