//! The simulated provider's state: accounts (one per API key) with their
//! balance, orders and archive, the shared stock of numbers, and the world's
//! own random stream.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::catalog::{self, Country, Service, Stock};
use super::handlers::Fail;
use super::msg;
use super::rng::Rng;
use super::texts::Sms;

pub(crate) const DAY: i64 = 86_400;

/// One rental as the provider keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Order {
    pub id: u64,
    pub service: String,
    pub country: String,
    /// National number, without the dialling code.
    pub pnumber: String,
    pub provider: String,
    pub state: i64,
    pub begin: i64,
    pub until: i64,
    /// When the current activation was asked for (state 2).
    pub phase_start: i64,
    /// When the current active window ends (state 1).
    pub active_until: i64,
    pub last_online: i64,
    pub has_new_sms: bool,
    /// Delivered SMS; `service` tells own from other.
    pub sms: Vec<Sms>,
    /// Auto SMS scheduled for the current active window, by arrival time.
    pub pending: Vec<Sms>,
}

impl Order {
    pub fn new(
        id: u64,
        country: &Country,
        service: &Service,
        pnumber: String,
        provider: &str,
        begin: i64,
        until: i64,
    ) -> Self {
        Self {
            id,
            service: service.code.to_owned(),
            country: country.code.to_owned(),
            pnumber,
            provider: provider.to_owned(),
            state: 0,
            begin,
            until,
            phase_start: begin,
            active_until: begin,
            last_online: begin,
            has_new_sms: false,
            sms: Vec::new(),
            pending: Vec::new(),
        }
    }

    /// The number with its country digits and no `+` (`79096068511`).
    pub fn full_number(&self) -> String {
        let dial = catalog::country(&self.country).map_or("", Country::dial_digits);
        format!("{dial}{}", self.pnumber)
    }

    pub fn same_number(&self, other: &Order) -> bool {
        self.country == other.country && self.pnumber == other.pnumber
    }

    /// The latest `until` a prolongation may reach: 90 days from the start.
    pub fn prolong_limit(&self) -> i64 {
        self.begin + 90 * DAY
    }

    /// Whole days that may still be added.
    pub fn prolong_max_days(&self) -> i64 {
        ((self.prolong_limit() - self.until) / DAY).max(0)
    }

    /// Prolonging is open in the last 7 days, while days remain under the cap.
    pub fn can_prolong(&self, t: i64) -> bool {
        self.until - t < 7 * DAY && self.prolong_max_days() > 0
    }
}

/// An expired rental in the archive (`get_rent_history` row).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Archived {
    pub id: u64,
    pub service: String,
    /// `None` reproduces rows whose country went missing (`NOORDERCOUNTRY`).
    pub country: Option<String>,
    /// With the country digits, as the history shows it.
    pub number: String,
    pub pnumber: String,
    pub provider: String,
    pub branch_id: u64,
    pub have_sms: bool,
    pub days: i64,
    pub begin: i64,
    pub end: i64,
    pub closed: i64,
    /// False: the number is gone for good (`NOAVAILDAYS`).
    pub restorable: bool,
}

impl Archived {
    pub fn from_order(o: Order, closed: i64) -> Self {
        Self {
            id: o.id,
            number: o.full_number(),
            branch_id: branch_id(&o.country, &o.provider),
            have_sms: !o.sms.is_empty(),
            days: (o.until - o.begin + DAY - 1) / DAY,
            begin: o.begin,
            end: o.until,
            closed,
            restorable: true,
            service: o.service,
            country: Some(o.country),
            pnumber: o.pnumber,
            provider: o.provider,
        }
    }
}

