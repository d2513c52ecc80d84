//! Tolerant decoding: the envelope, the per-method shapes, and every
//! "known drift" of rent-api.md (numbers as strings and back, wrapped or
//! unwrapped `data`, `SmsList`/`OtherSms`, unknown fields and states).

use std::collections::{BTreeMap, HashMap};
use std::marker::PhantomData;

use serde::de::{self, DeserializeOwned, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::Value;
use serde_json::value::RawValue;

use crate::error::ApiError;
use crate::method::{Method, OrderId, ServiceCode};
use crate::model::{
    Availability, Country, HistoryRow, NewOrder, Order, RestoreQuote, ServicePrice,
    ServicesWithProviders, SmsBundle,
};
use crate::transport::RawResponse;

/// Unwraps `{"status": 1, "data": ...}` and turns everything else into a
/// classified [`ApiError`]. Public lists keep their `data` even under
/// `status: 0`, as some deployments send it.
///
/// `data` comes back unparsed (`None`: absent or `null`): a list of a
/// thousand orders is then read straight into its types, never held as a
/// tree of JSON values first (which took several times its size, at
/// every poll).
pub fn envelope(method: Method, raw: &RawResponse) -> Result<Option<&RawValue>, ApiError> {
    let json = std::str::from_utf8(&raw.body)
        .ok()
        .and_then(|text| serde_json::from_str::<&RawValue>(text).ok())
        .ok_or_else(|| ApiError::from_non_json(raw))?;
    let ok_status = (200..300).contains(&raw.status);
    if !json.get().starts_with('{') {
        // A bare array or value where the envelope should be: take it as data.
        return match non_null(json) {
            Some(data) if ok_status => Ok(Some(data)),
            _ => Err(ApiError::from_non_json(raw)),
        };
    }
    let obj: HashMap<String, &RawValue> =
        serde_json::from_str(json.get()).map_err(|_| ApiError::from_non_json(raw))?;
    let field = |name: &str| obj.get(name).map(|v| parsed(v));
    let msg = field("msg").map(|v| text_of(&v)).unwrap_or_default();
    if !ok_status {
        let detail = if msg.is_empty() { raw.text() } else { msg };
        return Err(ApiError::new(crate::ErrorKind::Http(raw.status), detail));
    }
    let ok = field("status").map(|v| truthy(&v)).unwrap_or(obj.contains_key("data"));
    let data = obj.get("data").copied().and_then(non_null);
    if ok || (!method.needs_key() && data.is_some() && msg.is_empty()) {
        return Ok(data);
    }
    Err(ApiError::from_msg(&msg))
}

fn non_null(v: &RawValue) -> Option<&RawValue> {
    (v.get() != "null").then_some(v)
}

/// A small field of the envelope (`status`, `msg`) as a value.
fn parsed(v: &RawValue) -> Value {
    serde_json::from_str(v.get()).unwrap_or(Value::Null)
}

/// Decodes a raw answer into the typed value of `method`.
pub fn decode<T: FromData>(method: Method, raw: &RawResponse) -> Result<T, ApiError> {
    T::from_raw(envelope(method, raw)?)
}

/// A value that can be made from an envelope's `data`, accepting the drift
/// variants of its method.
pub trait FromData: Sized {
    fn from_data(data: Value) -> Result<Self, ApiError>;

    /// From the unparsed `data` (`None`: absent or `null`); through a
    /// [`Value`] unless the type reads itself straight from the text.
    fn from_raw(data: Option<&RawValue>) -> Result<Self, ApiError> {
        let value = match data {
            Some(raw) => serde_json::from_str(raw.get()).map_err(ApiError::bad_shape)?,
            None => Value::Null,
        };
        Self::from_data(value)
    }
}

/// A list that may arrive as an array, as an object of rows keyed by id, or
/// as nothing at all (`null`: an empty account). One reader for both
/// sources: straight from the text ([`list_raw`], the long lists) and from a
/// parsed [`Value`] ([`list`], the small answers and the parts of one).
struct ListOf<T>(Vec<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for ListOf<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Rows<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for Rows<T> {
            type Value = ListOf<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(ListOf(Vec::new()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut rows = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
                while let Some(row) = seq.next_element()? {
                    rows.push(row);
                }
                Ok(ListOf(rows))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut rows = Vec::new();
                while let Some((IgnoredAny, row)) = map.next_entry()? {
                    rows.push(row);
                }
                Ok(ListOf(rows))
            }
        }
        d.deserialize_any(Rows(PhantomData))
    }
}

fn list_raw<T: DeserializeOwned>(data: Option<&RawValue>) -> Result<Vec<T>, ApiError> {
    match data {
        None => Ok(Vec::new()),
        Some(raw) => {
            serde_json::from_str::<ListOf<T>>(raw.get()).map(|l| l.0).map_err(ApiError::bad_shape)
        }
    }
}

fn typed<T: DeserializeOwned>(v: Value) -> Result<T, ApiError> {
    serde_json::from_value(v).map_err(ApiError::bad_shape)
}

/// A [`ListOf`] from a parsed value.
fn list<T: DeserializeOwned>(v: Value) -> Result<Vec<T>, ApiError> {
    ListOf::deserialize(v).map(|l| l.0).map_err(ApiError::bad_shape)
}

impl FromData for Vec<Country> {
    fn from_data(data: Value) -> Result<Self, ApiError> {
        list(data)
    }
}

impl FromData for Vec<ServicePrice> {
    fn from_data(data: Value) -> Result<Self, ApiError> {
        match data {
            Value::Object(mut obj) if obj.contains_key("services") => {
                list(obj.remove("services").unwrap_or(Value::Null))
            }
            other => list(other),
        }
    }
}

impl FromData for ServicesWithProviders {
    fn from_data(data: Value) -> Result<Self, ApiError> {
        match data {
            Value::Array(_) => Ok(ServicesWithProviders {
                services: list(data)?,
                total_amount: 0,
                all_operators: Vec::new(),
            }),
            other => typed(other),
        }
    }
}

impl FromData for BTreeMap<ServiceCode, Availability> {
    fn from_data(data: Value) -> Result<Self, ApiError> {
        match data {
            Value::Null | Value::Array(_) => Ok(BTreeMap::new()),
            other => typed(other),
        }
    }
}

/// `create` answers one order, sometimes wrapped in a one-element array.
impl FromData for NewOrder {
    fn from_data(data: Value) -> Result<Self, ApiError> {
        match data {
            Value::Array(mut rows) if !rows.is_empty() => typed(rows.swap_remove(0)),
            Value::Array(_) => Err(ApiError::bad_shape("create answered an empty list")),
            other => typed(other),
        }
    }
}

/// `create_multi` answers a list, or a single order when one service was asked.
impl FromData for Vec<NewOrder> {
    fn from_data(data: Value) -> Result<Self, ApiError> {
        match data {
            Value::Object(_) => Ok(vec![typed(data)?]),
            other => list(other),
        }
    }
}

impl FromData for Vec<Order> {
    fn from_data(data: Value) -> Result<Self, ApiError> {
        list(data)
    }

    fn from_raw(data: Option<&RawValue>) -> Result<Self, ApiError> {
        list_raw(data)
    }
}

impl FromData for Vec<HistoryRow> {
    fn from_data(data: Value) -> Result<Self, ApiError> {
        list(data)
    }

    fn from_raw(data: Option<&RawValue>) -> Result<Self, ApiError> {
        list_raw(data)
    }
}

impl FromData for RestoreQuote {
    fn from_data(data: Value) -> Result<Self, ApiError> {
        typed(data)
    }
}

/// `sms`: a bare array of the order's SMS, or `{SmsList, OtherSms}`.
impl FromData for SmsBundle {
    fn from_data(data: Value) -> Result<Self, ApiError> {
        match data {
            Value::Object(mut obj) => {
                let mut take = |name: &str| {
                    let key = obj.keys().find(|k| k.eq_ignore_ascii_case(name)).cloned();
                    key.and_then(|k| obj.remove(&k)).unwrap_or(Value::Null)
                };
                let own = list(take("SmsList"))?;
                let other = list(take("OtherSms"))?;
                Ok(SmsBundle { own, other })
            }
            other => Ok(SmsBundle { own: list(other)?, other: Vec::new() }),
        }
    }
}

/// `prolong`, `activate`, `delete`: `{id}`, which some answers leave out.
impl FromData for Option<OrderId> {
    fn from_data(data: Value) -> Result<Self, ApiError> {
        let id = match &data {
            Value::Object(obj) => obj.get("id").cloned(),
            Value::Array(rows) => rows.first().and_then(|r| r.get("id")).cloned(),
            _ => None,
        };
        Ok(id.and_then(|v| lenient::u64_of(&v)).map(OrderId))
    }
}

/// `restore_user` (`true`) and `add_service_to_order` (no data): success
/// is the envelope's status; a `data` of `false` is a refusal.
impl FromData for () {
    fn from_data(data: Value) -> Result<Self, ApiError> {
        if matches!(&data, Value::Bool(false)) || data.as_i64() == Some(0) {
            return Err(ApiError::from_msg("the provider answered false"));
        }
        Ok(())
    }
}

fn truthy(v: &Value) -> bool {
    match v {
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => matches!(s.trim().to_ascii_lowercase().as_str(), "1" | "true" | "ok"),
        _ => false,
    }
}

fn text_of(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// `deserialize_with` helpers that accept numbers as strings and back.
pub mod lenient {
    use chrono::{DateTime, Utc};
    use serde::de::Error;
    use serde::{Deserialize, Deserializer, Serializer};
    use serde_json::Value;
    use std::collections::BTreeMap;

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
            Value::String(s) => s.trim().parse().ok().or_else(|| {
                s.trim().parse::<f64>().ok().filter(|f| f.is_finite()).map(|f| f as i64)
            }),
            Value::Bool(b) => Some(i64::from(*b)),
            _ => None,
        }
    }

    fn f64_of(v: &Value) -> Option<f64> {
        match v {
            Value::Number(n) => n.as_f64(),
            Value::String(s) => {
                s.trim().replace(',', ".").parse().ok().filter(|f: &f64| f.is_finite())
            }
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

    pub fn u64<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
        expect(d, "an unsigned number", u64_of)
    }

    pub fn u32<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
        expect(d, "a count", |v| {
            u64_of(v).map(|n| n.min(u64::from(u32::MAX)) as u32).or(v.is_null().then_some(0))
        })
    }

    pub fn i64<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
        expect(d, "a number", i64_of)
    }

    pub fn f64<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        expect(d, "a price", f64_of)
    }

    pub fn bool<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
        expect(d, "a flag", bool_of)
    }

    pub fn opt_bool<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
        let v = Value::deserialize(d)?;
        Ok(if v.is_null() { None } else { bool_of(&v) })
    }

    pub fn string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        expect(d, "a text", |v| match v {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Null => Some(String::new()),
            _ => None,
        })
    }

    pub fn opt_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        let s = string(d)?;
        Ok((!s.trim().is_empty()).then_some(s))
    }

    /// `{PROVIDER: n}`; also tolerates a bare total, kept under `""`.
    pub fn count_map<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, u32>, D::Error> {
        let v = Value::deserialize(d)?;
        let clamp = |n: u64| n.min(u64::from(u32::MAX)) as u32;
        match &v {
            Value::Object(map) => Ok(map
                .iter()
                .filter_map(|(k, n)| u64_of(n).map(|n| (k.clone(), clamp(n))))
                .collect()),
            Value::Null => Ok(BTreeMap::new()),
            other => u64_of(other)
                .map(|n| BTreeMap::from([(String::new(), clamp(n))]))
                .ok_or_else(|| D::Error::custom(format!("expected counts, got {other}"))),
        }
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

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
            expect(d, "a UNIX time", instant_of)
        }

        pub fn serialize<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_i64(t.timestamp())
        }
    }

    /// Like [`ts`], with `0`, `null` or nothing meaning "not given".
    pub mod opt_ts {
        use super::*;

        pub fn deserialize<'de, D: Deserializer<'de>>(
            d: D,
        ) -> Result<Option<DateTime<Utc>>, D::Error> {
            let v = Value::deserialize(d)?;
            Ok(instant_of(&v).filter(|t| t.timestamp() > 0))
        }

        pub fn serialize<S: Serializer>(
            t: &Option<DateTime<Utc>>,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            match t {
                Some(t) => s.serialize_i64(t.timestamp()),
                None => s.serialize_none(),
            }
        }
    }
}
