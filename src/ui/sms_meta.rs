//! An SMS's sender and time, saying so when the answer left either out.

use leptos::prelude::*;
use rentapi::model::Sms;

use crate::i18n::use_i18n;

#[component]
pub fn SmsMeta(sms: Sms) -> impl IntoView {
    let i18n = use_i18n();
    let sender = (!sms.sender.trim().is_empty()).then(|| sms.sender.clone());
    view! {
        // dir="auto": isolated, so a direction override in it
        // (U+202E) cannot reverse what follows; RTL senders read right.
        {match sender {
            Some(sender) => view! { <span class="sender" dir="auto">{sender}</span> }.into_any(),
            None => view! { <span class="sender muted">{move || i18n.t("sms-sender-unknown")}</span> }.into_any(),
        }}
        {match sms.date {
            Some(date) => view! {
                <time datetime=date.to_rfc3339()>{move || crate::clock::local_precise(date)}</time>
            }
            .into_any(),
            None => view! { <span class="muted">{move || i18n.t("sms-time-unknown")}</span> }.into_any(),
        }}
    }
}

/// A remembered SMS's service: its name, or "another service" for an SMS
/// the number got for a service other than its order's.
#[component]
pub fn ServiceLabel(service: String) -> impl IntoView {
    let i18n = use_i18n();
    if service.is_empty() {
        view! { <span class="hit-service muted">{move || i18n.t("history-other-service")}</span> }
            .into_any()
    } else {
        view! { <span class="hit-service" dir="auto">{service}</span> }.into_any()
    }
}
