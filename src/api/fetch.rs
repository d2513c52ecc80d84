//! The real transport: one GET with the browser's fetch (gloo-net), bounded
//! by a timeout that aborts the request.

use futures::future::{Either, select};
use gloo_net::http::Request;
use gloo_timers::future::TimeoutFuture;
use rentapi::transport::{LocalFuture, Outgoing};
use rentapi::{RawResponse, Transport, TransportError};

/// Sends queries to a configured `rent.php` URL (absolute, or relative to
/// the page for the relay that serves the app).
#[derive(Debug, Clone)]
pub struct FetchTransport {
    endpoint: String,
    timeout_ms: u32,
}

/// How long an answer may take (demo mode's worker waits as long).
pub(super) const TIMEOUT_MS: u32 = 20_000;

/// The end-to-end tests (against the simulator, never the provider)
/// shorten the time limit via localStorage, like `smsrent.min_gap_ms`, to
/// lose a write's answer quickly; 1 s .. 2 min.
const TIMEOUT_STORAGE: &str = crate::store::keys::TIMEOUT_MS;

/// [`TIMEOUT_MS`], unless `smsrent.timeout_ms` says otherwise (in the
/// browser only: the host's tests have no storage).
fn timeout_ms() -> u32 {
    #[cfg(target_arch = "wasm32")]
    {
        let set =
            crate::store::storage::get(TIMEOUT_STORAGE).and_then(|v| v.trim().parse::<u32>().ok());
        set.map_or(TIMEOUT_MS, |ms| ms.clamp(1_000, 120_000))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = TIMEOUT_STORAGE;
        TIMEOUT_MS
    }
}

impl FetchTransport {
    pub fn new(endpoint: impl Into<String>) -> Self {
        Self { endpoint: endpoint.into(), timeout_ms: timeout_ms() }
    }

    fn url(&self, query: &str) -> String {
        let sep = if self.endpoint.contains('?') { '&' } else { '?' };
        format!("{}{sep}{query}", self.endpoint)
    }
}

impl Transport for FetchTransport {
    fn send(&self, req: Outgoing) -> LocalFuture<'_, Result<RawResponse, TransportError>> {
        let url = self.url(&req.query);
        let timeout = TimeoutFuture::new(self.timeout_ms);
        Box::pin(async move {
            let controller = web_sys::AbortController::new().ok();
            let signal = controller.as_ref().map(|c| c.signal());
            let exchange = Box::pin(async move {
                let resp = Request::get(&url).abort_signal(signal.as_ref()).send().await?;
                let content_type = resp.headers().get("content-type").unwrap_or_default();
                let body = resp.binary().await?;
                Ok::<_, gloo_net::Error>(RawResponse { status: resp.status(), content_type, body })
            });
            match select(exchange, timeout).await {
                Either::Left((Ok(raw), _)) => Ok(raw),
                // The error text of a failed fetch never carries the URL (and so never the key).
                Either::Left((Err(err), _)) => {
                    Err(TransportError::Network(redact(&err.to_string())))
                }
                Either::Right(_) => {
                    if let Some(c) = controller {
                        c.abort();
                    }
                    Err(TransportError::Timeout)
                }
            }
        })
    }
}

/// Belt and braces, should an error quote a URL: the core's rule, the
/// relay's too (every spelling PHP reads as `apikey`).
fn redact(text: &str) -> String {
    rentapi::redact::redact(text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_redaction() {
        assert_eq!(
            FetchTransport::new("api/rent.php").url("method=orders"),
            "api/rent.php?method=orders"
        );
        assert_eq!(
            FetchTransport::new("https://x/rent.php?a=1").url("m=2"),
            "https://x/rent.php?a=1&m=2"
        );
        assert_eq!(
            redact("GET https://x/?method=orders&apikey=SECRET&id=1 failed"),
            "GET https://x/?method=orders&apikey=***&id=1 failed"
        );
        assert_eq!(
            redact("GET https://x/?APIKEY[]=SECRET failed"),
            "GET https://x/?APIKEY[]=*** failed"
        );
    }
}