/// A stable number per provider, standing in for the provider's branch id.
pub(crate) fn branch_id(country: &str, provider: &str) -> u64 {
    let ci = catalog::COUNTRIES.iter().position(|c| c.code == country).unwrap_or(99);
    let pi = catalog::country(country)
        .and_then(|c| c.providers.iter().position(|p| *p == provider))
        .unwrap_or(9);
    1200 + ci as u64 * 10 + pi as u64
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Account {
    pub balance_cents: i64,
    /// Simulated time of the last call with this key (evicts idle ones).
    #[serde(default)]
    pub last_used: i64,
    pub orders: BTreeMap<u64, Order>,
    /// Newest first (by `closed`, then id).
    pub archive: Vec<Archived>,
}

impl Account {
    pub fn new(balance_cents: i64) -> Self {
        Self { balance_cents, last_used: 0, orders: BTreeMap::new(), archive: Vec::new() }
    }

    pub fn order(&self, id: u64) -> Result<&Order, Fail> {
        self.orders.get(&id).ok_or_else(|| Fail::msg(msg::ORDER_NOT_FOUND))
    }

    pub fn order_mut(&mut self, id: u64) -> Result<&mut Order, Fail> {
        self.orders.get_mut(&id).ok_or_else(|| Fail::msg(msg::ORDER_NOT_FOUND))
    }

    /// Takes `cents` from the balance, or refuses with `msg` leaving it untouched.
    pub fn charge(&mut self, cents: i64, msg: &str) -> Result<(), Fail> {
        if self.balance_cents < cents {
            return Err(Fail::msg(msg));
        }
        self.balance_cents -= cents;
        Ok(())
    }

    pub fn archive_insert(&mut self, row: Archived) {
        let at = self.archive.partition_point(|a| (a.closed, a.id) > (row.closed, row.id));
        self.archive.insert(at, row);
    }

    /// Moves an order to the archive, closed at `closed`.
    pub fn expire(&mut self, id: u64, closed: i64) -> bool {
        match self.orders.remove(&id) {
            Some(o) => {
                self.archive_insert(Archived::from_order(o, closed));
                true
            }
            None => false,
        }
    }

    /// Delivers an SMS that reached `receiver`'s number: it goes to the order
    /// on that number rented for the SMS's service, else stays with `receiver`
    /// (where `sms` shows it as "other").
    pub fn deliver(&mut self, receiver: u64, sms: Sms) {
        let Some(r) = self.orders.get(&receiver) else { return };
        let target = self
            .orders
            .values()
            .find(|o| o.same_number(r) && o.service == sms.service)
            .map_or(receiver, |o| o.id);
        if let Some(o) = self.orders.get_mut(&target) {
            o.sms.push(sms);
            o.has_new_sms = true;
        }
    }
}

/// Which keys the simulator accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum KeyKind {
    Demo,
    /// `test…`: an empty account with 100, made on first use.
    Test,
    /// `bench…`: like a test key, filled with the benchmark world.
    Bench,
}

pub(crate) fn key_kind(key: &str) -> Option<KeyKind> {
    if key == super::DEMO_KEY {
        Some(KeyKind::Demo)
    } else if key.starts_with("test") {
        Some(KeyKind::Test)
    } else if key.starts_with("bench") {
        Some(KeyKind::Bench)
    } else {
        None
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct World {
    pub accounts: BTreeMap<String, Account>,
    pub stock: Stock,
    /// Ids are unique across all accounts, as on the real service.
    pub next_id: u64,
    pub rng: Rng,
}

impl World {
    pub fn alloc_id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id - 1
    }

    pub fn account(&mut self, key: &str) -> Result<&mut Account, Fail> {
        self.accounts.get_mut(key).ok_or(Fail::BadKey)
    }

    /// Numbers left for a service in a country, per provider (in the
    /// country's provider order).
    pub fn counts(&self, country: &Country, service: &str) -> Vec<(&'static str, u32)> {
        let entry = self.stock.get(&catalog::stock_key(country.code, service));
        country
            .providers
            .iter()
            .map(|p| (*p, entry.and_then(|e| e.get(*p)).copied().unwrap_or(0)))
            .collect()
    }

    pub fn adjust_stock(&mut self, country: &str, service: &str, provider: &str, delta: i64) {
        if let Some(n) = self
            .stock
            .get_mut(&catalog::stock_key(country, service))
            .and_then(|e| e.get_mut(provider))
        {
            *n = (i64::from(*n) + delta).clamp(0, i64::from(u32::MAX)) as u32;
        }
    }

    /// Whose archive holds `id`, if anyone's.
    pub fn archive_owner(&self, id: u64) -> Option<&str> {
        self.accounts
            .iter()
            .find(|(_, a)| a.archive.iter().any(|r| r.id == id))
            .map(|(k, _)| k.as_str())
    }
}
