//! The table of orders, keyed by id: filtering, sorting or a poll re-use
//! the rows already on screen, and an equal poll touches none of them.
//! The key holds the language and the way numbers are copied too: rows
//! write their words once, so a new language or copy setting makes them
//! anew (rare) rather than every row watching it.

use leptos::prelude::*;
use rentapi::OrderId;

use crate::i18n::{Lang, use_i18n};
use crate::store::orders::use_orders;
use crate::store::settings::{NumberCopy, use_settings};
use crate::store::sms::use_sms;
use crate::ui::help::Help;
use crate::ui::table::TableHead;

use super::filters::{Filter, visible};
use super::row::OrderRow;
use crate::clock::use_minute;

pub const HELP_ACTIVATE: &[&str] =
    &["help-activate-queue", "help-activate-window", "help-activate-first"];
pub const HELP_PROLONG: &[&str] =
    &["help-prolong-window", "help-prolong-max", "help-prolong-restore"];

#[component]
pub fn OrdersList(filter: RwSignal<Filter>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_orders();
    let sms = use_sms();
    let settings = use_settings();
    let minute = use_minute();
    let shown = Memo::new(move |_| {
        let f = filter.get();
        // The clock only matters (and is only followed) for "expiring".
        let now = if f.expiring { minute.0.get() } else { minute.0.get_untracked() };
        store.orders.with(|list| visible(list, &f, |o| sms.has_new(o), now))
    });
    let total = Memo::new(move |_| store.orders.with(Vec::len));
    let nothing_matches = move || shown.with(Vec::is_empty) && total.get() != 0;
    view! {
        <div class="list-bar">
            <p class="list-count muted" aria-live="polite">
                {move || {
                    let (n, of) = (shown.with(Vec::len), total.get());
                    if n == of {
                        i18n.fmt("orders-count", &[("n", &n.to_string())])
                    } else {
                        i18n.fmt("orders-count-filtered", &[("n", &n.to_string()), ("total", &of.to_string())])
                    }
                }}
            </p>
            <crate::screen::history::ExportButtons
                what="export-orders"
                disabled=Signal::derive(move || shown.with(Vec::is_empty))
                on_export=Callback::new(move |json| {
                    shown.with_untracked(|ids| super::export::save(store, ids, i18n.lang.get_untracked(), json))
                })
            />
            // The rules of activating and prolonging hold for every order:
            // said once here rather than by two "?" in each of a thousand rows.
            {move || {
                let lang = i18n.lang.get();
                view! {
                    <span class="list-help">
                        <Help label=lang.text("help-activate-label") keys=HELP_ACTIVATE captioned=true />
                        <Help label=lang.text("help-prolong-label") keys=HELP_PROLONG captioned=true />
                    </span>
                }
            }}
        </div>
        <table class="orders-table" class:stale=move || store.is_stale()>
            <caption class="sr-only">{move || i18n.t("orders-title")}</caption>
            <TableHead columns=&["col-state", "col-number", "col-service", "col-until", "col-sms", "col-actions"] />
            <For
                each=move || {
                    let (lang, copy) = (i18n.lang.get(), settings.number_copy());
                    shown.with(|ids| ids.iter().map(|id| (*id, lang, copy)).collect::<Vec<_>>())
                }
                key=|key: &(OrderId, Lang, NumberCopy)| *key
                // Boxed (`into_any`): the list keeps one small state per row,
                // not a row's whole view state inline, so removing a row
                // near the top (every row below it moves) shifts pointers
                // rather than copying ~1 KB per row into a new buffer.
                children=move |(id, _, copy)| store.row(id).map(|row| view! { <OrderRow order=row copy /> }.into_any())
            />
        </table>
        <Show when=nothing_matches>
            <p class="empty">
                {move || i18n.t("filter-nothing")}
                " "
                <button type="button" on:click=move |_| filter.set(Filter::default())>
                    {move || i18n.t("filter-clear")}
                </button>
            </p>
        </Show>
    }
}
