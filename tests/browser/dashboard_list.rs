//! Browser test: the list is keyed by order id with a signal per order, so
//! a poll that returns equal data causes no DOM mutation at all (live
//! countdowns aside), and a changed field touches only its own row.

use std::cell::RefCell;
use std::rc::Rc;

use crate::common::*;
use leptos::prelude::*;
use rentapi::OrderId;
use rentapi::model::OrderState;
use smsrent::screen::orders::{Filter, OrdersList};
use smsrent::store::orders::{OrdersStore, use_orders};
use smsrent::store::sms::{SmsStore, use_sms};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen_test::*;
use web_sys::{MutationObserver, MutationObserverInit, MutationRecord};

/// Records every mutation under `root` until dropped.
struct Recorder {
    observer: MutationObserver,
    seen: Rc<RefCell<Vec<MutationRecord>>>,
    _callback: Closure<dyn FnMut(js_sys::Array, MutationObserver)>,
}

impl Recorder {
    fn new(root: &web_sys::Element) -> Self {
        let seen = Rc::new(RefCell::new(Vec::new()));
        let sink = seen.clone();
        let callback = Closure::<dyn FnMut(js_sys::Array, MutationObserver)>::new(
            move |records: js_sys::Array, _| {
                sink.borrow_mut()
                    .extend(records.iter().map(|r| r.unchecked_into::<MutationRecord>()));
            },
        );
        let observer = MutationObserver::new(callback.as_ref().unchecked_ref()).unwrap();
        let init = MutationObserverInit::new();
        init.set_subtree(true);
        init.set_child_list(true);
        init.set_attributes(true);
        init.set_character_data(true);
        observer.observe_with_options(root, &init).unwrap();
        Self { observer, seen, _callback: callback }
    }

    /// The mutations so far, without the live countdowns (they tick by design).
    fn take(&self) -> Vec<MutationRecord> {
        let mut all = std::mem::take(&mut *self.seen.borrow_mut());
        all.extend(
            self.observer.take_records().iter().map(|r| r.unchecked_into::<MutationRecord>()),
        );
        all.into_iter().filter(|r| element_of(r).closest(".countdown").unwrap().is_none()).collect()
    }
}

fn element_of(record: &MutationRecord) -> web_sys::Element {
    let node = record.target().unwrap();
    match node.dyn_ref::<web_sys::Element>() {
        Some(el) => el.clone(),
        None => node.parent_element().unwrap(),
    }
}

async fn settle() {
    for _ in 0..3 {
        leptos::task::tick().await;
        sleep(50).await;
    }
}

#[wasm_bindgen_test]
async fn an_equal_poll_changes_nothing_and_a_change_only_its_row() {
    clear_storage();
    let stores: Rc<RefCell<Option<(OrdersStore, SmsStore)>>> = Rc::default();
    let out = stores.clone();
    let host = mount(move || {
        *out.borrow_mut() = Some((use_orders(), use_sms()));
        let filter = RwSignal::new(Filter::default());
        view! { <OrdersList filter /> }
    });
    let (orders, sms) = stores.borrow().unwrap();
    // The demo account's seven orders, and the SMS its flagged order got.
    let ready = wait_until(10_000, || {
        find_all(&host, "tr.order-row").len() == 7
            && sms.slot(OrderId(40300)).is_some_and(|s| s.bundle.is_some())
    })
    .await;
    assert!(ready, "demo data loaded: {}", text(&host));
    settle().await;
    assert!(
        find(&host, "tr[data-order-id='40300']")
            .unwrap()
            .parent_element()
            .unwrap()
            .class_list()
            .contains("has-new-sms")
    );

    let recorder = Recorder::new(&host);
    let same = orders.orders.get_untracked();
    orders.apply(same.clone());
    orders.polls.update(|n| *n += 1);
    settle().await;
    let changes = recorder.take();
    assert!(changes.is_empty(), "an equal poll mutated the DOM {} times", changes.len());

    // One order changes state: only its row is touched.
    let mut changed = same.clone();
    let whatsapp = changed.iter_mut().find(|o| o.id == OrderId(40301)).unwrap();
    whatsapp.state = OrderState::Active;
    orders.apply(changed);
    settle().await;
    let changes = recorder.take();
    assert!(!changes.is_empty());
    for record in &changes {
        let row = element_of(record).closest("tbody").unwrap().unwrap();
        assert_eq!(
            row.query_selector("tr.order-row")
                .unwrap()
                .unwrap()
                .get_attribute("data-order-id")
                .as_deref(),
            Some("40301"),
            "a mutation outside the changed row"
        );
    }
    let state = find(&host, "tr[data-order-id='40301'] .state").unwrap();
    assert_eq!(text(&state), "Active");
    host.remove();
}

#[wasm_bindgen_test]
async fn twelve_hundred_orders_render_filter_and_poll_quietly() {
    clear_storage();
    let stores: Rc<RefCell<Option<OrdersStore>>> = Rc::default();
    let out = stores.clone();
    let filter = RwSignal::new(Filter::default());
    let host = mount(move || {
        *out.borrow_mut() = Some(use_orders());
        view! { <OrdersList filter /> }
    });
    let orders = stores.borrow().unwrap();
    // Let the demo's own first poll land before replacing its list.
    assert!(wait_until(10_000, || orders.polls.get_untracked() > 0).await);
    let states = [
        OrderState::Active,
        OrderState::NotActive,
        OrderState::Activating,
        OrderState::NotInSystem,
        OrderState::Unknown(7),
    ];
    let many: Vec<_> = (0..1200u64)
        .map(|i| {
            let mut o = order(100_000 + i, states[i as usize % 5], (i % 60) as i64 + 1, i % 3 == 0);
            o.pnumber = format!("90{:08}", i);
            o
        })
        .collect();

    let started = smsrent::clock::now_ms();
    orders.apply(many.clone());
    settle().await;
    let render_ms = smsrent::clock::now_ms() - started;
    assert_eq!(find_all(&host, "tr.order-row").len(), 1200);

    let recorder = Recorder::new(&host);
    let started = smsrent::clock::now_ms();
    orders.apply(many.clone());
    settle().await;
    let equal_ms = smsrent::clock::now_ms() - started;
    assert!(recorder.take().is_empty(), "an equal poll of 1200 orders mutated the DOM");

    let started = smsrent::clock::now_ms();
    filter.update(|f| f.text = "9000001199".into());
    settle().await;
    let filter_ms = smsrent::clock::now_ms() - started;
    assert_eq!(find_all(&host, "tr.order-row").len(), 1);
    filter.set(Filter::default());
    settle().await;
    assert_eq!(find_all(&host, "tr.order-row").len(), 1200);
    leptos::logging::log!(
        "1200 orders: first render {render_ms} ms, equal poll {equal_ms} ms, filter {filter_ms} ms (each incl. ~150 ms of waits)"
    );
    assert!(render_ms < 15_000.0, "first render took {render_ms} ms");
    host.remove();
}
