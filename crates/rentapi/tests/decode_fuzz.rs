//! No input makes any decoder panic: every method's typed decoder (all 15,
//! by an exhaustive match, so a new method cannot go unfuzzed), the
//! envelope and error classification under them, and the decoders of what
//! the app keeps in localStorage. Three kinds of input: random bytes under
//! any HTTP status, JSON-ish fragments (mostly broken JSON that gets deep
//! into the parser), and well-formed JSON trees built from the API's field
//! names with hostile leaves (numbers as strings, huge and negative numbers,
//! odd Unicode), inside every envelope shape. `PROPTEST_CASES` sets the
//! count; `scripts/fuzz-long.sh` runs it long, in release mode.

mod fuzz;

use proptest::prelude::*;
use rentapi::decode::{FromData, decode};
use rentapi::model::*;
use rentapi::sim::Simulator;
use rentapi::{Method, OrderId, RawResponse};
use serde_json::{Map, Number, Value};

/// Decodes `raw` as the answer of every method, with that method's type.
fn all(raw: &RawResponse) {
    fn one<T: FromData>(m: Method, raw: &RawResponse) {
        let _ = decode::<T>(m, raw);
    }
    for m in Method::ALL {
        match m {
            Method::GetCountries => one::<Rows<Country>>(m, raw),
            Method::GetData => one::<Rows<ServicePrice>>(m, raw),
            Method::GetDataWithProviders => one::<ServicesWithProviders>(m, raw),
            Method::GetCountWithProviders => {
                one::<Rows<(rentapi::ServiceCode, Availability)>>(m, raw)
            }
            Method::Create | Method::CreateMulti => one::<Vec<NewOrder>>(m, raw),
            Method::Orders => one::<Rows<Order>>(m, raw),
            // The client sorts what it decodes: that runs too.
            Method::Sms => {
                let _ = decode::<SmsBundle>(m, raw).map(SmsBundle::sorted);
            }
            Method::Prolong | Method::Activate | Method::Delete => one::<Option<OrderId>>(m, raw),
            Method::GetRentHistory => one::<Rows<HistoryRow>>(m, raw),
            Method::RestoreUserPrecalc => one::<RestoreQuote>(m, raw),
            Method::AddServiceToOrder | Method::RestoreUser => one::<()>(m, raw),
        }
    }
}

/// What the app reads back from localStorage (cached orders, the saved demo
/// account) may be anything after a crash or an old version.
fn stored(bytes: &[u8]) {
    let _ = serde_json::from_slice::<Vec<Order>>(bytes);
    let _ = serde_json::from_slice::<SmsBundle>(bytes);
    let _ = serde_json::from_slice::<Simulator>(bytes);
}

/// JSON-ish fragments, so generated inputs reach deep into the decoders.
fn jsonish() -> impl Strategy<Value = String> {
    let atom = prop_oneof![
        Just("\"status\":1".to_string()),
        Just("\"status\":\"0\"".to_string()),
        Just("\"data\":".to_string()),
        Just("\"id\":\"12\"".to_string()),
        Just("\"until\":-99999999999999".to_string()),
        Just("\"state\":1e309".to_string()),
        Just("\"SmsList\":".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just("{".to_string()),
        Just("}".to_string()),
        Just(",".to_string()),
        Just("null".to_string()),
        "[a-z0-9\"\\\\.:-]{0,8}",
    ];
    prop::collection::vec(atom, 0..40).prop_map(|v| v.concat())
}

/// Every field name of the API's answers (rent-api.md), plus a stranger.
const FIELDS: &[&str] = &[
    "status",
    "data",
    "msg",
    "id",
    "pnumber",
    "ccode",
    "service",
    "until",
    "scode",
    "sname",
    "state",
    "cname",
    "hasnewsms",
    "canprolong",
    "canprolongmax",
    "canprolonguntil",
    "lastonline",
    "provider",
    "text",
    "sender",
    "date",
    "SmsList",
    "OtherSms",
    "name",
    "code",
    "price_day",
    "count",
    "services",
    "img",
    "procent_days",
    "procent",
    "day_step",
    "totalCount",
    "totalAmount",
    "allOperators",
    "Amount",
    "Total",
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
    "price",
    "outdays",
    "orderid",
    "prolongTo",
    "isAvailForRestore",
    "opt16",
    "MTS",
    "zzz",
];

/// Leaves that break naive decoders: numbers as strings, limits, odd text.
fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        prop::sample::select(vec![0i64, 1, -1, 2, 7, 90, 1_587_552_240, i64::MIN, i64::MAX])
            .prop_map(Value::from),
        any::<f64>().prop_map(|f| Number::from_f64(f).map_or(Value::Null, Value::Number)),
        prop::sample::select(vec![
            "",
            "0",
            "1",
            "-1",
            " 12 ",
            "6.5",
            "1e3",
            "1e309",
            "NaN",
            "-0",
            "0x10",
            "true",
            "null",
            "1587552240",
            "99999999999999999999999",
            "+7",
            "RU",
            "opt16",
            "order not found",
            "NOBALANCE",
            "API KEY NOT FOUND!",
            "\u{202e}x",
            "<script>",
        ])
        .prop_map(|s| Value::String(s.to_owned())),
        "\\PC{0,12}".prop_map(Value::String),
    ]
}

