//! Every write the user can make, one method each: a row's activate,
//! prolong, delete and add a service ([`OrderWrites::send`]), one number of
//! a batch prolonged, a just-rented number activated, a rental, a restore.
//! Each goes the one way ([`OrderWrites::once`]): one request per
//! deliberate action (a write in flight for the same order ignores another;
//! nothing is retried), the orders noted before it should its answer be
//! lost (then `store::checks` reads them and says what happened), and the
//! follow-up here, once. Screens keep only what is pending and what to say.

use std::future::Future;

use leptos::prelude::*;
use rentapi::model::{NewOrder, Order, OrderState, RestoreQuote};
use rentapi::outcome::Intent;
use rentapi::schedule::Priority;
use rentapi::{ApiError, OrderId, Period, Request, ServiceCode};

use crate::api::Api;
use crate::store::checks::Checks;
use crate::store::guard::InFlight;
use crate::store::orders::OrdersStore;
use crate::store::sms::SmsStore;

/// A write the user asked for on one of their orders.
#[derive(Debug, Clone, PartialEq)]
pub enum Write {
    Activate,
    Prolong(Period),
    Delete,
    /// The service's code, and its name for the outcome.
    AddService(ServiceCode, String),
}

impl Write {
    /// What the write means to do, for checking it when its outcome is unknown.
    fn intent(&self, id: OrderId) -> Intent {
        match self {
            Write::Activate => Intent::Activate { id },
            Write::Prolong(_) => Intent::Prolong { id },
            Write::Delete => Intent::Delete { id },
            Write::AddService(service, _) => Intent::AddService { id, service: service.clone() },
        }
    }
}

/// How a write ended.
#[derive(Debug, Clone, PartialEq)]
pub enum WriteOutcome<T = ()> {
    /// Done; the store has followed up.
    Done(T),
    /// It did not happen: the reason, to say.
    Failed(ApiError),
    /// No clear answer: it may have happened. The checks store reads the
    /// orders and says; it must not be sent again blindly.
    Unknown(ApiError),
    /// A write for the same order was on its way: nothing was sent.
    Ignored,
}

impl<T> WriteOutcome<T> {
    /// A sent write's outcome, from its answer.
    pub fn of(result: Result<T, ApiError>) -> Self {
        match result {
            Ok(value) => WriteOutcome::Done(value),
            Err(err) if err.kind.outcome_unknown() => WriteOutcome::Unknown(err),
            Err(err) => WriteOutcome::Failed(err),
        }
    }

    /// The same outcome with what a done write gave turned by `f`.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> WriteOutcome<U> {
        match self {
            WriteOutcome::Done(value) => WriteOutcome::Done(f(value)),
            WriteOutcome::Failed(err) => WriteOutcome::Failed(err),
            WriteOutcome::Unknown(err) => WriteOutcome::Unknown(err),
            WriteOutcome::Ignored => WriteOutcome::Ignored,
        }
    }

    pub fn is_done(&self) -> bool {
        matches!(self, WriteOutcome::Done(_))
    }
}

/// What a write is for: one at a time for each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Target {
    Order(OrderId),
    /// An expired rental, by its archive id.
    Archived(OrderId),
    /// The wizard's rental.
    Rental,
}

#[derive(Clone, Copy)]
pub struct OrderWrites {
    in_flight: StoredValue<InFlight<Target>, LocalStorage>,
    api: Api,
    orders: OrdersStore,
    sms: SmsStore,
    checks: Checks,
}

impl OrderWrites {
    pub fn provide(api: Api, orders: OrdersStore, sms: SmsStore, checks: Checks) -> Self {
        let in_flight = StoredValue::new_local(InFlight::default());
        let me = Self { in_flight, api, orders, sms, checks };
        provide_context(me);
        me
    }

