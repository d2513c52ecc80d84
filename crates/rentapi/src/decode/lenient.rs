//! `deserialize_with` helpers that accept numbers as strings and back.
use chrono::{DateTime, Utc};
use serde::de::Error;
use serde::{Deserialize, Deserializer, Serializer};
use serde_json::Value;
use std::collections::BTreeMap;

use crate::method::{CountryCode, ServiceCode};

pub(crate) fn u64_of(v: &Value) -> Option<u64> {
    match v {
        Value::Number(n) => n
            .as_u64()
            .or_else(|| n.as_f64().filter(|f| *f >= 0.0 && f.fract() == 0.0).map(|f| f as u64)),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn i64_of(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
        Value::String(s) => {
            s.trim().parse().ok().or_else(|| {
                s.trim().parse::<f64>().ok().filter(|f| f.is_finite()).map(|f| f as i64)
            })
        }
        Value::Bool(b) => Some(i64::from(*b)),
        _ => None,
    }
}

fn f64_of(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().replace(',', ".").parse().ok().filter(|f: &f64| f.is_finite()),
        _ => None,
    }
}

fn bool_of(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::Number(n) => n.as_f64().map(|f| f != 0.0),
        Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
            "1" | "true" | "yes" => Some(true),
            "0" | "false" | "no" | "" => Some(false),
            _ => None,
        },
        Value::Null => Some(false),
        _ => None,
    }
}

fn expect<'de, D: Deserializer<'de>, T>(
    d: D,
    what: &str,
    f: impl Fn(&Value) -> Option<T>,
) -> Result<T, D::Error> {
    let v = Value::deserialize(d)?;
    f(&v).ok_or_else(|| D::Error::custom(format!("expected {what}, got {v}")))
}

/// An unsigned number, or a string of one (an id).
pub fn u64<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    expect(d, "an unsigned number", u64_of)
}

/// A count; anything that is not one (`null`, `{}`, `"n/a"`) is 0: no count
/// is worth losing a row for.
pub fn u32<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    let v = Value::deserialize(d)?;
    Ok(u64_of(&v).map_or(0, |n| n.min(u64::from(u32::MAX)) as u32))
}

/// A number, or a string of one; fractions are cut and `true` is 1.
pub fn i64<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    expect(d, "a number", i64_of)
}

/// A price: a number, or a string of one with `.` or `,` as the
/// decimal point.
pub fn f64<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    expect(d, "a price", f64_of)
}

/// A flag; anything that is not one is `false`.
pub fn bool<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    let v = Value::deserialize(d)?;
    Ok(bool_of(&v).unwrap_or(false))
}

/// Like [`bool()`], with `null` meaning `None` and anything unreadable
/// too.
pub fn opt_bool<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    let v = Value::deserialize(d)?;
    Ok(if v.is_null() { None } else { bool_of(&v) })
}

/// A text, or a number written as one; `null` is empty. Anything else
/// fails the row.
pub fn string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    expect(d, "a text", text_of)
}

/// A text nobody needs to read a row: anything that is not one is empty.
pub fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let v = Value::deserialize(d)?;
    Ok(text_of(&v).unwrap_or_default())
}

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Null => Some(String::new()),
        _ => None,
    }
}

/// Like [`text`], with nothing (or only spaces) meaning `None`.
pub fn opt_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let s = text(d)?;
    Ok((!s.trim().is_empty()).then_some(s))
}

/// A service code a row can do without: anything unreadable is empty.
pub fn service<'de, D: Deserializer<'de>>(d: D) -> Result<ServiceCode, D::Error> {
    Ok(ServiceCode::new(text(d)?.trim()))
}

/// A country code a row can do without: anything unreadable is empty.
pub fn country<'de, D: Deserializer<'de>>(d: D) -> Result<CountryCode, D::Error> {
    Ok(CountryCode::new(text(d)?.trim()))
}

/// A service code that may be missing (`create`'s answers).
pub fn opt_code<'de, D: Deserializer<'de>>(d: D) -> Result<Option<ServiceCode>, D::Error> {
    Ok(opt_string(d)?.map(|s| ServiceCode::new(s.trim())))
}

/// `{PROVIDER: n}`; also tolerates a bare total, kept under `""`. PHP
/// writes an empty map as `[]`; anything else unreadable is no counts
/// (a sold-out service, not a broken price list).
pub fn count_map<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, u32>, D::Error> {
    let v = Value::deserialize(d)?;
    let clamp = |n: u64| n.min(u64::from(u32::MAX)) as u32;
    Ok(match &v {
        Value::Object(map) => {
            map.iter().filter_map(|(k, n)| u64_of(n).map(|n| (k.clone(), clamp(n)))).collect()
        }
        other => {
            u64_of(other).map(|n| BTreeMap::from([(String::new(), clamp(n))])).unwrap_or_default()
        }
    })
}

fn instant_of(v: &Value) -> Option<DateTime<Utc>> {
    match v {
        Value::String(s) if s.contains('-') => {
            DateTime::parse_from_rfc3339(s.trim()).ok().map(|t| t.with_timezone(&Utc))
        }
        other => i64_of(other).and_then(|secs| DateTime::from_timestamp(secs, 0)),
    }
}

/// UNIX seconds (number or string) as a UTC instant; written back as seconds.
pub mod ts {
    use super::*;

    /// Reads UNIX seconds (or an RFC 3339 time); anything else fails.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        expect(d, "a UNIX time", instant_of)
    }

    /// Writes UNIX seconds.
    pub fn serialize<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(t.timestamp())
    }
}

/// Like [`ts`], with `0`, `null` or nothing meaning "not given".
pub mod opt_ts {
    use super::*;

    /// Reads UNIX seconds; `0`, `null` or anything unreadable is `None`.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
        let v = Value::deserialize(d)?;
        Ok(instant_of(&v).filter(|t| t.timestamp() > 0))
    }

    /// Writes UNIX seconds, or `null` for `None`.
    pub fn serialize<S: Serializer>(t: &Option<DateTime<Utc>>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => s.serialize_i64(t.timestamp()),
            None => s.serialize_none(),
        }
    }
}
