//! Every documented sample of the provider's page, and every "known drift"
//! variant of rent-api.md, decodes to the same typed value.

use std::collections::BTreeMap;

use rentapi::decode::{FromData, decode};
use rentapi::model::*;
use rentapi::{ErrorKind, Method, OrderId, RawResponse, RestoreCode, ServiceCode};

/// The page annotates its samples with `//` comments; the wire has none.
fn strip_comments(sample: &str) -> String {
    sample.lines().map(|l| l.split(" //").next().unwrap_or(l)).collect::<Vec<_>>().join("\n")
}

fn ok<T: FromData>(method: Method, body: &str) -> T {
    let raw = RawResponse::json(strip_comments(body));
    decode(method, &raw).unwrap_or_else(|e| panic!("{method:?} failed: {e}\n{body}"))
}

/// A list answer whose every row reads.
fn list<T>(method: Method, body: &str) -> Vec<T>
where
    Rows<T>: FromData,
{
    let rows: Rows<T> = ok(method, body);
    assert!(rows.skipped.is_empty(), "{method:?} skipped {:?}", rows.skipped);
    rows.rows
}

fn err(method: Method, raw: RawResponse) -> rentapi::ApiError {
    decode::<Rows<Order>>(method, &raw).expect_err("should fail")
}

const ORDERS: &str = r#"{
  "status": 1,
  "data": [
    {
      "id": 40300,              // ID of order
      "scode": "opt16",         // service code
      "sname": "Instagram",     // service name
      "state": 0,               // state of number
      "pnumber": "9096068511",  // phone number without country code
      "ccode": "+7",            // digital country code
      "cname": "RU",            // country code
      "hasnewsms": false,       // flag of new SMS
      "until": 1587552240,      // UNIX timestamp of expire date
      "canprolong": true,       // flag of availablity of prolongation
      "canprolongmax": 162,     // max days for prolongation
      "canprolonguntil": 1634883780, // Unix timestamp for max prolongation (the page forgets this comma)
      "lastonline": 1586947920  // Unix timestamp of last online date of number
    }
  ]
}"#;

const ORDERS_DRIFT: &str = r#"{"status":"1","data":[{"id":"40300","scode":"opt16","sname":"Instagram",
  "state":"0","pnumber":9096068511,"ccode":"+7","cname":"RU","hasnewsms":"0","until":"1587552240",
  "canprolong":"1","canprolongmax":"162","canprolonguntil":"1634883780","lastonline":"1586947920",
  "provider":"MTS","somethingNew":{"x":1}}]}"#;

#[test]
fn orders_sample_and_drift_agree() {
    let plain: Vec<Order> = list(Method::Orders, ORDERS);
    let drift: Vec<Order> = list(Method::Orders, ORDERS_DRIFT);
    let o = &plain[0];
    assert_eq!(o.id, OrderId(40300));
    assert_eq!(o.state, OrderState::NotActive);
    assert_eq!(o.until.timestamp(), 1587552240);
    assert_eq!(o.canprolonguntil.unwrap().timestamp(), 1634883780);
    assert_eq!(o.display_number(), "+7 9096068511");
    assert_eq!(o.api_number(), "79096068511");
    assert_eq!((o.dial_code.as_str(), o.country.as_str()), ("+7", "RU"));
    assert_eq!(drift[0].provider.as_deref(), Some("MTS"));
    assert_eq!(Order { provider: None, ..drift[0].clone() }, *o);
}

