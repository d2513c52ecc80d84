//! What the simulator was asked, for tests that check the app's request
//! discipline (no duplicate writes, polling rate) and for the app benchmark
//! (`scripts/bench-app.sh`): per key, calls per method, `sms` reads per
//! order and the smallest gaps between requests, in the host's real time
//! (what the app's scheduler paces), not the simulated time `advance` moves.
//! Concurrency ("how many identical requests were in flight") is the host's
//! to measure: the simulator answers each call at once.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Keys counted at most; past that the half with the oldest last call goes.
pub const MAX_COUNTED_KEYS: usize = 1000;
/// Distinct method names (and `sms` order ids) counted at most, per map;
/// the rest are counted together under `"(other)"`.
pub const MAX_NAMES: usize = 64;
/// Where names past [`MAX_NAMES`] are counted.
pub const OTHER: &str = "(other)";

/// `map[name] += 1`, with new names past [`MAX_NAMES`] counted as [`OTHER`].
fn bump(map: &mut BTreeMap<String, u64>, name: &str) {
    if let Some(n) = map.get_mut(name) {
        *n += 1;
    } else if map.len() >= MAX_NAMES {
        *map.entry(OTHER.to_owned()).or_default() += 1;
    } else {
        map.insert(name.to_owned(), 1);
    }
}

/// Every call the simulator answered, in total and per key.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counters {
    /// Calls per `method` value as sent (unknown names included; `""` when absent).
    pub calls: BTreeMap<String, u64>,
    /// All calls, whatever the method.
    pub total: u64,
    /// Calls of methods that spend money or change an order.
    pub writes: u64,
    /// Answers replaced by an injected HTTP 502.
    pub failures: u64,
    /// The same, and timing, per `apikey` as sent (calls without one are not here).
    #[serde(default)]
    pub keys: BTreeMap<String, KeyCounters>,
}

/// One key's requests.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyCounters {
    /// Calls per `method` value as sent.
    pub calls: BTreeMap<String, u64>,
    /// All of this key's calls.
    pub total: u64,
    /// `sms` calls per order `id` as sent.
    pub sms_by_order: BTreeMap<String, u64>,
    /// Host time (ms since the epoch) of the first and the last call.
    pub first_ms: Option<i64>,
    /// Host time of the last call.
    pub last_ms: Option<i64>,
    /// Smallest time between two consecutive calls, any methods, in ms.
    pub min_gap_ms: Option<i64>,
    /// Smallest time between two consecutive calls of the same method, in ms.
    pub min_gap_by_method_ms: BTreeMap<String, i64>,
    /// Host time of each method's last call (for the gap above).
    pub last_by_method_ms: BTreeMap<String, i64>,
}

impl Counters {
    /// How many calls named `method` were made (0 when none).
    pub fn calls_of(&self, method: &str) -> u64 {
        self.calls.get(method).copied().unwrap_or(0)
    }

    /// One key's counters, if it made any call.
    pub fn of_key(&self, key: &str) -> Option<&KeyCounters> {
        self.keys.get(key)
    }

    pub(crate) fn record(&mut self, method: &str, write: bool) {
        bump(&mut self.calls, method);
        self.total += 1;
        self.writes += u64::from(write);
    }

    /// Records one call by `key` (with the order `id`, if any) at host time `at_ms`.
    pub(crate) fn record_key(&mut self, key: &str, method: &str, id: Option<&str>, at_ms: i64) {
        if !self.keys.contains_key(key) && self.keys.len() >= MAX_COUNTED_KEYS {
            self.forget_oldest_keys();
        }
        self.keys.entry(key.to_owned()).or_default().record(method, id, at_ms);
    }

    /// Drops the half of the counted keys whose last call is oldest.
    fn forget_oldest_keys(&mut self) {
        let mut by_age: Vec<(i64, String)> =
            self.keys.iter().map(|(k, c)| (c.last_ms.unwrap_or(i64::MIN), k.clone())).collect();
        by_age.sort_unstable();
        for (_, k) in by_age.into_iter().take(MAX_COUNTED_KEYS - MAX_COUNTED_KEYS / 2) {
            self.keys.remove(&k);
        }
    }
}

impl KeyCounters {
    /// How many calls named `method` this key made (0 when none).
    pub fn calls_of(&self, method: &str) -> u64 {
        self.calls.get(method).copied().unwrap_or(0)
    }

    fn record(&mut self, method: &str, id: Option<&str>, at_ms: i64) {
        bump(&mut self.calls, method);
        self.total += 1;
        if method == "sms" {
            bump(&mut self.sms_by_order, id.unwrap_or_default());
        }
        // The per-method gap maps follow the calls map's names.
        let method = if self.calls.contains_key(method) { method } else { OTHER };
        if let Some(last) = self.last_ms {
            let gap = at_ms - last;
            self.min_gap_ms = Some(self.min_gap_ms.map_or(gap, |g| g.min(gap)));
        }
        if let Some(last) = self.last_by_method_ms.insert(method.to_owned(), at_ms) {
            let gap = at_ms - last;
            let min = self.min_gap_by_method_ms.entry(method.to_owned()).or_insert(gap);
            *min = (*min).min(gap);
        }
        self.first_ms.get_or_insert(at_ms);
        self.last_ms = Some(at_ms);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_key_calls_sms_reads_and_smallest_gaps() {
        let mut c = Counters::default();
        c.record_key("bench1", "orders", None, 1_000);
        c.record_key("bench1", "sms", Some("7"), 5_000);
        c.record_key("other", "orders", None, 5_100);
        c.record_key("bench1", "sms", Some("7"), 9_500);
        c.record_key("bench1", "sms", Some("8"), 13_000);
        c.record_key("bench1", "orders", None, 31_000);
        let k = c.of_key("bench1").unwrap();
        assert_eq!((k.total, k.calls_of("orders"), k.calls_of("sms")), (5, 2, 3));
        assert_eq!(k.sms_by_order.get("7"), Some(&2));
        assert_eq!(k.sms_by_order.get("8"), Some(&1));
        assert_eq!((k.first_ms, k.last_ms), (Some(1_000), Some(31_000)));
        assert_eq!(k.min_gap_ms, Some(3_500), "other keys do not shorten a key's gaps");
        assert_eq!(k.min_gap_by_method_ms.get("orders"), Some(&30_000));
        assert_eq!(k.min_gap_by_method_ms.get("sms"), Some(&3_500));
        let other = c.of_key("other").unwrap();
        assert_eq!((other.total, other.min_gap_ms), (1, None));
        assert!(c.of_key("nobody").is_none());
    }

    #[test]
    fn counters_saved_before_per_key_counting_still_load() {
        let old = r#"{"calls":{"orders":2},"total":2,"writes":0,"failures":0}"#;
        let c: Counters = serde_json::from_str(old).unwrap();
        assert_eq!((c.total, c.keys.len()), (2, 0));
    }
}
