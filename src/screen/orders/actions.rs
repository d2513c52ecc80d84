//! The actions of one order: activate, prolong, add a service, delete.
//! Each is one request per deliberate click: the buttons are disabled and
//! re-entry ignored while a write is in flight, writes are never retried,
//! and the outcome is said in words.

use leptos::prelude::*;
use rentapi::model::{Order, OrderState};
use rentapi::rules::ProlongBlock;
use rentapi::{ApiError, Period, ServiceCode};

use crate::api::use_api;
use crate::clock;
use crate::i18n::{I18n, use_i18n};
use crate::store::network::use_network;
use crate::store::orders::use_orders;
use crate::store::sms::use_sms;
use crate::ui::error::ErrorNotice;
use crate::ui::help::Help;

use super::Flash;
use super::dialogs::{AddServiceDialog, DeleteDialog};
use super::prolong::{ProlongDialog, prolong_block};
use super::row::{service_name, use_minute};

/// A write the user asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum Write {
    Activate,
    Prolong(Period),
    Delete,
    /// The service's code, and its name for the outcome.
    AddService(ServiceCode, String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    Prolong,
    Delete,
    AddService,
}

/// What the last write did, in words.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    Done(Write, String),
    Failed(ApiError),
}

#[component]
pub fn RowActions(#[prop(into)] order: Signal<Order>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let store = use_orders();
    let sms = use_sms();
    let minute = use_minute();
    let network = use_network();
    let flash = use_context::<Flash>();
    let id = order.with_untracked(|o| o.id);
    let state = Memo::new(move |_| order.with(|o| o.state));
    let block = Memo::new(move |_| {
        let now = minute.0.get();
        order.with(|o| prolong_block(o, now))
    });
    let open = RwSignal::new(None::<Open>);
    let outcome = RwSignal::new(None::<Outcome>);

    let action = Action::new_local(move |w: &Write| {
        let w = w.clone();
        let client = api.client_untracked();
        let order = order.get_untracked();
        async move {
            let result = match &w {
                Write::Activate => client.activate(order.id).await.map(drop),
                Write::Prolong(p) => client.prolong(order.id, *p).await.map(drop),
                Write::Delete => client.delete(order.id).await.map(drop),
                Write::AddService(code, _) => client.add_service(&order, code.clone()).await,
            };
            let result = result.map(|()| untrack(|| done_text(i18n, &w, &order)));
            if result.is_ok() {
                match &w {
                    // The row says "activating" until a poll says otherwise.
                    Write::Activate => store.set_state(order.id, OrderState::Activating),
                    Write::Delete => {
                        store.remove(order.id);
                        sms.forget(order.id);
                        if let (Some(flash), Ok(text)) = (flash, &result) {
                            flash.0.set(Some(text.clone()));
                        }
                    }
                    Write::Prolong(_) | Write::AddService(..) => {}
                }
                store.refresh_after_write();
            }
            (w, result)
        }
    });
    let pending = action.pending();
    let value = action.value();
    Effect::new(move |_| {
        let Some((w, result)) = value.get() else { return };
        match result {
            Ok(text) => {
                outcome.set(Some(Outcome::Done(w, text)));
                open.set(None);
            }
            Err(err) => outcome.set(Some(Outcome::Failed(err))),
        }
    });
    // "Activation requested…" has served its purpose once the number is active.
    Effect::new(move |_| {
        if state.get() == OrderState::Active
            && outcome.with_untracked(|o| matches!(o, Some(Outcome::Done(Write::Activate, _))))
        {
            outcome.set(None);
        }
    });

    // One request per deliberate action: a click while one is in flight is ignored.
    let send = Callback::new(move |w: Write| {
        if pending.get_untracked() {
            return;
        }
        outcome.set(None);
        action.dispatch(w);
    });
    let show = move |which: Open| {
        outcome.set(None);
        open.set(Some(which));
    };
    let close = Callback::new(move |()| open.set(None));
    let error = Signal::derive(move || match outcome.get() {
        Some(Outcome::Failed(e)) => Some(e),
        _ => None,
    });
    let reason_id = format!("prolong-why-{id}");
    let reason = move || {
        block.get().map(|b| match b {
            ProlongBlock::NotYet { opens_at } => {
                i18n.fmt("prolong-not-yet", &[("date", &clock::local(opens_at))])
            }
            other => i18n.t(other.message_key()).to_owned(),
        })
    };

    view! {
        <div class="row-actions">
            // Activation, with its rules beside it, while it is the next step.
            {move || match state.get() {
                OrderState::NotActive => view! {
                    <button
                        type="button"
                        class="primary"
                        disabled=move || pending.get() || network.blocked()
                        aria-describedby=network.described_by(None)
                        on:click=move |_| send.run(Write::Activate)
                    >
                        {move || i18n.t("action-activate")}
                    </button>
                    <Help label=Signal::derive(move || i18n.t("help-activate-label").to_owned()) keys=HELP_ACTIVATE />
                }
                .into_any(),
                OrderState::Activating => view! {
                    <button type="button" disabled>
                        {move || i18n.t("action-activating")}
                    </button>
                    <Help label=Signal::derive(move || i18n.t("help-activate-label").to_owned()) keys=HELP_ACTIVATE />
                }
                .into_any(),
                _ => ().into_any(),
            }}
            <button
                type="button"
                disabled=move || pending.get() || block.with(Option::is_some) || network.blocked()
                aria-describedby=network.described_by(Some(reason_id.clone()))
                on:click=move |_| show(Open::Prolong)
            >
                {move || i18n.t("action-prolong")}
            </button>
            <Help label=Signal::derive(move || i18n.t("help-prolong-label").to_owned()) keys=HELP_PROLONG />
            <button
                type="button"
                disabled=move || pending.get() || network.blocked()
                aria-describedby=network.described_by(None)
                on:click=move |_| show(Open::AddService)
            >
                {move || i18n.t("action-add-service")}
            </button>
            <button
                type="button"
                class="danger"
                disabled=move || pending.get() || network.blocked()
                aria-describedby=network.described_by(None)
                on:click=move |_| show(Open::Delete)
            >
                {move || i18n.t("action-delete")}
            </button>
        </div>
        <small class="prolong-why muted" id=reason_id>
            {reason}
        </small>
        <p class="outcome" role="status">
            {move || match outcome.get() {
                Some(Outcome::Done(_, text)) => Some(text),
                _ => None,
            }}
            {move || pending.get().then(|| i18n.t("action-sending"))}
        </p>
        {move || (open.get().is_none() && error.with(Option::is_some)).then(|| view! { <ErrorNotice error /> })}
        {move || match open.get() {
            Some(Open::Prolong) => view! {
                <ProlongDialog order pending=pending error on_confirm=Callback::new(move |p| send.run(Write::Prolong(p))) on_close=close />
            }
            .into_any(),
            Some(Open::Delete) => view! {
                <DeleteDialog order pending=pending error on_confirm=Callback::new(move |()| send.run(Write::Delete)) on_close=close />
            }
            .into_any(),
            Some(Open::AddService) => view! {
                <AddServiceDialog
                    order
                    pending=pending
                    error
                    on_confirm=Callback::new(move |(code, name)| send.run(Write::AddService(code, name)))
                    on_close=close
                />
            }
            .into_any(),
            None => ().into_any(),
        }}
    }
}

pub const HELP_ACTIVATE: &[&str] =
    &["help-activate-queue", "help-activate-window", "help-activate-first"];
pub const HELP_PROLONG: &[&str] =
    &["help-prolong-window", "help-prolong-max", "help-prolong-restore"];

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
            &[("number", &order.display_number()), ("service", &service_name(order))],
        ),
        Write::AddService(_, name) => i18n.fmt("outcome-added", &[("service", name)]),
    }
}
