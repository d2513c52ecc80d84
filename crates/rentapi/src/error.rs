//! One error type for everything that can go wrong between a click and a
//! decoded answer, classified into kinds the UI can translate.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::method::Method;
use crate::transport::{RawResponse, TransportError};

mod refusals;

/// The restore errors the provider documents (with their aliases).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RestoreCode {
    /// `NOAVAILDAYS`: not enough working days left for the number.
    NoAvailDays,
    /// `NOTOWNER` / `the user had not this order`.
    NotOwner,
    /// `NOREMOTEDATA`: not in the archive; has it expired?
    NoRemoteData,
    /// `NOORDERCOUNTRY`: incomplete order details; support can restore it.
    NoOrderCountry,
    /// `DATEDIFFINVERT`: the order has not expired yet.
    DateDiffInvert,
    /// `NOSERVICEDATA` / `Service not found`.
    NoServiceData,
}

impl RestoreCode {
    /// Every code, for tests that each one has a sentence.
    pub const ALL: [RestoreCode; 6] = [
        RestoreCode::NoAvailDays,
        RestoreCode::NotOwner,
        RestoreCode::NoRemoteData,
        RestoreCode::NoOrderCountry,
        RestoreCode::DateDiffInvert,
        RestoreCode::NoServiceData,
    ];

    /// Where the page sends the user to the provider's live chat.
    pub fn needs_support(self) -> bool {
        matches!(self, RestoreCode::NoOrderCountry | RestoreCode::NoServiceData)
    }
}

/// What kind of failure happened; each maps to one translated sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ErrorKind {
    /// No answer: offline, DNS, refused — or a CORS refusal, which the
    /// browser reports the same way.
    Network,
    /// No answer within the time limit.
    Timeout,
    /// An HTTP error status (a proxy's 502 page, a relay's 429, ...).
    Http(u16),
    /// A 200 whose body is neither JSON nor a known plain-text error.
    NotJson,
    /// JSON, but not the shape this method answers with.
    BadShape,
    /// The key is unknown (`API KEY NOT FOUND!`).
    BadKey,
    /// Balance too low (for a rental, a prolongation or a restoration).
    LowBalance,
    /// No free numbers left for this service and country.
    NoNumbers,
    /// The order is gone: stop polling it.
    OrderNotFound,
    /// The provider refused to prolong this order (outside the window, or
    /// not prolongable at all).
    ProlongNotAllowed,
    /// `prolong` past the longest rental (90 days).
    ProlongCap,
    /// A rental period the provider does not accept ("Incorrect duration
    /// count. Min 7 days. Max 90 days.").
    WrongPeriod,
    /// The endpoint does not know the method ("Method not found").
    UnknownMethod,
    /// A documented restore refusal.
    Restore(RestoreCode),
    /// `status: 0` with a message we do not know; the raw text is shown.
    Rejected,
    /// An answer that says neither yes nor no: `status: 0` with no message,
    /// a write's `status: 0` next to data, JSON with no `status` and no
    /// `data`. For a write: it may have been done.
    Unclear,
}

