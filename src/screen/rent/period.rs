//! Step 2: week or month × count, with the total days and the 90-day limit.

use leptos::prelude::*;
use rentapi::PeriodUnit;
use rentapi::rules::{MAX_RENT_DAYS, PeriodError};

use crate::i18n::use_i18n;
use crate::store::rent::use_rent;

#[component]
pub fn PeriodStep() -> impl IntoView {
    let i18n = use_i18n();
    let rent = use_rent();
    let unit = move || rent.draft.with(|d| d.period.unit);
    let days = move || rent.draft.with(|d| d.days());
    let units = [(PeriodUnit::Week, "rent-unit-week"), (PeriodUnit::Month, "rent-unit-month")];
    view! {
        <div class="step">
            <fieldset class="field">
                <legend>{move || i18n.t("rent-period")}</legend>
                <div class="row">
                    {units
                        .map(|(u, label)| view! {
                            <label class="choice inline">
                                <input
                                    type="radio"
                                    name="unit"
                                    prop:checked=move || unit() == u
                                    on:change=move |_| rent.draft.update(|d| d.set_unit(u))
                                />
                                {move || i18n.t(label)}
                            </label>
                        })
                        .collect_view()}
                    <label class="row">
                        {move || i18n.t("rent-count")}
                        <input
                            type="number"
                            min="1"
                            max="13"
                            class="count"
                            prop:value=move || rent.draft.with(|d| d.period.count.to_string())
                            on:input:target=move |ev| {
                                let n = ev.target().value().trim().parse().unwrap_or(0);
                                rent.draft.update(|d| d.set_count(n));
                            }
                        />
                    </label>
                </div>
                <p class="total-days" aria-live="polite">
                    {move || match days() {
                        Ok(n) => i18n.fmt("rent-days", &[("n", &n.to_string())]),
                        Err(PeriodError::TooLong { days }) => i18n.fmt(
                            "rent-too-long",
                            &[("n", &days.to_string()), ("max", &MAX_RENT_DAYS.to_string())],
                        ),
                        Err(PeriodError::Empty) => i18n.t("rent-period-empty").to_owned(),
                    }}
                </p>
                <p class="help">{move || i18n.t("rule-max-90")}</p>
            </fieldset>
        </div>
    }
}
