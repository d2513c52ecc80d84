//! The benchmark world: many orders with many SMS for one key, generated
//! directly (not through `create`) so 5000 × 3 builds in milliseconds.

use super::catalog::COUNTRIES;
use super::clock;
use super::config::SimConfig;
use super::texts;
use super::world::{DAY, Order, World};

/// Most orders a benchmark world gets.
pub const MAX_ORDERS: usize = 5000;

/// Adds `cfg.world_orders` orders with `cfg.world_sms_per_order` SMS each to `key`'s account.
pub(crate) fn fill(w: &mut World, key: &str, cfg: &SimConfig, t: i64) {
    let n = cfg.world_orders.min(MAX_ORDERS);
    let Some(acct) = w.accounts.get_mut(key) else { return };
    let rng = &mut w.rng;
    for _ in 0..n {
        let c = &COUNTRIES[rng.below(COUNTRIES.len() as u64) as usize];
        let services: Vec<_> = c.services().collect();
        let s = *rng.pick(&services);
        let id = w.next_id;
        w.next_id += 1;
        let begin = t - rng.range(0, 60) * DAY - rng.range(0, DAY);
        let until = t + rng.range(3600, 30 * DAY);
        let provider = *rng.pick(c.providers);
        let mut o = Order::new(id, c, s, c.new_number(rng), provider, begin, until);
        for k in 0..cfg.world_sms_per_order {
            let date = begin + (k as i64 + 1) * (t - begin) / (cfg.world_sms_per_order as i64 + 1);
            o.sms.push(texts::arrival(s.code, date, rng));
        }
        o.has_new_sms = cfg.world_sms_per_order > 0 && rng.chance(0.2);
        match rng.below(6) {
            0 => clock::start_window(&mut o, cfg, t - 1, rng),
            1 => {
                o.state = 2;
                o.phase_start = t;
            }
            2 => o.state = -1,
            _ => {}
        }
        acct.orders.insert(id, o);
    }
}
