//! What renting costs: `create`, `create_multi`, `prolong`, `add_service_to_order`.

use super::*;
use crate::sim::{DEMO_KEY, demo, msg};

fn count(s: &mut Simulator, country: &str, service: &str) -> i64 {
    let list = ok(s, &format!("method=getdata&country={country}"));
    list.as_array().unwrap().iter().find(|r| r["service"] == service).unwrap()["count"]
        .as_i64()
        .unwrap()
}

#[test]
fn create_charges_price_day_times_days_and_takes_a_number() {
    let mut s = sim();
    let left = count(&mut s, "RU", "opt16");
    rent(&mut s, "test1", "RU", "opt16"); // 6 a day × 7
    assert!((balance(&s, "test1") - 58.0).abs() < 1e-9);
    assert_eq!(count(&mut s, "RU", "opt16"), left - 1);
    // A month at 4.8 a day is 144: more than a fresh key has.
    assert_eq!(
        err(&mut s, "method=create&apikey=test2&dtype=month&dcount=1&country=RU&service=opt16"),
        msg::BALANCE
    );
}

#[test]
fn a_month_costs_the_discounted_day_price() {
    let mut s = sim();
    ctl(&mut s, "set_balance", "key=test1&amount=1000");
    let o = ok(&mut s, "method=create&apikey=test1&dtype=month&dcount=2&country=RU&service=opt16");
    assert!((balance(&s, "test1") - (1000.0 - 4.8 * 60.0)).abs() < 1e-9);
    assert_eq!(o["until"], now(&s) + 60 * 86_400);
}

#[test]
fn a_named_provider_is_used_and_deleting_returns_the_number() {
    let mut s = sim();
    let before =
        ok(&mut s, "method=getCountWithProviders&country=AT")["opt48"]["Amount"]["Tele2_AT"]
            .clone();
    assert_eq!(before, 1);
    let o = ok(
        &mut s,
        "method=create&apikey=test1&dtype=week&dcount=1&country=AT&service=opt48&provider=Tele2_AT",
    );
    let after = ok(&mut s, "method=getCountWithProviders&country=AT");
    assert!(after["opt48"]["Amount"].get("Tele2_AT").is_none(), "sold out now: {after}");
    assert_eq!(after["opt48"]["Total"], 81);
    assert_eq!(s.world.accounts["test1"].orders[&o["id"].as_u64().unwrap()].provider, "Tele2_AT");
    ok(&mut s, &format!("method=delete&apikey=test1&id={}", o["id"]));
    assert_eq!(ok(&mut s, "method=getCountWithProviders&country=AT")["opt48"]["Total"], 82);
    assert!(order(&mut s, "test1", o["id"].as_u64().unwrap()).is_none());
    let history = ok(&mut s, "method=get_rent_history&apikey=test1&skip=0&take=10");
    assert_eq!(history, serde_json::json!([]), "deleted orders vanish");
}

#[test]
fn create_multi_rents_one_number_and_charges_each_service() {
    let mut s = sim();
    let list = ok(
        &mut s,
        "method=create_multi&apikey=test1&dtype=week&dcount=1&country=RU&services=opt6,opt7",
    );
    let list = list.as_array().unwrap();
    assert_eq!(list[0]["pnumber"], list[1]["pnumber"]);
    assert_eq!(list[0]["until"], list[1]["until"]);
    assert_ne!(list[0]["id"], list[1]["id"]);
    // Yandex 3 + Viber 3.5 a day, for 7 days.
    assert!((balance(&s, "test1") - (100.0 - 6.5 * 7.0)).abs() < 1e-9);
    let orders = ok(&mut s, "method=orders&apikey=test1");
    assert_eq!(orders.as_array().unwrap().len(), 2);
}

#[test]
fn create_multi_refuses_all_when_the_sum_is_too_much() {
    let mut s = sim();
    let q = "method=create_multi&apikey=test1&dtype=week&dcount=1&country=RU&services=opt20,opt29";
    assert_eq!(err(&mut s, q), msg::BALANCE);
    assert_eq!(balance(&s, "test1"), 100.0);
    assert_eq!(ok(&mut s, "method=orders&apikey=test1"), serde_json::json!([]));
}

