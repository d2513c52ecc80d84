//! One order: state in words, the number with a copy button, the service
//! and the expiry in the browser's time zone with a live countdown.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use rentapi::model::{Order, OrderState};

use crate::clock::{self, use_ticker};
use crate::i18n::{I18n, use_i18n};
use crate::ui::copy::CopyButton;

#[component]
pub fn OrderRow(order: Order) -> impl IntoView {
    let i18n = use_i18n();
    let ticker = use_ticker();
    let number = order.display_number();
    let until = order.until;
    let state = order.state;
    view! {
        <tr class="order" class:has-new-sms=order.hasnewsms data-order-id=order.id.to_string()>
            <td>
                <span class=format!("state {}", state_class(state))>{move || state_text(i18n, state)}</span>
            </td>
            <td class="number">
                <span>{number.clone()}</span>
                {order.provider.clone().map(|p| view! { <small class="muted">" (" {p} ")"</small> })}
                " "
                <CopyButton text=number.replace(' ', "") label=format!("Copy {number}") />
            </td>
            <td>{order.sname.clone()}</td>
            <td>
                <time datetime=until.to_rfc3339()>{clock::local(until)}</time>
                <small class="countdown">" " {move || countdown(i18n, until, ticker.0.get())}</small>
            </td>
        </tr>
    }
}

pub fn state_class(state: OrderState) -> &'static str {
    match state {
        OrderState::NotActive => "not-active",
        OrderState::Active => "active",
        OrderState::Activating => "activating",
        OrderState::NotInSystem => "not-in-system",
        OrderState::Unknown(_) => "unknown",
    }
}

pub fn state_text(i18n: I18n, state: OrderState) -> String {
    match state {
        OrderState::NotActive => i18n.t("state-not-active").to_owned(),
        OrderState::Active => i18n.t("state-active").to_owned(),
        OrderState::Activating => i18n.t("state-activating").to_owned(),
        OrderState::NotInSystem => i18n.t("state-not-in-system").to_owned(),
        OrderState::Unknown(code) => i18n.fmt("state-unknown", &[("code", &code.to_string())]),
    }
}

/// "5 d 3 h left", "4 h 10 min left", or "expired".
pub fn countdown(i18n: I18n, until: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let left = until - now;
    if left.num_seconds() <= 0 {
        return i18n.t("time-expired").to_owned();
    }
    let (d, h, m) = (left.num_days(), left.num_hours() % 24, left.num_minutes() % 60);
    if d > 0 {
        i18n.fmt("time-left", &[("d", &d.to_string()), ("h", &h.to_string())])
    } else {
        i18n.fmt("time-left-hours", &[("h", &h.to_string()), ("m", &m.to_string())])
    }
}
