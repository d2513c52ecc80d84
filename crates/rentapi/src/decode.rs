//! Tolerant decoding: the envelope, the per-method shapes, and every drift
//! of rent-api.md (numbers as strings and back, wrapped or unwrapped
//! `data`, `SmsList`/`OtherSms`, PHP's `[]` for an empty map, missing
//! fields, unknown fields and states). Lists are read row by row
//! ([`Rows`]): a row that cannot be read is set aside, never the list.
//! A write whose `status` is 1 never fails, whatever its `data`.

use std::collections::HashMap;
use std::marker::PhantomData;

use serde::de::{self, DeserializeOwned, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::Value;
use serde_json::value::RawValue;

use crate::error::{ApiError, ErrorKind};
use crate::method::{Method, OrderId, ServiceCode};
use crate::model::{
    Availability, Country, HistoryRow, NewOrder, Order, RestoreQuote, Rows, ServicePrice,
    ServicesWithProviders, SmsBundle, raw_row,
};
use crate::transport::RawResponse;

pub mod lenient;

/// Unwraps `{"status": 1, "data": ...}` and turns everything else into a
/// classified [`ApiError`].
///
/// - `status` 0 (or missing, with no `data`) with a `msg`: a refusal,
///   classified for `method` ([`ApiError::refusal`]).
/// - A read under `status: 0` with `data` and no `msg` keeps its data (some
///   deployments answer public lists, `sms` and quotes that way).
/// - A write under `status: 0` next to data that is not empty, or with no
///   `msg` at all, is [`ErrorKind::Unclear`]: it may have been done.
///
/// `data` comes back unparsed (`None`: absent or `null`): a long list is
/// then read straight from the text, never held as a tree of values.
pub fn envelope(method: Method, raw: &RawResponse) -> Result<Option<&RawValue>, ApiError> {
    let json = std::str::from_utf8(&raw.body)
        .ok()
        .and_then(|text| serde_json::from_str::<&RawValue>(text).ok())
        .ok_or_else(|| ApiError::from_non_json(method, raw))?;
    let ok_status = (200..300).contains(&raw.status);
    if !json.get().starts_with('{') {
        // A bare array or value where the envelope should be: take it as data.
        return match non_null(json) {
            Some(data) if ok_status => Ok(Some(data)),
            _ => Err(ApiError::from_non_json(method, raw)),
        };
    }
    let obj: HashMap<String, &RawValue> =
        serde_json::from_str(json.get()).map_err(|_| ApiError::from_non_json(method, raw))?;
    let field = |name: &str| obj.get(name).map(|v| parsed(v));
    let msg = ["msg", "message", "error"]
        .into_iter()
        .filter_map(|name| field(name).map(|v| text_of(&v)))
        .find(|m| !m.trim().is_empty())
        .unwrap_or_default();
    if !ok_status {
        let detail = if msg.is_empty() { raw.text() } else { msg };
        return Err(ApiError::new(ErrorKind::Http(raw.status), detail));
    }
    let data = obj.get("data").copied().and_then(non_null);
    match field("status") {
        Some(status) if truthy(&status) => return Ok(data),
        None if data.is_some() => return Ok(data),
        _ => {}
    }
    let unclear = || Err(ApiError::new(ErrorKind::Unclear, raw.text()));
    if method.is_write() {
        if msg.is_empty() || data.is_some_and(|d| !empty(d)) {
            return unclear();
        }
    } else if msg.is_empty() {
        return if data.is_some() { Ok(data) } else { unclear() };
    }
    Err(ApiError::refusal(method, &msg))
}

fn non_null(v: &RawValue) -> Option<&RawValue> {
    (v.get() != "null").then_some(v)
}

/// Data that says nothing: `[]`, `{}`, `""`, `false`, `0`.
fn empty(v: &RawValue) -> bool {
    let compact: String = v.get().split_whitespace().collect();
    matches!(compact.as_str(), "[]" | "{}" | "\"\"" | "false" | "0" | "\"0\"")
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
    /// From the unparsed `data` (`None`: absent or `null`).
    fn from_raw(data: Option<&RawValue>) -> Result<Self, ApiError>;

    /// From a parsed value (tests, and data already held as a tree).
    fn from_data(data: Value) -> Result<Self, ApiError> {
        let text = data.to_string();
        let raw = serde_json::from_str::<&RawValue>(&text).map_err(ApiError::bad_shape)?;
        Self::from_raw(non_null(raw))
    }
}

/// A list's rows, unparsed: from an array, or from an object of rows keyed
/// by id (with their keys), or from nothing at all (`null`).
struct RawRows<'a>(Vec<(Option<String>, &'a RawValue)>);

