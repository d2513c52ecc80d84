//! What the simulator was asked, for tests that check the app's request
//! discipline (no duplicate writes, polling rate). Concurrency ("how many
//! identical requests were in flight") is the host's to measure.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counters {
    /// Calls per `method` value as sent (unknown names included; `""` when absent).
    pub calls: BTreeMap<String, u64>,
    pub total: u64,
    /// Calls of methods that spend money or change an order.
    pub writes: u64,
    /// Answers replaced by an injected HTTP 502.
    pub failures: u64,
}

impl Counters {
    pub fn calls_of(&self, method: &str) -> u64 {
        self.calls.get(method).copied().unwrap_or(0)
    }

    pub(crate) fn record(&mut self, method: &str, write: bool) {
        *self.calls.entry(method.to_owned()).or_default() += 1;
        self.total += 1;
        self.writes += u64::from(write);
    }
}
