//! What keeps the relay from being an open proxy, and the per-client rate
//! limit. Every refusal is a 4xx in the API's envelope.
//!
//! In order, a request is refused when:
//! 1. its method is not GET, HEAD or OPTIONS (405; OPTIONS never gets here,
//!    the CORS layer answers it);
//! 2. its target is in absolute form (`GET http://host/...`, 400): browsers
//!    never send that, only clients that take the relay for a proxy;
//! 3. its Host header names another host (421): see [`HostPolicy`]; this also
//!    stops DNS-rebinding pages from reaching a relay on loopback;
//! 4. its path hides traversal or separators: `..`/`.` segments, empty
//!    segments, a backslash, or a percent-encoded `.`, `/`, `\` or NUL (400);
//! 5. it is an API request (`BASE/api/...` or `BASE/_sim/...`) beyond its
//!    client IP's rate (429 with `Retry-After`).
//!
//! Paths that pass all that but are not served get a 404 from the router.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::AppState;
use crate::envelope;

/// The middleware: refuses what [`check`] refuses, rate-limits API paths.
pub async fn guard(State(state): State<Arc<AppState>>, req: Request, next: Next) -> Response {
    if let Err(refusal) = check(&req, &state.hosts) {
        return refusal.into_response();
    }
    let path = req.uri().path();
    let is_api = path
        .strip_prefix(state.base.as_str())
        .is_some_and(|rest| rest.starts_with("api/") || rest.starts_with("_sim/"));
    if is_api {
        let ip = req
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map_or(IpAddr::from([0, 0, 0, 0]), |ConnectInfo(addr)| addr.ip());
        if let Err(wait) = state.limiter.check(ip, Instant::now()) {
            return too_many(wait);
        }
    }
    next.run(req).await
}

/// Why a request was refused before routing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// 405: not GET, HEAD or OPTIONS.
    Method(Method),
    /// 400: `GET http://host/...` or another non-origin form.
    AbsoluteForm,
    /// 421: the Host header names another host.
    ForeignHost,
    /// 400: traversal or hidden separators in the path.
    Path,
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        const NOT_A_PROXY: &str = "(this relay is not an open proxy)";
        match self {
            Refusal::Method(method) => {
                let mut res = envelope::error(
                    StatusCode::METHOD_NOT_ALLOWED,
                    format!("relay: method {method} refused (only GET, HEAD and OPTIONS)"),
                );
                res.headers_mut()
                    .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD, OPTIONS"));
                res
            }
            Refusal::AbsoluteForm => envelope::error(
                StatusCode::BAD_REQUEST,
                format!("relay: absolute-form request target refused {NOT_A_PROXY}"),
            ),
            Refusal::ForeignHost => envelope::error(
                StatusCode::MISDIRECTED_REQUEST,
                format!("relay: request aimed at another host refused {NOT_A_PROXY}"),
            ),
            Refusal::Path => envelope::error(StatusCode::BAD_REQUEST, "relay: path refused"),
        }
    }
}

/// The static part of the guard: method, target form, Host, path hygiene.
pub fn check<B>(req: &axum::http::Request<B>, hosts: &HostPolicy) -> Result<(), Refusal> {
    let method = req.method();
    if method != Method::GET && method != Method::HEAD && method != Method::OPTIONS {
        return Err(Refusal::Method(method.clone()));
    }
    let uri = req.uri();
    if uri.scheme().is_some() || uri.authority().is_some() {
        return Err(Refusal::AbsoluteForm);
    }
    if let Some(host) = req.headers().get(header::HOST)
        && !host.to_str().ok().is_some_and(|h| hosts.allows(h))
    {
        return Err(Refusal::ForeignHost);
    }
    if !is_clean_path(uri.path()) {
        return Err(Refusal::Path);
    }
    Ok(())
}

/// No traversal, no hidden separators, no empty segments.
pub fn is_clean_path(path: &str) -> bool {
    if !path.starts_with('/') || path.contains('\\') {
        return false;
    }
    let lower = path.to_ascii_lowercase();
    if ["%2e", "%2f", "%5c", "%00"].iter().any(|bad| lower.contains(bad)) {
        return false;
    }
    let segments: Vec<&str> = path[1..].split('/').collect();
    let last = segments.len() - 1;
    segments.iter().enumerate().all(|(i, seg)| {
        *seg != "." && *seg != ".." && (!seg.is_empty() || i == last) // a trailing slash is fine
    })
}

