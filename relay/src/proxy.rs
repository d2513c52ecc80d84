//! Forwarding `GET BASE/api/rent.php?QUERY` to `UPSTREAM/api/rent.php?QUERY`:
//! the upstream's status, content type and body come back unchanged; no
//! other header goes either way. Failures become API envelopes: timeout →
//! 504, unreachable or oversized answer → 502.

use std::error::Error as _;
use std::time::Duration;

use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use reqwest::Url;

use crate::config::{Config, KNOWN_UPSTREAM_HOSTS};
use crate::envelope;
use crate::redact::redact;

/// The path forwarded, relative to the base path and to the upstream.
pub const API_PATH: &str = "api/rent.php";

/// Checks `--upstream`: http(s) only, no credentials, query or fragment; a
/// known host over https unless `allow_custom`. Returns the rent.php URL.
pub fn upstream_endpoint(upstream: &str, allow_custom: bool) -> Result<Url, String> {
    let url = Url::parse(upstream.trim()).map_err(|e| format!("bad --upstream URL: {e}"))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err("--upstream must be an http(s) URL".into());
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err("--upstream must not carry credentials".into());
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err("--upstream must not have a query or fragment".into());
    }
    let host = url.host_str().unwrap_or("").trim_end_matches('.').to_ascii_lowercase();
    let known = KNOWN_UPSTREAM_HOSTS.contains(&host.as_str());
    if !allow_custom {
        if !known {
            return Err(format!(
                "--upstream host {host} is not a known rent API host ({}); \
                 pass --allow-custom-upstream for a mirror",
                KNOWN_UPSTREAM_HOSTS.join(", ")
            ));
        }
        if url.scheme() != "https" || url.port().is_some_and(|p| p != 443) {
            return Err("--upstream must be https on the default port for a known host".into());
        }
    }
    let base = url.as_str().trim_end_matches('/');
    Url::parse(&format!("{base}/{API_PATH}")).map_err(|e| format!("bad --upstream URL: {e}"))
}

/// The forwarding client and its limits.
#[derive(Debug, Clone)]
pub struct Upstream {
    client: reqwest::Client,
    endpoint: Url,
    timeout: Duration,
    body_limit: usize,
}

/// Why forwarding gave no answer to pass on.
#[derive(Debug)]
enum Failure {
    Timeout,
    TooLarge,
    Request(reqwest::Error),
}

impl Upstream {
    pub fn new(config: &Config) -> Result<Self, String> {
        let endpoint = upstream_endpoint(&config.upstream, config.allow_custom_upstream)?;
        let timeout = config.upstream_timeout();
        let client = reqwest::Client::builder()
            .user_agent(concat!("smsrent-relay/", env!("CARGO_PKG_VERSION")))
            .redirect(reqwest::redirect::Policy::none())
            .https_only(!config.allow_custom_upstream)
            .no_proxy()
            .connect_timeout(timeout)
            .pool_idle_timeout(Duration::from_secs(60))
            .build()
            .map_err(|e| format!("cannot build the HTTP client: {}", e.without_url()))?;
        Ok(Self { client, endpoint, timeout, body_limit: config.upstream_body_limit })
    }

    /// The rent.php URL forwarded to.
    pub fn endpoint(&self) -> &Url {
        &self.endpoint
    }

    /// Forwards one query (what followed `?`, unchanged) and answers with
    /// the upstream's status, content type and body, or an envelope.
    pub async fn forward(&self, query: Option<&str>) -> Response {
        let mut url = self.endpoint.clone();
        url.set_query(query.filter(|q| !q.is_empty()));
        let outcome = tokio::time::timeout(self.timeout, self.fetch(url)).await;
        let failure = match outcome {
            Ok(Ok((status, content_type, body))) => {
                let mut res = Response::new(Body::from(body));
                *res.status_mut() = status;
                let headers = res.headers_mut();
                if let Some(ct) = content_type {
                    headers.insert(header::CONTENT_TYPE, ct);
                }
                headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
                return res;
            }
            Ok(Err(failure)) => failure,
            Err(_) => Failure::Timeout,
        };
        let secs = self.timeout.as_secs_f64();
        match failure {
            Failure::Request(e) if e.is_timeout() => timed_out(secs),
            Failure::Timeout => timed_out(secs),
            Failure::TooLarge => {
                tracing::warn!(limit = self.body_limit, "upstream answer too large");
                envelope::error(
                    StatusCode::BAD_GATEWAY,
                    format!(
                        "relay: the upstream's answer is larger than {} bytes",
                        self.body_limit
                    ),
                )
            }
            Failure::Request(e) => {
                let text = error_text(e);
                tracing::warn!(error = %text, "upstream unreachable");
                envelope::error(
                    StatusCode::BAD_GATEWAY,
                    format!("relay: the upstream could not be reached: {text}"),
                )
            }
        }
    }

    async fn fetch(&self, url: Url) -> Result<(StatusCode, Option<HeaderValue>, Vec<u8>), Failure> {
        let mut res = self.client.get(url).send().await.map_err(Failure::Request)?;
        let status = StatusCode::from_u16(res.status().as_u16()).unwrap_or(StatusCode::BAD_GATEWAY);
        let content_type = res
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| HeaderValue::from_bytes(v.as_bytes()).ok());
        let declared = res.content_length().unwrap_or(0);
        if declared > self.body_limit as u64 {
            return Err(Failure::TooLarge);
        }
        let mut body = Vec::with_capacity(declared as usize);
        while let Some(chunk) = res.chunk().await.map_err(Failure::Request)? {
            if body.len() + chunk.len() > self.body_limit {
                return Err(Failure::TooLarge);
            }
            body.extend_from_slice(&chunk);
        }
        Ok((status, content_type, body))
    }
}

fn timed_out(secs: f64) -> Response {
    tracing::warn!(timeout_secs = secs, "upstream timed out");
    envelope::error(
        StatusCode::GATEWAY_TIMEOUT,
        format!("relay: the upstream did not answer within {secs} s"),
    )
}

/// A reqwest error as one line, without its URL (which holds the key) and
/// redacted on top, with the chain of causes.
fn error_text(e: reqwest::Error) -> String {
    let e = e.without_url();
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    redact(&text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_hosts_over_https() {
        assert_eq!(
            upstream_endpoint("https://smspva.com", false).unwrap().as_str(),
            "https://smspva.com/api/rent.php"
        );
        assert_eq!(
            upstream_endpoint("https://simsms.org/", false).unwrap().as_str(),
            "https://simsms.org/api/rent.php"
        );
        assert!(upstream_endpoint("http://smspva.com", false).is_err());
        assert!(upstream_endpoint("https://smspva.com:8443", false).is_err());
        assert!(upstream_endpoint("https://evil.example", false).is_err());
        assert!(upstream_endpoint("https://smspva.com.evil.example", false).is_err());
        assert!(upstream_endpoint("https://user:pw@smspva.com", false).is_err());
        assert!(upstream_endpoint("https://smspva.com/?a=1", false).is_err());
        assert!(upstream_endpoint("ftp://smspva.com", false).is_err());
    }

    #[test]
    fn custom_upstream_needs_the_flag() {
        assert!(upstream_endpoint("http://127.0.0.1:9000", false).is_err());
        assert_eq!(
            upstream_endpoint("http://127.0.0.1:9000", true).unwrap().as_str(),
            "http://127.0.0.1:9000/api/rent.php"
        );
        assert_eq!(
            upstream_endpoint("https://mirror.example/sms/", true).unwrap().as_str(),
            "https://mirror.example/sms/api/rent.php"
        );
    }
}
