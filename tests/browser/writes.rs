//! Browser test of the writes store, in demo mode (the simulator in the
//! page): every write is sent once however often it is asked for while it
//! is on its way, and a failed one, refused or unclear, is never sent again.
//! One mount and one simulator for all (a second mount's requests would
//! write the demo state the counters are read from), each write in turn.

use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;

use crate::common::*;
use futures::future::join;
use leptos::prelude::*;
use rentapi::model::Order;
use rentapi::sim::demo::{
    ARCHIVE_RESTORABLE, AVITO_NOT_IN_SYSTEM, GOOGLE_EXPIRING, INSTAGRAM_ACTIVE,
    TELEGRAM_ACTIVATING, TIKTOK_ACTIVE, WHATSAPP_INACTIVE,
};
use rentapi::sim::{SimConfig, Simulator};
use rentapi::{ApiError, CountryCode, ErrorKind, OrderId, Period, Request, ServiceCode};
use smsrent::store::checks::{Checks, use_checks};
use smsrent::store::orders::{OrdersStore, use_orders};
use smsrent::store::write_state::WriteState;
use smsrent::store::writes::{OrderWrites, Write, WriteOutcome, use_writes};
use wasm_bindgen_test::*;

/// A demo account whose next `create_multi` answer is lost (a 502 after it was done).
fn seed_demo() {
    let now = smsrent::clock::now();
    let mut sim = Simulator::new(SimConfig::demo(), now);
    sim.control("sabotage", "method=create_multi&kind=bad_gateway", now);
    let json = serde_json::to_string(&sim).unwrap();
    let storage = storage();
    storage.set_item("smsrent.demo.v1", &json).unwrap();
}

async fn stores() -> (OrderWrites, OrdersStore, Checks) {
    let slot = Rc::new(Cell::new(None));
    let put = slot.clone();
    mount(move || {
        put.set(Some((use_writes(), use_orders(), use_checks().expect("checks"))));
    });
    let (writes, orders, checks) = slot.get().expect("mounted");
    let loaded = wait_until(10_000, || orders.orders.with_untracked(|o| !o.is_empty())).await;
    assert!(loaded, "the demo's orders");
    (writes, orders, checks)
}

fn order(orders: OrdersStore, id: u64) -> Order {
    let found = orders.orders.with_untracked(|l| l.iter().find(|o| o.id.0 == id).cloned());
    found.unwrap_or_else(|| panic!("order {id}"))
}

/// Two calls at once: the first is sent, the second sends nothing. One
/// request of `method` in all; the first's outcome.
async fn twice<T: std::fmt::Debug>(
    method: &str,
    first: impl Future<Output = WriteOutcome<T>>,
    second: impl Future<Output = WriteOutcome<T>>,
) -> WriteOutcome<T> {
    let before = calls_of(method);
    let (a, b) = join(first, second).await;
    assert!(matches!(b, WriteOutcome::Ignored), "{method}: the second sends nothing: {b:?}");
    assert!(!matches!(a, WriteOutcome::Ignored), "{method}: the first is sent");
    assert_eq!(calls_of(method), before + 1, "{method}: one request");
    a
}

/// A failed write stays sent once: nothing goes again while the queue runs on.
async fn not_retried(method: &str, count: u64) {
    sleep(2_500).await;
    assert_eq!(calls_of(method), count, "{method}: not sent again");
}

fn rental(services: &[&str]) -> Request {
    let (country, period) = (CountryCode::new("RU"), Period::weeks(1));
    match services {
        [one] => {
            Request::Create { country, period, service: ServiceCode::new(*one), provider: None }
        }
        many => Request::CreateMulti {
            country,
            period,
            services: many.iter().map(|s| ServiceCode::new(*s)).collect(),
            provider: None,
        },
    }
}

