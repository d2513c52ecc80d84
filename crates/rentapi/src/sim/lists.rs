//! The public lists (no key): countries, and services with prices and
//! numbers left, in the three shapes the API offers.

use super::catalog::{self, COUNTRIES, Country};
use super::handlers::{Fail, Outcome, Reply};
use super::json::{Json, obj, tenths};
use super::msg;
use super::params::Params;
use super::world::World;
use crate::method::Period;

pub(crate) fn countries() -> Reply {
    Reply::Data(
        COUNTRIES
            .iter()
            .map(|c| obj([("name", c.name.into()), ("code", c.code.into())]))
            .collect::<Vec<_>>()
            .into(),
    )
}

fn country_and_period(p: &Params) -> Result<(&'static Country, Period), Fail> {
    let code = p.need("country")?;
    let period = p.period_or_week()?;
    let country = catalog::country(code).ok_or_else(|| Fail::msg(msg::COUNTRY_NOT_FOUND))?;
    Ok((country, period))
}

/// `getdata`: `[{name, service, price_day, count}]`.
pub(crate) fn data(w: &World, p: &Params) -> Outcome {
    let (c, period) = country_and_period(p)?;
    let rows = c.services().map(|s| {
        let count: u32 = w.counts(c, s.code).iter().map(|(_, n)| n).sum();
        obj([
            ("name", s.name.into()),
            ("service", s.code.into()),
            ("price_day", tenths(c.price_tenths(s, period.unit))),
            ("count", i64::from(count).into()),
        ])
    });
    Ok(Reply::Data(rows.collect::<Vec<_>>().into()))
}

/// `getdataWithProviders`: services with counts per operator, the total and
/// the country's operators.
pub(crate) fn data_with_providers(w: &World, p: &Params) -> Outcome {
    let (c, period) = country_and_period(p)?;
    let month = period.unit == crate::method::PeriodUnit::Month;
    let mut total_amount = 0i64;
    let services = c.services().map(|s| {
        let counts = w.counts(c, s.code);
        let total: i64 = counts.iter().map(|(_, n)| i64::from(*n)).sum();
        total_amount += total;
        obj([
            ("name", s.name.into()),
            ("service", s.code.into()),
            ("price_day", tenths(c.price_tenths(s, period.unit))),
            ("img", s.img.into()),
            ("procent_days", Json::Int(if month { 30 } else { 0 })),
            ("procent", Json::Int(if month { 20 } else { 0 })),
            ("day_step", Json::Int(0)),
            ("count", per_provider(&counts)),
            ("totalCount", total.into()),
        ])
    });
    let services: Vec<Json> = services.collect();
    let operators: Vec<Json> = c.providers.iter().map(|p| (*p).into()).collect();
    Ok(Reply::Data(obj([
        ("services", services.into()),
        ("totalAmount", total_amount.into()),
        ("allOperators", operators.into()),
    ])))
}

/// `getCountWithProviders`: `{SERVICE: {Amount: {PROVIDER: n}, Total: n}}`.
pub(crate) fn count_with_providers(w: &World, p: &Params) -> Outcome {
    let (c, _) = country_and_period(p)?;
    let entries = c.services().map(|s| {
        let counts = w.counts(c, s.code);
        let total: i64 = counts.iter().map(|(_, n)| i64::from(*n)).sum();
        (s.code.to_owned(), obj([("Amount", per_provider(&counts)), ("Total", total.into())]))
    });
    Ok(Reply::Data(Json::Obj(entries.collect())))
}

/// `{PROVIDER: n}` for the operators that have numbers left.
fn per_provider(counts: &[(&str, u32)]) -> Json {
    Json::Obj(
        counts
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(p, n)| ((*p).to_owned(), i64::from(*n).into()))
            .collect(),
    )
}