impl ErrorKind {
    /// The translation key for the sentence the user sees.
    pub fn message_key(self) -> &'static str {
        match self {
            ErrorKind::Network => "error-network",
            ErrorKind::Timeout => "error-timeout",
            ErrorKind::Http(429) => "error-rate-limited",
            ErrorKind::Http(s) if s >= 500 => "error-server",
            ErrorKind::Http(_) => "error-http",
            ErrorKind::NotJson => "error-not-json",
            ErrorKind::BadShape => "error-bad-shape",
            ErrorKind::BadKey => "error-bad-key",
            ErrorKind::LowBalance => "error-low-balance",
            ErrorKind::NoNumbers => "error-no-numbers",
            ErrorKind::OrderNotFound => "error-order-not-found",
            ErrorKind::ProlongNotAllowed => "error-prolong-not-allowed",
            ErrorKind::ProlongCap => "prolong-limit",
            ErrorKind::WrongPeriod => "error-wrong-period",
            ErrorKind::UnknownMethod => "error-unknown-method",
            ErrorKind::Unclear => "error-unclear",
            ErrorKind::Restore(RestoreCode::NoAvailDays) => "restore-noavaildays",
            ErrorKind::Restore(RestoreCode::NotOwner) => "restore-notowner",
            ErrorKind::Restore(RestoreCode::NoRemoteData) => "restore-noremotedata",
            ErrorKind::Restore(RestoreCode::NoOrderCountry) => "restore-noordercountry",
            ErrorKind::Restore(RestoreCode::DateDiffInvert) => "restore-datediffinvert",
            ErrorKind::Restore(RestoreCode::NoServiceData) => "restore-noservicedata",
            ErrorKind::Rejected => "error-rejected",
        }
    }

    /// Every kind, with one HTTP status of each class: for tests that each
    /// has a sentence in every language.
    pub fn examples() -> Vec<ErrorKind> {
        let mut kinds = vec![
            ErrorKind::Network,
            ErrorKind::Timeout,
            ErrorKind::Http(429),
            ErrorKind::Http(502),
            ErrorKind::Http(404),
            ErrorKind::NotJson,
            ErrorKind::BadShape,
            ErrorKind::BadKey,
            ErrorKind::LowBalance,
            ErrorKind::NoNumbers,
            ErrorKind::OrderNotFound,
            ErrorKind::ProlongNotAllowed,
            ErrorKind::ProlongCap,
            ErrorKind::WrongPeriod,
            ErrorKind::UnknownMethod,
            ErrorKind::Rejected,
            ErrorKind::Unclear,
        ];
        kinds.extend(RestoreCode::ALL.map(ErrorKind::Restore));
        kinds
    }

    /// For a write that failed with this kind: the request may have reached
    /// the provider and been carried out, so the user's money or order may
    /// have changed. No answer (timeout, dropped connection: the browser
    /// cannot tell one sent from one never sent), a server error (5xx), a
    /// body that is not JSON, an unclear answer, or `status: 1` with a shape
    /// nobody can read. Never try such a write again blindly: read the
    /// state first. (For reads this says nothing: they change nothing.)
    pub fn outcome_unknown(self) -> bool {
        match self {
            ErrorKind::Network
            | ErrorKind::Timeout
            | ErrorKind::NotJson
            | ErrorKind::BadShape
            | ErrorKind::Unclear => true,
            ErrorKind::Http(s) => s >= 500,
            _ => false,
        }
    }
}

/// A classified failure with the raw detail kept for the curious.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiError {
    /// What kind of failure: decides the sentence and what to do next.
    pub kind: ErrorKind,
    /// The provider's `msg`, a short body snippet, or the transport's text.
    pub detail: String,
}

impl ApiError {
    /// An error of `kind` with its raw detail.
    pub fn new(kind: ErrorKind, detail: impl Into<String>) -> Self {
        Self { kind, detail: detail.into() }
    }

    /// No answer at all: [`ErrorKind::Network`] or [`ErrorKind::Timeout`].
    pub fn from_transport(err: TransportError) -> Self {
        match err {
            TransportError::Network(detail) => Self::new(ErrorKind::Network, detail),
            TransportError::Timeout => Self::new(ErrorKind::Timeout, ""),
        }
    }

    /// Classifies the `msg` of a refusal to `method` by the table of known
    /// sentences; one nobody knows is [`ErrorKind::Rejected`] with the
    /// provider's words as the detail.
    pub fn refusal(method: Method, msg: &str) -> Self {
        Self::classified(Some(method), msg)
    }

    /// [`ApiError::refusal`] for no particular method.
    pub fn from_msg(msg: &str) -> Self {
        Self::classified(None, msg)
    }

    fn classified(method: Option<Method>, msg: &str) -> Self {
        let kind = refusals::classify(method, msg).unwrap_or(ErrorKind::Rejected);
        Self::new(kind, msg.trim())
    }

