//! Step 1: the country, from `getcountries`, searchable.

use leptos::prelude::*;
use rentapi::CountryCode;

use crate::i18n::use_i18n;
use crate::store::cache::Entry;
use crate::store::rent::{Step, flag, use_rent};
use crate::ui::error::{ErrorNotice, RetryButton};
use crate::ui::skipped::Skipped;

#[component]
pub fn CountryStep() -> impl IntoView {
    let i18n = use_i18n();
    let rent = use_rent();
    let query = RwSignal::new(String::new());
    let countries = move || rent.countries();
    let error = Signal::derive(move || countries().and_then(|e| e.error().cloned()));
    let chosen = move || rent.draft.with(|d| d.country.clone());
    let list = move || {
        let q = query.get().trim().to_lowercase();
        countries()
            .and_then(|e| e.ready().cloned())
            .unwrap_or_default()
            .into_iter()
            .filter(|c| {
                q.is_empty()
                    || c.name.to_lowercase().contains(&q)
                    || c.code.as_str().to_lowercase().contains(&q)
            })
            .collect::<Vec<_>>()
    };
    let pick = move |code: CountryCode| {
        rent.choose_country(code);
        rent.draft.update(|d| d.step = Step::Period);
    };
    view! {
        <div class="step">
            <label class="row">
                <span class="sr-only">{move || i18n.t("rent-country-search")}</span>
                <input type="search" placeholder=move || i18n.t("rent-country-search") bind:value=query />
            </label>
            <ErrorNotice error />
            <Skipped rows=rent.skipped_countries />
            <Show when=move || error.get().is_some()>
                <RetryButton on_retry=Callback::new(move |()| rent.reload_countries()) />
            </Show>
            <Show when=move || matches!(countries(), Some(Entry::Loading) | None)>
                <p class="muted">{move || i18n.t("loading")}</p>
            </Show>
            <ul class="choices countries" role="list">
                <For each=list key=|c| c.code.clone() let(country)>
                    {
                        let code = country.code.clone();
                        let is_chosen = {
                            let code = code.clone();
                            move || chosen().as_ref() == Some(&code)
                        };
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="choice-card"
                                    class:chosen=is_chosen.clone()
                                    aria-pressed=move || is_chosen().to_string()
                                    on:click=move |_| pick(code.clone())
                                >
                                    <span class="flag" aria-hidden="true">{flag(&country.code)}</span>
                                    <span>{country.name.clone()}</span>
                                    <small class="muted">{country.code.to_string()}</small>
                                </button>
                            </li>
                        }
                    }
                </For>
            </ul>
        </div>
    }
}
