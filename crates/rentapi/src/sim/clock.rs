//! Simulated time and everything that happens by itself as it passes.
//!
//! The caller always passes the real `now`; simulated time is `now` plus an
//! offset that only the control action `advance` grows. Nothing runs in the
//! background: each call first brings the world up to the simulated time
//! (activation queue → active → inactive, auto SMS, expiry → archive), so
//! the same calls at the same times always give the same world.

use super::config::SimConfig;
use super::rng::Rng;
use super::texts::{self, Sms};
use super::world::{Order, World};

/// Seconds since the epoch, simulated.
pub(crate) fn sim_time(now: chrono::DateTime<chrono::Utc>, offset_secs: i64) -> i64 {
    now.timestamp().saturating_add(offset_secs)
}

/// Brings `key`'s account (if it has one) up to time `t`. Accounts are
/// brought up to date lazily, each when it is used, so a request costs the
/// same however many keys there are; what happened meanwhile is the same,
/// since every transition is computed from its own start time.
pub(crate) fn tick(w: &mut World, key: &str, cfg: &SimConfig, t: i64) {
    if let Some(acct) = w.accounts.get_mut(key) {
        let mut arrived: Vec<(u64, Sms)> = Vec::new();
        for o in acct.orders.values_mut() {
            step(o, cfg, t, &mut w.rng, &mut arrived);
        }
        for (receiver, sms) in arrived {
            acct.deliver(receiver, sms);
        }
        let expired: Vec<(u64, i64)> =
            acct.orders.values().filter(|o| o.until <= t).map(|o| (o.id, o.until)).collect();
        for (id, until) in expired {
            acct.expire(id, until);
        }
    }
}

/// One order's state machine up to `t`; SMS due in the active window go to `arrived`.
fn step(o: &mut Order, cfg: &SimConfig, t: i64, rng: &mut Rng, arrived: &mut Vec<(u64, Sms)>) {
    if o.state == 2 && t >= o.phase_start + cfg.activation_delay_secs {
        let from = o.phase_start + cfg.activation_delay_secs;
        start_window(o, cfg, from, rng);
    }
    if o.state != 1 {
        return;
    }
    let closes = o.active_until.min(o.until);
    let due = o.pending.iter().take_while(|s| s.date <= t && s.date < closes).count();
    arrived.extend(o.pending.drain(..due).map(|s| (o.id, s)));
    if t >= o.active_until {
        o.state = 0;
        o.last_online = o.active_until;
        o.pending.clear();
    } else {
        o.last_online = t;
    }
}

/// The number goes online at `from` for one active window; with `auto_sms`
/// one or two SMS are scheduled inside it.
pub(crate) fn start_window(o: &mut Order, cfg: &SimConfig, from: i64, rng: &mut Rng) {
    o.state = 1;
    o.active_until = from + cfg.active_window_secs;
    o.last_online = from;
    o.pending.clear();
    if cfg.auto_sms {
        let mut times: Vec<i64> = (0..1 + rng.below(2))
            .map(|_| from + (cfg.active_window_secs * rng.range(10, 80) / 100).max(1))
            .collect();
        times.sort_unstable();
        o.pending = times.into_iter().map(|at| texts::arrival(&o.service, at, rng)).collect();
    }
}
