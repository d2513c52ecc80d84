//! An API failure in the user's language, with the raw detail one click away.

use leptos::prelude::*;
use rentapi::ApiError;

use crate::i18n::use_i18n;
use crate::store::network::use_network;

#[component]
pub fn ErrorNotice(#[prop(into)] error: Signal<Option<ApiError>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        error.get().map(|e| {
            let detail = e.detail.clone();
            view! {
                <div class="notice error" role="alert">
                    <span>{i18n.t(e.kind.message_key())}</span>
                    {(!detail.is_empty()).then(|| view! {
                        <details>
                            <summary>{i18n.t("error-detail")}</summary>
                            // Untrusted text from the API: rendered as text, never as HTML.
                            <code>{detail}</code>
                        </details>
                    })}
                </div>
            }
        })
    }
}

/// "Try again" after a failed read; disabled while the provider cannot be
/// reached (offline), pointing at the banner's reason.
#[component]
pub fn RetryButton(
    on_retry: Callback<()>,
    /// The label's translation key.
    #[prop(default = "retry")]
    label: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let network = use_network();
    view! {
        <button
            type="button"
            class="retry"
            disabled=move || network.blocked()
            aria-describedby=network.described_by(None)
            on:click=move |_| on_retry.run(())
        >
            {move || i18n.t(label)}
        </button>
    }
}