impl<'de: 'a, 'a> Deserialize<'de> for RawRows<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Each<'a>(PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for Each<'a> {
            type Value = RawRows<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(RawRows(Vec::new()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut rows = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
                while let Some(row) = seq.next_element()? {
                    rows.push((None, row));
                }
                Ok(RawRows(rows))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut rows = Vec::new();
                while let Some((key, row)) = map.next_entry::<String, &'de RawValue>()? {
                    rows.push((Some(key), row));
                }
                Ok(RawRows(rows))
            }
        }
        d.deserialize_any(Each(PhantomData))
    }
}

fn raw_rows(data: Option<&RawValue>) -> Result<RawRows<'_>, ApiError> {
    match data {
        None => Ok(RawRows(Vec::new())),
        Some(raw) => serde_json::from_str(raw.get()).map_err(ApiError::bad_shape),
    }
}

/// Reads a list row by row; a row that cannot be read is kept as raw text.
/// A `data` that is no list at all (`5`, `"RU"`) is a bad shape.
fn rows<T: DeserializeOwned>(data: Option<&RawValue>) -> Result<Rows<T>, ApiError> {
    let list = raw_rows(data)?;
    let mut out = Rows { rows: Vec::with_capacity(list.0.len()), skipped: Vec::new() };
    for (_, row) in list.0 {
        match serde_json::from_str(row.get()) {
            Ok(value) => out.rows.push(value),
            Err(_) => out.skipped.push(raw_row(row.get())),
        }
    }
    Ok(out)
}

/// `data` when it is an object holding `name`, e.g. `{"services": [...]}`.
fn member<'a>(data: Option<&'a RawValue>, name: &str) -> Option<Option<&'a RawValue>> {
    let raw = data.filter(|d| d.get().starts_with('{'))?;
    let obj: HashMap<&str, &RawValue> = serde_json::from_str(raw.get()).ok()?;
    obj.get(name).map(|v| non_null(v))
}

fn value(data: Option<&RawValue>) -> Value {
    data.map_or(Value::Null, parsed)
}

impl FromData for Rows<Country> {
    fn from_raw(data: Option<&RawValue>) -> Result<Self, ApiError> {
        rows(data)
    }
}

impl FromData for Rows<Order> {
    fn from_raw(data: Option<&RawValue>) -> Result<Self, ApiError> {
        rows(data)
    }
}

impl FromData for Rows<HistoryRow> {
    fn from_raw(data: Option<&RawValue>) -> Result<Self, ApiError> {
        rows(data)
    }
}

/// `getdata`: a bare array, or `{"services": [...]}`.
impl FromData for Rows<ServicePrice> {
    fn from_raw(data: Option<&RawValue>) -> Result<Self, ApiError> {
        rows(member(data, "services").unwrap_or(data))
    }
}

/// `getdataWithProviders`: `{services, totalAmount, allOperators}`, or a
/// bare array of the services.
impl FromData for ServicesWithProviders {
    fn from_raw(data: Option<&RawValue>) -> Result<Self, ApiError> {
        let Some(services) = member(data, "services") else {
            let list: Rows<_> = rows(data)?;
            return Ok(ServicesWithProviders {
                services: list.rows,
                total_amount: 0,
                all_operators: Vec::new(),
                skipped: list.skipped,
            });
        };
        let all = value(data);
        let list: Rows<_> = rows(services)?;
        // `allOperators` may be a list, a PHP map of names, or anything.
        let all_operators = match &all["allOperators"] {
            Value::Array(v) => v.iter().filter_map(|s| s.as_str().map(str::to_owned)).collect(),
            Value::Object(m) => m.values().filter_map(|s| s.as_str().map(str::to_owned)).collect(),
            _ => Vec::new(),
        };
        let total_amount =
            lenient::u32(all.get("totalAmount").unwrap_or(&Value::Null)).unwrap_or(0);
        Ok(ServicesWithProviders {
            services: list.rows,
            total_amount,
            all_operators,
            skipped: list.skipped,
        })
    }
}

