//! "Wait for a code" on a row: while watched, the time left and Stop; when
//! a watch ran out without a code, say so and offer to wait again.

use leptos::prelude::*;
use rentapi::OrderId;
use rentapi::schedule::Priority;

use crate::clock::use_ticker;
use crate::i18n::use_i18n;
use crate::store::network::use_network;
use crate::store::sms::use_sms;
use crate::store::watch::{WATCH_MINUTES, WatchEnd};

#[component]
pub fn WatchControl(id: OrderId) -> impl IntoView {
    let i18n = use_i18n();
    let (sms, network) = (use_sms(), use_network());
    let watches = sms.watches;
    let start = move |_| sms.watch(id, Priority::User, false);
    move || {
        match (watches.until(id), watches.ended(id)) {
        (Some(until), _) => {
            let ticker = use_ticker();
            let left = move || {
                let secs = (until - ticker.0.get()).num_seconds().max(0);
                i18n.fmt("watch-on", &[("time", &format!("{}:{:02}", secs / 60, secs % 60))])
            };
            view! {
                <span class="watch on">
                    <span class="watch-left">{left}</span>
                    " "
                    <button type="button" class="link" on:click=move |_| watches.stop(id)>
                        {i18n.t("watch-stop")}
                    </button>
                </span>
            }
            .into_any()
        }
        (None, Some(WatchEnd::TimedOut)) => view! {
            <span class="watch ended" role="status">
                {i18n.fmt("watch-timed-out", &[("n", &WATCH_MINUTES.to_string())])}
                " "
                <button type="button" class="link" disabled=move || network.blocked() on:click=start>
                    {i18n.t("watch-again")}
                </button>
            </span>
        }
        .into_any(),
        _ => view! {
            <button
                type="button"
                class="watch-start"
                disabled=move || network.blocked()
                aria-describedby=network.described_by(None)
                on:click=start
            >
                {i18n.t("watch-start")}
            </button>
        }
        .into_any(),
    }
    }
}
