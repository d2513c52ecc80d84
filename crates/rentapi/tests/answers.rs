//! A corpus of answer variants, each decoded by its method's decoder into
//! the expected typed result (summarised as text) or error kind.
//!
//! Sources, noted per case:
//! - `page`: the provider's page (`/work/shared/seed/rent-api-page.txt`);
//! - `drift`: rent-api.md's "Known drift" and "More drift" notes;
//! - `docs`: the provider's generated docs (docs.smspva.com, as quoted in a
//!   public repository: `create` answering `"data": [{}]`);
//! - `node`: a public Node client of rent.php (data.services for getdata,
//!   `until` and `ccode` that may be missing, SmsList/OtherSms, "order not
//!   found|incorrect order" as the end of an order, 7-90 days);
//! - `go`: a public Go client (SmsList items with empty sender, OtherSms
//!   kept as raw JSON);
//! - `php`: PHP's serialisation habits (`[]` for an empty map, strings for
//!   numbers and booleans, `\/` and `\uXXXX`).

use rentapi::decode::decode;
use rentapi::model::*;
use rentapi::{ErrorKind, Method, OrderId, RawResponse, ServiceCode};

/// What a method's decoder made of an answer, in a line.
fn summary(method: Method, raw: &RawResponse) -> String {
    let err = |e: rentapi::ApiError| format!("error {:?}", e.kind);
    match method {
        Method::Orders => decode::<Rows<Order>>(method, raw).map_or_else(err, |r| {
            let rows: Vec<String> = r
                .rows
                .iter()
                .map(|o| {
                    let row = format!("{} {} [{}] {}", o.id, o.display_number(), o.scode, o.cname);
                    row.trim_end().to_owned()
                })
                .collect();
            format!("orders {} | skipped {}", rows.join(", "), r.skipped.len())
        }),
        Method::Sms => decode::<SmsBundle>(method, raw).map_or_else(err, |b| {
            let b = b.sorted();
            let one = |s: &Sms| {
                format!("{}/{}/{}", s.text, s.sender, s.date.map_or(-1, |d| d.timestamp()))
            };
            let own: Vec<_> = b.own.iter().map(one).collect();
            let other: Vec<_> = b.other.iter().map(one).collect();
            format!(
                "sms {} | other {} | skipped {}",
                own.join(", "),
                other.join(", "),
                b.skipped.len()
            )
        }),
        Method::GetRentHistory => decode::<Rows<HistoryRow>>(method, raw).map_or_else(err, |r| {
            let rows: Vec<_> = r
                .rows
                .iter()
                .map(|h| format!("{} {:?}", h.order_id, h.avail_for_restore))
                .collect();
            format!("history {} | skipped {}", rows.join(", "), r.skipped.len())
        }),
        Method::GetCountries => decode::<Rows<Country>>(method, raw).map_or_else(err, |r| {
            let rows: Vec<_> = r.rows.iter().map(|c| format!("{} {}", c.code, c.name)).collect();
            format!("countries {} | skipped {}", rows.join(", "), r.skipped.len())
        }),
        Method::GetData => decode::<Rows<ServicePrice>>(method, raw).map_or_else(err, |r| {
            let rows: Vec<_> = r
                .rows
                .iter()
                .map(|s| format!("{} {} {}", s.service, s.price_day, s.count))
                .collect();
            format!("prices {} | skipped {}", rows.join(", "), r.skipped.len())
        }),
        Method::GetDataWithProviders => {
            decode::<ServicesWithProviders>(method, raw).map_or_else(err, |s| {
                let rows: Vec<_> = s
                    .services
                    .iter()
                    .map(|o| {
                        format!("{} {} {:?} {}", o.service, o.price_day, o.count, o.total_count)
                    })
                    .collect();
                format!("offers {} | skipped {}", rows.join(", "), s.skipped.len())
            })
        }
        Method::GetCountWithProviders => decode::<Rows<(ServiceCode, Availability)>>(method, raw)
            .map_or_else(err, |r| {
                let rows: Vec<_> =
                    r.rows.iter().map(|(c, a)| format!("{c} {:?} {}", a.amount, a.total)).collect();
                format!("counts {} | skipped {}", rows.join(", "), r.skipped.len())
            }),
        Method::Create | Method::CreateMulti => {
            decode::<Vec<NewOrder>>(method, raw).map_or_else(err, |v| {
                let rows: Vec<_> = v
                    .iter()
                    .map(|o| {
                        let service = o.service.as_ref().map_or("?", ServiceCode::as_str);
                        let until = o.until.map_or(-1, |t| t.timestamp());
                        format!("{} {} {service} {until}", o.id, o.display_number())
                    })
                    .collect();
                format!("new {}", rows.join(", "))
            })
        }
        Method::Prolong | Method::Activate | Method::Delete => {
            decode::<Option<OrderId>>(method, raw).map_or_else(err, |id| format!("done {id:?}"))
        }
        Method::AddServiceToOrder | Method::RestoreUser => {
            decode::<()>(method, raw).map_or_else(err, |()| "done".to_owned())
        }
        Method::RestoreUserPrecalc => decode::<RestoreQuote>(method, raw)
            .map_or_else(err, |q| format!("quote {} {}", q.orderid, q.price)),
    }
}