    /// A row's write on `order`. Done, the row shows the new state at once
    /// (activating, gone), the SMS a code may come by are awaited, and the
    /// orders are read again.
    pub async fn send(self, order: &Order, w: Write) -> WriteOutcome {
        let id = order.id;
        let outcome = match &w {
            Write::Prolong(period) => self.prolong(id, *period, false).await,
            Write::Activate => self.once(Target::Order(id), w.intent(id), self.activate(id)).await,
            Write::Delete => {
                let client = self.api.client_untracked();
                let request = async move { client.delete(id).await.map(drop) };
                self.once(Target::Order(id), w.intent(id), request).await
            }
            Write::AddService(code, _) => {
                let (client, code) = (self.api.client_untracked(), code.clone());
                let request = async move { client.add_service(order, code).await };
                self.once(Target::Order(id), w.intent(id), request).await
            }
        };
        if outcome.is_done() {
            match w {
                // "Activating" until a poll says otherwise; a code is likely soon.
                Write::Activate => {
                    self.orders.set_state(id, OrderState::Activating);
                    self.sms.watch(id, Priority::Background, false);
                }
                Write::Delete => {
                    self.orders.remove(id);
                    self.sms.forget(id);
                }
                Write::AddService(..) => self.sms.watch(id, Priority::Background, false),
                Write::Prolong(_) => {}
            }
            self.orders.refresh_after_write();
        }
        outcome
    }

    /// One prolongation: a row's (`refresh`: the orders are read after it),
    /// or one number of a batch (which reads them once at its end).
    pub async fn prolong(self, id: OrderId, period: Period, refresh: bool) -> WriteOutcome {
        let client = self.api.client_untracked();
        let request = async move { client.prolong(id, period).await.map(drop) };
        let outcome = self.once(Target::Order(id), Intent::Prolong { id }, request).await;
        if refresh && outcome.is_done() {
            self.orders.refresh_after_write();
        }
        outcome
    }

    /// Activates a number the wizard just rented (its SMS are already awaited).
    pub async fn activate_rented(self, id: OrderId) -> WriteOutcome {
        let outcome =
            self.once(Target::Order(id), Intent::Activate { id }, self.activate(id)).await;
        if outcome.is_done() {
            self.orders.refresh_after_write();
        }
        outcome
    }

    /// Restores an expired rental (`archived`: its id in the archive).
    pub async fn restore(self, archived: OrderId) -> WriteOutcome {
        let client = self.api.client_untracked();
        let request = async move { client.restore(archived).await };
        let intent = Intent::Restore { archived };
        let outcome = self.once(Target::Archived(archived), intent, request).await;
        if outcome.is_done() {
            self.orders.refresh_after_write();
        }
        outcome
    }

    /// What restoring an expired rental would cost (`restore_user_precalc`),
    /// asked before the one confirmation that sends it.
    pub async fn restore_quote(self, archived: OrderId) -> Result<RestoreQuote, ApiError> {
        self.api.client_untracked().restore_precalc(archived, Priority::User).await
    }

    /// Rents what `req` (a `create` or `create_multi`) says; done, the new
    /// numbers' codes are awaited.
    pub async fn rent(self, req: Request) -> WriteOutcome<Vec<NewOrder>> {
        let client = self.api.client_untracked();
        let request = async move {
            // Whatever the answer leaves out (service, until) comes from the request.
            let mut list = client.call::<Vec<NewOrder>>(&req, Priority::User).await?;
            NewOrder::fill(&mut list, &req, crate::clock::now());
            Ok(list)
        };
        let outcome = self.once(Target::Rental, Intent::Rent, request).await;
        if let WriteOutcome::Done(list) = &outcome {
            for o in list {
                self.sms.watch(o.id, Priority::Background, true);
            }
            self.orders.refresh_after_write();
        }
        outcome
    }

    fn activate(self, id: OrderId) -> impl Future<Output = Result<(), ApiError>> {
        let client = self.api.client_untracked();
        async move { client.activate(id).await.map(drop) }
    }

    /// The one way of every write: sent once, unless one for `target` is on
    /// its way; the orders noted first, and checked if the answer is lost.
    async fn once<T>(
        self,
        target: Target,
        intent: Intent,
        request: impl Future<Output = Result<T, ApiError>>,
    ) -> WriteOutcome<T> {
        let Some(claim) = self.in_flight.with_value(|f| f.claim(target)) else {
            return WriteOutcome::Ignored;
        };
        let before = self.checks.snapshot();
        let outcome = WriteOutcome::of(request.await);
        drop(claim);
        if matches!(outcome, WriteOutcome::Unknown(_)) {
            self.checks.begin(intent, before);
        }
        outcome
    }
}

pub fn use_writes() -> OrderWrites {
    expect_context()
}