/// The list read straight from the text (no tree of values) takes every
/// shape a list may come in, and agrees with the tree-based reading.
#[test]
fn orders_as_rows_keyed_by_id_or_bare_and_both_readings_agree() {
    let plain: Vec<Order> = list(Method::Orders, ORDERS);
    let row = strip_comments(ORDERS);
    let row = &row[row.find("{\n      \"id\"").unwrap()..row.rfind(']').unwrap()].trim_end();
    let keyed: Vec<Order> =
        list(Method::Orders, &format!(r#"{{"status":1,"data":{{"40300":{row}}}}}"#));
    assert_eq!(keyed, plain);
    let bare: Vec<Order> = list(Method::Orders, &format!("  [{row}]  "));
    assert_eq!(bare, plain);
    let value: serde_json::Value = serde_json::from_str(&strip_comments(ORDERS)).unwrap();
    let via_tree = Rows::<Order>::from_data(value["data"].clone()).unwrap();
    assert_eq!(via_tree.rows, plain);
    let e = err(Method::Orders, RawResponse::json(r#"{"status":1,"data":5}"#));
    assert_eq!(e.kind, ErrorKind::BadShape);
}

#[test]
fn unknown_and_odd_states_are_kept() {
    let body = ORDERS_DRIFT.replace(r#""state":"0""#, r#""state":7"#);
    let orders: Vec<Order> = list(Method::Orders, &body);
    assert_eq!(orders[0].state, OrderState::Unknown(7));
    let body = ORDERS_DRIFT.replace(r#""state":"0""#, r#""state":"-1""#);
    let orders: Vec<Order> = list(Method::Orders, &body);
    assert_eq!(orders[0].state, OrderState::NotInSystem);
}

#[test]
fn empty_accounts() {
    for body in [r#"{"status":1,"data":[]}"#, r#"{"status":1,"data":null}"#, r#"{"status":1}"#] {
        let orders: Vec<Order> = list(Method::Orders, body);
        assert!(orders.is_empty(), "{body}");
    }
}

#[test]
fn countries_even_under_status_zero() {
    let sample = r#"{"status": 1, "data": [{"name": "Россия", "code": "RU"}]}"#;
    let drift = r#"{"status": 0, "data": [{"name": "Россия", "code": "RU"}]}"#;
    let a: Vec<Country> = list(Method::GetCountries, sample);
    let b: Vec<Country> = list(Method::GetCountries, drift);
    assert_eq!(a, b);
    assert_eq!(a[0].name, "Россия");
    // Read from a parsed value (a small answer), a list has the long lists'
    // shapes: rows keyed by id, null for none, anything else refused.
    let keyed: Vec<Country> = list(
        Method::GetCountries,
        r#"{"status": 1, "data": {"1": {"name": "Россия", "code": "RU"}}}"#,
    );
    assert_eq!(keyed, a);
    let none: Vec<Country> = list(Method::GetCountries, r#"{"status": 1, "data": null}"#);
    assert!(none.is_empty());
    for data in [r#""RU""#, "5", "true"] {
        let raw = RawResponse::json(format!(r#"{{"status": 1, "data": {data}}}"#));
        let e = decode::<Rows<Country>>(Method::GetCountries, &raw).expect_err(data);
        assert_eq!(e.kind, ErrorKind::BadShape, "{data}");
    }
    // A user's own data under status 0 is an error, not data.
    let raw = RawResponse::json(r#"{"status":0,"msg":"order not found","data":[]}"#);
    assert_eq!(err(Method::Orders, raw).kind, ErrorKind::OrderNotFound);
}

#[test]
fn getdata_bare_or_wrapped() {
    let sample = r#"{"status": 1, "data": [{"name": "Airbnb", "service": "opt46", "price_day": 6, "count": 359}]}"#;
    let drift = r#"{"status": "1", "data": {"services": [{"name": "Airbnb", "service": "opt46", "price_day": "6.0", "count": "359"}]}}"#;
    let a: Vec<ServicePrice> = list(Method::GetData, sample);
    let b: Vec<ServicePrice> = list(Method::GetData, drift);
    assert_eq!(a, b);
    assert_eq!(a[0].price_day, 6.0);
    let half: Vec<ServicePrice> = list(Method::GetData, &drift.replace(r#""6.0""#, r#""6.5""#));
    assert_eq!(half[0].price_day, 6.5);
}

#[test]
fn services_with_providers() {
    let sample = r#"{
    "status": 1,
    "data": {
        "services": [
            {
                "name": "1cupis & okcupid & winline",
                "service": "opt48",
                "price_day": 5,
                "img": "images\/ico\/cupis_okcupid_winline.ico",
                "procent_days": 0,
                "procent": 0,
                "day_step": 0,
                "count": {"MTS": 12},
                "totalCount": 12
            }
        ],
        "totalAmount": 1735,
        "allOperators": ["MTS"]
    }
}"#;
    let s: ServicesWithProviders = ok(Method::GetDataWithProviders, sample);
    assert_eq!(s.total_amount, 1735);
    assert_eq!(s.all_operators, ["MTS"]);
    let svc = &s.services[0];
    assert_eq!(svc.img.as_deref(), Some("images/ico/cupis_okcupid_winline.ico"));
    assert_eq!(svc.count, BTreeMap::from([("MTS".to_string(), 12)]));
    assert_eq!(svc.total_count, 12);
    let drift = sample
        .replace("\"price_day\": 5", "\"price_day\": \"5\"")
        .replace("{\"MTS\": 12}", "{\"MTS\": \"12\"}");
    assert_eq!(ok::<ServicesWithProviders>(Method::GetDataWithProviders, &drift), s);
}

#[test]
fn count_with_providers() {
    let sample = r#"{"status": 1, "data": {"opt48": {"Amount": {"Limbo_AT": 12, "Tele2_AT": 1, "yesss_AT": 69}, "Total": 82}}}"#;
    let m: Rows<(ServiceCode, Availability)> = ok(Method::GetCountWithProviders, sample);
    let m: BTreeMap<_, _> = m.rows.into_iter().collect();
    let a = &m[&ServiceCode::new("opt48")];
    assert_eq!(a.total, 82);
    assert_eq!(a.amount["yesss_AT"], 69);
}

const CREATE: &str = r#"{
  "status": 1,
  "data": {
    "id": 40370,             // ID of order
    "pnumber": "9096037108", // phone number without country code
    "ccode": "+7",           // digital country code
    "service": "opt6",       // service code
    "until": 1587633960      // UNIX timestamp of expire date
  }
}"#;

#[test]
fn create_object_or_one_element_array() {
    let a: Vec<NewOrder> = ok(Method::Create, CREATE);
    let drift = r#"{"status":"1","data":[{"id":"40370","pnumber":"9096037108","ccode":"+7","service":"opt6","until":"1587633960"}]}"#;
    let b: Vec<NewOrder> = ok(Method::Create, drift);
    assert_eq!(a, b);
    assert_eq!(a[0].id, OrderId(40370));
    assert_eq!(a[0].until.unwrap().timestamp(), 1587633960);
}

#[test]
fn create_multi_same_number() {
    let sample = r#"{
  "status": 1,
  "data": [{
    "id": 40370, "pnumber": "9096037108", "ccode": "+7", "service": "opt6", "until": 1587633960
  },{
    "id": 40371, "pnumber": "9096037108", "ccode": "+7", "service": "opt7", "until": 1587633960
  }]
}"#;
    let v: Vec<NewOrder> = ok(Method::CreateMulti, sample);
    assert_eq!(v.len(), 2);
    assert_eq!(v[0].pnumber, v[1].pnumber);
    assert_eq!(v[1].service, Some(ServiceCode::new("opt7")));
}

#[test]
fn sms_bare_or_split_by_service() {
    let sample = r#"{
  "status": 1,
  "data": [
    {
      "text": "Code Instagram: 671 094.", // text of SMS
      "sender": "FACEBOOK", // sender of the SMS
      "date": 1586948100 // Unix timestamp of receiving date
    }
  ]
}"#;
    let a: SmsBundle = ok(Method::Sms, sample);
    assert_eq!(a.own.len(), 1);
    assert!(a.other.is_empty());
    assert_eq!(a.own[0].date.unwrap().timestamp(), 1586948100);
    let drift = r#"{"status":1,"data":{"SmsList":[{"text":"Code Instagram: 671 094.","sender":"FACEBOOK","date":"1586948100"}],
        "OtherSms":[{"text":"Your WhatsApp code 483-921","sender":"WhatsApp","date":1586948000}]}}"#;
    let b: SmsBundle = ok(Method::Sms, drift);
    assert_eq!(b.own, a.own);
    assert_eq!(b.other[0].sender, "WhatsApp");
}

#[test]
fn id_answers_and_true() {
    let body = r#"{"status": 1, "data": {"id": 123 }}"#;
    for m in [Method::Prolong, Method::Activate, Method::Delete] {
        assert_eq!(ok::<Option<OrderId>>(m, body), Some(OrderId(123)));
        assert_eq!(
            ok::<Option<OrderId>>(m, r#"{"status":"1","data":{"id":"123"}}"#),
            Some(OrderId(123))
        );
    }
    ok::<()>(Method::AddServiceToOrder, r#"{"status": 1}"#);
    ok::<()>(Method::RestoreUser, r#"{"status":1,"data":true}"#);
    let e = decode::<()>(Method::RestoreUser, &RawResponse::json(r#"{"status":1,"data":false}"#));
    assert_eq!(e.expect_err("yes and no at once").kind, ErrorKind::Unclear);
}

#[test]
fn history_and_restore_quote() {
    let sample = r#"{
    "status": 1,
    "data": [{
                "orderId":517017,"resourceCode":"opt59","number":"79020831944",
                "branchId":1235,"haveSms":true,"days":7,"country":"EN",
                "begin":1222222231,"end":1611111931,"closed":1632445144
            }]
}"#;
    let rows: Vec<HistoryRow> = list(Method::GetRentHistory, sample);
    assert_eq!(rows[0].order_id, OrderId(517017));
    assert_eq!(rows[0].closed.timestamp(), 1632445144);
    assert_eq!(rows[0].avail_for_restore, None);
    let drift = sample
        .replace("\"closed\":1632445144", "\"closed\":\"1632445144\",\"isAvailForRestore\":1");
    let d: Vec<HistoryRow> = list(Method::GetRentHistory, &drift);
    assert_eq!(d[0].avail_for_restore, Some(true));
    assert_eq!(HistoryRow { avail_for_restore: None, ..d[0].clone() }, rows[0]);

    let quote = r#"{"status": 1, "data": {"ccode": "EN", "scode": "opt59", "price": 2.4, "sname": "Avito",
        "pnumber": "79929831844", "outdays": 32, "orderid": 317017, "prolongTo": 30}}"#;
    let q: RestoreQuote = ok(Method::RestoreUserPrecalc, quote);
    assert_eq!((q.price, q.outdays, q.prolong_to, q.orderid), (2.4, 32, 30, OrderId(317017)));
    assert_eq!(q.country, "EN", "this answer's `ccode` is a country");
}

#[test]
fn error_shapes() {
    let k = |raw: RawResponse| err(Method::Orders, raw).kind;
    assert_eq!(k(RawResponse::new(200, "text/html", "API KEY NOT FOUND!")), ErrorKind::BadKey);
    assert_eq!(
        k(RawResponse::new(502, "text/html", "<html><h1>502 Bad Gateway</h1></html>")),
        ErrorKind::Http(502)
    );
    assert_eq!(
        k(RawResponse::json(r#"{"status":0,"msg":"NOTOWNER"}"#)),
        ErrorKind::Restore(RestoreCode::NotOwner)
    );
    assert_eq!(
        k(RawResponse::json(r#"{"status":"0","msg":"Balance is not enough"}"#)),
        ErrorKind::LowBalance
    );
    assert_eq!(
        k(RawResponse::json(r#"{"status":0,"msg":"Weird new thing"}"#)),
        ErrorKind::Rejected
    );
    assert_eq!(k(RawResponse::json(r#"{"status":1,"data":[{"id":1}"#)), ErrorKind::NotJson);
    assert_eq!(k(RawResponse::json("")), ErrorKind::NotJson);
    assert_eq!(k(RawResponse::json(r#"{"status":1,"data":"nope"}"#)), ErrorKind::BadShape);
    let relay =
        RawResponse::new(429, "application/json", r#"{"status":0,"msg":"too many requests"}"#);
    let e = err(Method::Orders, relay);
    assert_eq!((e.kind, e.detail.as_str()), (ErrorKind::Http(429), "too many requests"));
}

#[test]
fn a_timestamp_of_zero_is_not_a_date() {
    let body = ORDERS_DRIFT.replace(r#""lastonline":"1586947920""#, r#""lastonline":0"#);
    let orders: Vec<Order> = list(Method::Orders, &body);
    assert_eq!(orders[0].lastonline, None);
}

#[test]
fn cached_values_round_trip() {
    let orders: Vec<Order> = list(Method::Orders, ORDERS_DRIFT);
    let json = serde_json::to_string(&orders).unwrap();
    let back: Vec<Order> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, orders);
}
