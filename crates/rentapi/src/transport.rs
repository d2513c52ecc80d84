//! One GET query in, status + content type + bytes out. The browser's fetch,
//! the in-process simulator and test fixtures all implement [`Transport`], so
//! one client runs over any of them.

use std::future::Future;
use std::pin::Pin;

use crate::method::Method;
use crate::schedule::Priority;

/// What one GET to `rent.php` gave back, before any decoding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawResponse {
    /// The HTTP status code.
    pub status: u16,
    /// The `Content-Type` header, as sent.
    pub content_type: String,
    /// The body's bytes, undecoded.
    pub body: Vec<u8>,
}

impl RawResponse {
    /// A response with any status and content type.
    pub fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        Self { status, content_type: content_type.to_owned(), body: body.into() }
    }

    /// A JSON answer with HTTP 200, as the provider sends every API result.
    pub fn json(body: impl Into<Vec<u8>>) -> Self {
        Self::new(200, "application/json; charset=utf-8", body)
    }

    /// The body as text, lossily: for error snippets and logs.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Why no response arrived at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransportError {
    /// The request never got an answer: offline, DNS, refused, or a CORS
    /// refusal (the browser reports those the same way).
    Network(String),
    /// No answer within the transport's time limit.
    Timeout,
}

/// A boxed future that need not be `Send`: browser futures are not.
pub type LocalFuture<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;

/// One request on its way out: the full query for the wire, and what a
/// scheduler needs to order, merge and retry it without parsing it again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    /// Which API method the query calls.
    pub method: Method,
    /// The GET query string (after `?`), `apikey` included.
    pub query: String,
    /// The same without the key: safe to log, identical for identical reads.
    pub key_free: String,
    /// Who is waiting for it.
    pub priority: Priority,
}

/// Sends one GET query to the configured `rent.php` endpoint.
pub trait Transport {
    /// Sends `req` and gives back whatever came back, or why nothing did.
    /// Never retries: retrying is the scheduler's call.
    fn send(&self, req: Outgoing) -> LocalFuture<'_, Result<RawResponse, TransportError>>;
}

/// How the provider failed to answer. Decided here, once: what a read is
/// retried after (the scheduler's driver) and what the status line says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoAnswer {
    /// An error page or status from the provider or a proxy on the way (5xx).
    ErrorPage(u16),
    /// Too many requests (429).
    Busy,
    /// No answer within the time limit.
    Timeout,
    /// Not reached at all: offline, DNS, refused.
    Unreachable,
}

impl NoAnswer {
    /// `Some` when `answer` is no real answer, worth another try.
    pub fn of(answer: &Result<RawResponse, TransportError>) -> Option<Self> {
        match answer {
            Err(TransportError::Timeout) => Some(NoAnswer::Timeout),
            Err(TransportError::Network(_)) => Some(NoAnswer::Unreachable),
            Ok(raw) if raw.status == 429 => Some(NoAnswer::Busy),
            Ok(raw) if raw.status >= 500 => Some(NoAnswer::ErrorPage(raw.status)),
            Ok(_) => None,
        }
    }

    /// The same for an error already classified.
    pub fn of_error(kind: crate::ErrorKind) -> Option<Self> {
        use crate::ErrorKind;
        match kind {
            ErrorKind::Timeout => Some(NoAnswer::Timeout),
            ErrorKind::Network => Some(NoAnswer::Unreachable),
            ErrorKind::Http(429) => Some(NoAnswer::Busy),
            ErrorKind::Http(s) if s >= 500 => Some(NoAnswer::ErrorPage(s)),
            _ => None,
        }
    }

    /// The translation key of how it failed (`{status}` for an error page).
    pub fn message_key(self) -> &'static str {
        match self {
            NoAnswer::ErrorPage(_) => "trouble-error-page",
            NoAnswer::Busy => "trouble-busy",
            NoAnswer::Timeout => "trouble-timeout",
            NoAnswer::Unreachable => "trouble-unreachable",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn what_counts_as_no_answer() {
        let with = |status| Ok(RawResponse::new(status, "text/html", "<h1>Bad gateway</h1>"));
        assert_eq!(NoAnswer::of(&with(502)), Some(NoAnswer::ErrorPage(502)));
        assert_eq!(NoAnswer::of(&with(429)), Some(NoAnswer::Busy));
        assert_eq!(NoAnswer::of(&Err(TransportError::Timeout)), Some(NoAnswer::Timeout));
        let refused = Err(TransportError::Network("refused".into()));
        assert_eq!(NoAnswer::of(&refused), Some(NoAnswer::Unreachable));
        // An answer, even a refusal or a 404, is not retried.
        assert_eq!(NoAnswer::of(&with(404)), None);
        assert_eq!(NoAnswer::of(&Ok(RawResponse::json(r#"{"status":0,"msg":"x"}"#))), None);
        assert_eq!(NoAnswer::of_error(ErrorKind::Http(503)), Some(NoAnswer::ErrorPage(503)));
        assert_eq!(NoAnswer::of_error(ErrorKind::BadKey), None);
    }
}