fn too_many(wait: Duration) -> Response {
    let secs = wait.as_secs_f64().ceil().max(1.0) as u64;
    let mut res = envelope::error(
        StatusCode::TOO_MANY_REQUESTS,
        format!("relay: too many requests from this address, retry in {secs} s"),
    );
    res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(secs));
    res
}

/// 429 for a client that already has its share of API calls in flight.
pub fn too_many_in_flight() -> Response {
    let mut res = envelope::error(
        StatusCode::TOO_MANY_REQUESTS,
        "relay: too many requests in flight from this address, retry in 1 s",
    );
    res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(1));
    res
}

/// Which Host header values the relay answers to (names compared without
/// port, case-insensitively):
/// - always the loopback names: `localhost`, `*.localhost`, `127.0.0.1`,
///   `::1`;
/// - the listen IP when it is a specific address;
/// - every `--allow-host` name;
/// - anything when `--allow-host '*'` is given, or when the relay listens on
///   an unspecified address (0.0.0.0 / ::) and no `--allow-host` is given
///   (it cannot know its own names then).
#[derive(Debug, Clone)]
pub struct HostPolicy {
    any: bool,
    names: Vec<String>,
}

impl HostPolicy {
    pub fn new(listen: SocketAddr, extra: &[String]) -> Self {
        let any = extra.iter().any(|h| h.trim() == "*")
            || (listen.ip().is_unspecified() && extra.is_empty());
        let mut names: Vec<String> =
            ["localhost", "127.0.0.1", "::1"].iter().map(|s| (*s).to_owned()).collect();
        if !listen.ip().is_unspecified() {
            names.push(listen.ip().to_string());
        }
        names.extend(extra.iter().map(|h| normalize_host(h)));
        Self { any, names }
    }

    /// Whether a Host header value (`name[:port]`) is one of ours.
    pub fn allows(&self, host_header: &str) -> bool {
        if self.any {
            return true;
        }
        let name = normalize_host(host_header);
        !name.is_empty() && (name.ends_with(".localhost") || self.names.contains(&name))
    }
}

/// `Example.COM.:8080` → `example.com`; `[::1]:80` → `::1`.
pub fn normalize_host(h: &str) -> String {
    let h = h.trim();
    let name = if let Some(rest) = h.strip_prefix('[') {
        rest.split(']').next().unwrap_or("")
    } else {
        match h.rsplit_once(':') {
            Some((name, port)) if port.bytes().all(|c| c.is_ascii_digit()) => name,
            _ => h,
        }
    };
    name.trim_end_matches('.').to_ascii_lowercase()
}

/// A token bucket per client IP: holds up to `per_minute` tokens, refilled
/// continuously at `per_minute` a minute; each API request takes one.
#[derive(Debug)]
pub struct RateLimiter {
    per_minute: u32,
    buckets: Mutex<HashMap<IpAddr, Bucket>>,
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    last: Instant,
}

/// Buckets kept before idle, full ones are dropped.
const PRUNE_ABOVE: usize = 4096;

impl RateLimiter {
    /// `per_minute == 0` turns the limit off.
    pub fn new(per_minute: u32) -> Self {
        Self { per_minute, buckets: Mutex::new(HashMap::new()) }
    }

