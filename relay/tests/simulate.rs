//! `--simulate`: the core crate's simulator behind the relay.

mod common;

use std::time::{Duration, Instant};

use common::*;

#[tokio::test]
async fn simulator_answers_getcountries() {
    let relay = relay(&["--simulate", "--seed", "7"]).await;
    let res = get(relay, "/api/rent.php?method=getcountries").await;
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("application/json"));
    let v: serde_json::Value = serde_json::from_slice(&res.bytes().await.unwrap()).unwrap();
    assert_eq!(v["status"], 1, "{v}");
    assert!(v["data"].as_array().is_some_and(|a| !a.is_empty()), "{v}");
}

#[tokio::test]
async fn control_surface_is_off_by_default() {
    let relay = relay(&["--simulate"]).await;
    let res = get(relay, "/_sim/reset").await;
    assert_eq!(res.status(), 404);
    assert_envelope(&res.bytes().await.unwrap());
}

#[tokio::test]
async fn control_surface_with_control_flag() {
    let relay = relay(&["--simulate", "--control"]).await;
    let res = get(relay, "/_sim/advance?secs=90").await;
    assert_eq!(res.status(), 200);
    let v: serde_json::Value = serde_json::from_slice(&res.bytes().await.unwrap()).unwrap();
    assert_eq!(v["status"], 1, "{v}");
    assert_eq!(v["offset"], 90, "{v}");
    let res = get(relay, "/_sim/time").await;
    let v: serde_json::Value = serde_json::from_slice(&res.bytes().await.unwrap()).unwrap();
    assert_eq!(v["offset"], 90, "the simulator keeps its state: {v}");
    // A wrong call is the simulator's own 400.
    assert_eq!(get(relay, "/_sim/nonsense").await.status(), 400);
}

#[tokio::test]
async fn fail_rate_one_fails_every_request() {
    let relay = relay(&["--simulate", "--fail-rate", "1"]).await;
    let res = get(relay, "/api/rent.php?method=getcountries").await;
    assert_eq!(res.status(), 502);
}

#[tokio::test]
async fn latency_is_applied() {
    let relay = relay(&["--simulate", "--latency-ms", "300"]).await;
    let started = Instant::now();
    let res = get(relay, "/api/rent.php?method=getcountries").await;
    assert_eq!(res.status(), 200);
    assert!(started.elapsed() >= Duration::from_millis(300));
}

#[tokio::test]
async fn simulator_under_a_sub_path() {
    let relay = relay(&["--simulate", "--control", "--base-path", "/smsrent/"]).await;
    let res = get(relay, "/smsrent/api/rent.php?method=getcountries").await;
    assert_eq!(res.status(), 200);
    assert_eq!(get(relay, "/api/rent.php?method=getcountries").await.status(), 404);
    assert_eq!(get(relay, "/smsrent/_sim/time").await.status(), 200);
    assert_eq!(get(relay, "/_sim/time").await.status(), 404);
}
