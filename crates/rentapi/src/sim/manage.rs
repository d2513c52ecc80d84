//! Working with rented numbers: `orders`, `sms`, `activate`, `prolong`, `delete`.

use super::catalog;
use super::handlers::{Fail, Outcome, Reply};
use super::json::{Json, obj};
use super::msg;
use super::params::Params;
use super::texts::Sms;
use super::world::{DAY, Order, World};

/// One `orders` row; `provider` is sent only by some deployments.
fn order_row(o: &Order, t: i64) -> Json {
    let country = catalog::country(&o.country);
    let sname = catalog::service(&o.service).map_or(o.service.as_str(), |s| s.name);
    obj([
        ("id", o.id.into()),
        ("scode", o.service.as_str().into()),
        ("sname", sname.into()),
        ("state", o.state.into()),
        ("pnumber", o.pnumber.as_str().into()),
        ("ccode", country.map_or("", |c| c.dial).into()),
        ("cname", o.country.as_str().into()),
        ("hasnewsms", o.has_new_sms.into()),
        ("until", o.until.into()),
        ("canprolong", o.can_prolong(t).into()),
        ("canprolongmax", o.prolong_max_days().into()),
        ("canprolonguntil", o.prolong_limit().into()),
        ("lastonline", o.last_online.into()),
        ("provider", Json::Extra(Box::new(o.provider.as_str().into()))),
    ])
}

pub(crate) fn orders(w: &mut World, key: &str, t: i64) -> Outcome {
    let acct = w.account(key)?;
    Ok(Reply::Data(acct.orders.values().map(|o| order_row(o, t)).collect::<Vec<_>>().into()))
}

fn sms_row(s: &Sms) -> Json {
    obj([
        ("text", s.text.as_str().into()),
        ("sender", s.sender.as_str().into()),
        ("date", s.date.into()),
    ])
}

/// `sms`: the order's own SMS, plus (for the drift shape) those its number
/// got for other services; reading clears the order's `hasnewsms`.
pub(crate) fn sms(w: &mut World, key: &str, p: &Params) -> Outcome {
    let id = p.id()?;
    let acct = w.account(key)?;
    let o = acct.order(id)?;
    let own = o.sms.iter().filter(|s| s.service == o.service).map(sms_row).collect();
    let mut other: Vec<&Sms> = acct
        .orders
        .values()
        .filter(|x| x.same_number(o))
        .flat_map(|x| x.sms.iter())
        .filter(|s| s.service != o.service)
        .collect();
    other.sort_by_key(|s| s.date);
    let other = other.into_iter().map(sms_row).collect();
    acct.order_mut(id)?.has_new_sms = false;
    Ok(Reply::Sms { own, other })
}

/// `activate`: 0 → 2 (the clock takes it on to 1 and back to 0); asking
/// again while activating or active changes nothing.
pub(crate) fn activate(w: &mut World, key: &str, p: &Params, t: i64) -> Outcome {
    let id = p.id()?;
    let o = w.account(key)?.order_mut(id)?;
    match o.state {
        0 => {
            o.state = 2;
            o.phase_start = t;
        }
        1 | 2 => {}
        _ => return Err(Fail::msg(msg::CANNOT_ACTIVATE)),
    }
    Ok(Reply::Data(obj([("id", id.into())])))
}

/// `prolong`: only in the last 7 days, never past 90 days from the start.
pub(crate) fn prolong(w: &mut World, key: &str, p: &Params, t: i64) -> Outcome {
    let id = p.id()?;
    let period = p.period()?;
    let acct = w.account(key)?;
    let o = acct.order(id)?;
    if o.until - t >= 7 * DAY {
        return Err(Fail::msg(msg::PROLONG_WINDOW));
    }
    let days = i64::from(period.days());
    if days > o.prolong_max_days() {
        return Err(Fail::msg(msg::MAX_PERIOD));
    }
    let tenths = catalog::country(&o.country)
        .zip(catalog::service(&o.service))
        .map(|(c, s)| c.price_tenths(s, period.unit))
        .ok_or_else(|| Fail::msg(msg::SERVICE_NOT_FOUND))?;
    acct.charge(tenths * 10 * days, msg::BALANCE)?;
    acct.order_mut(id)?.until += days * DAY;
    Ok(Reply::Data(obj([("id", id.into())])))
}

/// `delete`: the order vanishes (it does not go to the archive) and its
/// number returns to the stock.
pub(crate) fn delete(w: &mut World, key: &str, p: &Params) -> Outcome {
    let id = p.id()?;
    let o = w.account(key)?.orders.remove(&id).ok_or_else(|| Fail::msg(msg::ORDER_NOT_FOUND))?;
    w.adjust_stock(&o.country, &o.service, &o.provider, 1);
    Ok(Reply::Data(obj([("id", id.into())])))
}
