//! The dashboard's export: the orders shown (filtered and sorted as on
//! screen), as CSV or JSON.

use chrono::Local;
use leptos::prelude::WithUntracked;
use rentapi::OrderId;
use rentapi::export;

use crate::i18n::Lang;
use crate::store::orders::OrdersStore;
use crate::ui::download;

use super::row::state_text;

/// Saves the orders `ids` (in that order) as a file.
pub fn save(store: OrdersStore, ids: &[OrderId], lang: Lang, json: bool) {
    let rows: Vec<Vec<String>> = ids
        .iter()
        .filter_map(|id| store.row(*id))
        .map(|row| row.with_untracked(|o| export::order_row(o, &state_text(lang, o.state), &Local)))
        .collect();
    let now = crate::clock::now();
    let (ext, mime, text) = if json {
        ("json", "application/json", export::json(&export::ORDER_COLUMNS, &rows))
    } else {
        ("csv", "text/csv", export::csv(&export::ORDER_COLUMNS, &rows))
    };
    download::save(&export::file_name("numbers", now, &Local, ext), mime, &text);
}
