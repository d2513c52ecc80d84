//! Restoring an expired rental: the price first (`restore_user_precalc`),
//! then one confirmation sends one `restore_user`.

use leptos::prelude::*;
use rentapi::model::RestoreQuote;
use rentapi::{ApiError, ErrorKind, OrderId};

use crate::i18n::use_i18n;
use crate::store::network::use_network;
use crate::store::write_state::WriteState;
use crate::store::writes::use_writes;
use crate::ui::checks::ChecksNotice;
use crate::ui::dialog::Dialog;
use crate::ui::error::ErrorNotice;
use crate::ui::money;

#[component]
pub fn RestoreFlow(order_id: OrderId, #[prop(into)] on_close: Callback<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let network = use_network();
    let writes = use_writes();
    let quote = LocalResource::new(move || writes.restore_quote(order_id));
    let write = WriteState::new();
    let restored = move || write.done();
    let confirm = move |_| {
        // One confirmation, one request: a click while it runs, or after its answer, does nothing.
        if !untrack(|| write.ended()) {
            write.run(writes.restore(order_id));
        }
    };
    // A lost answer is checked against the orders (store::checks), said below.
    let restore_error = Signal::derive(move || write.error());
    // Escape, the backdrop and Cancel close it, but not while the restore
    // is on its way: its outcome must be seen.
    let close = Callback::new(move |()| {
        if !write.pending_untracked() {
            on_close.run(restored());
        }
    });
    let summary = move |q: RestoreQuote| {
        view! {
            <dl class="quote">
                <dt>{move || i18n.t("col-service")}</dt><dd>{q.sname.clone()}</dd>
                <dt>{move || i18n.t("col-number")}</dt><dd>"+" {q.pnumber.clone()}</dd>
                <dt>{move || i18n.t("restore-overdue")}</dt><dd>{q.outdays}</dd>
                <dt>{move || i18n.t("restore-after")}</dt>
                <dd>{move || i18n.fmt("restore-days", &[("n", &q.prolong_to.to_string())])}</dd>
                <dt>{move || i18n.t("restore-price")}</dt><dd class="price">{move || money(q.price)}</dd>
            </dl>
            <p class="help">{move || i18n.t("restore-rule")}</p>
            <div class="row">
                <button
                    type="button"
                    class="primary"
                    disabled=move || write.pending() || write.ended() || network.writes_blocked()
                    aria-describedby=network.write_described_by()
                    on:click=confirm
                >
                    {move || i18n.fmt("restore-confirm", &[("price", &money(q.price))])}
                </button>
                <button type="button" on:click=move |_| close.run(())>
                    {move || if restored() { i18n.t("close") } else { i18n.t("cancel") }}
                </button>
            </div>
        }
    };
    view! {
        <Dialog
            title=Signal::derive(move || i18n.fmt("restore-title", &[("id", &order_id.to_string())]))
            on_close=close
            class="restore"
        >
            <Suspense fallback=move || view! { <p>{move || i18n.t("restore-calculating")}</p> }>
                {move || Suspend::new(async move {
                    match quote.await {
                        Ok(q) => summary(q).into_any(),
                        Err(err) => view! {
                            <RefusalNotice error=err />
                            <button type="button" on:click=move |_| close.run(())>{move || i18n.t("close")}</button>
                        }.into_any(),
                    }
                })}
            </Suspense>
            <Show when=restored>
                <p class="notice ok" role="status">{move || i18n.t("restore-done")}</p>
            </Show>
            <ErrorNotice error=restore_error />
            <ChecksNotice />
        </Dialog>
    }
}

/// A refusal of the precalculation: the page's sentence, and a pointer to
/// the provider's support where the page sends people there.
#[component]
fn RefusalNotice(error: ApiError) -> impl IntoView {
    let i18n = use_i18n();
    let support = matches!(error.kind, ErrorKind::Restore(code) if code.needs_support());
    view! {
        <ErrorNotice error=Signal::derive(move || Some(error.clone())) />
        {support.then(|| view! {
            <p class="help">
                <a href="https://smspva.com/" target="_blank" rel="noopener noreferrer">{move || i18n.t("restore-support")}</a>
            </p>
        })}
    }
}
