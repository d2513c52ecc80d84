//! Renting: `create`, `create_multi` (one number, several services) and
//! `add_service_to_order` (one more service on a rented number).

use crate::method::{Period, PeriodUnit};

use super::catalog::{self, Service};
use super::handlers::{Fail, Outcome, Reply};
use super::json::{Json, obj};
use super::msg;
use super::params::Params;
use super::world::{DAY, Order, World};

/// What `create` answers for each new order.
fn created(o: &Order) -> Json {
    let dial = catalog::country(&o.country).map_or("", |c| c.dial);
    obj([
        ("id", o.id.into()),
        ("pnumber", o.pnumber.as_str().into()),
        ("ccode", dial.into()),
        ("service", o.service.as_str().into()),
        ("until", o.until.into()),
    ])
}

fn require(p: &Params, names: &[&str]) -> Result<(), Fail> {
    names.iter().try_for_each(|n| p.need(n).map(|_| ()))
}

pub(crate) fn create(w: &mut World, key: &str, p: &Params, t: i64) -> Outcome {
    require(p, &["dtype", "dcount", "country", "service"])?;
    let services = [p.need("service")?];
    let mut rows = rent_number(w, key, p, &services, t)?;
    Ok(Reply::Data(rows.pop().unwrap_or(Json::Null)))
}

pub(crate) fn create_multi(w: &mut World, key: &str, p: &Params, t: i64) -> Outcome {
    require(p, &["dtype", "dcount", "country", "services"])?;
    let mut services: Vec<&str> = Vec::new();
    for s in p.need("services")?.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        if !services.contains(&s) {
            services.push(s);
        }
    }
    if services.is_empty() {
        return Err(Fail::missing("services"));
    }
    Ok(Reply::Data(rent_number(w, key, p, &services, t)?.into()))
}

/// Rents one number for every service in `codes`: all checks first, then
/// one charge of the sum, one order per service, all on the same number.
fn rent_number(
    w: &mut World,
    key: &str,
    p: &Params,
    codes: &[&str],
    t: i64,
) -> Result<Vec<Json>, Fail> {
    let period: Period = p.period()?;
    let days = i64::from(period.days());
    if days > 90 {
        return Err(Fail::msg(msg::MAX_PERIOD));
    }
    let c =
        catalog::country(p.need("country")?).ok_or_else(|| Fail::msg(msg::COUNTRY_NOT_FOUND))?;
    let services: Vec<&Service> = codes
        .iter()
        .map(|code| c.service(code).ok_or_else(|| Fail::msg(msg::SERVICE_NOT_FOUND)))
        .collect::<Result<_, _>>()?;
    let wanted = p.get("provider");
    let candidates: Vec<&str> = c
        .providers
        .iter()
        .copied()
        .filter(|prov| wanted.is_none_or(|w| w.eq_ignore_ascii_case(prov)))
        .filter(|prov| {
            services.iter().all(|s| w.counts(c, s.code).iter().any(|(q, n)| q == prov && *n > 0))
        })
        .collect();
    if candidates.is_empty() {
        return Err(Fail::msg(msg::NO_NUMBERS));
    }
    let price: i64 = services.iter().map(|s| c.price_tenths(s, period.unit) * 10 * days).sum();
    let acct = w.accounts.get_mut(key).ok_or(Fail::BadKey)?;
    acct.charge(price, msg::BALANCE)?;
    let provider = *w.rng.pick(&candidates);
    let pnumber = c.new_number(&mut w.rng);
    let mut rows = Vec::new();
    for s in services {
        let id = w.alloc_id();
        let order = Order::new(id, c, s, pnumber.clone(), provider, t, t + days * DAY);
        rows.push(created(&order));
        w.adjust_stock(c.code, s.code, provider, -1);
        if let Some(acct) = w.accounts.get_mut(key) {
            acct.orders.insert(id, order);
        }
    }
    Ok(rows)
}

/// `add_service_to_order`: the number must be the order's (country digits
/// and all); the new service is paid at the day price for the days the order
/// has left, and becomes an order of its own ending with it.
pub(crate) fn add_service(w: &mut World, key: &str, p: &Params, t: i64) -> Outcome {
    let id = p.id()?;
    let code = p.need("service")?;
    let pnumber = p.need("pnumber")?;
    let acct = w.accounts.get_mut(key).ok_or(Fail::BadKey)?;
    let base = acct.order(id)?.clone();
    let digits: String = pnumber.chars().filter(char::is_ascii_digit).collect();
    if digits != base.full_number() {
        return Err(Fail::msg(msg::INCORRECT_ORDER));
    }
    let c = catalog::country(&base.country).ok_or_else(|| Fail::msg(msg::COUNTRY_NOT_FOUND))?;
    let s = c.service(code).ok_or_else(|| Fail::msg(msg::SERVICE_NOT_FOUND))?;
    if acct.orders.values().any(|o| o.same_number(&base) && o.service == s.code) {
        return Err(Fail::msg(msg::SERVICE_ALREADY_ADDED));
    }
    let days = ((base.until - t + DAY - 1) / DAY).max(1);
    acct.charge(c.price_tenths(s, PeriodUnit::Week) * 10 * days, msg::BALANCE)?;
    let new_id = w.next_id;
    w.next_id += 1;
    let order = Order::new(new_id, c, s, base.pnumber.clone(), &base.provider, t, base.until);
    acct.orders.insert(new_id, order);
    Ok(Reply::Ack)
}
