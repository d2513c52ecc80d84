//! The prolong dialog: week or month × count within the rules (7-day
//! window, the provider's limits, never past 90 days), the new expiry and
//! the price before the user confirms.

use leptos::prelude::*;
use rentapi::model::Order;
use rentapi::rules::{
    ProlongBlock, prolong_block, prolong_choices, prolong_room, prolong_to, refusal_block,
    rental_cost,
};
use rentapi::{ApiError, ErrorKind, Period};

use crate::clock;
use crate::i18n::{I18n, use_i18n};
use crate::store::catalog::{Prices, use_catalog};
use crate::ui::dialog::{Dialog, DialogButtons};
use crate::ui::error::{ErrorNotice, RetryButton};
use crate::ui::money;

use super::period::{PeriodChoice, PeriodPicker};

/// Why prolonging is not possible, in words: when it opens, or how much
/// room the provider's limits leave.
pub fn block_text(i18n: I18n, block: ProlongBlock) -> String {
    match block {
        ProlongBlock::NotYet { opens_at } => {
            i18n.fmt("prolong-not-yet", &[("date", &clock::local(opens_at))])
        }
        ProlongBlock::LimitReached { max_days, latest_until } => i18n.fmt(
            "prolong-limit",
            &[("n", &max_days.to_string()), ("date", &clock::local(latest_until))],
        ),
        other => i18n.t(other.message_key()).to_owned(),
    }
}

/// After the provider refused a prolongation: how much room its limits
/// on the order (`canprolongmax`, `canprolonguntil`) leave, when it says.
fn refusal_reason(
    i18n: I18n,
    error: Signal<Option<ApiError>>,
    order: Signal<Order>,
) -> Option<String> {
    let refused =
        error.with(|e| e.as_ref().is_some_and(|e| e.kind == ErrorKind::ProlongNotAllowed));
    if !refused {
        return None;
    }
    let block = order.with(|o| refusal_block(o, clock::now()))?;
    Some(block_text(i18n, block))
}

#[component]
pub fn ProlongDialog(
    #[prop(into)] order: Signal<Order>,
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] error: Signal<Option<ApiError>>,
    on_confirm: Callback<Period>,
    on_close: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let catalog = use_catalog();
    let snapshot = order.get_untracked();
    let country = snapshot.country.clone();
    let service = snapshot.scode.clone();
    catalog.ensure(&country);
    // The choices are fixed when the dialog opens, so they never shift under the pointer.
    let opened_at = clock::now();
    let room = prolong_room(&snapshot, opened_at);
    let choice = PeriodChoice::new(room.map(prolong_choices).unwrap_or_default());
    let period = Memo::new(move |_| choice.get());
    let new_until = Memo::new(move |_| order.with(|o| prolong_to(o, period.get(), opened_at).ok()));
    let price_day = {
        let (country, service) = (country.clone(), service.clone());
        Memo::new(move |_| catalog.prices(&country).map(|p| (p.price_day(&service), p)))
    };
    let cost = Memo::new(move |_| {
        price_day
            .with(|p| p.as_ref().and_then(|(day, _)| *day))
            .map(|d| rental_cost(d, period.get()))
    });
    let title = {
        let (n, s) = (snapshot.display_number(), snapshot.service_name());
        Signal::derive(move || i18n.fmt("prolong-title", &[("number", &n), ("service", &s)]))
    };
    let blocked = prolong_block(&snapshot, opened_at).or(room.err());
    let retry_country = country.clone();
    let until_at_open = snapshot.until;

    view! {
        <Dialog title on_close class="prolong-dialog">
            <p>{move || i18n.fmt("prolong-current", &[("until", &clock::local(until_at_open))])}</p>
            {blocked.map(|b| {
                let text = move || block_text(i18n, b);
                view! { <p class="notice error" role="alert">{text}</p> }
            })}
            <Show when=move || blocked.is_none()>
                <PeriodPicker choice name="prolong-unit" />
                <dl class="summary">
                    <dt>{move || i18n.t("prolong-new-until")}</dt>
                    <dd data-testid="prolong-new-until">{move || new_until.get().map(clock::local)}</dd>
                    <dt>{move || i18n.t("price")}</dt>
                    <dd data-testid="prolong-price">
                        {move || match price_day.get() {
                            None | Some((_, Prices::Loading)) => i18n.t("price-loading").to_owned(),
                            Some((_, Prices::Failed(_))) => i18n.t("price-failed").to_owned(),
                            Some((None, _)) => i18n.t("price-unlisted").to_owned(),
                            Some((Some(day), _)) => i18n.fmt(
                                "prolong-price",
                                &[
                                    ("day", &money(day)),
                                    ("days", &period.get().days().to_string()),
                                    ("total", &money(cost.get().unwrap_or_default())),
                                ],
                            ),
                        }}
                    </dd>
                </dl>
                {
                    let retry_country = retry_country.clone();
                    move || matches!(price_day.get(), Some((_, Prices::Failed(_)))).then(|| {
                        let c = retry_country.clone();
                        view! {
                            <RetryButton label="price-retry" on_retry=Callback::new(move |()| catalog.ensure(&c)) />
                        }
                    })
                }
                <p class="help">{move || i18n.t("help-prolong-window")} " " {move || i18n.t("help-prolong-max")}</p>
            </Show>
            <ErrorNotice error />
            {move || refusal_reason(i18n, error, order).map(|text| view! { <p class="help">{text}</p> })}
            <DialogButtons
                label=Signal::derive(move || match cost.get() {
                    Some(total) => i18n.fmt("prolong-confirm-price", &[("total", &money(total))]),
                    None => i18n.t("prolong-confirm").to_owned(),
                })
                pending
                ready=Signal::derive(move || blocked.is_none() && cost.get().is_some() && new_until.get().is_some())
                on_confirm=Callback::new(move |()| on_confirm.run(period.get_untracked()))
                on_close
            />
        </Dialog>
    }
}
