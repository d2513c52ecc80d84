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
                    let row =
                        format!("{} {} [{}] {}", o.id, o.display_number(), o.scode, o.country);
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

#[path = "answers/corpus.rs"]
mod corpus;
use corpus::CORPUS;

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
