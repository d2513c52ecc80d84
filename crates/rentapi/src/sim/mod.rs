//! A simulator of the whole rent API, in process: the browser's demo mode
//! runs it in a Web Worker (wasm, as a [`DemoSession`]), and the relay
//! serves it over HTTP for end-to-end tests.
//!
//! One raw GET query in, status + content type + bytes out, exactly as the
//! provider answers, including its plain-text key error, the documented
//! error texts and (on request) the known drift and proxy failures. Time is
//! always passed in; nothing runs in the background, so the same seed and the
//! same calls at the same times give the same bytes.
//!
//! Where things are: [`config`](SimConfig) options; `world` state; `demo`
//! the seeded demo world and its ids; `catalog` countries, services, prices;
//! `clock` simulated time and lazy transitions; `lists`, `rent`, `manage`,
//! `restore` the handlers; `drift` response shapes; `faults` injected 502s;
//! `control` the test-only control surface; [`msg`] every error text.

mod bench;
mod catalog;
mod clock;
mod config;
mod control;
mod counters;
pub mod demo;
mod drift;
mod faults;
mod handlers;
mod json;
mod lists;
mod manage;
pub mod msg;
mod params;
mod rent;
mod restore;
mod rng;
mod seed;
mod session;
mod sparse;
mod texts;
mod world;

#[cfg(test)]
mod tests;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::method::Method;
use crate::transport::RawResponse;

pub use bench::MAX_ORDERS;
pub use config::SimConfig;
pub use counters::{Counters, KeyCounters};
pub use counters::{MAX_COUNTED_KEYS, MAX_NAMES};
pub use seed::MAX_ACCOUNTS;
pub use session::DemoSession;

use handlers::Fail;
use params::Params;
use rng::Rng;
use world::World;

/// The key demo mode uses: a seeded account with orders in every state and an archive.
pub const DEMO_KEY: &str = "demo";

/// The whole simulated service. Serialisable as a whole, so the app can keep
/// the demo's state in `localStorage` and pick it up after a reload.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Simulator {
    cfg: SimConfig,
    /// Added to the caller's `now`; grown by the control action `advance`.
    offset_secs: i64,
    world: World,
    counters: Counters,
    drift_rng: Rng,
    fault_rng: Rng,
    /// Broken answers asked for by tests, by method name, used once each.
    #[serde(default)]
    sabotage: Vec<(String, faults::Sabotage)>,
    /// The last answer was done but must not arrive in time (a `stall`
    /// sabotage): the host holds it back ([`Simulator::take_stall`]).
    #[serde(skip)]
    stalled: bool,
}

impl Simulator {
    /// A fresh simulator whose world is seeded at `now`.
    pub fn new(cfg: SimConfig, now: DateTime<Utc>) -> Self {
        let world = seed::initial_world(&cfg, now.timestamp());
        Self {
            drift_rng: Rng::new(cfg.seed, seed::DRIFT_STREAM),
            fault_rng: Rng::new(cfg.seed, seed::FAULT_STREAM),
            cfg,
            offset_secs: 0,
            world,
            counters: Counters::default(),
            sabotage: Vec::new(),
            stalled: false,
        }
    }

    /// Answers one raw GET query string (what follows `?` in
    /// `/api/rent.php?...`), as the provider would.
    ///
    /// With probability `fail_rate` the answer is an HTTP 502 HTML page and
    /// the request is not applied (see `faults`); it is still counted.
    pub fn handle(&mut self, query: &str, now: DateTime<Utc>) -> RawResponse {
        let p = Params::parse(query);
        let name = p.get("method").unwrap_or_default().to_owned();
        let method = Method::from_name(&name);
        self.counters.record(&name, method.is_some_and(Method::is_write));
        if let Some(key) = p.get("apikey") {
            self.counters.record_key(key, &name, p.get("id"), now.timestamp_millis());
        }
        if faults::strikes(&mut self.fault_rng, self.cfg.fail_rate) {
            self.counters.failures += 1;
            return faults::bad_gateway();
        }
        let t = self.sim_time(now);
        clock::tick(&mut self.world, p.get("apikey").unwrap_or_default(), &self.cfg, t);
        let outcome = match method {
            Some(m) => handlers::dispatch(&mut self.world, &self.cfg, m, &p, t),
            None if name.is_empty() => Err(Fail::missing("method")),
            None => Err(Fail::msg(msg::UNKNOWN_METHOD)),
        };
        if outcome == Err(Fail::BadKey) {
            return RawResponse::new(200, "text/html; charset=UTF-8", msg::BAD_KEY);
        }
        let plan = if self.cfg.drift {
            drift::Plan::draw(&mut self.drift_rng, self.cfg.sparse)
        } else {
            drift::Plan::plain()
        };
        let raw = RawResponse::json(drift::render(method, outcome, &plan).to_bytes());
        match self.sabotage.iter().position(|(m, _)| *m == name) {
            Some(i) => {
                let sabotage = self.sabotage.remove(i).1;
                self.stalled = sabotage == faults::Sabotage::Stall;
                sabotage.apply(raw)
            }
            None => raw,
        }
    }

    /// Whether the answer just made must be held back past any client's
    /// time limit (the request was carried out; its answer is "lost").
    pub fn take_stall(&mut self) -> bool {
        std::mem::take(&mut self.stalled)
    }

    /// The options it runs with (the control action `config` changes them).
    pub fn config(&self) -> &SimConfig {
        &self.cfg
    }

    /// What it was asked so far.
    pub fn counters(&self) -> &Counters {
        &self.counters
    }

    /// The simulated time for a real `now` (the real time plus what
    /// `advance` added).
    pub fn sim_now(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        DateTime::from_timestamp(self.sim_time(now), 0).unwrap_or(now)
    }

    /// A key's balance, if the key has an account.
    pub fn balance(&self, key: &str) -> Option<f64> {
        self.world.accounts.get(key).map(|a| a.balance_cents as f64 / 100.0)
    }

    fn sim_time(&self, now: DateTime<Utc>) -> i64 {
        clock::sim_time(now, self.offset_secs)
    }
}
