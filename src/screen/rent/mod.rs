//! The rental wizard: country, period, services, confirm. Nothing is
//! charged before the last step, and its button sends exactly one request.

mod confirm;
mod country;
mod period;
mod services;

use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::store::rent::{Step, use_rent};

const STEPS: [(Step, &str); 4] = [
    (Step::Country, "rent-step-country"),
    (Step::Period, "rent-step-period"),
    (Step::Services, "rent-step-services"),
    (Step::Confirm, "rent-step-confirm"),
];

#[component]
pub fn RentScreen() -> impl IntoView {
    let i18n = use_i18n();
    let rent = use_rent();
    let step = Memo::new(move |_| rent.draft.with(|d| d.step));
    let offers = move || rent.offers().and_then(|e| e.ready().map(|o| o.services.clone()));
    let can_continue = move || rent.draft.with(|d| d.can_continue(offers().as_deref()));
    let go = move |to: Step| rent.draft.update(|d| d.step = to);
    // A rental's result is for this visit: leaving puts it away.
    on_cleanup(move || rent.start_over());
    let index = move || STEPS.iter().position(|(s, _)| *s == step.get()).unwrap_or(0);
    view! {
        <section class="screen rent">
            <header class="screen-head">
                <h1>{move || i18n.t("rent-title")}</h1>
            </header>
            <ol class="steps">
                {STEPS
                    .map(|(s, label)| {
                        view! {
                            <li
                                class:current=move || step.get() == s
                                class:done=move || { step.get() > s }
                                aria-current=move || (step.get() == s).then_some("step")
                            >
                                <button
                                    type="button"
                                    class="link"
                                    disabled=move || { s > step.get() }
                                    on:click=move |_| go(s)
                                >
                                    {move || i18n.t(label)}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            {move || rent.rented.get().map(|rented| view! { <confirm::RentedPanel rented /> })}
            <Show when=move || rent.rented.with(Option::is_none)>
            {move || match step.get() {
                Step::Country => view! { <country::CountryStep /> }.into_any(),
                Step::Period => view! { <period::PeriodStep /> }.into_any(),
                Step::Services => view! { <services::ServicesStep /> }.into_any(),
                Step::Confirm => view! { <confirm::ConfirmStep /> }.into_any(),
            }}
            </Show>
            <Show when=move || step.get() != Step::Confirm && rent.rented.with(Option::is_none)>
                <nav class="wizard-nav row">
                    <button
                        type="button"
                        disabled=move || index() == 0
                        on:click=move |_| go(STEPS[index().saturating_sub(1)].0)
                    >
                        {move || i18n.t("rent-back")}
                    </button>
                    <button
                        type="button"
                        class="primary"
                        disabled=move || !can_continue()
                        on:click=move |_| go(STEPS[(index() + 1).min(STEPS.len() - 1)].0)
                    >
                        {move || i18n.t("rent-next")}
                    </button>
                </nav>
            </Show>
        </section>
    }
}
