//! Reading a request's query parameters, with the provider's error wording
//! for the ones that are missing or malformed.

use crate::method::{Period, PeriodUnit, parse_query};

use super::handlers::Fail;
use super::msg;

pub(crate) struct Params(Vec<(String, String)>);

impl Params {
    pub fn parse(query: &str) -> Self {
        Self(parse_query(query))
    }

    /// The first value of `name`, trimmed; `None` when absent or blank.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v.trim()).filter(|v| !v.is_empty())
    }

    pub fn need(&self, name: &str) -> Result<&str, Fail> {
        self.get(name).ok_or_else(|| Fail::missing(name))
    }

    /// `dtype` and `dcount`, both required.
    pub fn period(&self) -> Result<Period, Fail> {
        let (dtype, dcount) = (self.need("dtype")?, self.need("dcount")?);
        period(dtype, dcount)
    }

    /// `dtype` and `dcount` for the public lists, one week when absent (the
    /// page's `getdata` sample sends neither).
    pub fn period_or_week(&self) -> Result<Period, Fail> {
        period(self.get("dtype").unwrap_or("week"), self.get("dcount").unwrap_or("1"))
    }

    /// The order `id`: required; one that is no number is no order either.
    pub fn id(&self) -> Result<u64, Fail> {
        self.need("id")?.parse().map_err(|_| Fail::msg(msg::ORDER_NOT_FOUND))
    }

    /// A non-negative whole number, `default` when absent or unreadable.
    pub fn count(&self, name: &str, default: u64) -> u64 {
        self.get(name).and_then(|v| v.parse().ok()).unwrap_or(default)
    }
}

fn period(dtype: &str, dcount: &str) -> Result<Period, Fail> {
    let wrong = || Fail::msg(msg::WRONG_PERIOD);
    let unit = PeriodUnit::parse(dtype).ok_or_else(wrong)?;
    let count: u32 = dcount.parse().map_err(|_| wrong())?;
    if count == 0 {
        return Err(wrong());
    }
    Ok(Period { unit, count })
}
