//! The actions of one order: activate, prolong, add a service, delete.
//! Each is one request per deliberate click: the writes store
//! (`store::writes`) sends it once and follows it up; here the buttons are
//! disabled while it is on its way, and the outcome is said in words (in
//! the row, and to screen readers through the app's announcer).
//!
//! Every row has these, so they are kept light: one `WriteState` per row
//! (no `Action` and no effects), labels written once in the language of the
//! moment (the list makes its rows anew when it changes), and the texts that are usually empty (why prolonging is not
//! possible, the outcome) only present when there is something to say.

use leptos::prelude::*;
use rentapi::model::{Order, OrderState};
use rentapi::rules::prolong_block;

use crate::clock;
use crate::i18n::{I18n, use_i18n};
use crate::store::network::use_network;
use crate::store::write_state::WriteState;
use crate::store::writes::{Write, WriteOutcome, use_writes};
use crate::ui::announce::use_announcer;
use crate::ui::error::ErrorNotice;

use super::Flash;
use super::dialogs::{AddServiceDialog, DeleteDialog};
use super::prolong::{ProlongDialog, block_text};
use crate::clock::use_minute;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    Prolong,
    Delete,
    AddService,
}

#[component]
pub fn RowActions(#[prop(into)] order: Signal<Order>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang.get_untracked();
    let writes = use_writes();
    let minute = use_minute();
    let network = use_network();
    let announcer = use_announcer();
    let flash = use_context::<Flash>();
    let id = order.with_untracked(|o| o.id);
    let state = Memo::new(move |_| order.with(|o| o.state));
    let block = Memo::new(move |_| {
        let now = minute.0.get();
        order.with(|o| prolong_block(o, now))
    });
    let open = RwSignal::new(None::<Open>);
    // Done, the write is kept with what it did in words.
    let write = WriteState::<(Write, String)>::new();

    // A click while this row's write is on its way changes nothing here
    // (and the store would send nothing); the answer is applied only if
    // the row is still there.
    let send = move |w: Write| {
        if write.pending_untracked() {
            return;
        }
        write.clear();
        let order = order.get_untracked();
        write.run(async move {
            let outcome = writes.send(&order, w.clone()).await.map(|()| {
                let text = untrack(|| done_text(i18n, &w, &order));
                (w, text)
            });
            match &outcome {
                WriteOutcome::Done((w, text)) => {
                    if let Some(announcer) = announcer {
                        announcer.say(text);
                    }
                    if let (Write::Delete, Some(flash)) = (w, flash) {
                        let _ = flash.0.try_set(Some(text.clone()));
                    }
                    let _ = open.try_set(None);
                }
                // It may have happened: no "try again"; the orders are read
                // and compared (store::checks), and the app says what happened.
                WriteOutcome::Unknown(_) => {
                    let _ = open.try_set(None);
                }
                // Failed: said in the dialog. Ignored: another write for
                // this order (a batch's) is on its way.
                WriteOutcome::Failed(_) | WriteOutcome::Ignored => {}
            }
            outcome
        });
    };
    let show = move |which: Open| {
        write.clear();
        open.set(Some(which));
    };
    // Plain closures (all they hold is Copy): the Callbacks and Signals the
    // dialogs take are made when one opens, not for every row.
    let close = move || Callback::new(move |()| open.set(None));
    let error = move || Signal::derive(move || write.error());
    let busy = move || write.pending() || network.writes_blocked();
    let offline_reason = network.write_described_by();
    let reason_id = format!("prolong-why-{id}");
    let reason = move || block.get().map(|b| block_text(i18n, b));
    // What the row says now: "Sending…", or what the last write did
    // ("Activation requested…" only until the number is active).
    let said = move || {
        if write.pending() {
            return Some(lang.text("action-sending").to_owned());
        }
        write.with_outcome(|o| match o {
            Some(WriteOutcome::Done((Write::Activate, _))) if state.get() == OrderState::Active => {
                None
            }
            Some(WriteOutcome::Done((_, text))) => Some(text.clone()),
            _ => None,
        })
    };

    // The buttons have no `type`: a row is never inside a form, where the
    // default (submit) would matter, and a thousand rows then make some
    // six thousand fewer attribute writes.
    view! {
        <div class="row-actions">
            // Activation, with its rules beside it, while it is the next step.
            {move || match state.get() {
                OrderState::NotActive => view! {
                    <button
                        class="primary"
                        disabled=busy
                        aria-describedby=offline_reason
                        on:click=move |_| send(Write::Activate)
                    >
                        {lang.text("action-activate")}
                    </button>
                }
                .into_any(),
                OrderState::Activating => view! {
                    <button disabled>
                        {lang.text("action-activating")}
                    </button>
                }
                .into_any(),
                _ => ().into_any(),
            }}
            <button
                disabled=move || busy() || block.with(Option::is_some)
                aria-describedby={
                    let reason_id = reason_id.clone();
                    move || offline_reason().or_else(|| block.with(Option::is_some).then(|| reason_id.clone()))
                }
                on:click=move |_| show(Open::Prolong)
            >
                {lang.text("action-prolong")}
            </button>
            <button disabled=busy aria-describedby=offline_reason on:click=move |_| show(Open::AddService)>
                {lang.text("action-add-service")}
            </button>
            <button class="danger" disabled=busy aria-describedby=offline_reason on:click=move |_| show(Open::Delete)>
                {lang.text("action-delete")}
            </button>
        </div>
        // Below the buttons, each only when there is something to say: why
        // prolonging is not possible, "Sending…" or what the last write did.
        {move || {
            let why = reason().map(|text| view! { <small class="prolong-why muted" id=reason_id.clone()>{text}</small> });
            let said = said().map(|text| view! { <p class="outcome">{text}</p> });
            (why.is_some() || said.is_some()).then_some((why, said))
        }}
        // A failed write's error (in its dialog while that is open), or the dialog.
        {move || match open.get() {
            Some(Open::Prolong) => view! {
                <ProlongDialog order pending=write.pending_signal() error=error() on_confirm=Callback::new(move |p| send(Write::Prolong(p))) on_close=close() />
            }
            .into_any(),
            Some(Open::Delete) => view! {
                <DeleteDialog order pending=write.pending_signal() error=error() on_confirm=Callback::new(move |()| send(Write::Delete)) on_close=close() />
            }
            .into_any(),
            Some(Open::AddService) => view! {
                <AddServiceDialog
                    order
                    pending=write.pending_signal()
                    error=error()
                    on_confirm=Callback::new(move |(code, name)| send(Write::AddService(code, name)))
                    on_close=close()
                />
            }
            .into_any(),
            None if write.with_outcome(|o| matches!(o, Some(WriteOutcome::Failed(_)))) => view! { <ErrorNotice error=error() /> }.into_any(),
            None => ().into_any(),
        }}
    }
}

fn done_text(i18n: I18n, w: &Write, order: &Order) -> String {
    match w {
        Write::Activate => i18n.t("outcome-activated").to_owned(),
        Write::Prolong(p) => {
            let until = order.until + chrono::Duration::days(i64::from(p.days()));
            i18n.fmt(
                "outcome-prolonged",
                &[("days", &p.days().to_string()), ("until", &clock::local(until))],
            )
        }
        Write::Delete => i18n.fmt(
            "outcome-deleted",
            &[("number", &order.display_number()), ("service", &order.service_name())],
        ),
        Write::AddService(_, name) => i18n.fmt("outcome-added", &[("service", name)]),
    }
}
