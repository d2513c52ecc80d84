//! The archive: paging, restoring, and every restore error.

use super::*;
use crate::sim::{DEMO_KEY, demo, msg};

fn history(s: &mut Simulator, skip: usize, take: usize) -> Vec<Value> {
    ok(s, &format!("method=get_rent_history&apikey={DEMO_KEY}&skip={skip}&take={take}"))
        .as_array()
        .unwrap()
        .clone()
}

fn precalc(s: &mut Simulator, id: u64) -> Value {
    call(s, &format!("method=restore_user_precalc&apikey={DEMO_KEY}&id={id}"))
}

#[test]
fn history_pages_newest_first() {
    let mut s = sim();
    let all = history(&mut s, 0, 100);
    assert_eq!(all.len(), demo::ARCHIVE_LEN);
    let closed: Vec<i64> = all.iter().map(|r| r["closed"].as_i64().unwrap()).collect();
    assert!(closed.windows(2).all(|w| w[0] >= w[1]), "{closed:?}");
    let pages: Vec<Value> = (0..3).flat_map(|p| history(&mut s, p * 10, 10)).collect();
    assert_eq!(pages, all);
    assert_eq!(history(&mut s, 20, 10).len(), 5);
    assert!(history(&mut s, 25, 10).is_empty());
    assert_eq!(history(&mut s, 0, 0).len(), 0);
    // Without skip/take: the first ten.
    assert_eq!(
        ok(&mut s, &format!("method=get_rent_history&apikey={DEMO_KEY}")).as_array().unwrap().len(),
        10
    );
    let no_country = all.iter().find(|r| r["orderId"] == demo::ARCHIVE_NO_COUNTRY).unwrap();
    assert!(no_country["country"].is_null());
    assert_eq!(
        ok(&mut s, "method=get_rent_history&apikey=test1&skip=0&take=10"),
        serde_json::json!([])
    );
}

#[test]
fn every_restore_error_is_reachable() {
    let mut s = sim();
    let cases = [
        (demo::ARCHIVE_NO_AVAIL_DAYS, msg::NOAVAILDAYS),
        (demo::OTHER_OWNER_ARCHIVED, msg::NOTOWNER),
        (demo::NOT_IN_ANY_ARCHIVE, msg::NOREMOTEDATA),
        (demo::ARCHIVE_NO_COUNTRY, msg::NOORDERCOUNTRY),
        (demo::INSTAGRAM_ACTIVE, msg::DATEDIFFINVERT),
        (demo::ARCHIVE_NO_SERVICE, msg::NOSERVICEDATA),
        (demo::ARCHIVE_TOO_EXPENSIVE, msg::NOBALANCE),
    ];
    for (id, expected) in cases {
        for m in ["restore_user_precalc", "restore_user"] {
            assert_eq!(
                err(&mut s, &format!("method={m}&apikey={DEMO_KEY}&id={id}")),
                expected,
                "{m} {id}"
            );
        }
    }
    // Another user's active order is not yours either; junk ids are in no archive.
    assert_eq!(
        err(
            &mut s,
            &format!("method=restore_user_precalc&apikey=test1&id={}", demo::INSTAGRAM_ACTIVE)
        ),
        msg::NOTOWNER
    );
    assert_eq!(
        err(&mut s, &format!("method=restore_user_precalc&apikey={DEMO_KEY}&id=abc")),
        msg::NOREMOTEDATA
    );
    assert_eq!(balance(&s, DEMO_KEY), 500.0, "failed restores charge nothing");
}

#[test]
fn restore_price_is_overdue_days_at_full_price_plus_thirty() {
    let mut s = sim();
    let id = demo::ARCHIVE_RESTORABLE; // Instagram in Russia, 6 a day, expired 2 days ago
    assert_eq!(precalc(&mut s, id)["data"]["price"], 192);
    advance(&mut s, 86_400 - 1);
    assert_eq!(precalc(&mut s, id)["data"]["outdays"], 2);
    advance(&mut s, 1);
    let q = precalc(&mut s, id);
    assert_eq!(
        (q["data"]["outdays"].as_i64(), q["data"]["price"].as_f64()),
        (Some(3), Some(198.0))
    );
    // A month-rate discount never applies: the week day price is used.
    let row = history(&mut s, 0, 100)
        .into_iter()
        .find(|r| r["orderId"] == demo::ARCHIVE_TOO_EXPENSIVE)
        .unwrap();
    ctl(&mut s, "set_balance", "key=demo&amount=100000");
    let q = precalc(&mut s, demo::ARCHIVE_TOO_EXPENSIVE)["data"].clone();
    let out = q["outdays"].as_i64().unwrap();
    assert_eq!(out, (now(&s) - row["end"].as_i64().unwrap()) / 86_400);
    let list = ok(
        &mut s,
        &format!("method=getdata&country={}&dtype=week&dcount=1", row["country"].as_str().unwrap()),
    );
    let day = list
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["service"] == row["resourceCode"])
        .unwrap()["price_day"]
        .as_f64()
        .unwrap();
    assert!((q["price"].as_f64().unwrap() - day * (out + 30) as f64).abs() < 1e-6);
}

#[test]
fn restore_brings_the_order_back_for_thirty_days() {
    let mut s = sim();
    let id = demo::ARCHIVE_RESTORABLE;
    let number = history(&mut s, 0, 1)[0]["number"].as_str().unwrap().to_owned();
    assert_eq!(
        call(&mut s, &format!("method=restore_user&apikey={DEMO_KEY}&id={id}")),
        serde_json::json!({"status": 1, "data": true})
    );
    assert_eq!(balance(&s, DEMO_KEY), 500.0 - 192.0);
    let o = order(&mut s, DEMO_KEY, id).unwrap();
    assert_eq!(
        (o["state"].as_i64(), o["until"].as_i64(), o["scode"].as_str()),
        (Some(0), Some(now(&s) + 30 * 86_400), Some("opt16"))
    );
    assert_eq!(format!("7{}", o["pnumber"].as_str().unwrap()), number);
    assert_eq!(history(&mut s, 0, 100).len(), demo::ARCHIVE_LEN - 1);
    assert_eq!(
        err(&mut s, &format!("method=restore_user&apikey={DEMO_KEY}&id={id}")),
        msg::DATEDIFFINVERT
    );
}
