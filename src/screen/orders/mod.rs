//! The dashboard: every rented number at a glance, its SMS and its actions.
//!
//! Files by what the user sees: `list` (the table), `row` (one order),
//! `filters`, `actions` (a row's buttons), `prolong` and `dialogs` (the
//! confirmations), `period` (their period picker), `expiring` (what
//! expires soon) and `batch` (prolonging several at once), `sms` (the SMS
//! panel).

mod actions;
mod batch;
mod dialogs;
mod expiring;
mod export;
mod filters;
mod list;
mod older;
mod period;
mod prolong;
mod row;
mod sms;
mod status;
mod watch;

use leptos::prelude::*;
use rentapi::schedule::Priority;

use crate::clock::{self, use_ticker};
use crate::i18n::use_i18n;
use crate::store::focus::Focus;
use crate::store::network::use_network;
use crate::store::orders::use_orders;
use crate::ui::error::ErrorNotice;
use crate::ui::notify::NotifyToggle;
use crate::ui::skipped::Skipped;
use crate::ui::sound::SoundToggle;

pub use actions::RowActions;
pub use dialogs::{AddServiceDialog, DeleteDialog};
pub use filters::{Filter, FilterBar, SortBy, StateFilter, matches_text, visible};
pub use list::OrdersList;
pub use prolong::ProlongDialog;
pub use row::{OrderRow, countdown, state_class, state_text};
pub use sms::{CodeButton, SmsList, SmsPanel, SmsView};

/// A screen-level message for outcomes whose row is gone (a deleted order).
#[derive(Clone, Copy)]
pub struct Flash(pub RwSignal<Option<String>>);

#[component]
pub fn OrdersScreen() -> impl IntoView {
    let i18n = use_i18n();
    let network = use_network();
    let store = use_orders();
    let ticker = use_ticker();
    let flash = Flash(RwSignal::new(None));
    provide_context(flash);
    // One minute clock for the whole screen (the note, the list, the rows),
    // owned by the screen, so no part's clock dies with another part.
    clock::MinuteClock::provide();
    // "Show the number" from the History screen arrives as `/?q=<digits>`.
    let asked = use_context::<Focus>().and_then(Focus::take).unwrap_or_default();
    let filter = RwSignal::new(Filter { text: asked, ..Filter::default() });
    let updated = move || {
        store.updated_at.get().map(|t| {
            let age = clock::ago(i18n, t, ticker.0.get());
            i18n.fmt("orders-updated", &[("age", &age)])
        })
    };
    // The provider not answering is said in one calm line (status.rs);
    // other failures (a bad key, a refusal) as an alert.
    let no_answer = status::no_answer();
    let error = Signal::derive(move || store.error.get().filter(|_| no_answer.get().is_none()));
    // Stale: the last good list stays, with the reason and when we try again.
    let next_try = move || {
        if !store.is_stale() || no_answer.get().is_some() {
            return None;
        }
        if store.loading.get() {
            return Some(i18n.t("orders-retrying").to_owned());
        }
        let at = store.next_poll_at.get()?;
        let secs = (at - ticker.0.get()).num_seconds().max(0);
        Some(i18n.fmt("orders-next-try", &[("time", &time_of_day(at)), ("n", &secs.to_string())]))
    };
    let stale_since = move || {
        if no_answer.get().is_some() {
            return None;
        }
        let t = store.updated_at.get()?;
        store
            .is_stale()
            .then(|| i18n.fmt("error-stale", &[("age", &clock::ago(i18n, t, ticker.0.get()))]))
    };
    let empty = move || store.orders.with(Vec::is_empty);
    view! {
        <section class="screen orders">
            <header class="screen-head">
                <h1>{move || i18n.t("orders-title")}</h1>
                <span class="updated" class:stale=move || store.is_stale() aria-live="off">{updated}</span>
                <button
                    type="button"
                    class="refresh"
                    disabled=move || store.user_waiting.get() || network.blocked()
                    aria-describedby=network.described_by(None)
                    on:click=move |_| store.refresh(Priority::User)
                >
                    {move || if store.user_waiting.get() { i18n.t("orders-refreshing") } else { i18n.t("orders-refresh") }}
                </button>
                <NotifyToggle />
                <SoundToggle />
            </header>
            <p class="help auto-refresh">{move || i18n.t("orders-auto")}</p>
            <status::ProviderStatus />
            <expiring::RemindersList />
            <ErrorNotice error />
            <Skipped rows=store.skipped />
            {move || {
                let parts: Vec<String> = [stale_since(), next_try()].into_iter().flatten().collect();
                (!parts.is_empty()).then(|| view! { <p class="stale-note" role="status">{parts.join(" ")}</p> })
            }}
            {move || flash.0.get().map(|text| view! {
                <p class="notice ok flash" role="status">
                    <span>{text}</span>
                    <button type="button" class="link" on:click=move |_| flash.0.set(None)>
                        {i18n.t("dismiss")}
                    </button>
                </p>
            })}
            <Show
                when=move || !empty()
                fallback=move || {
                    view! {
                        <p class="empty">
                            {move || {
                                // Never "no numbers" before the list was ever read.
                                match (store.updated_at.get().is_some(), store.loading.get()) {
                                    (true, _) => i18n.t("orders-empty"),
                                    (false, true) => i18n.t("orders-loading"),
                                    (false, false) => i18n.t("orders-unknown"),
                                }
                            }}
                        </p>
                    }
                }
            >
                <expiring::ExpiringNote filter />
                <FilterBar filter />
                <OrdersList filter />
            </Show>
        </section>
    }
}

/// "14:05:09" in the browser's time zone.
fn time_of_day(t: chrono::DateTime<chrono::Utc>) -> String {
    crate::clock::time_of_day(t)
}
