//! The world a simulator starts from, and the accounts made on first use.

use std::collections::BTreeMap;

use super::DEMO_KEY;
use super::bench;
use super::catalog;
use super::config::SimConfig;
use super::demo::{self, FIRST_NEW_ID, OTHER_OWNER_KEY};
use super::rng::Rng;
use super::world::{Account, KeyKind, World, key_kind};

/// Balance of a `test…` or `bench…` account when it is first used.
const NEW_KEY_BALANCE_CENTS: i64 = 10_000;

/// Random stream numbers, one per concern.
pub(crate) const WORLD_STREAM: u64 = 1;
pub(crate) const DRIFT_STREAM: u64 = 2;
pub(crate) const FAULT_STREAM: u64 = 3;

pub(crate) fn initial_world(cfg: &SimConfig, t: i64) -> World {
    let mut rng = Rng::new(cfg.seed, WORLD_STREAM);
    let stock = catalog::initial_stock(&mut rng);
    let mut w = World { accounts: BTreeMap::new(), stock, next_id: FIRST_NEW_ID, rng };
    let demo = demo::demo_account(cfg, t, &mut w.rng);
    w.accounts.insert(DEMO_KEY.to_owned(), demo);
    w.accounts.insert(OTHER_OWNER_KEY.to_owned(), demo::other_owner(t));
    bench::fill(&mut w, DEMO_KEY, cfg, t);
    w
}

/// Accounts made on first use (`test…`, `bench…`) kept at most; past that
/// the least recently used half of them is dropped.
pub const MAX_ACCOUNTS: usize = 1000;

/// Whether `key` is accepted; `test…` and `bench…` accounts are made here
/// the first time they are used. Marks the account used at `t`.
pub(crate) fn open_account(w: &mut World, key: &str, cfg: &SimConfig, t: i64) -> bool {
    let Some(kind) = key_kind(key) else { return false };
    if let Some(acct) = w.accounts.get_mut(key) {
        acct.last_used = t;
        return true;
    }
    evict_idle(w);
    let balance = match kind {
        KeyKind::Demo => (cfg.demo_key_balance * 100.0).round() as i64,
        KeyKind::Test | KeyKind::Bench => NEW_KEY_BALANCE_CENTS,
    };
    let mut acct = Account::new(balance);
    acct.last_used = t;
    w.accounts.insert(key.to_owned(), acct);
    if kind == KeyKind::Bench {
        bench::fill(w, key, cfg, t);
    }
    true
}

/// Makes room for one more account made on first use: when there are
/// [`MAX_ACCOUNTS`] of them, the least recently used half goes (sorting
/// only then keeps the cost per new key small). The demo accounts stay.
fn evict_idle(w: &mut World) {
    let permanent = |k: &str| k == DEMO_KEY || k == OTHER_OWNER_KEY;
    if w.accounts.len() < MAX_ACCOUNTS + 2 {
        return;
    }
    let mut made: Vec<(i64, String)> = w
        .accounts
        .iter()
        .filter(|(k, _)| !permanent(k))
        .map(|(k, a)| (a.last_used, k.clone()))
        .collect();
    if made.len() < MAX_ACCOUNTS {
        return;
    }
    made.sort_unstable();
    for (_, k) in made.into_iter().take(MAX_ACCOUNTS - MAX_ACCOUNTS / 2) {
        w.accounts.remove(&k);
    }
}
