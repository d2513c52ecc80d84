//! Journeys through the simulator, one file per concern; helpers here.

use chrono::{DateTime, TimeZone, Utc};
use serde_json::Value;

use super::{SimConfig, Simulator};

mod archive;
mod bounds;
mod errors;
mod lifecycle;
mod modes;
mod money;
mod shapes;

/// The fixed "real" time every test calls at; simulated time moves with `advance`.
pub(super) fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 12, 0, 0).unwrap()
}

pub(super) fn sim() -> Simulator {
    Simulator::new(SimConfig::test(), t0())
}

/// The JSON answer to `query`, asserting HTTP 200 JSON.
pub(super) fn call(sim: &mut Simulator, query: &str) -> Value {
    let r = sim.handle(query, t0());
    assert_eq!(r.status, 200, "{query}: {}", r.text());
    assert!(r.content_type.starts_with("application/json"), "{query}: {}", r.content_type);
    serde_json::from_slice(&r.body).unwrap_or_else(|e| panic!("{query}: {e}: {}", r.text()))
}

/// `data` of a successful answer.
pub(super) fn ok(sim: &mut Simulator, query: &str) -> Value {
    let v = call(sim, query);
    assert_eq!(v["status"], 1, "{query}: {v}");
    v["data"].clone()
}

/// `msg` of a failed answer.
pub(super) fn err(sim: &mut Simulator, query: &str) -> String {
    let v = call(sim, query);
    assert_eq!(v["status"], 0, "{query}: {v}");
    v["msg"].as_str().unwrap_or_else(|| panic!("{query}: {v}")).to_owned()
}

/// A control action's JSON answer, asserting success.
pub(super) fn ctl(sim: &mut Simulator, action: &str, query: &str) -> Value {
    let r = sim.control(action, query, t0());
    let v: Value = serde_json::from_slice(&r.body).unwrap();
    assert_eq!((r.status, &v["status"]), (200, &Value::from(1)), "{action}?{query}: {v}");
    v
}

pub(super) fn advance(sim: &mut Simulator, secs: i64) {
    ctl(sim, "advance", &format!("secs={secs}"));
}

pub(super) fn now(sim: &Simulator) -> i64 {
    sim.sim_now(t0()).timestamp()
}

/// The order `id` in `key`'s `orders` list.
pub(super) fn order(sim: &mut Simulator, key: &str, id: u64) -> Option<Value> {
    let list = ok(sim, &format!("method=orders&apikey={key}"));
    list.as_array().unwrap().iter().find(|o| o["id"] == id).cloned()
}

pub(super) fn balance(sim: &Simulator, key: &str) -> f64 {
    sim.balance(key).unwrap()
}

/// Rents `service` in `country` for `key` and gives back the new order.
pub(super) fn rent(sim: &mut Simulator, key: &str, country: &str, service: &str) -> Value {
    ok(
        sim,
        &format!(
            "method=create&apikey={key}&dtype=week&dcount=1&country={country}&service={service}"
        ),
    )
}