#[wasm_bindgen_test]
async fn every_write_is_sent_once_and_never_again_after_failing() {
    clear_storage();
    seed_demo();
    let (writes, orders, checks) = stores().await;

    // A row's activation, double-clicked.
    let o = order(orders, WHATSAPP_INACTIVE);
    let done =
        twice("activate", writes.send(&o, Write::Activate), writes.send(&o, Write::Activate)).await;
    assert_eq!(done, WriteOutcome::Done(()));

    // A row's prolong while the batch's for the same number is out: the same write.
    let (o, week) = (order(orders, GOOGLE_EXPIRING), Period::weeks(1));
    let batch = writes.prolong(o.id, week, false);
    let done = twice("prolong", batch, writes.send(&o, Write::Prolong(week))).await;
    assert_eq!(done, WriteOutcome::Done(()));

    // Adding a service, double-clicked (whatever the provider says).
    let o = order(orders, TIKTOK_ACTIVE);
    let add = || Write::AddService(ServiceCode::new("opt29"), "WhatsApp".into());
    twice("add_service_to_order", writes.send(&o, add()), writes.send(&o, add())).await;

    // Deleting, double-clicked: gone from the list at once.
    let o = order(orders, AVITO_NOT_IN_SYSTEM);
    let done =
        twice("delete", writes.send(&o, Write::Delete), writes.send(&o, Write::Delete)).await;
    assert_eq!(done, WriteOutcome::Done(()));
    assert!(orders.orders.with_untracked(|l| l.iter().all(|x| x.id.0 != AVITO_NOT_IN_SYSTEM)));

    // "Activate now" after renting, double-clicked.
    let id = OrderId(TELEGRAM_ACTIVATING);
    twice("activate", writes.activate_rented(id), writes.activate_rented(id)).await;

    // Restoring, double-clicked.
    let id = OrderId(ARCHIVE_RESTORABLE);
    twice("restore_user", writes.restore(id), writes.restore(id)).await;

    // Renting, double-clicked.
    let rented =
        twice("create", writes.rent(rental(&["opt16"])), writes.rent(rental(&["opt16"]))).await;
    assert!(matches!(rented, WriteOutcome::Done(ref list) if list.len() == 1), "{rented:?}");

    // Refused (not in the prolong window): said, never sent again.
    let o = order(orders, INSTAGRAM_ACTIVE);
    let before = calls_of("prolong");
    let refused = writes.send(&o, Write::Prolong(week)).await;
    assert!(matches!(refused, WriteOutcome::Failed(_)), "{refused:?}");
    assert_eq!(calls_of("prolong"), before + 1);
    not_retried("prolong", before + 1).await;

    // A rental whose answer is lost: checked against the orders, never sent again.
    let before = calls_of("create_multi");
    let lost = writes.rent(rental(&["opt16", "opt29"])).await;
    assert!(matches!(lost, WriteOutcome::Unknown(_)), "{lost:?}");
    assert!(checks.checking() || !checks.told.with_untracked(Vec::is_empty), "being checked");
    assert_eq!(calls_of("create_multi"), before + 1);
    not_retried("create_multi", before + 1).await;
}

/// A screen's write state: pending from the click to the answer, a click
/// meanwhile starts nothing, and an ignored write leaves the last outcome.
#[wasm_bindgen_test]
async fn a_screens_write_state_keeps_what_to_say() {
    let refused = ApiError::new(ErrorKind::Rejected, "no");
    let write = WriteState::<u32>::new();
    let failed = WriteOutcome::Failed(refused.clone());
    write.run(async move {
        sleep(100).await;
        failed
    });
    assert!(write.pending_untracked(), "pending from the click");
    let second = Rc::new(Cell::new(false));
    let started = second.clone();
    write.run(async move {
        started.set(true);
        WriteOutcome::Done(1)
    });
    let answered = || wait_until(5_000, move || !write.pending_untracked());
    assert!(answered().await, "the answer ends pending");
    assert!(!second.get(), "a click while pending starts nothing");
    assert_eq!(untrack(|| write.error()), Some(refused.clone()));
    assert!(untrack(|| write.ended() && !write.done()));

    write.run(async { WriteOutcome::Ignored });
    assert!(answered().await);
    assert_eq!(untrack(|| write.error()), Some(refused), "the failure is still what to say");

    write.run(async { WriteOutcome::Done(7) });
    assert!(answered().await);
    assert!(untrack(|| write.done()) && untrack(|| write.error()).is_none());
    assert!(untrack(|| write.with_outcome(|o| o == Some(&WriteOutcome::Done(7)))));
    write.clear();
    assert!(!untrack(|| write.ended()), "cleared: nothing to say");
}
