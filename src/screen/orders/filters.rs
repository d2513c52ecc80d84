//! The filter bar of the dashboard. What it filters and sorts by is the
//! core's ([`rentapi::filter`]).

use leptos::prelude::*;

pub use rentapi::filter::{Filter, SortBy, StateFilter, matches_text, visible};

use crate::i18n::use_i18n;

fn state_label_key(state: StateFilter) -> &'static str {
    match state {
        StateFilter::All => "filter-state-all",
        StateFilter::NotActive => "state-not-active",
        StateFilter::Active => "state-active",
        StateFilter::Activating => "state-activating",
        StateFilter::NotInSystem => "state-not-in-system",
        StateFilter::Unknown => "filter-state-unknown",
    }
}

fn sort_label_key(sort: SortBy) -> &'static str {
    match sort {
        SortBy::Expiry => "sort-expiry",
        SortBy::Service => "sort-service",
        SortBy::State => "sort-state",
    }
}

#[component]
pub fn FilterBar(filter: RwSignal<Filter>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="filters" role="search">
            <input
                type="search"
                class="filter-text"
                aria-label=move || i18n.t("filter-text")
                placeholder=move || i18n.t("filter-text-placeholder")
                prop:value=move || filter.with(|f| f.text.clone())
                on:input:target=move |ev| filter.update(|f| f.text = ev.target().value())
            />
            <label class="filter-field">
                <span>{move || i18n.t("filter-state")}</span>
                <select
                    aria-label=move || i18n.t("filter-state")
                    prop:value=move || filter.with(|f| f.state.value())
                    on:change:target=move |ev| {
                        filter.update(|f| f.state = StateFilter::from_value(&ev.target().value()))
                    }
                >
                    {StateFilter::ALL
                        .map(|s| view! { <option value=s.value()>{move || i18n.t(state_label_key(s))}</option> })
                        .collect_view()}
                </select>
            </label>
            <label class="filter-check">
                <input
                    type="checkbox"
                    prop:checked=move || filter.with(|f| f.new_sms)
                    on:change:target=move |ev| filter.update(|f| f.new_sms = ev.target().checked())
                />
                <span>{move || i18n.t("filter-new-sms")}</span>
            </label>
            <label class="filter-check">
                <input
                    type="checkbox"
                    prop:checked=move || filter.with(|f| f.expiring)
                    on:change:target=move |ev| filter.update(|f| f.expiring = ev.target().checked())
                />
                <span>{move || i18n.t("filter-expiring")}</span>
            </label>
            <label class="filter-field">
                <span>{move || i18n.t("sort-by")}</span>
                <select
                    aria-label=move || i18n.t("sort-by")
                    prop:value=move || filter.with(|f| f.sort.value())
                    on:change:target=move |ev| filter.update(|f| f.sort = SortBy::from_value(&ev.target().value()))
                >
                    {SortBy::ALL
                        .map(|s| view! { <option value=s.value()>{move || i18n.t(sort_label_key(s))}</option> })
                        .collect_view()}
                </select>
            </label>
        </div>
    }
}
