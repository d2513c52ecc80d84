//! Many distinct keys: the per-key state stays bounded (idle accounts
//! evicted, counters capped) and a normal request costs what it did.

use std::time::{Duration, Instant};

use super::super::{MAX_ACCOUNTS, MAX_COUNTED_KEYS, MAX_NAMES};
use super::*;

/// Median time of 51 calls of `query`.
fn median_call(s: &mut Simulator, query: &str) -> Duration {
    let mut times: Vec<Duration> = (0..51)
        .map(|_| {
            let started = Instant::now();
            let r = s.handle(query, t0());
            assert_eq!(r.status, 200);
            started.elapsed()
        })
        .collect();
    times.sort();
    times[25]
}

#[test]
fn a_hundred_thousand_keys_stay_bounded() {
    let mut s = sim();
    let normal = "method=orders&apikey=demo";
    let before = median_call(&mut s, normal);
    let started = Instant::now();
    for i in 0..100_000u32 {
        let v = call(&mut s, &format!("method=orders&apikey=test{i}"));
        assert_eq!(v["status"], 1, "{v}");
        if i % 1000 == 0 {
            // The old simulator walked every account on every call: O(n²).
            assert!(started.elapsed() < Duration::from_secs(60), "{i} keys took a minute");
        }
    }
    assert!(s.world.accounts.len() <= MAX_ACCOUNTS + 2, "{} accounts", s.world.accounts.len());
    assert!(s.counters.keys.len() <= MAX_COUNTED_KEYS, "{} keys counted", s.counters.keys.len());
    assert!(s.world.accounts.contains_key("demo"), "the demo account stays");
    assert!(s.world.accounts.contains_key("test99999"), "the newest key stays");
    assert!(s.counters.of_key("test99999").is_some());
    let after = median_call(&mut s, normal);
    assert!(after <= before * 3 + Duration::from_micros(500), "{before:?} -> {after:?}");
}

#[test]
fn a_used_account_is_not_evicted() {
    let mut s = sim();
    ok(&mut s, "method=orders&apikey=testkeep");
    for i in 0..3 * MAX_ACCOUNTS {
        // Later calls happen later (simulated time); the kept key is used throughout.
        advance(&mut s, 1);
        call(&mut s, &format!("method=orders&apikey=test{i}"));
        if i % 100 == 0 {
            ok(&mut s, "method=orders&apikey=testkeep");
        }
    }
    assert!(s.world.accounts.contains_key("testkeep"));
    assert!(!s.world.accounts.contains_key("test0"), "an idle one went");
}

#[test]
fn counters_are_capped() {
    let mut s = sim();
    for i in 0..5_000 {
        s.handle(&format!("method=m{i}&apikey=test1"), t0());
        s.handle(&format!("method=sms&apikey=test1&id={i}"), t0());
    }
    assert!(s.counters.calls.len() <= MAX_NAMES + 1, "{}", s.counters.calls.len());
    let k = s.counters.of_key("test1").unwrap();
    assert!(k.calls.len() <= MAX_NAMES + 1);
    assert!(k.sms_by_order.len() <= MAX_NAMES + 1);
    assert!(k.min_gap_by_method_ms.len() <= MAX_NAMES + 1);
    assert_eq!(k.total, 10_000, "every call is still counted");
    assert_eq!(s.counters.total, 10_000);
}
