//! One order: state in words with a visual cue, the number with its
//! operator and a copy button, the service, the expiry in the browser's
//! time zone with a live countdown, its SMS and the actions allowed now.
//!
//! A list may hold thousands of these, so a row keeps its reactive parts
//! to what can change: its fields come from the order's signal through a
//! few memos (a poll that changes one field rewrites one cell, an equal
//! poll nothing), while the words around them, the number (an order's
//! number never changes) and the labels are plain text, made once in the
//! language of the moment: the list makes its rows anew when the language
//! or the way numbers are copied changes (see `list.rs`).

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use rentapi::model::{Order, OrderState};
use rentapi::time_left::TimeLeft;

use crate::clock::{self, use_minute};

use crate::i18n::{Lang, fill, use_i18n};
use crate::store::settings::NumberCopy;
use crate::store::sms::use_sms;
use crate::ui::copy::CopyButton;

use super::actions::RowActions;
use super::sms::{CodeButton, SmsPanel};
use super::watch::WatchControl;

/// Columns of the table (the SMS panel spans them all).
pub const COLUMNS: u8 = 6;

#[component]
pub fn OrderRow(
    #[prop(into)] order: Signal<Order>,
    /// What the number's copy button copies (the whole number by default).
    #[prop(optional)]
    copy: NumberCopy,
) -> impl IntoView {
    let lang = use_i18n().lang.get_untracked();
    let minute = use_minute();
    let sms = use_sms();
    let (id, number, provider, to_copy) = order.with_untracked(|o| {
        (o.id, o.display_number(), o.provider.clone().filter(|p| !p.trim().is_empty()), copy.of(o))
    });
    let state = Memo::new(move |_| order.with(|o| o.state));
    // Memos only where several bindings read a field; a single binding
    // reads the order itself (it re-runs when the order changes, and the
    // DOM is touched only if its text did).
    let until = Memo::new(move |_| order.with(|o| o.until));
    let has_new = Memo::new(move |_| order.with(|o| sms.has_new(o)));
    let unseen = Memo::new(move |_| sms.unseen(id));
    // A memo: a read of this order's SMS that brings nothing new (a watch
    // or a flag followed at every poll) must leave its code button alone.
    let recent = Memo::new(move |_| sms.recent_code(id, minute.0.get()));
    let open = RwSignal::new(false);
    let panel_id = format!("sms-{id}");
    // "Copy +7 9096068511", or "Copy 9096068511" without the country code.
    let shown_copy = if copy == NumberCopy::Local { to_copy.as_str() } else { number.as_str() };
    let copy_label = fill(lang.text("copy-number"), &[("number", shown_copy)]);
    let sms_of = fill(lang.text("sms-toggle-number"), &[("number", &number)]);
    view! {
        <tbody class="order" class:has-new-sms=has_new data-order-id=id.to_string()>
            <tr class="order-row" data-order-id=id.to_string()>
                <td class="state-cell">
                    {move || {
                        let s = state.get();
                        view! { <span class=format!("state {}", state_class(s))>{state_text(lang, s)}</span> }
                    }}
                </td>
                <td class="number">
                    <span class="pnumber">{number.clone()}</span>
                    {provider.map(|p| view! { <small class="provider muted">" (" {p} ")"</small> })}
                    " "
                    <CopyButton text=to_copy label=copy_label />
                </td>
                <td class="service">{move || order.with(Order::service_name)}</td>
                <td class="until">
                    {move || {
                        let t = until.get();
                        view! { <time datetime=t.to_rfc3339()>{clock::local(t)}</time> }
                    }}
                    <small class="countdown">{move || countdown(lang, until.get(), minute.0.get())}</small>
                </td>
                <td class="sms-cell">
                    // No `type`: never inside a form (see actions.rs).
                    <button
                        class="sms-toggle"
                        aria-expanded=move || open.get().to_string()
                        aria-controls=panel_id.clone()
                        on:click=move |_| open.update(|o| *o = !*o)
                    >
                        // The name is the visible words with the number in
                        // between for screen readers: "SMS of +7 … 1 new".
                        {lang.text("sms-toggle")}
                        " "
                        <span class="sr-only">{sms_of}</span>
                        " "
                        {move || {
                            let n = unseen.get();
                            (n > 0).then(|| view! {
                                <span class="badge">{fill(lang.text("sms-new-count"), &[("n", &n.to_string())])}</span>
                            })
                        }}
                    </button>
                    // A code that came lately, one click from the clipboard
                    // without opening the panel (which shows it when open).
                    // Copying it counts as having seen the SMS.
                    {move || {
                        if open.get() {
                            return None;
                        }
                        recent.get().map(|code| {
                            let seen = Callback::new(move |()| sms.mark_seen(id));
                            // The space parts it from the SMS button on one line, and
                            // goes when the code wraps under it.
                            view! { " " <CodeButton code compact=true on_copy=seen /> }
                        })
                    }}
                    " "
                    <WatchControl id />
                </td>
                <td class="actions">
                    <RowActions order />
                </td>
            </tr>
            {move || open.get().then(|| view! {
                <tr class="sms-row" id=panel_id.clone()>
                    <td colspan=COLUMNS.to_string()>
                        <SmsPanel order />
                    </td>
                </tr>
            })}
        </tbody>
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

pub fn state_text(lang: Lang, state: OrderState) -> String {
    match state {
        OrderState::NotActive => lang.text("state-not-active").to_owned(),
        OrderState::Active => lang.text("state-active").to_owned(),
        OrderState::Activating => lang.text("state-activating").to_owned(),
        OrderState::NotInSystem => lang.text("state-not-in-system").to_owned(),
        OrderState::Unknown(code) => {
            fill(lang.text("state-unknown"), &[("code", &code.to_string())])
        }
    }
}

/// "5 d 3 h left", "4 h 10 min left", "expired" (what is left: `TimeLeft`).
pub fn countdown(lang: Lang, until: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let n = |v: i64| v.to_string();
    match TimeLeft::of(until, now) {
        TimeLeft::Unknown => String::new(),
        TimeLeft::Expired => lang.text("time-expired").to_owned(),
        TimeLeft::Days { days, hours } => {
            fill(lang.text("time-left"), &[("d", &n(days)), ("h", &n(hours))])
        }
        TimeLeft::Hours { hours, minutes } => {
            fill(lang.text("time-left-hours"), &[("h", &n(hours)), ("m", &n(minutes))])
        }
        TimeLeft::Minutes(m) => fill(lang.text("time-left-minutes"), &[("m", &n(m))]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words of each kind of time left (the counting is the core's,
    /// `rentapi::time_left`, tested there).
    #[test]
    fn countdowns_in_words() {
        let now = DateTime::from_timestamp(1_700_000_000, 0).unwrap();
        let c = |secs| countdown(Lang::En, now + chrono::Duration::seconds(secs), now);
        assert_eq!(c(5 * 86_400 + 3 * 3600 + 59 * 60), "5 d 3 h left");
        assert_eq!(c(4 * 3600 + 10 * 60 + 30), "4 h 10 min left");
        assert_eq!(c(20), "1 min left");
        assert_eq!(c(-3600), "expired");
        let unset = DateTime::from_timestamp(0, 0).unwrap();
        assert_eq!(countdown(Lang::En, unset, now), "", "no expiry, no countdown");
    }
}
