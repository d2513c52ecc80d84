//! A button that copies a text and says so.

use leptos::prelude::*;
use leptos_use_clipboard::{UseClipboardReturn, use_clipboard};

use crate::i18n::use_i18n;

#[component]
pub fn CopyButton(
    /// What lands on the clipboard.
    #[prop(into)]
    text: String,
    /// The accessible name, e.g. "Copy +7 9096068511".
    #[prop(into)]
    label: String,
    #[prop(optional, into)] class: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let UseClipboardReturn { copied, copy, .. } = use_clipboard();
    view! {
        <button
            type="button"
            class=format!("copy {class}")
            aria-label=label
            on:click=move |_| copy(&text)
        >
            {move || if copied.get() { i18n.t("copied") } else { i18n.t("copy") }}
        </button>
        <span class="sr-only" aria-live="polite">{move || copied.get().then(|| i18n.t("copied"))}</span>
    }
}
