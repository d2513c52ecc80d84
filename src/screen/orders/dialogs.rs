//! The confirmations that cost money or the order: delete it (cannot be
//! undone), add another service to its number (price shown first).

use leptos::prelude::*;
use rentapi::addable::{addable, on_number};
use rentapi::model::Order;
use rentapi::time_left::days_left;
use rentapi::{ApiError, ServiceCode};

use crate::clock;
use crate::i18n::use_i18n;
use crate::store::catalog::{Prices, use_catalog};
use crate::store::orders::use_orders;
use crate::ui::dialog::{Dialog, DialogButtons};
use crate::ui::error::{ErrorNotice, RetryButton};

use crate::ui::money;

#[component]
pub fn DeleteDialog(
    #[prop(into)] order: Signal<Order>,
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] error: Signal<Option<ApiError>>,
    on_confirm: Callback<()>,
    on_close: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let o = order.get_untracked();
    let (number, service) = (o.display_number(), o.service_name());
    let title = Signal::derive(move || i18n.t("delete-title").to_owned());
    view! {
        <Dialog title on_close class="delete-dialog">
            <p>{move || i18n.fmt("delete-body", &[("number", &number), ("service", &service)])}</p>
            <p><strong>{move || i18n.t("delete-undone")}</strong></p>
            <p class="help">{move || i18n.t("help-refund")}</p>
            <ErrorNotice error />
            <DialogButtons
                label=Signal::derive(move || i18n.t("delete-confirm").to_owned())
                pending
                on_confirm
                on_close
                class="danger"
            />
        </Dialog>
    }
}

#[component]
pub fn AddServiceDialog(
    #[prop(into)] order: Signal<Order>,
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] error: Signal<Option<ApiError>>,
    on_confirm: Callback<(ServiceCode, String)>,
    on_close: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let catalog = use_catalog();
    let store = use_orders();
    let snapshot = order.get_untracked();
    let (country, until) = (snapshot.country.clone(), snapshot.until);
    catalog.ensure(&country);
    let number = snapshot.display_number();
    let title = {
        let n = number.clone();
        Signal::derive(move || i18n.fmt("add-title", &[("number", &n)]))
    };
    let options = {
        let country = country.clone();
        Memo::new(move |_| {
            let on_number = store.orders.with(|list| on_number(list, &snapshot));
            catalog.prices(&country).map(|p| match p {
                Prices::Ready(list) => Prices::Ready(addable(&list, &snapshot, &on_number)),
                other => other,
            })
        })
    };
    let chosen = RwSignal::new(None::<ServiceCode>);
    let chosen_price = Memo::new(move |_| {
        let code = chosen.get()?;
        options.with(|o| match o {
            Some(Prices::Ready(list)) => list.iter().find(|p| p.service == code).cloned(),
            _ => None,
        })
    });
    let days = days_left(until, clock::now());
    let retry = country.clone();

    view! {
        <Dialog title on_close class="add-dialog">
            <p>{move || i18n.t("add-explain")}</p>
            {move || match options.get() {
                None | Some(Prices::Loading) => view! { <p class="muted">{i18n.t("price-loading")}</p> }.into_any(),
                Some(Prices::Failed(e)) => {
                    let c = retry.clone();
                    view! {
                        <ErrorNotice error=Signal::derive(move || Some(e.clone())) />
                        <RetryButton label="price-retry" on_retry=Callback::new(move |()| catalog.ensure(&c)) />
                    }
                    .into_any()
                }
                Some(Prices::Ready(list)) if list.is_empty() => {
                    view! { <p class="muted">{i18n.t("add-none")}</p> }.into_any()
                }
                Some(Prices::Ready(list)) => view! {
                    <label class="field-inline">
                        <span>{i18n.t("add-service")}</span>
                        <select on:change:target=move |ev| {
                            let v = ev.target().value();
                            chosen.set((!v.is_empty()).then(|| ServiceCode::new(v)));
                        }>
                            <option value="" selected=move || chosen.get().is_none()>{i18n.t("add-pick")}</option>
                            {list
                                .into_iter()
                                .map(|p| {
                                    let code = p.service.clone();
                                    let label = i18n.fmt("add-option", &[("service", &p.name), ("day", &money(p.price_day))]);
                                    view! {
                                        <option
                                            value=p.service.to_string()
                                            selected=move || chosen.get().as_ref() == Some(&code)
                                        >
                                            {label}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                    </label>
                }
                .into_any(),
            }}
            <p class="price-line" data-testid="add-price">
                {move || chosen_price.get().map(|p| {
                    let total = money(rentapi::rules::money(p.price_day * days as f64));
                    i18n.fmt(
                        "add-price",
                        &[("day", &money(p.price_day)), ("days", &days.to_string()), ("total", &total)],
                    )
                })}
            </p>
            <ErrorNotice error />
            <DialogButtons
                label=Signal::derive(move || match chosen_price.get() {
                    Some(p) => i18n.fmt("add-confirm", &[("service", &p.name)]),
                    None => i18n.t("add-confirm-none").to_owned(),
                })
                pending
                ready=Signal::derive(move || chosen_price.with(Option::is_some))
                on_confirm=Callback::new(move |()| {
                    if let Some(p) = chosen_price.get_untracked() {
                        on_confirm.run((p.service, p.name));
                    }
                })
                on_close
            />
        </Dialog>
    }
}
