//! The test-only control surface (the relay serves it under `/_sim/<action>`
//! only when started with `--control`). Answers are JSON with `status` 1, or
//! HTTP 400 with `status` 0 and a `msg` when the call itself is wrong: a bad
//! control call is a bug in the test, so it should fail loudly.

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use crate::transport::RawResponse;

use super::params::Params;
use super::world::{Order, World};
use super::{Simulator, clock, seed, texts::Sms};

type Control = Result<Value, String>;

impl Simulator {
    /// Runs one control action (`advance`, `time`, `inject_sms`,
    /// `set_balance`, `balance`, `reset`, `counters` (all, or one `key`'s),
    /// `set_state`, `expire`, `config`) with its query string.
    pub fn control(&mut self, action: &str, query: &str, now: DateTime<Utc>) -> RawResponse {
        let p = Params::parse(query);
        let t = self.sim_time(now);
        clock::tick(&mut self.world, p.get("key").unwrap_or_default(), &self.cfg, t);
        let result = match action.trim().trim_matches('/') {
            "advance" => self.advance(&p, now),
            "time" => Ok(json!({ "now": t, "offset": self.offset_secs })),
            "inject_sms" => self.inject_sms(&p, t),
            "set_balance" => self.set_balance(&p, t),
            "balance" => self.balance_of(&p, t),
            "reset" => self.reset(&p, now),
            "counters" => self.counters_of(&p),
            "set_state" => self.set_state(&p, t),
            "expire" => self.expire_now(&p, t),
            "set_until" => self.set_until(&p, t),
            "edit_order" => self.edit_order(&p, t),
            "config" => self.reconfigure(&p),
            "sabotage" => self.sabotage(&p),
            other => Err(format!("unknown control action: {other}")),
        };
        match result {
            Ok(Value::Object(fields)) => {
                let mut body = serde_json::Map::new();
                body.insert("status".into(), 1.into());
                body.extend(fields);
                RawResponse::json(Value::Object(body).to_string())
            }
            Ok(other) => RawResponse::json(json!({ "status": 1, "data": other }).to_string()),
            Err(msg) => RawResponse::new(
                400,
                "application/json; charset=utf-8",
                json!({ "status": 0, "msg": msg }).to_string(),
            ),
        }
    }

    /// Every counter, or with `key` only that key's (all zero if it made no call).
    fn counters_of(&self, p: &Params) -> Control {
        match p.get("key") {
            None => Ok(json!({ "data": self.counters })),
            Some(key) => {
                Ok(json!({ "data": self.counters.of_key(key).cloned().unwrap_or_default() }))
            }
        }
    }

    /// The next answer to `method` comes back broken, as `kind` says.
    fn sabotage(&mut self, p: &Params) -> Control {
        let method = need(p, "method")?.to_owned();
        let kind = need(p, "kind")?;
        let sabotage = super::faults::Sabotage::parse(kind).ok_or("unknown sabotage kind")?;
        self.sabotage.push((method.clone(), sabotage));
        Ok(json!({ "method": method, "kind": kind }))
    }

    fn advance(&mut self, p: &Params, now: DateTime<Utc>) -> Control {
        let secs: i64 = need(p, "secs")?
            .parse()
            .ok()
            .filter(|s| *s >= 0)
            .ok_or("secs must be a whole number >= 0")?;
        self.offset_secs += secs;
        let t = self.sim_time(now);
        clock::tick(&mut self.world, p.get("key").unwrap_or_default(), &self.cfg, t);
        Ok(json!({ "now": t, "offset": self.offset_secs }))
    }

    fn inject_sms(&mut self, p: &Params, t: i64) -> Control {
        let text = need(p, "text")?.to_owned();
        let sender = p.get("sender").unwrap_or("INFO").to_owned();
        let (key, id) = self.order_ref(p, t)?;
        let acct = self.world.accounts.get_mut(&key).ok_or("unknown key")?;
        let own = acct.orders.get(&id).map(|o| o.service.clone()).ok_or("order not found")?;
        let service = p.get("service").map_or(own, str::to_owned);
        acct.deliver(id, Sms { text, sender, date: t, service });
        Ok(json!({ "id": id, "date": t }))
    }

    fn set_balance(&mut self, p: &Params, t: i64) -> Control {
        let amount: f64 = need(p, "amount")?.parse().map_err(|_| "amount must be a number")?;
        let key = self.key(p, t)?;
        let acct = self.world.accounts.get_mut(&key).ok_or("unknown key")?;
        acct.balance_cents = (amount * 100.0).round() as i64;
        Ok(json!({ "balance": acct.balance_cents as f64 / 100.0 }))
    }

    fn balance_of(&mut self, p: &Params, t: i64) -> Control {
        let key = self.key(p, t)?;
        let acct = self.world.accounts.get(&key).ok_or("unknown key")?;
        Ok(json!({ "balance": acct.balance_cents as f64 / 100.0 }))
    }

    /// Back to the initial world at the current real time: offset and
    /// counters zeroed, the (possibly reconfigured) options kept; `seed`
    /// optionally replaces the seed.
    fn reset(&mut self, p: &Params, now: DateTime<Utc>) -> Control {
        let mut cfg = self.cfg.clone();
        if let Some(seed) = p.get("seed") {
            cfg.seed = seed.parse().map_err(|_| "seed must be a whole number")?;
        }
        *self = Simulator::new(cfg, now);
        Ok(json!({ "seed": self.cfg.seed }))
    }