/// (source, method, HTTP status, body, expected summary).
const CORPUS: &[(&str, Method, u16, &str, &str)] = &[
    // Orders.
    (
        "page",
        Method::Orders,
        200,
        r#"{"status":1,"data":[{"id":40300,"scode":"opt16","sname":"Instagram","state":0,"pnumber":"9096068511","ccode":"+7","cname":"RU","hasnewsms":false,"until":1587552240,"canprolong":true,"canprolongmax":162,"canprolonguntil":1634883780,"lastonline":1586947920}]}"#,
        "orders 40300 +7 9096068511 [opt16] RU | skipped 0",
    ),
    (
        "drift: orders without scode, provider, ccode, cname; pnumber with its own +",
        Method::Orders,
        200,
        r#"{"status":"1","data":[{"id":"1","sname":"Telegram","state":"1","pnumber":"+447700900123","until":"1800000000"}]}"#,
        "orders 1 +447700900123 [] | skipped 0",
    ),
    (
        "drift: one row without id, one with an object for a state, two good",
        Method::Orders,
        200,
        r#"{"status":1,"data":[{"id":1,"scode":"opt1","state":1,"pnumber":"1","until":1},{"scode":"opt2","state":1,"pnumber":"2","until":2},{"id":3,"state":{},"pnumber":"3","until":3},{"id":4,"scode":"opt4","state":"2","pnumber":4,"ccode":"7","until":4}]}"#,
        "orders 1 1 [opt1], 4 +7 4 [opt4] | skipped 2",
    ),
    (
        "php: booleans and counts as strings, nulls, wrong kinds in optional fields",
        Method::Orders,
        200,
        r#"{"status":1,"data":[{"id":5,"scode":null,"sname":{"x":1},"state":"0","pnumber":"9","ccode":null,"cname":[],"hasnewsms":"true","until":1800000000,"canprolong":"yes","canprolongmax":"n\/a","provider":[]}]}"#,
        "orders 5 9 [] | skipped 0",
    ),
    (
        "drift: rows keyed by id",
        Method::Orders,
        200,
        r#"{"status":1,"data":{"7":{"id":7,"scode":"opt1","state":1,"pnumber":"1","until":1}}}"#,
        "orders 7 1 [opt1] | skipped 0",
    ),
    (
        "drift: a row that is not an object",
        Method::Orders,
        200,
        r#"{"status":1,"data":["oops",{"id":7,"state":1,"pnumber":"1","until":1}]}"#,
        "orders 7 1 [] | skipped 1",
    ),
    // SMS.
    (
        "page",
        Method::Sms,
        200,
        r#"{"status":1,"data":[{"text":"Code Instagram: 671 094.","sender":"FACEBOOK","date":1586948100}]}"#,
        "sms Code Instagram: 671 094./FACEBOOK/1586948100 | other  | skipped 0",
    ),
    (
        "drift + go: SmsList and OtherSms with only text; undated after dated",
        Method::Sms,
        200,
        r#"{"status":1,"data":{"SmsList":[{"text":"a"},{"text":"b","sender":"X","date":"5"}],"OtherSms":[{"text":"c","date":null}]}}"#,
        "sms b/X/5, a//-1 | other c//-1 | skipped 0",
    ),
    (
        "drift: sms answering data {}",
        Method::Sms,
        200,
        r#"{"status":1,"data":{}}"#,
        "sms  | other  | skipped 0",
    ),
    (
        "drift: only OtherSms",
        Method::Sms,
        200,
        r#"{"status":1,"data":{"OtherSms":[{"text":"x","sender":"Y","date":1}]}}"#,
        "sms  | other x/Y/1 | skipped 0",
    ),
    (
        "drift: one SMS that is a bare string, one with an object for text",
        Method::Sms,
        200,
        r#"{"status":1,"data":{"SmsList":[{"text":"ok","date":1},"Code 1234",{"text":{"a":1}}],"OtherSms":null}}"#,
        "sms ok//1 | other  | skipped 2",
    ),
    (
        "php: \\/ and \\u escapes",
        Method::Sms,
        200,
        r#"{"status":1,"data":[{"text":"\u041a\u043e\u0434 12\/34","sender":"B\/A","date":1}]}"#,
        "sms Код 12/34/B/A/1 | other  | skipped 0",
    ),
    (
        "drift: status 0 with data and no msg on a read",
        Method::Sms,
        200,
        r#"{"status":0,"data":[{"text":"x","date":1}]}"#,
        "sms x//1 | other  | skipped 0",
    ),
    (
        "node: an order that is gone",
        Method::Sms,
        200,
        r#"{"status":0,"msg":"Incorrect order"}"#,
        "error OrderNotFound",
    ),
    // Archive.
    (
        "page, without isAvailForRestore",
        Method::GetRentHistory,
        200,
        r#"{"status":1,"data":[{"orderId":517017,"resourceCode":"opt59","number":"79020831944","branchId":1235,"haveSms":true,"days":7,"country":"EN","begin":1222222231,"end":1611111931,"closed":1632445144}]}"#,
        "history 517017 None | skipped 0",
    ),
    (
        "drift: isAvailForRestore as a string, one row without closed",
        Method::GetRentHistory,
        200,
        r#"{"status":1,"data":[{"orderId":"1","resourceCode":"opt1","number":7,"begin":1,"end":2,"closed":3,"isAvailForRestore":"true"},{"orderId":2,"number":"7","begin":1,"end":2}]}"#,
        "history 1 Some(true) | skipped 1",
    ),
    // Countries.
    (
        "page",
        Method::GetCountries,
        200,
        r#"{"status":1,"data":[{"name":"\u0420\u043e\u0441\u0441\u0438\u044f","code":"RU"}]}"#,
        "countries RU Россия | skipped 0",
    ),
    (
        "drift: extra fields, English names, status 0 with data, a row without code",
        Method::GetCountries,
        200,
        r#"{"status":0,"data":[{"name":"United Kingdom","code":"UK","flag":"uk.png"},{"name":"Nowhere"}]}"#,
        "countries UK United Kingdom | skipped 1",
    ),
    // Services.
    (
        "node: getdata under data.services, prices as strings",
        Method::GetData,
        200,
        r#"{"status":1,"data":{"services":[{"name":"Airbnb","service":"opt46","price_day":"0.32","count":"359"},{"name":"Broken","service":"opt0","price_day":"free"}]}}"#,
        "prices opt46 0.32 359 | skipped 1",
    ),
    (
        "php: a sold-out service's per-provider counts as []",
        Method::GetDataWithProviders,
        200,
        r#"{"status":1,"data":{"services":[{"name":"A","service":"opt1","price_day":5,"count":[],"totalCount":0},{"name":"B","service":"opt2","price_day":"6","count":{"MTS":"3"},"totalCount":"3"}],"totalAmount":3,"allOperators":["MTS"]}}"#,
        "offers opt1 5 {} 0, opt2 6 {\"MTS\": 3} 3 | skipped 0",
    ),
    (
        "drift: a service without price among good ones",
        Method::GetDataWithProviders,
        200,
        r#"{"status":1,"data":{"services":[{"name":"A","service":"opt1"},{"name":"B","service":"opt2","price_day":1}],"totalAmount":0,"allOperators":{}}}"#,
        "offers opt2 1 {} 0 | skipped 1",
    ),
    (
        "php: counts with [] for Amount; a service that is not an object",
        Method::GetCountWithProviders,
        200,
        r#"{"status":1,"data":{"opt1":{"Amount":[],"Total":0},"opt2":{"Amount":{"MTS":"2"},"Total":"2"},"opt3":"junk"}}"#,
        "counts opt1 {} 0, opt2 {\"MTS\": 2} 2 | skipped 1",
    ),
    (
        "php: no services at all, as []",
        Method::GetCountWithProviders,
        200,
        r#"{"status":1,"data":[]}"#,
        "counts  | skipped 0",
    ),
    // Rentals: never a failure under status 1.
    (
        "page",
        Method::Create,
        200,
        r#"{"status":1,"data":{"id":40370,"pnumber":"9096037108","ccode":"+7","service":"opt6","until":1587633960}}"#,
        "new 40370 +7 9096037108 opt6 1587633960",
    ),
    (
        "node + drift: no service, ccode or until; pnumber with its own +",
        Method::Create,
        200,
        r#"{"status":"1","data":[{"id":"40370","pnumber":"+79096037108"}]}"#,
        "new 40370 +79096037108 ? -1",
    ),
    ("docs: create answering [{}]", Method::Create, 200, r#"{"status":1,"data":[{}]}"#, "new "),
    ("drift: create answering true", Method::Create, 200, r#"{"status":1,"data":true}"#, "new "),
    (
        "drift: create_multi answering one object for several services",
        Method::CreateMulti,
        200,
        r#"{"status":1,"data":{"id":9,"pnumber":"1","ccode":"44"}}"#,
        "new 9 +44 1 ? -1",
    ),
    // Other writes: all success under status 1.
    ("drift", Method::Prolong, 200, r#"{"status":1,"data":{}}"#, "done None"),
    ("drift", Method::Prolong, 200, r#"{"status":1,"data":[]}"#, "done None"),
    ("drift", Method::Activate, 200, r#"{"status":1,"data":null}"#, "done None"),
    ("drift", Method::Activate, 200, r#"{"status":1,"data":true}"#, "done None"),
    (
        "drift",
        Method::Delete,
        200,
        r#"{"status":1,"data":[{"id":"12"}]}"#,
        "done Some(OrderId(12))",
    ),
    (
        "drift: a whole order",
        Method::Prolong,
        200,
        r#"{"status":1,"data":{"id":12,"scode":"opt1","until":1900000000}}"#,
        "done Some(OrderId(12))",
    ),
    (
        "drift: restore_user answering {id}",
        Method::RestoreUser,
        200,
        r#"{"status":1,"data":{"id":5}}"#,
        "done",
    ),
    (
        "drift",
        Method::AddServiceToOrder,
        200,
        r#"{"status":1,"data":{"id":5,"scode":"opt2"}}"#,
        "done",
    ),
    ("drift", Method::AddServiceToOrder, 200, r#"{"status":"1","data":[]}"#, "done"),
    // Refusals in the right words.
    (
        "drift",
        Method::Create,
        200,
        r#"{"status":0,"msg":"No number available"}"#,
        "error NoNumbers",
    ),
    (
        "drift",
        Method::Create,
        200,
        r#"{"status":0,"msg":"Insufficient balance"}"#,
        "error LowBalance",
    ),
    (
        "drift",
        Method::Create,
        200,
        r#"{"status":0,"msg":"Incorrect duration count. Min 7 days. Max 90 days."}"#,
        "error WrongPeriod",
    ),
    ("drift", Method::Orders, 200, r#"{"status":0,"msg":"Invalid apikey"}"#, "error BadKey"),
    (
        "drift",
        Method::Orders,
        200,
        r#"{"status":0,"msg":"Incorrect method"}"#,
        "error UnknownMethod",
    ),
    ("page: plain text", Method::Orders, 200, "API KEY NOT FOUND!", "error BadKey"),
    (
        "page",
        Method::RestoreUser,
        200,
        r#"{"status":0,"msg":"the user had not this order"}"#,
        "error Restore(NotOwner)",
    ),
    (
        "page",
        Method::RestoreUserPrecalc,
        200,
        r#"{"status":0,"msg":"NOBALANCE Today need 12.5"}"#,
        "error LowBalance",
    ),
    (
        "drift",
        Method::Prolong,
        200,
        r#"{"status":0,"msg":"The maximum rental period is 90 days"}"#,
        "error ProlongCap",
    ),
    (
        "nobody knows it",
        Method::Orders,
        200,
        r#"{"status":0,"msg":"Mercury is in retrograde"}"#,
        "error Rejected",
    ),
    // Neither yes nor no.
    ("drift: a 500 with {}", Method::Orders, 500, "{}", "error Http(500)"),
    ("drift: JSON with no status", Method::Orders, 200, r#"{"result":"ok"}"#, "error Unclear"),
    (
        "drift: status 0 with no msg on a read",
        Method::Orders,
        200,
        r#"{"status":0}"#,
        "error Unclear",
    ),
    (
        "drift: status 0 next to data on a write",
        Method::Prolong,
        200,
        r#"{"status":0,"data":{"id":1}}"#,
        "error Unclear",
    ),
    (
        "drift: a refusal with empty data",
        Method::Prolong,
        200,
        r#"{"status":0,"msg":"order not found","data":[]}"#,
        "error OrderNotFound",
    ),
];

#[test]
fn every_variant_decodes_as_expected() {
    let mut wrong = Vec::new();
    for (source, method, status, body, want) in CORPUS {
        // PHP labels its JSON text/html as often as not.
        for content_type in ["application/json", "text/html; charset=UTF-8"] {
            let got = summary(*method, &RawResponse::new(*status, content_type, *body));
            if got != *want {
                wrong.push(format!("{method:?} ({source}):\n  want {want}\n  got  {got}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_skipped_row_keeps_its_raw_text() {
    let body = r#"{"status":1,"data":[{"id":1,"state":1,"pnumber":"1","until":1},{"id":"x","pnumber":"<b>2</b>"}]}"#;
    let rows: Rows<Order> = decode(Method::Orders, &RawResponse::json(body)).unwrap();
    assert_eq!(rows.skipped, [r#"{"id":"x","pnumber":"<b>2</b>"}"#]);
    let long = format!(r#"{{"status":1,"data":[{{"id":"{}"}}]}}"#, "9".repeat(5000));
    let rows: Rows<Order> = decode(Method::Orders, &RawResponse::json(long)).unwrap();
    assert_eq!(rows.skipped[0].chars().count(), RAW_ROW_CHARS + 1, "shortened, with …");
}

/// A failed write whose outcome is unknown (it may have been done), per
/// write method; refusals are known outcomes (nothing was done).
#[test]
fn unknown_outcomes_of_every_write() {
    let writes: Vec<Method> = Method::ALL.into_iter().filter(|m| m.is_write()).collect();
    assert_eq!(writes.len(), 7);
    let unknown = [
        RawResponse::new(502, "text/html", "<html><h1>502 Bad Gateway</h1></html>"),
        RawResponse::new(500, "application/json", "{}"),
        RawResponse::new(200, "text/html", "<!doctype html><p>Welcome to the Wi-Fi</p>"),
        RawResponse::json(r#"{"status":1,"data":[{"id":1}"#),
        RawResponse::json(""),
        RawResponse::json(r#"{"status":0}"#),
        RawResponse::json(r#"{"status":"0","msg":""}"#),
        RawResponse::json(r#"{"status":0,"data":{"id":40370,"pnumber":"9096037108"}}"#),
        RawResponse::json(r#"{"status":0,"msg":"Insufficient balance","data":{"id":1}}"#),
        RawResponse::json(r#"{"result":"ok"}"#),
    ];
    let known = [
        RawResponse::json(r#"{"status":0,"msg":"Insufficient balance"}"#),
        RawResponse::json(r#"{"status":0,"msg":"No free numbers","data":[]}"#),
        RawResponse::json(r#"{"status":0,"msg":"Something new","data":null}"#),
        RawResponse::new(200, "text/html", "API KEY NOT FOUND!"),
        RawResponse::new(429, "application/json", r#"{"status":0,"msg":"too many requests"}"#),
    ];
    for m in writes {
        for raw in &unknown {
            let e = write_error(m, raw).unwrap_or_else(|| panic!("{m:?} {}", raw.text()));
            assert!(e.outcome_unknown(), "{m:?} {e:?} {}", raw.text());
        }
        for raw in &known {
            let e = write_error(m, raw).unwrap_or_else(|| panic!("{m:?} {}", raw.text()));
            assert!(!e.outcome_unknown(), "{m:?} {e:?} {}", raw.text());
        }
    }
    // No answer at all: the transport's kinds.
    for e in [rentapi::TransportError::Timeout, rentapi::TransportError::Network("reset".into())] {
        assert!(rentapi::ApiError::from_transport(e).kind.outcome_unknown());
    }
}

/// The error kind a write's decoder gives, `None` for a success.
fn write_error(m: Method, raw: &RawResponse) -> Option<ErrorKind> {
    match m {
        Method::Create | Method::CreateMulti => decode::<Vec<NewOrder>>(m, raw).err(),
        Method::Prolong | Method::Activate | Method::Delete => {
            decode::<Option<OrderId>>(m, raw).err()
        }
        _ => decode::<()>(m, raw).err(),
    }
    .map(|e| e.kind)
}