#[test]
fn prolong_only_in_the_last_seven_days() {
    let mut s = sim();
    let o = rent(&mut s, "test1", "RU", "opt16");
    let id = o["id"].as_u64().unwrap();
    let q = format!("method=prolong&apikey=test1&id={id}&dtype=week&dcount=1");
    assert_eq!(err(&mut s, &q), msg::PROLONG_WINDOW, "7 days left is not less than 7");
    assert_eq!(order(&mut s, "test1", id).unwrap()["canprolong"], false);
    advance(&mut s, 1);
    assert_eq!(order(&mut s, "test1", id).unwrap()["canprolong"], true);
    let before = balance(&s, "test1");
    ok(&mut s, &q);
    assert!((before - balance(&s, "test1") - 42.0).abs() < 1e-9);
    assert_eq!(
        order(&mut s, "test1", id).unwrap()["until"],
        o["until"].as_i64().unwrap() + 7 * 86_400
    );
}

#[test]
fn prolong_never_past_ninety_days_from_the_start() {
    let mut s = sim();
    ctl(&mut s, "set_balance", "key=test1&amount=10000");
    let o = ok(&mut s, "method=create&apikey=test1&dtype=week&dcount=12&country=RU&service=opt16");
    let id = o["id"].as_u64().unwrap();
    let row = order(&mut s, "test1", id).unwrap();
    assert_eq!(row["canprolongmax"], 6);
    assert_eq!(row["canprolonguntil"], now(&s) + 90 * 86_400);
    advance(&mut s, 80 * 86_400);
    assert_eq!(order(&mut s, "test1", id).unwrap()["canprolong"], true);
    let q = format!("method=prolong&apikey=test1&id={id}&dtype=week&dcount=1");
    assert_eq!(err(&mut s, &q), msg::MAX_PERIOD, "7 days > the 6 left under the cap");

    // The demo's expiring order: 28 of 90 days used, so 62 may still be added.
    let g = demo::GOOGLE_EXPIRING;
    let row = order(&mut s, DEMO_KEY, g);
    assert!(row.is_none(), "the demo order expired meanwhile");
    let mut s = sim();
    assert_eq!(order(&mut s, DEMO_KEY, g).unwrap()["canprolongmax"], 61);
    let q = format!("method=prolong&apikey={DEMO_KEY}&id={g}&dtype=week&dcount=9");
    assert_eq!(err(&mut s, &q), msg::MAX_PERIOD);
    let q = format!("method=prolong&apikey={DEMO_KEY}&id={g}&dtype=week&dcount=8");
    ok(&mut s, &q);
    let row = order(&mut s, DEMO_KEY, g).unwrap();
    assert_eq!(
        (row["canprolongmax"].as_i64(), row["canprolong"].as_bool()),
        (Some(5), Some(false))
    );
}

#[test]
fn add_service_puts_a_second_order_on_the_same_number() {
    let mut s = sim();
    let id = demo::INSTAGRAM_ACTIVE;
    let before = balance(&s, DEMO_KEY);
    let q = format!(
        "method=add_service_to_order&apikey={DEMO_KEY}&id={id}&service=opt2&pnumber=79096068511"
    );
    assert_eq!(call(&mut s, &q), serde_json::json!({"status": 1}));
    // Facebook at 4 a day for the 20 days the order has left.
    assert!((before - balance(&s, DEMO_KEY) - 80.0).abs() < 1e-9);
    let list = ok(&mut s, &format!("method=orders&apikey={DEMO_KEY}"));
    let added = list.as_array().unwrap().iter().find(|o| o["scode"] == "opt2").unwrap().clone();
    let base = order(&mut s, DEMO_KEY, id).unwrap();
    assert_eq!(
        (&added["pnumber"], &added["until"], &added["state"]),
        (&base["pnumber"], &base["until"], &Value::from(0))
    );
}
