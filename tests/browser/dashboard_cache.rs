//! Browser test of the orders cache in demo mode (the whole app): an equal poll leaves localStorage alone, a changed list is
//! written for the next start.

use crate::common::*;
use rentapi::sim::{SimConfig, Simulator};
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn the_cache_is_rewritten_when_the_list_changed_not_on_every_poll() {
    clear_storage();
    // The demo's simulator, without its drift: otherwise an answer may
    // differ from the last by an optional field, a change like any other.
    let mut plain = Simulator::new(SimConfig { drift: false, ..SimConfig::demo() }, now());
    // Its new SMS already read: the app reads a flagged order's SMS after
    // every poll, and a flag cleared by that read would make the next list
    // differ, a change like any other.
    let orders = plain.handle(&format!("method=orders&apikey={}", rentapi::sim::DEMO_KEY), now());
    let orders: serde_json::Value = serde_json::from_slice(&orders.body).unwrap();
    for o in orders["data"].as_array().unwrap() {
        plain
            .handle(&format!("method=sms&apikey={}&id={}", rentapi::sim::DEMO_KEY, o["id"]), now());
    }
    let storage = storage();
    storage.set_item("smsrent.demo.v1", &serde_json::to_string(&plain).unwrap()).unwrap();
    let host = mount_app();
    const CACHE: &str = "smsrent.orders.demo";
    assert!(wait_until(10_000, || storage_get(CACHE).is_some()).await, "the first list is cached");
    let first = storage_get(CACHE).unwrap();
    storage.set_item(CACHE, "sentinel").unwrap();

    // A refresh that brings the same list leaves the cache as it was.
    // Counted at the simulator: "Refreshing…" may last a few ms only, when
    // the queue's gap has passed by the time of the click.
    let refresh = find(&host, "button.refresh").unwrap();
    let asked = calls_of("orders");
    refresh.click();
    assert!(wait_until(3000, || calls_of("orders") > asked).await, "the refresh was sent");
    assert!(wait_until(10_000, || text(&refresh) == "Refresh").await, "{}", text(&refresh));
    sleep(300).await; // past the paint after which a write would happen
    assert_eq!(
        storage_get(CACHE).as_deref(),
        Some("sentinel"),
        "an equal list is not written again; the first: {first}"
    );

    // A list that changed (an order now activating) is.
    button(&row_group(&host, 40301), "Activate").click();
    let rewritten =
        wait_until(10_000, || storage_get(CACHE).is_some_and(|c| c != "sentinel")).await;
    assert!(rewritten, "a changed list is cached");
    assert!(storage_get(CACHE).unwrap().contains("\"id\":40301"));
    host.remove();
}
