//! Browser test of the whole dashboard in demo mode (the simulator in the
//! page): a new SMS is announced in the title and the row until seen, the
//! panel shows its code, seen state is kept in localStorage, and a double
//! click on Activate sends one request. A list never read is not called
//! empty. An unmounted app asks nothing more.

use std::cell::Cell;
use std::rc::Rc;

use crate::common::*;
use leptos::prelude::document;
use rentapi::transport::LocalFuture;
use rentapi::{RawResponse, TransportError};
use smsrent::api::Engine;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn new_sms_is_announced_until_seen_and_activate_sends_once() {
    clear_storage();
    let host = mount_app();

    // The seeded Instagram order has a new SMS: title and row say so.
    let announced = wait_until(10_000, || {
        document().title() == "(1) smsrent"
            && find(&host, "tr[data-order-id='40300']").is_some()
            && row_group(&host, 40300).class_list().contains("has-new-sms")
    })
    .await;
    assert!(announced, "title {:?}; {}", document().title(), text(&host));

    // Open its SMS: the code is one click away, and the SMS is now seen.
    let instagram = row_group(&host, 40300);
    let toggle = find(&instagram, "button.sms-toggle").unwrap();
    // Its name: the visible words, the number for screen readers in between.
    let name: String = text(&toggle).split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(name, "SMS of +7 9096068511 1 new");
    toggle.click();
    let code = wait_until(5000, || find(&instagram, "button.code-copy").is_some()).await;
    assert!(code, "{}", text(&instagram));
    let code = find(&instagram, "button.code-copy").unwrap();
    assert!(text(&code).contains("671094"));
    assert!(
        wait_until(3000, || document().title() == "smsrent").await,
        "title {:?}",
        document().title()
    );
    assert!(!row_group(&host, 40300).class_list().contains("has-new-sms"));
    let seen = storage_get("smsrent.seen.demo").unwrap_or_default();
    assert!(seen.contains("40300:"), "seen kept for a reload: {seen}");

    // Activate, clicked twice in a row: one request, the row says activating.
    let whatsapp = row_group(&host, 40301);
    let activate = button(&whatsapp, "Activate");
    let before = calls_of("activate");
    activate.click();
    activate.click();
    let done = wait_until(5000, || text(&whatsapp).contains("Activation requested")).await;
    assert!(done, "{}", text(&whatsapp));
    assert_eq!(calls_of("activate"), before + 1, "one click's worth of requests");
    let said = text(&find(&host, "[data-testid=announcer]").unwrap());
    assert!(said.contains("Activation requested"), "said to screen readers too: {said:?}");
    assert_eq!(text(&find(&whatsapp, ".state").unwrap()), "Activating");
    assert!(text(&whatsapp).contains("Activating…"));
    host.remove();
}

/// A code that came lately is one click away in its row: no panel to open.
/// Copying it counts as seeing the SMS; the open panel shows it instead.
#[wasm_bindgen_test]
async fn a_recent_code_is_copied_from_the_row() {
    clear_storage();
    let host = mount_app();
    // The demo's Instagram order got "Code Instagram: 671 094." moments ago.
    let ready = wait_until(10_000, || {
        find(&host, "tbody[data-order-id='40300'] button.code-copy.compact").is_some()
    })
    .await;
    assert!(ready, "{}", text(&host));
    let instagram = row_group(&host, 40300);
    let quick = find(&instagram, "button.code-copy.compact").unwrap();
    assert_eq!(text(&quick).split_whitespace().collect::<Vec<_>>().join(" "), "Copy code 671094");
    assert_eq!(find_all(&host, "button.code-copy").len(), 1, "only the order with a recent code");
    assert_eq!(document().title(), "(1) smsrent");

    quick.click();
    let seen = wait_until(3000, || document().title() == "smsrent").await;
    assert!(seen, "title {:?}", document().title());
    assert!(!row_group(&host, 40300).class_list().contains("has-new-sms"));
    assert!(find(&instagram, "span.badge").is_none(), "no \"1 new\" any more");
    assert!(find(&instagram, "button.code-copy.compact").is_some(), "still there to copy again");

    // The panel shows the code itself: one button for it, not two.
    find(&instagram, "button.sms-toggle").unwrap().click();
    let panel =
        wait_until(5000, || find(&instagram, ".sms-panel button.code-copy").is_some()).await;
    assert!(panel, "{}", text(&instagram));
    assert!(find(&instagram, "button.code-copy.compact").is_none());
    assert_eq!(find_all(&instagram, "button.code-copy").len(), 1);
    host.remove();
}

/// A demo whose every answer is the provider's refusal of the key.
struct Refusing;

impl Engine for Refusing {
    fn call(&self, _: String) -> LocalFuture<'static, Result<RawResponse, TransportError>> {
        let raw = RawResponse::new(200, "text/html", rentapi::sim::msg::BAD_KEY);
        Box::pin(async move { Ok(raw) })
    }

    fn reset(&self) {}
}

#[wasm_bindgen_test]
async fn a_list_never_read_is_not_called_empty() {
    clear_storage();
    let host = mount_app_on(|| Rc::new(Refusing));
    let told = wait_until(10_000, || {
        text(&host).contains("Your numbers will show here once they can be loaded.")
    })
    .await;
    assert!(told, "{}", text(&host));
    assert!(text(&host).contains("API key"), "the refusal is said: {}", text(&host));
    assert!(!text(&host).contains("No rented numbers yet."), "{}", text(&host));
    host.remove();
}

thread_local! {
    static CALLS: Cell<u32> = const { Cell::new(0) };
}

/// The demo, counting the requests that reach it.
struct Counting(Rc<dyn Engine>);

impl Engine for Counting {
    fn call(&self, query: String) -> LocalFuture<'static, Result<RawResponse, TransportError>> {
        CALLS.set(CALLS.get() + 1);
        self.0.call(query)
    }

    fn reset(&self) {
        self.0.reset();
    }
}

/// Every test here unmounts the last one's app before its own: that must
/// stop it, timers and polls included, or one test's app would go on
/// asking (and saving) during the next.
#[wasm_bindgen_test]
async fn an_unmounted_app_asks_nothing_more() {
    clear_storage();
    let storage = storage();
    storage.set_item(smsrent::store::keys::POLL_MS, "1000").unwrap();
    storage.set_item(smsrent::store::keys::MIN_GAP_MS, "100").unwrap();
    CALLS.set(0);
    let host = mount_app_on(|| Rc::new(Counting(in_page())));
    let first = wait_until(10_000, || CALLS.get() > 0).await;
    assert!(first, "no request: {}", text(&host));
    let asked = CALLS.get();
    assert!(wait_until(5_000, || CALLS.get() > asked).await, "it polls: {}", text(&host));

    unmount();
    assert!(!host.is_connected());
    sleep(1_000).await; // what was already queued may still go
    let gone = CALLS.get();
    sleep(3_500).await; // three polls' worth
    assert_eq!(CALLS.get(), gone, "asked after it was unmounted");
    clear_storage();
}