/// `getCountWithProviders`: `{SERVICE: {Amount, Total}}`; `[]` when empty.
impl FromData for Rows<(ServiceCode, Availability)> {
    fn from_raw(data: Option<&RawValue>) -> Result<Self, ApiError> {
        let mut out = Rows::default();
        for (key, row) in raw_rows(data)?.0 {
            let read = serde_json::from_str::<Availability>(row.get());
            match (key, read) {
                (Some(code), Ok(a)) if !code.trim().is_empty() => {
                    out.rows.push((ServiceCode::new(code.trim()), a));
                }
                (key, _) => {
                    let text = match key {
                        Some(k) => format!("{}: {}", Value::String(k), row.get()),
                        None => row.get().to_owned(),
                    };
                    out.skipped.push(raw_row(&text));
                }
            }
        }
        Ok(out)
    }
}

/// `sms`: a bare array of the order's SMS, `{SmsList, OtherSms}` (either
/// may be missing), `{}` for none, or rows keyed by id.
impl FromData for SmsBundle {
    fn from_raw(data: Option<&RawValue>) -> Result<Self, ApiError> {
        let split = data.filter(|d| d.get().starts_with('{')).and_then(|raw| {
            let obj: HashMap<String, &RawValue> = serde_json::from_str(raw.get()).ok()?;
            let take = |name: &str| {
                obj.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| non_null(v))
            };
            let (own, other) = (take("SmsList"), take("OtherSms"));
            (own.is_some() || other.is_some() || obj.is_empty())
                .then(|| (own.flatten(), other.flatten()))
        });
        let (own, other) = split.unwrap_or((data, None));
        let (own, other): (Rows<_>, Rows<_>) = (rows(own)?, rows(other)?);
        let mut skipped = own.skipped;
        skipped.extend(other.skipped);
        Ok(SmsBundle { own: own.rows, other: other.rows, skipped })
    }
}

/// `create` and `create_multi`: an order, a list of them, one object for
/// several services, rows keyed by id, or nothing readable. Never an error:
/// the money is spent; what is missing comes from [`NewOrder::fill`] and
/// the next orders poll.
impl FromData for Vec<NewOrder> {
    fn from_raw(data: Option<&RawValue>) -> Result<Self, ApiError> {
        let one = |v: Value| serde_json::from_value::<NewOrder>(v).ok();
        Ok(match value(data) {
            Value::Object(obj) if obj.contains_key("id") => {
                one(Value::Object(obj)).into_iter().collect()
            }
            Value::Object(obj) => obj.into_iter().filter_map(|(_, v)| one(v)).collect(),
            Value::Array(rows) => rows.into_iter().filter_map(one).collect(),
            _ => Vec::new(),
        })
    }
}

impl FromData for RestoreQuote {
    fn from_raw(data: Option<&RawValue>) -> Result<Self, ApiError> {
        serde_json::from_value(value(data)).map_err(ApiError::bad_shape)
    }
}

/// `prolong`, `activate`, `delete`: `{id}`, `[{id}]`, a whole order, or
/// nothing (`{}`, `[]`, `null`, `true`): all success under `status: 1`.
impl FromData for Option<OrderId> {
    fn from_raw(data: Option<&RawValue>) -> Result<Self, ApiError> {
        let data = value(data);
        let id = match &data {
            Value::Object(obj) => obj.get("id"),
            Value::Array(rows) => rows.first().and_then(|r| r.get("id")),
            _ => None,
        };
        Ok(id.and_then(lenient::u64_of).map(OrderId))
    }
}

/// `restore_user` (`true`, `{id}`) and `add_service_to_order` (nothing, or
/// an order): success is the envelope's status. A `data` of `false` under
/// `status: 1` says yes and no at once: the outcome is not known.
impl FromData for () {
    fn from_raw(data: Option<&RawValue>) -> Result<Self, ApiError> {
        let data = value(data);
        if matches!(&data, Value::Bool(false)) || data.as_i64() == Some(0) {
            return Err(ApiError::new(ErrorKind::Unclear, data.to_string()));
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
        Value::Null | Value::Bool(_) => String::new(),
        other => other.to_string(),
    }
}
