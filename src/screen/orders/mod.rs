//! The dashboard: every rented number at a glance.

mod row;

use leptos::prelude::*;
use rentapi::schedule::Priority;

use crate::clock::{self, use_ticker};
use crate::i18n::use_i18n;
use crate::store::orders::use_orders;
use crate::ui::error::ErrorNotice;

use row::OrderRow;

#[component]
pub fn OrdersScreen() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_orders();
    let ticker = use_ticker();
    let updated = move || {
        store.updated_at.get().map(|t| {
            let age = clock::ago(i18n, t, ticker.0.get());
            i18n.fmt("orders-updated", &[("age", &age)])
        })
    };
    let error = Signal::derive(move || store.error.get());
    view! {
        <section class="screen orders">
            <header class="screen-head">
                <h1>{move || i18n.t("orders-title")}</h1>
                <span class="updated" class:stale=move || store.is_stale()>{updated}</span>
                <button
                    type="button"
                    disabled=move || store.loading.get()
                    on:click=move |_| store.refresh(Priority::User)
                >
                    {move || i18n.t("orders-refresh")}
                </button>
            </header>
            <ErrorNotice error />
            <Show
                when=move || !store.orders.with(Vec::is_empty)
                fallback=move || {
                    view! {
                        <p class="empty">
                            {move || {
                                if store.loading.get() && store.updated_at.get().is_none() {
                                    i18n.t("orders-loading")
                                } else {
                                    i18n.t("orders-empty")
                                }
                            }}
                        </p>
                    }
                }
            >
                <table class="orders-table" class:stale=move || store.is_stale()>
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t("col-state")}</th>
                            <th scope="col">{move || i18n.t("col-number")}</th>
                            <th scope="col">{move || i18n.t("col-service")}</th>
                            <th scope="col">{move || i18n.t("col-until")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || store.orders.get()
                            key=|order| serde_json::to_string(order).unwrap_or_default()
                            let(order)
                        >
                            <OrderRow order />
                        </For>
                    </tbody>
                </table>
            </Show>
        </section>
    }
}