    /// An answer to `method` that is not a JSON envelope: HTTP errors, HTML
    /// pages, and the plain-text errors the provider sends (`API KEY NOT
    /// FOUND!`).
    pub fn from_non_json(method: Method, raw: &RawResponse) -> Self {
        let snippet = snippet(&raw.text());
        if !(200..300).contains(&raw.status) {
            return Self::new(ErrorKind::Http(raw.status), snippet);
        }
        // A short plain text may be a refusal; a page is not.
        let plain = snippet.len() < 120 && !snippet.contains('<');
        match refusals::classify(Some(method), &snippet).filter(|_| plain) {
            Some(kind) => Self::new(kind, snippet),
            None => Self::new(ErrorKind::NotJson, snippet),
        }
    }

    /// JSON this method cannot be read from; `detail` (the decoder's
    /// complaint) is cut to a short snippet.
    pub fn bad_shape(detail: impl fmt::Display) -> Self {
        Self::new(ErrorKind::BadShape, snippet(&detail.to_string()))
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {}", self.kind, self.detail)
    }
}

impl std::error::Error for ApiError {}

/// At most 200 characters of a body, on one line, for error details.
fn snippet(text: &str) -> String {
    let one_line: String =
        text.split_whitespace().collect::<Vec<_>>().join(" ").chars().take(200).collect();
    one_line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_restore_codes_and_aliases() {
        let cases = [
            ("NOAVAILDAYS", RestoreCode::NoAvailDays),
            ("NOTOWNER", RestoreCode::NotOwner),
            ("the user had not this order", RestoreCode::NotOwner),
            ("NOREMOTEDATA", RestoreCode::NoRemoteData),
            ("NOORDERCOUNTRY", RestoreCode::NoOrderCountry),
            ("DATEDIFFINVERT", RestoreCode::DateDiffInvert),
            ("NOSERVICEDATA", RestoreCode::NoServiceData),
            ("Service not found", RestoreCode::NoServiceData),
        ];
        for (msg, code) in cases {
            assert_eq!(ApiError::from_msg(msg).kind, ErrorKind::Restore(code), "{msg}");
        }
        for msg in ["NOBALANCE", "NOBALANCE: Today need 12.5", "Balance is not enough"] {
            assert_eq!(ApiError::from_msg(msg).kind, ErrorKind::LowBalance, "{msg}");
        }
    }

    #[test]
    fn common_messages() {
        let cases = [
            ("order not found", ErrorKind::OrderNotFound),
            ("Error: incorrect order id", ErrorKind::OrderNotFound),
            ("No free numbers for this service", ErrorKind::NoNumbers),
            (
                "You can prolong number only if before expiring date left less 7 days",
                ErrorKind::ProlongNotAllowed,
            ),
            ("The maximum rental period is 90 days", ErrorKind::ProlongCap),
            ("Something odd", ErrorKind::Rejected),
        ];
        for (msg, kind) in cases {
            let e = ApiError::from_msg(msg);
            assert_eq!(e.kind, kind, "{msg}");
            assert_eq!(e.detail, msg);
        }
    }

    #[test]
    fn plain_text_bad_key_and_html_errors() {
        let raw = RawResponse::new(200, "text/html", "API KEY NOT FOUND!");
        assert_eq!(ApiError::from_non_json(Method::Orders, &raw).kind, ErrorKind::BadKey);
        let page = "<html><body><h1>502 Bad Gateway</h1>\n<hr>nginx</body></html>";
        let e = ApiError::from_non_json(Method::Orders, &RawResponse::new(502, "text/html", page));
        assert_eq!(e.kind, ErrorKind::Http(502));
        assert_eq!(e.kind.message_key(), "error-server");
        let e = ApiError::from_non_json(
            Method::Orders,
            &RawResponse::new(200, "text/html", "<html>hi</html>"),
        );
        assert_eq!(e.kind, ErrorKind::NotJson);
    }

    #[test]
    fn snippets_are_short_and_single_line() {
        let long = "x\n".repeat(1000);
        let e = ApiError::from_non_json(Method::Orders, &RawResponse::new(500, "text/plain", long));
        assert!(e.detail.chars().count() <= 200 && !e.detail.contains('\n'));
    }

    #[test]
    fn every_kind_has_a_distinct_key_where_it_matters() {
        let mut keys: Vec<_> = RestoreCode::ALL.map(|c| ErrorKind::Restore(c).message_key()).into();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), 6);
        assert_eq!(ErrorKind::Http(429).message_key(), "error-rate-limited");
    }
}
