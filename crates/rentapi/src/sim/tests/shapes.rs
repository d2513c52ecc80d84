//! Every method's success shape: field names and JSON types as the page documents them.

use super::*;
use crate::sim::{DEMO_KEY, demo};

fn keys(v: &Value) -> Vec<&str> {
    v.as_object().unwrap().keys().map(String::as_str).collect()
}

/// Asserts `v` has exactly these fields (in any order).
fn fields(v: &Value, expected: &[&str]) {
    let mut got = keys(v);
    let mut want = expected.to_vec();
    got.sort_unstable();
    want.sort_unstable();
    assert_eq!(got, want, "{v}");
}

#[test]
fn getcountries_lists_names_and_codes() {
    let data = ok(&mut sim(), "method=getcountries");
    let list = data.as_array().unwrap();
    assert_eq!(list.len(), 10);
    fields(&list[0], &["name", "code"]);
    assert!(list.iter().any(|c| c["name"] == "Россия" && c["code"] == "RU"));
    assert!(list.iter().any(|c| c["name"] == "United Kingdom" && c["code"] == "UK"));
}

#[test]
fn getdata_rows() {
    let mut s = sim();
    let data = ok(&mut s, "method=getdata&country=RU&dtype=week&dcount=1");
    let airbnb = data.as_array().unwrap().iter().find(|r| r["service"] == "opt46").unwrap().clone();
    fields(&airbnb, &["name", "service", "price_day", "count"]);
    assert_eq!(
        (airbnb["name"].as_str(), airbnb["price_day"].as_i64(), airbnb["count"].as_i64()),
        (Some("Airbnb"), Some(6), Some(359))
    );
    // The page's own sample sends no period: one week.
    assert_eq!(ok(&mut s, "method=getdata&country=RU"), data);
    let month = ok(&mut s, "method=getdata&country=RU&dtype=month&dcount=1");
    let m = month.as_array().unwrap().iter().find(|r| r["service"] == "opt46").unwrap();
    assert!(m["price_day"].as_f64().unwrap() < 6.0, "month is cheaper per day");
}

#[test]
fn getdata_with_providers() {
    let data = ok(&mut sim(), "method=getdataWithProviders&country=RU&dtype=week&dcount=1");
    fields(&data, &["services", "totalAmount", "allOperators"]);
    assert_eq!(data["allOperators"], serde_json::json!(["MTS", "Beeline", "Megafon", "Tele2"]));
    let services = data["services"].as_array().unwrap();
    let cupis = services.iter().find(|s| s["service"] == "opt48").unwrap();
    fields(
        cupis,
        &[
            "name",
            "service",
            "price_day",
            "img",
            "procent_days",
            "procent",
            "day_step",
            "count",
            "totalCount",
        ],
    );
    assert_eq!(cupis["count"], serde_json::json!({"MTS": 12}));
    assert_eq!(cupis["totalCount"], 12);
    assert_eq!(cupis["img"], "images/ico/cupis_okcupid_winline.ico");
    let insta = services.iter().find(|s| s["service"] == "opt16").unwrap();
    assert_eq!(insta["img"], "images/ico/instagram.ico");
    let total: i64 = services.iter().map(|s| s["totalCount"].as_i64().unwrap()).sum();
    assert_eq!(data["totalAmount"], total);
}

#[test]
fn get_count_with_providers_matches_the_page_sample() {
    let data = ok(&mut sim(), "method=getCountWithProviders&country=AT&dtype=week&dcount=1");
    assert_eq!(
        data["opt48"],
        serde_json::json!({"Amount": {"Limbo_AT": 12, "Tele2_AT": 1, "yesss_AT": 69}, "Total": 82})
    );
    assert!(data.get("opt59").is_none(), "Avito is not sold in Austria");
}

#[test]
fn create_answers_the_new_order() {
    let mut s = sim();
    let o = rent(&mut s, "test1", "RU", "opt16");
    fields(&o, &["id", "pnumber", "ccode", "service", "until"]);
    assert!(o["id"].is_u64());
    assert_eq!((o["ccode"].as_str(), o["service"].as_str()), (Some("+7"), Some("opt16")));
    let pnumber = o["pnumber"].as_str().unwrap();
    assert!(pnumber.len() == 10 && pnumber.starts_with('9'));
    assert_eq!(o["until"], now(&s) + 7 * 86_400);
}

#[test]
fn create_multi_answers_one_order_per_service() {
    let mut s = sim();
    let data = ok(
        &mut s,
        "method=create_multi&apikey=test1&dtype=week&dcount=1&country=RU&services=opt6,opt7",
    );
    let list = data.as_array().unwrap();
    assert_eq!(list.len(), 2);
    for (o, service) in list.iter().zip(["opt6", "opt7"]) {
        fields(o, &["id", "pnumber", "ccode", "service", "until"]);
        assert_eq!(o["service"], service);
    }
}