/// A JSON tree of the API's field names, a few levels deep.
fn tree() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 64, 6, |inner| {
        let key = prop_oneof![
            4 => prop::sample::select(FIELDS).prop_map(str::to_owned),
            1 => "\\PC{0,6}",
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key, inner), 0..8)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// The tree as an answer: in the envelope (any status, maybe a `msg`), or
/// bare, under a mostly successful HTTP status.
fn answer() -> impl Strategy<Value = (u16, Vec<u8>)> {
    let status = prop::sample::select(vec![
        Value::from(1),
        Value::from("1"),
        Value::from(0),
        Value::from("0"),
        Value::Bool(true),
        Value::Null,
    ]);
    let msg = prop::option::of(leaf());
    let http = prop_oneof![8 => Just(200u16), 1 => 100u16..600];
    (tree(), status, msg, any::<bool>(), http).prop_map(|(data, status, msg, bare, http)| {
        let body = if bare {
            data
        } else {
            let mut env = Map::new();
            env.insert("status".into(), status);
            env.insert("data".into(), data);
            if let Some(msg) = msg {
                env.insert("msg".into(), msg);
            }
            Value::Object(env)
        };
        (http, serde_json::to_vec(&body).expect("a JSON value serialises"))
    })
}

#[test]
fn random_bytes_never_panic() {
    let input = (prop::collection::vec(any::<u8>(), 0..512), 100u16..600);
    fuzz::run("decode/random-bytes", input, |(body, status)| {
        stored(&body);
        all(&RawResponse::new(status, "application/json", body));
        Ok(())
    });
}

#[test]
fn json_fragments_never_panic() {
    fuzz::run("decode/json-fragments", jsonish(), |body| {
        stored(body.as_bytes());
        all(&RawResponse::json(body));
        Ok(())
    });
}

#[test]
fn api_shaped_json_never_panics() {
    fuzz::run("decode/api-shaped-json", answer(), |(status, body)| {
        stored(&body);
        all(&RawResponse::new(status, "application/json; charset=utf-8", body));
        Ok(())
    });
}

/// A write the provider says was done (`status: 1`, HTTP 200) is never an
/// error to `create` / `create_multi` / `prolong` / `activate` / `delete`,
/// whatever its `data`; and a list whose `data` is an array never fails as
/// a whole.
#[test]
fn done_writes_and_arrays_never_fail_as_a_whole() {
    fuzz::run("decode/done-writes", tree(), |data| {
        let body = serde_json::to_vec(&serde_json::json!({"status": 1, "data": data})).unwrap();
        let raw = RawResponse::json(body);
        for m in [Method::Create, Method::CreateMulti] {
            prop_assert!(decode::<Vec<NewOrder>>(m, &raw).is_ok(), "{m:?}");
        }
        for m in [Method::Prolong, Method::Activate, Method::Delete] {
            prop_assert!(decode::<Option<OrderId>>(m, &raw).is_ok(), "{m:?}");
        }
        if data.is_array() {
            prop_assert!(decode::<Rows<Order>>(Method::Orders, &raw).is_ok());
            prop_assert!(decode::<Rows<HistoryRow>>(Method::GetRentHistory, &raw).is_ok());
            prop_assert!(decode::<SmsBundle>(Method::Sms, &raw).is_ok());
            prop_assert!(decode::<Rows<Country>>(Method::GetCountries, &raw).is_ok());
        }
        Ok(())
    });
}