    /// Takes a token for `ip`, or says how long until one is free.
    pub fn check(&self, ip: IpAddr, now: Instant) -> Result<(), Duration> {
        if self.per_minute == 0 {
            return Ok(());
        }
        let capacity = f64::from(self.per_minute);
        let per_sec = capacity / 60.0;
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        if buckets.len() > PRUNE_ABOVE {
            buckets.retain(|_, b| {
                b.tokens + now.saturating_duration_since(b.last).as_secs_f64() * per_sec < capacity
            });
        }
        let b = buckets.entry(ip).or_insert(Bucket { tokens: capacity, last: now });
        let elapsed = now.saturating_duration_since(b.last).as_secs_f64();
        b.tokens = (b.tokens + elapsed * per_sec).min(capacity);
        b.last = now;
        if b.tokens >= 1.0 {
            b.tokens -= 1.0;
            Ok(())
        } else {
            Err(Duration::from_secs_f64((1.0 - b.tokens) / per_sec))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_paths() {
        for p in ["/", "/api/rent.php", "/smsrent/", "/a/b.c/d", "/orders/12", "/x%20y"] {
            assert!(is_clean_path(p), "{p}");
        }
        for p in [
            "/api/%2e%2e/x",
            "/api/%2E%2E/x",
            "/api/../x",
            "/./x",
            "/a%2fb",
            "/a%5cb",
            "/a\\b",
            "//evil.example/x",
            "/a//b",
            "/%00",
            "x",
        ] {
            assert!(!is_clean_path(p), "{p}");
        }
    }

    #[test]
    fn check_refusals() {
        let hosts = HostPolicy::new("127.0.0.1:8787".parse().unwrap(), &[]);
        let req = |method: &str, uri: &str, host: &str| {
            axum::http::Request::builder()
                .method(method)
                .uri(uri)
                .header("host", host)
                .body(())
                .unwrap()
        };
        assert_eq!(check(&req("GET", "/api/rent.php?x=1", "127.0.0.1:8787"), &hosts), Ok(()));
        assert_eq!(check(&req("HEAD", "/", "localhost"), &hosts), Ok(()));
        assert_eq!(
            check(&req("POST", "/api/rent.php", "localhost"), &hosts),
            Err(Refusal::Method(Method::POST))
        );
        assert_eq!(
            check(&req("GET", "http://localhost/api/rent.php", "localhost"), &hosts),
            Err(Refusal::AbsoluteForm)
        );
        assert_eq!(check(&req("GET", "/", "evil.example"), &hosts), Err(Refusal::ForeignHost));
        assert_eq!(check(&req("GET", "/api/%2e%2e/x", "localhost"), &hosts), Err(Refusal::Path));
        let res = Refusal::Method(Method::PUT).into_response();
        assert_eq!(res.status(), StatusCode::METHOD_NOT_ALLOWED);
        assert_eq!(res.headers()[header::ALLOW], "GET, HEAD, OPTIONS");
    }

    #[test]
    fn hosts_on_loopback() {
        let p = HostPolicy::new("127.0.0.1:8787".parse().unwrap(), &[]);
        for h in ["127.0.0.1:8787", "localhost:8787", "LOCALHOST", "[::1]:8787", "app.localhost:1"]
        {
            assert!(p.allows(h), "{h}");
        }
        for h in ["evil.example", "evil.example:8787", "127.0.0.2", "", "localhost.evil.example"] {
            assert!(!p.allows(h), "{h}");
        }
        let p = HostPolicy::new("127.0.0.1:8787".parse().unwrap(), &["Relay.Example.".into()]);
        assert!(p.allows("relay.example:443"));
        assert!(!p.allows("other.example"));
    }

    #[test]
    fn hosts_on_unspecified_address() {
        let p = HostPolicy::new("0.0.0.0:8787".parse().unwrap(), &[]);
        assert!(p.allows("192.168.1.5:8787"));
        let p = HostPolicy::new("0.0.0.0:8787".parse().unwrap(), &["relay.example".into()]);
        assert!(!p.allows("192.168.1.5:8787"));
        assert!(p.allows("relay.example"));
        let p = HostPolicy::new("10.0.0.1:8787".parse().unwrap(), &[]);
        assert!(p.allows("10.0.0.1:8787"));
        assert!(!p.allows("10.0.0.2:8787"));
    }

    #[test]
    fn bucket_allows_a_minute_then_refills() {
        let l = RateLimiter::new(3);
        let ip: IpAddr = "127.0.0.1".parse().unwrap();
        let other: IpAddr = "127.0.0.2".parse().unwrap();
        let t0 = Instant::now();
        for _ in 0..3 {
            assert!(l.check(ip, t0).is_ok());
        }
        let wait = l.check(ip, t0).unwrap_err();
        assert!((19.0..=20.5).contains(&wait.as_secs_f64()), "{wait:?}");
        assert!(l.check(other, t0).is_ok(), "buckets are per IP");
        assert!(l.check(ip, t0 + Duration::from_secs(21)).is_ok());
        assert!(l.check(ip, t0 + Duration::from_secs(21)).is_err());
    }

    #[test]
    fn zero_means_unlimited() {
        let l = RateLimiter::new(0);
        let ip: IpAddr = "127.0.0.1".parse().unwrap();
        let t0 = Instant::now();
        assert!((0..10_000).all(|_| l.check(ip, t0).is_ok()));
    }

    #[test]
    fn idle_buckets_are_pruned() {
        let l = RateLimiter::new(60);
        let t0 = Instant::now();
        for i in 0..=PRUNE_ABOVE as u32 {
            l.check(IpAddr::from(i.to_be_bytes()), t0).unwrap();
        }
        l.check("10.9.9.9".parse().unwrap(), t0 + Duration::from_secs(120)).unwrap();
        assert_eq!(l.buckets.lock().unwrap().len(), 1);
    }
}