#[test]
fn orders_rows() {
    let mut s = sim();
    let list = ok(&mut s, &format!("method=orders&apikey={DEMO_KEY}"));
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 7);
    let o = list.iter().find(|o| o["id"] == demo::INSTAGRAM_ACTIVE).unwrap();
    fields(
        o,
        &[
            "id",
            "scode",
            "sname",
            "state",
            "pnumber",
            "ccode",
            "cname",
            "hasnewsms",
            "until",
            "canprolong",
            "canprolongmax",
            "canprolonguntil",
            "lastonline",
        ],
    );
    assert_eq!(
        (o["scode"].as_str(), o["sname"].as_str(), o["state"].as_i64()),
        (Some("opt16"), Some("Instagram"), Some(1))
    );
    assert_eq!(
        (o["pnumber"].as_str(), o["ccode"].as_str(), o["cname"].as_str()),
        (Some("9096068511"), Some("+7"), Some("RU"))
    );
    assert_eq!((o["hasnewsms"].as_bool(), o["canprolong"].as_bool()), (Some(true), Some(false)));
    assert!(
        o["until"].is_i64()
            && o["canprolongmax"].is_i64()
            && o["canprolonguntil"].is_i64()
            && o["lastonline"].is_i64()
    );
    let states: Vec<i64> = list.iter().map(|o| o["state"].as_i64().unwrap()).collect();
    for state in [-1, 0, 1, 2] {
        assert!(states.contains(&state), "{states:?}");
    }
    let expiring = list.iter().find(|o| o["id"] == demo::GOOGLE_EXPIRING).unwrap();
    assert_eq!(expiring["canprolong"], true);
}

#[test]
fn add_service_to_order_answers_status_alone() {
    let mut s = sim();
    let q = format!(
        "method=add_service_to_order&apikey={DEMO_KEY}&id={}&service=opt89&pnumber=79096068511",
        demo::INSTAGRAM_ACTIVE
    );
    assert_eq!(call(&mut s, &q), serde_json::json!({"status": 1}));
}

#[test]
fn sms_lists_text_sender_date() {
    let mut s = sim();
    let data = ok(&mut s, &format!("method=sms&apikey={DEMO_KEY}&id={}", demo::INSTAGRAM_ACTIVE));
    let list = data.as_array().unwrap();
    assert_eq!(list.len(), 1);
    fields(&list[0], &["text", "sender", "date"]);
    assert_eq!(
        (list[0]["text"].as_str(), list[0]["sender"].as_str()),
        (Some("Code Instagram: 671 094."), Some("FACEBOOK"))
    );
    assert!(list[0]["date"].is_i64());
}

#[test]
fn prolong_activate_delete_answer_the_id() {
    let mut s = sim();
    let q = |m: &str, id: u64, extra: &str| format!("method={m}&apikey={DEMO_KEY}&id={id}{extra}");
    let data = ok(&mut s, &q("prolong", demo::GOOGLE_EXPIRING, "&dtype=week&dcount=1"));
    assert_eq!(data, serde_json::json!({"id": demo::GOOGLE_EXPIRING}));
    let data = ok(&mut s, &q("activate", demo::WHATSAPP_INACTIVE, ""));
    assert_eq!(data, serde_json::json!({"id": demo::WHATSAPP_INACTIVE}));
    let data = ok(&mut s, &q("delete", demo::AVITO_NOT_IN_SYSTEM, ""));
    assert_eq!(data, serde_json::json!({"id": demo::AVITO_NOT_IN_SYSTEM}));
}

#[test]
fn history_rows() {
    let data = ok(&mut sim(), &format!("method=get_rent_history&apikey={DEMO_KEY}&skip=0&take=5"));
    let row = &data.as_array().unwrap()[0];
    fields(
        row,
        &[
            "orderId",
            "resourceCode",
            "number",
            "branchId",
            "haveSms",
            "days",
            "country",
            "begin",
            "end",
            "closed",
        ],
    );
    assert_eq!(
        (row["orderId"].as_u64(), row["resourceCode"].as_str()),
        (Some(demo::ARCHIVE_RESTORABLE), Some("opt16"))
    );
    assert!(row["number"].as_str().unwrap().starts_with('7'), "number carries the country digits");
    assert!(row["branchId"].is_u64() && row["haveSms"].is_boolean() && row["days"].is_i64());
    assert_eq!(row["country"], "RU");
    assert!(row["begin"].is_i64() && row["end"].is_i64() && row["closed"].is_i64());
}

#[test]
fn restore_precalc_and_restore() {
    let mut s = sim();
    let id = demo::ARCHIVE_RESTORABLE;
    let data = ok(&mut s, &format!("method=restore_user_precalc&apikey={DEMO_KEY}&id={id}"));
    fields(
        &data,
        &["ccode", "scode", "price", "sname", "pnumber", "outdays", "orderid", "prolongTo"],
    );
    assert_eq!(
        (data["ccode"].as_str(), data["scode"].as_str(), data["sname"].as_str()),
        (Some("RU"), Some("opt16"), Some("Instagram"))
    );
    assert_eq!(
        (data["outdays"].as_i64(), data["orderid"].as_u64(), data["prolongTo"].as_i64()),
        (Some(2), Some(id), Some(30))
    );
    assert_eq!(data["price"].as_f64(), Some(192.0));
    assert!(data["pnumber"].as_str().unwrap().starts_with('7'));
    let v = call(&mut s, &format!("method=restore_user&apikey={DEMO_KEY}&id={id}"));
    assert_eq!(v, serde_json::json!({"status": 1, "data": true}));
}
