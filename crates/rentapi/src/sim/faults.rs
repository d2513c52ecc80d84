//! Injected failures: a proxy in front of the API answering 502 with its own
//! HTML page.
//!
//! The failure is decided before the request is handled and the request is
//! then NOT applied (no charge, no new order, no clock-driven change). Real
//! proxies can also fail after the backend applied a write; the app must
//! assume that anyway (writes are never retried), so the simulator keeps the
//! simpler, checkable rule.

use crate::transport::RawResponse;

use super::rng::Rng;

const PAGE: &str = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n\
<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

/// Whether this answer fails. Always draws, so the stream does not depend on the rate.
pub(crate) fn strikes(rng: &mut Rng, rate: f64) -> bool {
    rng.chance(rate)
}

pub(crate) fn bad_gateway() -> RawResponse {
    RawResponse::new(502, "text/html", PAGE)
}

/// A broken answer a test asks for (control action `sabotage`): the next
/// answer to one method is replaced or mangled, once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Sabotage {
    /// The real answer cut in half: truncated JSON.
    Truncated,
    /// HTTP 200 with no body at all.
    Empty,
    /// HTTP 200 with an HTML page (a captive portal, a misrouted proxy).
    Html,
    /// `status: 0` with a message nobody has seen before.
    UnknownError,
    /// Every `until` and `date` set to 0.
    ZeroTimes,
    /// A 10 MB body of text that is not JSON.
    Huge,
    /// HTTP 500 with a JSON body of `{}` (after the request was handled).
    ServerErrorJson,
    /// The real answer's data under `status: 0`, with no message: for a
    /// write, an unknown outcome.
    StatusZeroData,
    /// HTTP 200 with JSON that has no `status` (`{}`).
    NoStatus,
    /// A proxy's 502 page, after the request was carried out: for a
    /// write, an unknown outcome.
    BadGateway,
}

impl Sabotage {
    pub fn parse(kind: &str) -> Option<Self> {
        Some(match kind {
            "truncated" => Sabotage::Truncated,
            "empty" => Sabotage::Empty,
            "html" => Sabotage::Html,
            "unknown_error" => Sabotage::UnknownError,
            "zero_times" => Sabotage::ZeroTimes,
            "huge" => Sabotage::Huge,
            "server_error_json" => Sabotage::ServerErrorJson,
            "status_zero_data" => Sabotage::StatusZeroData,
            "no_status" => Sabotage::NoStatus,
            "bad_gateway" => Sabotage::BadGateway,
            _ => return None,
        })
    }

    pub(crate) fn apply(self, real: RawResponse) -> RawResponse {
        match self {
            Sabotage::Truncated => {
                let half = real.body.len() / 2;
                RawResponse { body: real.body[..half].to_vec(), ..real }
            }
            Sabotage::Empty => RawResponse::json(Vec::new()),
            Sabotage::Html => RawResponse::new(
                200,
                "text/html; charset=utf-8",
                "<!doctype html><html><body><h1>Welcome to the Wi-Fi</h1><script>alert(1)</script></body></html>",
            ),
            Sabotage::UnknownError => {
                RawResponse::json(r#"{"status":0,"msg":"The moon is in the wrong phase"}"#)
            }
            Sabotage::ZeroTimes => {
                let text = String::from_utf8_lossy(&real.body).into_owned();
                RawResponse { body: zero_times(&text).into_bytes(), ..real }
            }
            Sabotage::Huge => RawResponse::new(200, "text/plain", "x".repeat(10 * 1024 * 1024)),
            Sabotage::ServerErrorJson => RawResponse::new(500, "application/json", "{}"),
            Sabotage::StatusZeroData => {
                let mut v: serde_json::Value =
                    serde_json::from_slice(&real.body).unwrap_or_default();
                if let Some(env) = v.as_object_mut() {
                    env.insert("status".into(), 0.into());
                    env.remove("msg");
                }
                RawResponse::json(serde_json::to_vec(&v).unwrap_or_default())
            }
            Sabotage::NoStatus => RawResponse::json("{}"),
            Sabotage::BadGateway => RawResponse::new(
                502,
                "text/html",
                "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>",
            ),
        }
    }
}

/// `"until":123` / `"date":"123"` → `"until":0`, leaving everything else.
fn zero_times(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let mut rest = json;
    while let Some(i) =
        ["\"until\":", "\"date\":"].iter().filter_map(|k| rest.find(k).map(|i| i + k.len())).min()
    {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let end = tail.find([',', '}']).unwrap_or(tail.len());
        out.push('0');
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod sabotage_tests {
    use super::*;

    #[test]
    fn zeroes_times_only() {
        let body = r#"[{"id":1,"until":1587552240,"date":"15"},{"until":2}]"#;
        assert_eq!(zero_times(body), r#"[{"id":1,"until":0,"date":0},{"until":0}]"#);
    }

    #[test]
    fn status_zero_next_to_the_real_data() {
        let real = RawResponse::json(r#"{"status":1,"data":{"id":5}}"#);
        let raw = Sabotage::StatusZeroData.apply(real);
        assert_eq!(raw.text(), r#"{"data":{"id":5},"status":0}"#);
        let e = crate::decode::decode::<Option<crate::OrderId>>(crate::Method::Prolong, &raw);
        assert!(e.expect_err("unclear").kind.outcome_unknown());
        for kind in ["server_error_json", "no_status", "bad_gateway", "html"] {
            let raw = Sabotage::parse(kind).unwrap().apply(RawResponse::json("{}"));
            let e = crate::decode::decode::<()>(crate::Method::RestoreUser, &raw);
            assert!(e.expect_err(kind).kind.outcome_unknown(), "{kind}");
        }
    }

    #[test]
    fn truncates() {
        let raw = Sabotage::Truncated.apply(RawResponse::json("0123456789"));
        assert_eq!(raw.body, b"01234");
    }
}
