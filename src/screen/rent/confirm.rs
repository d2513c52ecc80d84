//! Step 4: everything the rental will be, its total price and the rules,
//! then one click sends one `create` or `create_multi`.

use leptos::prelude::*;
use leptos_router::components::A;
use rentapi::model::NewOrder;

use crate::i18n::use_i18n;
use crate::route::app_href;
use crate::store::network::use_network;
use crate::store::rent::{Rented, Step, flag, use_rent};
use crate::store::write_state::WriteState;
use crate::store::writes::use_writes;
use crate::ui::country::CountryNames;
use crate::ui::error::ErrorNotice;
use crate::ui::money;

#[component]
pub fn ConfirmStep() -> impl IntoView {
    let i18n = use_i18n();
    let network = use_network();
    let rent = use_rent();
    let writes = use_writes();
    let offers = move || {
        rent.offers().and_then(|e| e.ready().map(|o| o.services.clone())).unwrap_or_default()
    };
    let total = move || rent.draft.with(|d| d.total(&offers()));
    // The rental is sent once: the store ignores a second click, or one
    // on a slow network, while the first is on its way.
    let send = move |_| rent.rent(writes);
    let error = Signal::derive(move || rent.rent_error.get());
    let country_name = move || {
        let code = rent.draft.with(|d| d.country.clone())?;
        let provider_name = rent
            .countries()
            .and_then(|e| e.ready().cloned())
            .and_then(|list| list.into_iter().find(|c| c.code == code).map(|c| c.name))
            .unwrap_or_else(|| code.to_string());
        let name = CountryNames::new(i18n.lang(), &code, &provider_name).shown;
        Some(format!("{} {name}", flag(&code)))
    };
    let period = move || {
        rent.draft.with(|d| {
            let unit = match d.period.unit {
                rentapi::PeriodUnit::Week => i18n.t("rent-unit-week-one"),
                rentapi::PeriodUnit::Month => i18n.t("rent-unit-month-one"),
            };
            let days = d.days().unwrap_or(0).to_string();
            i18n.fmt(
                "rent-period-summary",
                &[("count", &d.period.count.to_string()), ("unit", unit), ("days", &days)],
            )
        })
    };
    let services = move || {
        let offers = offers();
        rent.draft.with(|d| {
            d.chosen(&offers)
                .iter()
                .map(|o| format!("{} ({}/{})", o.name, money(o.price_day), i18n.t("rent-day")))
                .collect::<Vec<_>>()
                .join(", ")
        })
    };
    let provider = move || {
        rent.draft
            .with(|d| d.provider.clone())
            .unwrap_or_else(|| i18n.t("rent-provider-any").to_owned())
    };
    view! {
        <div class="step confirm">
                <dl class="quote">
                    <dt>{move || i18n.t("rent-step-country")}</dt><dd>{country_name}</dd>
                    <dt>{move || i18n.t("rent-step-period")}</dt><dd>{period}</dd>
                    <dt>{move || i18n.t("rent-step-services")}</dt><dd>{services}</dd>
                    <dt>{move || i18n.t("rent-provider")}</dt><dd>{provider}</dd>
                    <dt>{move || i18n.t("rent-total")}</dt><dd class="price" data-testid="rent-total">{move || money(total())}</dd>
                </dl>
                <ul class="rules help">
                    <li>{move || i18n.t("rule-activate-first")}</li>
                    <li>{move || i18n.t("rule-prolong-window")}</li>
                    <li>{move || i18n.t("rule-max-90")}</li>
                    <li>{move || i18n.t("rule-refund")}</li>
                    <li>{move || i18n.t("rule-proxy")}</li>
                </ul>
                <ErrorNotice error />
                <div class="row">
                    <button type="button" on:click=move |_| rent.draft.update(|d| d.step = Step::Services)>
                        {move || i18n.t("rent-back")}
                    </button>
                    <button
                        type="button"
                        class="primary"
                        disabled=move || rent.renting.get() || rent.draft.with(|d| d.request().is_none()) || network.writes_blocked()
                        aria-describedby=network.write_described_by()
                        on:click=send
                    >
                        {move || if rent.renting.get() {
                            i18n.t("rent-renting").to_owned()
                        } else {
                            i18n.fmt("rent-confirm", &[("price", &money(total()))])
                        }}
                    </button>
                </div>
        </div>
    }
}

/// After the rental: the new numbers, each with an offer to activate now.
#[component]
pub fn RentedPanel(rented: Rented) -> impl IntoView {
    let i18n = use_i18n();
    let rent = use_rent();
    let orders = rented.orders.clone();
    let number = orders.first().map(NewOrder::display_number).unwrap_or_default();
    view! {
        <div class="notice ok" role="status">
            <p>{move || i18n.fmt("rent-done", &[("number", &number)])}</p>
        </div>
        <ul class="rented">
            {orders.into_iter().map(|o| {
                let name = o.service.as_ref().map(|c| rented.service_name(c)).unwrap_or_default();
                view! { <li><ActivateNow order=o name /></li> }
            }).collect_view()}
        </ul>
        <p class="help">{move || i18n.t("rule-activation-time")}</p>
        <div class="row">
            <A href=app_href("/") attr:class="button">{move || i18n.t("rent-to-numbers")}</A>
            <button type="button" on:click=move |_| rent.start_over()>
                {move || i18n.t("rent-another")}
            </button>
        </div>
    }
}

#[component]
fn ActivateNow(order: NewOrder, name: String) -> impl IntoView {
    let i18n = use_i18n();
    let network = use_network();
    let writes = use_writes();
    let id = order.id;
    let write = WriteState::new();
    let activate = move |_| write.run(writes.activate_rented(id));
    let done = move || write.done();
    // A lost answer is checked against the orders and said above (store::checks).
    let error = Signal::derive(move || write.error());
    view! {
        <span>{name} " · " {order.display_number()}</span>
        " "
        <button
            type="button"
            disabled=move || write.pending() || done() || network.writes_blocked()
            aria-describedby=network.write_described_by()
            on:click=activate
        >
            {move || if done() { i18n.t("rent-activation-requested") } else { i18n.t("rent-activate-now") }}
        </button>
        <ErrorNotice error />
    }
}