    /// Forces any state, known or not (`7`); 1 opens a fresh active window,
    /// 2 restarts the activation queue.
    fn set_state(&mut self, p: &Params, t: i64) -> Control {
        let state: i64 = need(p, "state")?.parse().map_err(|_| "state must be a whole number")?;
        let (key, id) = self.order_ref(p, t)?;
        let World { accounts, rng, .. } = &mut self.world;
        let o: &mut Order =
            accounts.get_mut(&key).and_then(|a| a.orders.get_mut(&id)).ok_or("order not found")?;
        match state {
            1 => clock::start_window(o, &self.cfg, t, rng),
            _ => {
                o.state = state;
                o.phase_start = t;
                o.pending.clear();
            }
        }
        Ok(json!({ "id": id, "state": state }))
    }

    /// Ends a rental now: it goes to the archive, closed at the current time.
    fn expire_now(&mut self, p: &Params, t: i64) -> Control {
        let (key, id) = self.order_ref(p, t)?;
        let acct = self.world.accounts.get_mut(&key).ok_or("unknown key")?;
        acct.orders.get_mut(&id).ok_or("order not found")?.until = t;
        acct.expire(id, t);
        Ok(json!({ "id": id, "closed": t }))
    }

    /// Moves an order's end to `secs` (> 0) from now: e.g. into the 7-day
    /// prolong window without waiting for real days to pass.
    fn set_until(&mut self, p: &Params, t: i64) -> Control {
        let (key, id) = self.order_ref(p, t)?;
        let secs: i64 = need(p, "secs")?
            .parse()
            .ok()
            .filter(|s| *s > 0)
            .ok_or("secs must be a whole number > 0")?;
        let acct = self.world.accounts.get_mut(&key).ok_or("unknown key")?;
        acct.orders.get_mut(&id).ok_or("order not found")?.until = t + secs;
        Ok(json!({ "id": id, "until": t + secs }))
    }

    /// Gives an order the data of another provider's world: any `pnumber`
    /// (digits, with or without a `+` country code), operator (`provider`),
    /// `country`, or a start `begin_days_ago` (the 90-day cap counts from it).
    fn edit_order(&mut self, p: &Params, t: i64) -> Control {
        let (key, id) = self.order_ref(p, t)?;
        let begin_days_ago = p
            .get("begin_days_ago")
            .map(|v| v.parse::<i64>().ok().filter(|d| *d >= 0).ok_or("begin_days_ago must be >= 0"))
            .transpose()?;
        let acct = self.world.accounts.get_mut(&key).ok_or("unknown key")?;
        let o = acct.orders.get_mut(&id).ok_or("order not found")?;
        if let Some(v) = p.get("pnumber") {
            o.pnumber = v.to_owned();
        }
        if let Some(v) = p.get("provider") {
            o.provider = v.to_owned();
        }
        if let Some(v) = p.get("country") {
            o.country = v.to_owned();
        }
        if let Some(days) = begin_days_ago {
            o.begin = t - days * super::world::DAY;
        }
        Ok(json!({ "id": id, "pnumber": o.pnumber, "provider": o.provider, "begin": o.begin }))
    }

    /// Changes options at run time; `seed` and the world sizes take effect
    /// at the next `reset` (and for new `bench…` keys).
    fn reconfigure(&mut self, p: &Params) -> Control {
        let c = &mut self.cfg;
        if let Some(v) = p.get("drift") {
            c.drift = flag(v)?;
            c.sparse = c.drift;
        }
        if let Some(v) = p.get("sparse") {
            c.sparse = flag(v)?;
        }
        if let Some(v) = p.get("auto_sms") {
            c.auto_sms = flag(v)?;
        }
        if let Some(v) = p.get("fail_rate") {
            c.fail_rate =
                v.parse::<f64>().map_err(|_| "fail_rate must be a number")?.clamp(0.0, 1.0);
        }
        let whole = |name: &str| -> Result<Option<i64>, String> {
            p.get(name)
                .map(|v| {
                    v.parse::<i64>()
                        .ok()
                        .filter(|n| *n >= 0)
                        .ok_or(format!("{name} must be a whole number >= 0"))
                })
                .transpose()
        };
        if let Some(n) = whole("latency_ms")? {
            c.latency_ms = n as u64;
        }
        if let Some(n) = whole("activation_delay_secs")? {
            c.activation_delay_secs = n;
        }
        if let Some(n) = whole("active_window_secs")? {
            c.active_window_secs = n;
        }
        if let Some(n) = whole("world_orders")? {
            c.world_orders = n as usize;
        }
        if let Some(n) = whole("world_sms_per_order")? {
            c.world_sms_per_order = n as usize;
        }
        if let Some(n) = whole("seed")? {
            c.seed = n as u64;
        }
        if let Some(v) = p.get("demo_key_balance") {
            c.demo_key_balance = v.parse().map_err(|_| "demo_key_balance must be a number")?;
        }
        Ok(json!({ "data": self.cfg }))
    }

    /// The `key` parameter, opening `test…`/`bench…` accounts like the API does.
    fn key(&mut self, p: &Params, t: i64) -> Result<String, String> {
        let key = need(p, "key")?;
        if !seed::open_account(&mut self.world, key, &self.cfg, t) {
            return Err(format!("unknown key: {key}"));
        }
        Ok(key.to_owned())
    }

    fn order_ref(&mut self, p: &Params, t: i64) -> Result<(String, u64), String> {
        let key = self.key(p, t)?;
        let id = need(p, "id")?.parse().map_err(|_| "id must be a whole number")?;
        Ok((key, id))
    }
}

fn need<'a>(p: &'a Params, name: &str) -> Result<&'a str, String> {
    p.get(name).ok_or_else(|| format!("missing parameter: {name}"))
}

fn flag(v: &str) -> Result<bool, String> {
    match v.to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => Err(format!("not a flag: {v}")),
    }
}
