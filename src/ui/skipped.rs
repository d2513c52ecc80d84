//! "1 entry could not be read", with the raw rows one click away: one bad
//! row of an answer never hides the rest of a list.

use leptos::prelude::*;

use crate::i18n::use_i18n;

/// Nothing when `rows` is empty; else how many entries could not be read
/// and, under "Details", their raw text (untrusted: text nodes, never HTML).
#[component]
pub fn Skipped(#[prop(into)] rows: Signal<Vec<String>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        rows.with(|rows| {
            (!rows.is_empty()).then(|| {
                let n = rows.len().to_string();
                let raw = rows.join("\n");
                view! {
                    <div class="notice skipped" role="status">
                        <span>{i18n.fmt("list-skipped", &[("n", &n)])}</span>
                        <details>
                            <summary>{i18n.t("error-detail")}</summary>
                            <code>{raw}</code>
                        </details>
                    </div>
                }
            })
        })
    }
}
