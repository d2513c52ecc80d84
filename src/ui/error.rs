//! An API failure in the user's language, with the raw detail one click away.

use leptos::prelude::*;
use rentapi::ApiError;

use crate::i18n::use_i18n;

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
