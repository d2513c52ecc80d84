//! How the simulator behaves: seed, drift, failures, timings and the size of
//! the benchmark world.

use serde::{Deserialize, Serialize};

/// The simulator's options; [`SimConfig::demo`] and [`SimConfig::test`]
/// are the two presets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SimConfig {
    /// Seeds the demo world, the drift and the failures: the same seed and
    /// the same calls give the same bytes.
    pub seed: u64,
    /// Answer with the real-world "Known drift" variants, chosen per response
    /// by the seeded generator.
    pub drift: bool,
    /// With `drift`, also what real answers take away (see `sparse`):
    /// optional fields left out, an unreadable row in a list, refusals in
    /// other words, `status: 0` next to data on more reads. Off in the
    /// demo (a visitor would see "entries could not be read"); the control
    /// action `config` turns it on and off with `drift`.
    #[serde(default)]
    pub sparse: bool,
    /// Fraction of answers replaced by HTTP 502 with an HTML page; such a
    /// request is not applied.
    pub fail_rate: f64,
    /// Latency the host adds (the relay sleeps); the simulator only carries it.
    pub latency_ms: u64,
    /// State 2 → 1 after this many seconds (real: 10-15 min).
    pub activation_delay_secs: i64,
    /// State 1 → 0 after this many seconds (real: 10-30 min).
    pub active_window_secs: i64,
    /// SMS arrive by themselves while a number is active.
    pub auto_sms: bool,
    /// Benchmark world: this many generated orders (at most 5000) for the
    /// demo key and for `bench…` keys...
    pub world_orders: usize,
    /// ... with this many SMS each.
    pub world_sms_per_order: usize,
    /// The balance the demo key's account starts with.
    pub demo_key_balance: f64,
}

impl SimConfig {
    /// The in-browser demo: short delays, SMS arriving by themselves, drift
    /// on (the app must cope with it anyway, and it shows the "other SMS").
    pub fn demo() -> Self {
        Self {
            seed: 20_240_501,
            drift: true,
            sparse: false,
            fail_rate: 0.0,
            latency_ms: 250,
            activation_delay_secs: 20,
            active_window_secs: 180,
            auto_sms: true,
            world_orders: 0,
            world_sms_per_order: 0,
            demo_key_balance: 500.0,
        }
    }

    /// End-to-end and unit tests: documented shapes, no failures, short
    /// delays (tests move the clock with `advance`), SMS only when injected.
    pub fn test() -> Self {
        Self {
            seed: 1,
            drift: false,
            sparse: false,
            fail_rate: 0.0,
            latency_ms: 0,
            activation_delay_secs: 10,
            active_window_secs: 60,
            auto_sms: false,
            world_orders: 0,
            world_sms_per_order: 0,
            demo_key_balance: 500.0,
        }
    }
}

impl Default for SimConfig {
    fn default() -> Self {
        Self::test()
    }
}
