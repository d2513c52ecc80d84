//! The relay's own error answers, in the rent API's envelope
//! (`{"status":0,"msg":"..."}`) so the app shows them like any API error.
//! Every message starts with `relay:` (the user can tell who said it) and is
//! redacted before it leaves.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::redact::redact;

/// The content type of every envelope (the API's own).
pub const JSON: &str = "application/json; charset=utf-8";

/// The envelope's body for `msg` (redacted), as bytes.
pub fn body(msg: &str) -> Vec<u8> {
    // Written by hand to keep the API's field order.
    let msg =
        serde_json::to_string(redact(msg).as_ref()).unwrap_or_else(|_| "\"relay: error\"".into());
    format!(r#"{{"status":0,"msg":{msg}}}"#).into_bytes()
}

/// An error answer with the given HTTP status.
pub fn error(status: StatusCode, msg: impl AsRef<str>) -> Response {
    let mut res = (status, body(msg.as_ref())).into_response();
    let headers = res.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(JSON));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// 404 for a path the relay does not serve.
pub fn not_found() -> Response {
    error(StatusCode::NOT_FOUND, "relay: no such path (this relay only forwards api/rent.php)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_is_the_api_envelope() {
        let b = body("relay: x \"y\"");
        assert!(b.starts_with(br#"{"status":0,"msg":"#));
        let v: serde_json::Value = serde_json::from_slice(&b).unwrap();
        assert_eq!(v, serde_json::json!({"status": 0, "msg": "relay: x \"y\""}));
    }

    #[test]
    fn body_is_redacted() {
        let b = String::from_utf8(body("relay: failed for ?apikey=SECRET123&x=1")).unwrap();
        assert!(!b.contains("SECRET123"), "{b}");
        assert!(b.contains("apikey=***"), "{b}");
    }

    #[test]
    fn error_sets_status_and_type() {
        let res = error(StatusCode::TOO_MANY_REQUESTS, "relay: slow down");
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(res.headers()[header::CONTENT_TYPE], JSON);
    }
}
