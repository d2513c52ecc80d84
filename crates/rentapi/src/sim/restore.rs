//! The archive: `get_rent_history` (paged, newest first) and restoring an
//! expired rental (`restore_user_precalc`, `restore_user`).
//!
//! Restoring costs the overdue days at the full day price (no month
//! discount) plus 30 days paid in advance; the order comes back with the
//! same id, in state 0, for 30 days from now.

use crate::method::PeriodUnit;

use super::catalog::{self, Country, Service};
use super::handlers::{Fail, Outcome, Reply};
use super::json::{Json, cents, obj};
use super::msg;
use super::params::Params;
use super::world::{Archived, DAY, Order, World};

/// Days paid in advance by a restoration.
const PROLONG_TO: i64 = 30;

fn history_row(r: &Archived) -> Json {
    obj([
        ("orderId", r.id.into()),
        ("resourceCode", r.service.as_str().into()),
        ("number", r.number.as_str().into()),
        ("branchId", r.branch_id.into()),
        ("haveSms", r.have_sms.into()),
        ("days", r.days.into()),
        ("country", r.country.as_deref().into()),
        ("begin", r.begin.into()),
        ("end", r.end.into()),
        ("closed", r.closed.into()),
        ("isAvailForRestore", Json::Extra(Box::new(r.restorable.into()))),
    ])
}

/// `get_rent_history`: `skip` (default 0) and `take` (default 10).
pub(crate) fn history(w: &mut World, key: &str, p: &Params) -> Outcome {
    let (skip, take) = (p.count("skip", 0) as usize, p.count("take", 10) as usize);
    let acct = w.account(key)?;
    Ok(Reply::Data(
        acct.archive.iter().skip(skip).take(take).map(history_row).collect::<Vec<_>>().into(),
    ))
}

/// What restoring one archived order would take.
struct Quote {
    row: Archived,
    country: &'static Country,
    service: &'static Service,
    outdays: i64,
    price_cents: i64,
}

/// The checks shared by both restore calls, in the order the errors are listed on the page.
fn quote(w: &World, key: &str, p: &Params, t: i64) -> Result<Quote, Fail> {
    let id: u64 = p.need("id")?.parse().map_err(|_| Fail::msg(msg::NOREMOTEDATA))?;
    let acct = w.accounts.get(key).ok_or(Fail::BadKey)?;
    let Some(row) = acct.archive.iter().find(|r| r.id == id) else {
        let fail = if acct.orders.contains_key(&id) {
            msg::DATEDIFFINVERT
        } else if w.archive_owner(id).is_some()
            || w.accounts.values().any(|a| a.orders.contains_key(&id))
        {
            msg::NOTOWNER
        } else {
            msg::NOREMOTEDATA
        };
        return Err(Fail::msg(fail));
    };
    if !row.restorable {
        return Err(Fail::msg(msg::NOAVAILDAYS));
    }
    let country = row
        .country
        .as_deref()
        .and_then(catalog::country)
        .ok_or_else(|| Fail::msg(msg::NOORDERCOUNTRY))?;
    let service = country.service(&row.service).ok_or_else(|| Fail::msg(msg::NOSERVICEDATA))?;
    let outdays = ((t - row.end) / DAY).max(0);
    let price_cents = country.price_tenths(service, PeriodUnit::Week) * 10 * (outdays + PROLONG_TO);
    if acct.balance_cents < price_cents {
        return Err(Fail::msg(msg::NOBALANCE));
    }
    Ok(Quote { row: row.clone(), country, service, outdays, price_cents })
}

pub(crate) fn precalc(w: &mut World, key: &str, p: &Params, t: i64) -> Outcome {
    let q = quote(w, key, p, t)?;
    Ok(Reply::Data(obj([
        ("ccode", q.country.code.into()),
        ("scode", q.service.code.into()),
        ("price", cents(q.price_cents)),
        ("sname", q.service.name.into()),
        ("pnumber", q.row.number.as_str().into()),
        ("outdays", q.outdays.into()),
        ("orderid", q.row.id.into()),
        ("prolongTo", PROLONG_TO.into()),
    ])))
}

pub(crate) fn restore(w: &mut World, key: &str, p: &Params, t: i64) -> Outcome {
    let q = quote(w, key, p, t)?;
    let acct = w.account(key)?;
    acct.charge(q.price_cents, msg::NOBALANCE)?;
    acct.archive.retain(|r| r.id != q.row.id);
    let order = Order::new(
        q.row.id,
        q.country,
        q.service,
        q.row.pnumber,
        &q.row.provider,
        t,
        t + PROLONG_TO * DAY,
    );
    acct.orders.insert(order.id, order);
    Ok(Reply::Data(Json::Bool(true)))
}
