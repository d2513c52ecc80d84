//! Step 3: the services of the country for the period, with their price per
//! day and for the whole period, and numbers free in total and per
//! provider. One service, or several on one number; any provider or one.

use leptos::prelude::*;
use rentapi::model::ServiceOffer;

use crate::api::use_api;
use crate::i18n::use_i18n;
use crate::store::network::use_network;
use crate::store::rent::use_rent;
use crate::ui::error::{ErrorNotice, RetryButton};
use crate::ui::money;
use crate::ui::skipped::Skipped;
use crate::ui::table::TableHead;

#[component]
pub fn ServicesStep() -> impl IntoView {
    let i18n = use_i18n();
    let network = use_network();
    let rent = use_rent();
    let api = use_api();
    let query = RwSignal::new(String::new());
    let offers = move || rent.offers();
    let error = Signal::derive(move || offers().and_then(|e| e.error().cloned()));
    let data = move || offers().and_then(|e| e.ready().cloned());
    let operators = move || data().map(|d| d.all_operators).unwrap_or_default();
    let rows = move || {
        let q = query.get().trim().to_lowercase();
        data()
            .map(|d| d.services)
            .unwrap_or_default()
            .into_iter()
            .filter(|s| {
                q.is_empty()
                    || s.name.to_lowercase().contains(&q)
                    || s.service.as_str().contains(&q)
            })
            .collect::<Vec<_>>()
    };
    view! {
        <div class="step">
            <div class="row toolbar">
                <input
                    type="search"
                    aria-label=move || i18n.t("rent-service-search")
                    placeholder=move || i18n.t("rent-service-search")
                    bind:value=query
                />
                <label class="row">
                    {move || i18n.t("rent-provider")}
                    <select on:change:target=move |ev| {
                        let v = ev.target().value();
                        rent.draft.update(|d| d.set_provider(Some(v)));
                    }>
                        <option value="" selected=move || rent.draft.with(|d| d.provider.is_none())>
                            {move || i18n.t("rent-provider-any")}
                        </option>
                        {move || operators()
                            .into_iter()
                            .map(|op| {
                                let selected = {
                                    let op = op.clone();
                                    move || rent.draft.with(|d| d.provider.as_ref() == Some(&op))
                                };
                                view! { <option value=op.clone() selected=selected>{op.clone()}</option> }
                            })
                            .collect_view()}
                    </select>
                </label>
                <button
                    type="button"
                    disabled=move || rent.offers_loading() || network.blocked()
                    aria-describedby=network.described_by(None)
                    on:click=move |_| rent.refresh_availability(api)
                >
                    {move || i18n.t("rent-refresh-availability")}
                </button>
            </div>
            <p class="help">{move || i18n.t("rent-multi-help")}</p>
            <ErrorNotice error />
            <Skipped rows=Signal::derive(move || data().map(|d| d.skipped).unwrap_or_default()) />
            <Show when=move || error.get().is_some()>
                <RetryButton on_retry=Callback::new(move |()| rent.reload_offers()) />
            </Show>
            <Show when=move || data().is_none() && error.get().is_none()>
                <p class="muted">{move || i18n.t("loading")}</p>
            </Show>
            <table class="services-table card-table">
                <TableHead columns=&["~rent-choose", "col-service", "rent-price-day", "rent-price-period", "rent-available"] />
                <tbody>
                    <For each=rows key=|s| (s.service.clone(), s.total_count, s.count.clone()) let(offer)>
                        <OfferRow offer />
                    </For>
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn OfferRow(offer: ServiceOffer) -> impl IntoView {
    let i18n = use_i18n();
    let rent = use_rent();
    let api = use_api();
    let code = offer.service.clone();
    let available = {
        let offer = offer.clone();
        Memo::new(move |_| rent.draft.with(|d| d.available(&offer)))
    };
    let chosen = {
        let code = code.clone();
        move || rent.draft.with(|d| d.is_chosen(&code))
    };
    let for_period =
        move || rent.draft.with(|d| money(rentapi::rules::rental_cost(offer.price_day, d.period)));
    let per_provider =
        offer.count.iter().map(|(p, n)| format!("{p}: {n}")).collect::<Vec<_>>().join(", ");
    // Icons live on the provider's site: shown for a real account only.
    let icon = offer.img.clone().filter(|_| !api.is_demo_untracked()).map(|img| {
        let src = if img.starts_with("http") { img } else { format!("https://smspva.com/{}", img.trim_start_matches('/')) };
        view! { <img class="icon" src=src alt="" width="16" height="16" loading="lazy" referrerpolicy="no-referrer" /> }
    });
    let id = format!("svc-{}", offer.service);
    view! {
        <tr class:sold-out=move || available.get() == 0 class:chosen=chosen.clone()>
            <td class="pick">
                <input
                    type="checkbox"
                    id=id.clone()
                    prop:checked=chosen.clone()
                    disabled={
                        let chosen = chosen.clone();
                        move || available.get() == 0 && !chosen()
                    }
                    on:change=move |_| rent.draft.update(|d| d.toggle(&code))
                />
            </td>
            <td class="name">
                <label for=id>{icon.map(|img| (img, " "))} {offer.name.clone()}</label>
            </td>
            <td data-label=move || i18n.t("rent-price-day")>{move || money(offer.price_day)}</td>
            <td data-label=move || i18n.t("rent-price-period")>{for_period}</td>
            <td class="free" data-label=move || i18n.t("rent-available")>
                {move || match available.get() {
                    0 => i18n.t("rent-sold-out").to_owned(),
                    n => n.to_string(),
                }}
                <small class="muted providers">{per_provider}</small>
            </td>
        </tr>
    }
}
