//! A table's header row from translation keys: the orders, the archive and
//! the wizard's services name their columns the same way.

use leptos::prelude::*;

use crate::i18n::use_i18n;

/// `<thead>` with one `<th scope="col">` per key. A key starting with `~`
/// names a column for screen readers only (a column of checkboxes, say).
#[component]
pub fn TableHead(columns: &'static [&'static str]) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <thead>
            <tr>
                {columns
                    .iter()
                    .map(|&key| match key.strip_prefix('~') {
                        Some(key) => view! {
                            <th scope="col"><span class="sr-only">{move || i18n.t(key)}</span></th>
                        }
                        .into_any(),
                        None => view! { <th scope="col">{move || i18n.t(key)}</th> }.into_any(),
                    })
                    .collect_view()}
            </tr>
        </thead>
    }
}
