//! One calm line while the provider is not answering: how it failed, when
//! the next try is, how old the numbers on screen are, and "Try now".
//! Gone as soon as an answer arrives.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use rentapi::NoAnswer;
use rentapi::schedule::Priority;
use rentapi::time_left::seconds_until;

use crate::api::use_api;
use crate::clock::{self, use_ticker};
use crate::i18n::use_i18n;
use crate::store::network::use_network;
use crate::store::orders::use_orders;

/// How the provider is failing now: a read being retried, or the last
/// refresh that gave up. `None` when it answers (or refuses in words).
pub fn no_answer() -> Signal<Option<NoAnswer>> {
    let (api, store) = (use_api(), use_orders());
    Signal::derive(move || {
        api.trouble
            .get()
            .map(|t| t.how)
            .or_else(|| store.error.with(|e| e.as_ref().and_then(|e| NoAnswer::of_error(e.kind))))
    })
}

#[component]
pub fn ProviderStatus() -> impl IntoView {
    let i18n = use_i18n();
    let (api, store, network) = (use_api(), use_orders(), use_network());
    let ticker = use_ticker();
    let how = no_answer();
    // The read's own retry, else the store's next poll.
    let next_at = move || {
        api.trouble
            .get()
            .and_then(|t| t.retry_at_ms)
            .and_then(|ms| DateTime::<Utc>::from_timestamp_millis(ms as i64))
            .or_else(|| store.next_poll_at.get())
    };
    let next = move || {
        let now = ticker.0.get();
        match next_at().and_then(|at| seconds_until(at, now)) {
            Some(n) => i18n.fmt("trouble-next", &[("n", &n.to_string())]),
            None => i18n.t("orders-retrying").to_owned(),
        }
    };
    let age = move || {
        let t = store.updated_at.get()?;
        Some(i18n.fmt("trouble-age", &[("age", &clock::ago(i18n, t, ticker.0.get()))]))
    };
    let try_now = move |_| {
        if !api.try_now() {
            store.refresh(Priority::User);
        }
    };
    move || {
        how.get().map(|how| {
            let said = match how {
                NoAnswer::ErrorPage(status) => {
                    i18n.fmt(how.message_key(), &[("status", &status.to_string())])
                }
                // In demo mode no provider is asked: its worker did not load.
                NoAnswer::Unreachable if api.is_demo() => {
                    i18n.t("trouble-demo-unreachable").to_owned()
                }
                _ => i18n.t(how.message_key()).to_owned(),
            };
            view! {
                <p class="provider-status" data-testid="provider-status">
                    // Said once when it changes; the countdown beside it is not.
                    <span role="status">{said}</span>
                    " "
                    <span>{next}</span>
                    " "
                    <span>{age}</span>
                    " "
                    <button
                        type="button"
                        class="link"
                        disabled=move || network.blocked()
                        aria-describedby=network.described_by(None)
                        on:click=try_now
                    >
                        {move || i18n.t("trouble-try-now")}
                    </button>
                </p>
            }
        })
    }
}
