//! Step 1: the country, from `getcountries`, searchable.

use leptos::prelude::*;
use rentapi::CountryCode;

use crate::i18n::use_i18n;
use crate::store::cache::Entry;
use crate::store::rent::{Step, flag, use_rent};
use crate::ui::country::{CountryNames, fold};
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
    // Each country in the interface's language, found by that name, the
    // provider's, its own language's or its code, accents aside.
    let list = move || {
        let q = fold(query.get().trim());
        let lang = i18n.lang();
        countries()
            .and_then(|e| e.ready().cloned())
            .unwrap_or_default()
            .into_iter()
            .map(|c| (CountryNames::new(lang, &c.code, &c.name), c.code))
            .filter(|(names, _)| names.matches(&q))
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
                <For each=list key=|(names, code)| (code.clone(), names.shown.clone()) let(entry)>
                    {
                        let (names, code) = entry;
                        let flag = flag(&code);
                        let shown_code = code.to_string();
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
                                    <span class="flag" aria-hidden="true">{flag}</span>
                                    <span class="country-name">
                                        <span>{names.shown}</span>
                                        {names.provider.map(|p| view! { <small class="muted provider-name">{p}</small> })}
                                    </span>
                                    <small class="muted">{shown_code}</small>
                                </button>
                            </li>
                        }
                    }
                </For>
            </ul>
        </div>
    }
}
