//! No number lost by forgetting: how many expire within the prolong
//! window and when the first does, one click from seeing only them, one
//! more from prolonging several at once.

use leptos::prelude::*;
use rentapi::rules::expiring;

use crate::clock;
use crate::i18n::use_i18n;
use crate::store::batch::use_batch;
use crate::store::orders::use_orders;
use crate::store::reminders::use_reminders;
use crate::ui::notice::Dismissible;

use super::batch::BatchDialog;
use super::filters::Filter;
use crate::clock::use_minute;

#[component]
pub fn ExpiringNote(filter: RwSignal<Filter>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_orders();
    let batch = use_batch();
    let minute = use_minute();
    let soon = Memo::new(move |_| store.orders.with(|list| expiring(list, minute.0.get())));
    let on = move || filter.with(|f| f.expiring);
    let batch_open = RwSignal::new(false);
    // While a batch runs with its dialog closed, the button says how far it is.
    let batch_label = move || {
        batch.run.with(|r| match r {
            Some(r) if r.running => i18n.fmt(
                "batch-progress",
                &[("done", &r.done().to_string()), ("n", &r.items.len().to_string())],
            ),
            _ => i18n.t("batch-open").to_owned(),
        })
    };
    let note = move || {
        soon.get().map(|(n, first)| {
            view! {
                <p class="expiring-note" data-testid="expiring-note">
                    <span>
                        {move || i18n.fmt("expiring-summary", &[("n", &n.to_string()), ("date", &clock::local(first))])}
                    </span>
                    " "
                    <button
                        type="button"
                        class="link"
                        aria-pressed=move || on().to_string()
                        on:click=move |_| filter.update(|f| f.expiring = !f.expiring)
                    >
                        {move || if on() { i18n.t("expiring-all") } else { i18n.t("expiring-show") }}
                    </button>
                    " "
                    <button type="button" class="link" on:click=move |_| batch_open.set(true)>
                        {batch_label}
                    </button>
                </p>
            }
        })
    };
    // The dialog outside the note: once its numbers are prolonged the note
    // may go, and the dialog still has their outcome to show.
    view! {
        {note}
        <Show when=move || batch_open.get()>
            <BatchDialog on_close=Callback::new(move |()| batch_open.set(false)) />
        </Show>
    }
}

/// The reminders given in this visit, each until dismissed.
#[component]
pub fn RemindersList() -> impl IntoView {
    let Some(reminders) = use_reminders() else { return ().into_any() };
    let shown = move || reminders.shown.get();
    view! {
        <Show when=move || !reminders.shown.with(Vec::is_empty)>
            <ul class="reminders" data-testid="reminders">
                <For each=shown key=|r| (r.id, r.kind) let(r)>
                    {
                        let id = r.id;
                        let on_dismiss = Callback::new(move |()| reminders.dismiss(id));
                        view! { <li><Dismissible text=r.text class="reminder" on_dismiss /></li> }
                    }
                </For>
            </ul>
        </Show>
    }
    .into_any()
}
