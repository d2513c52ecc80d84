//! Choosing how long to prolong by: weeks or months, and how many, among
//! the periods the rules allow. The single prolong dialog and the batch
//! dialog both use it.

use leptos::prelude::*;
use rentapi::rules::counts_for;
use rentapi::{Period, PeriodUnit};

use crate::i18n::use_i18n;

/// The chosen unit and count, starting at one week.
#[derive(Clone, Copy)]
pub struct PeriodChoice {
    pub unit: RwSignal<PeriodUnit>,
    pub count: RwSignal<u32>,
    /// The periods offered, fixed when the dialog opens so they never
    /// shift under the pointer.
    choices: StoredValue<Vec<Period>>,
}

impl PeriodChoice {
    pub fn new(choices: Vec<Period>) -> Self {
        Self {
            unit: RwSignal::new(PeriodUnit::Week),
            count: RwSignal::new(1),
            choices: StoredValue::new(choices),
        }
    }

    /// The period chosen (tracked).
    pub fn get(&self) -> Period {
        Period { unit: self.unit.get(), count: self.count.get() }
    }

    pub fn get_untracked(&self) -> Period {
        Period { unit: self.unit.get_untracked(), count: self.count.get_untracked() }
    }

    /// No period can be offered (no number has room for a week).
    pub fn is_empty(&self) -> bool {
        self.choices.with_value(Vec::is_empty)
    }

    /// A new unit, with its first count.
    fn set_unit(&self, u: PeriodUnit) {
        self.unit.set(u);
        self.count.set(self.choices.with_value(|c| counts_for(c, u).first().copied().unwrap_or(1)));
    }

    fn has(&self, u: PeriodUnit) -> bool {
        self.choices.with_value(|c| !counts_for(c, u).is_empty())
    }
}

/// The fieldset: "Weeks" / "Months" radios and a "How many" select.
/// `name` groups the radios (one per dialog).
#[component]
pub fn PeriodPicker(
    choice: PeriodChoice,
    name: &'static str,
    /// The choice is made (a batch is under way): shown, not changeable.
    #[prop(into, default = Signal::stored(false))]
    disabled: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let PeriodChoice { unit, count, choices } = choice;
    let has_months = choice.has(PeriodUnit::Month);
    view! {
        <fieldset class="period" disabled=move || disabled.get()>
            <legend>{move || i18n.t("prolong-period")}</legend>
            <label class="choice-inline">
                <input
                    type="radio"
                    name=name
                    prop:checked=move || unit.get() == PeriodUnit::Week
                    on:change=move |_| choice.set_unit(PeriodUnit::Week)
                />
                {move || i18n.t("period-weeks")}
            </label>
            <label class="choice-inline">
                <input
                    type="radio"
                    name=name
                    disabled=!has_months
                    prop:checked=move || unit.get() == PeriodUnit::Month
                    on:change=move |_| choice.set_unit(PeriodUnit::Month)
                />
                {move || i18n.t("period-months")}
            </label>
            <label class="choice-inline">
                <span class="sr-only">{move || i18n.t("prolong-count")}</span>
                <select
                    aria-label=move || i18n.t("prolong-count")
                    prop:value=move || count.get().to_string()
                    on:change:target=move |ev| count.set(ev.target().value().parse().unwrap_or(1))
                >
                    {move || {
                        let u = unit.get();
                        choices
                            .with_value(|c| counts_for(c, u))
                            .into_iter()
                            .map(|n| {
                                let label = i18n.fmt(
                                    if u == PeriodUnit::Week { "period-n-weeks" } else { "period-n-months" },
                                    &[("n", &n.to_string()), ("days", &(n * u.days()).to_string())],
                                );
                                view! { <option value=n.to_string() selected=move || count.get() == n>{label}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </label>
        </fieldset>
    }
}
