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
    pub status: u16,
    pub content_type: String,
    pub body: Vec<u8>,
}

impl RawResponse {
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
    pub method: Method,
    /// The GET query string (after `?`), `apikey` included.
    pub query: String,
    /// The same without the key: safe to log, identical for identical reads.
    pub key_free: String,
    pub priority: Priority,
}

/// Sends one GET query to the configured `rent.php` endpoint.
pub trait Transport {
    fn send(&self, req: Outgoing) -> LocalFuture<'_, Result<RawResponse, TransportError>>;
}
