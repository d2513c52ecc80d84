//! What the checks of unknown writes say: "checking…" while the orders are
//! read, then what happened, in words, until dismissed.

use leptos::prelude::*;
use rentapi::outcome::{Intent, Verdict};

use crate::i18n::{I18n, use_i18n};
use crate::store::checks::{Told, use_checks};
use crate::store::network::CHECKING_REASON_ID;
use crate::ui::notice::Dismissible;

#[component]
pub fn ChecksNotice() -> impl IntoView {
    let i18n = use_i18n();
    let Some(checks) = use_checks() else { return ().into_any() };
    let told = move || checks.told.get().into_iter().enumerate().collect::<Vec<_>>();
    view! {
        <div class="checks">
            <Show when=move || checks.checking()>
                <p class="notice warn checking" role="status" id=CHECKING_REASON_ID data-testid="checking">
                    {move || i18n.t("unknown-checking")}
                </p>
            </Show>
            <For each=told key=|(i, t)| (*i, format!("{t:?}")) let(entry)>
                {
                    let (index, t) = entry;
                    let class = if matches!(t.verdict, Verdict::Happened(_)) { "checked ok" } else { "checked" };
                    let on_dismiss = Callback::new(move |()| checks.dismiss(index));
                    view! {
                        <div data-testid="checked">
                            <Dismissible text=verdict_text(i18n, &t) class on_dismiss />
                        </div>
                    }
                }
            </For>
        </div>
    }
    .into_any()
}

/// "The rental went through: +7 …" or "Nothing was rented: you were not charged."
fn verdict_text(i18n: I18n, t: &Told) -> String {
    let happened = matches!(t.verdict, Verdict::Happened(_));
    let key = match (&t.intent, happened) {
        (Intent::Rent, true) => "unknown-rent-yes",
        (Intent::Rent, false) => "unknown-rent-no",
        (Intent::Restore { .. }, true) => "unknown-restore-yes",
        (Intent::Restore { .. }, false) => "unknown-restore-no",
        (Intent::Prolong { .. }, true) => "unknown-prolong-yes",
        (Intent::Prolong { .. }, false) => "unknown-prolong-no",
        (Intent::AddService { .. }, true) => "unknown-add-yes",
        (Intent::AddService { .. }, false) => "unknown-add-no",
        (Intent::Delete { .. }, true) => "unknown-delete-yes",
        (Intent::Delete { .. }, false) => "unknown-delete-no",
        (Intent::Activate { .. }, true) => "unknown-activate-yes",
        (Intent::Activate { .. }, false) => "unknown-activate-no",
    };
    i18n.fmt(key, &[("number", &t.numbers.join(", "))])
}
