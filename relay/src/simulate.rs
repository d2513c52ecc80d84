//! `--simulate`: the core crate's simulator of the rent API instead of an
//! upstream, behind a mutex, plus the opt-in test control surface
//! (`GET BASE/_sim/ACTION?QUERY`, only with `--control`).

use std::sync::Mutex;
use std::time::Duration;

use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use chrono::Utc;
use rentapi::RawResponse;
use rentapi::sim::{SimConfig, Simulator};

use crate::config::Config;
use crate::envelope;

/// The simulator's settings for the given flags: `SimConfig::test()` (or
/// `SimConfig::demo()` with `--demo-clock`) with `--seed`, `--drift`,
/// `--fail-rate` and `--latency-ms` applied.
pub fn sim_config(config: &Config) -> SimConfig {
    let mut sim = if config.demo_clock { SimConfig::demo() } else { SimConfig::test() };
    if let Some(seed) = config.seed {
        sim.seed = seed;
    }
    if config.drift {
        sim.drift = true;
    }
    if let Some(rate) = config.fail_rate {
        sim.fail_rate = rate;
    }
    if let Some(ms) = config.latency_ms {
        sim.latency_ms = ms;
    }
    sim
}

/// The hosted simulator.
pub struct SimHost {
    sim: Mutex<Simulator>,
    latency: Duration,
    control: bool,
}

impl std::fmt::Debug for SimHost {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SimHost")
            .field("latency", &self.latency)
            .field("control", &self.control)
            .finish()
    }
}

/// How long a stalled answer is held back: past the app's time limit.
const STALL: Duration = Duration::from_secs(30);

impl SimHost {
    pub fn new(config: &Config) -> Self {
        let cfg = sim_config(config);
        let latency = Duration::from_millis(cfg.latency_ms);
        Self { sim: Mutex::new(Simulator::new(cfg, Utc::now())), latency, control: config.control }
    }

    /// Whether `/_sim/...` is on.
    pub fn control_enabled(&self) -> bool {
        self.control
    }

    /// One rent.php query, after the configured latency.
    pub async fn handle(&self, query: &str) -> Response {
        if !self.latency.is_zero() {
            tokio::time::sleep(self.latency).await;
        }
        let (raw, stall) = {
            let mut sim = self.lock();
            let raw = sim.handle(query, Utc::now());
            (raw, sim.take_stall())
        };
        // A "stall" sabotage: the request was carried out, its answer comes
        // too late for any client (a timeout after a write, for tests).
        if stall {
            tokio::time::sleep(STALL).await;
        }
        to_response(raw)
    }

    /// One control action; 404 unless `--control`.
    pub fn control(&self, action: &str, query: &str) -> Response {
        if !self.control {
            return envelope::not_found();
        }
        let raw = self.lock().control(action, query, Utc::now());
        to_response(raw)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Simulator> {
        // A panic inside the simulator must not take every later request down.
        self.sim.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Whether a control request may run: it comes from a loopback peer, names
/// a loopback host, and, when it says where it comes from (`Origin`), that
/// is a loopback page too. `--control` itself needs a loopback listen
/// address (checked at start).
pub fn control_allowed(req: &Request) -> bool {
    let peer_ok = crate::listen::peer(req).is_some_and(|a| a.ip().is_loopback());
    let host_ok =
        req.headers().get(header::HOST).and_then(|h| h.to_str().ok()).is_some_and(is_loopback_host);
    let origin_ok = match req.headers().get(header::ORIGIN) {
        None => true,
        Some(o) => o
            .to_str()
            .ok()
            .and_then(|o| reqwest::Url::parse(o).ok())
            .is_some_and(|u| u.host_str().is_some_and(is_loopback_host)),
    };
    peer_ok && host_ok && origin_ok
}

/// `localhost`, `*.localhost`, 127.0.0.0/8 or `::1`, with or without a port.
pub fn is_loopback_host(host: &str) -> bool {
    let name = crate::guard::normalize_host(host);
    name == "localhost"
        || name.ends_with(".localhost")
        || name.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

fn to_response(raw: RawResponse) -> Response {
    let mut res = Response::new(Body::from(raw.body));
    *res.status_mut() =
        StatusCode::from_u16(raw.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let headers = res.headers_mut();
    if let Ok(ct) = HeaderValue::from_str(&raw.content_type) {
        headers.insert(header::CONTENT_TYPE, ct);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::extract::ConnectInfo;

    fn req(peer: &str, host: &str, origin: Option<&str>) -> Request {
        let mut b = axum::http::Request::builder().uri("/_sim/time").header("host", host);
        if let Some(o) = origin {
            b = b.header("origin", o);
        }
        let mut r = b.body(Body::empty()).unwrap();
        let peer: std::net::SocketAddr = peer.parse().unwrap();
        r.extensions_mut().insert(ConnectInfo(peer));
        r
    }

    #[test]
    fn control_from_loopback_only() {
        assert!(control_allowed(&req("127.0.0.1:5", "127.0.0.1:8787", None)));
        assert!(control_allowed(&req("[::1]:5", "[::1]:8787", Some("http://localhost:8787"))));
        assert!(control_allowed(&req("127.0.0.1:5", "app.localhost", None)));
        assert!(!control_allowed(&req("10.0.0.2:5", "127.0.0.1:8787", None)), "peer");
        assert!(!control_allowed(&req("127.0.0.1:5", "relay.example", None)), "host");
        assert!(!control_allowed(&req("127.0.0.1:5", "localhost", Some("https://evil.example"))));
        assert!(!control_allowed(&req("127.0.0.1:5", "localhost", Some("null"))));
    }
}
