//! A small ordered JSON tree. `serde_json::Value` sorts object keys (the
//! crate is built without `preserve_order`), but the simulator should answer
//! with fields in the order the provider's page shows them, and the drift
//! pass needs to rewrite values in place before anything is serialised.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Json {
    Null,
    Bool(bool),
    Int(i64),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
    /// A field only some deployments send (`provider` on orders,
    /// `isAvailForRestore` on history rows): kept or dropped by the drift pass.
    Extra(Box<Json>),
}

/// An object from `(key, value)` pairs, in that order.
pub(crate) fn obj<const N: usize>(pairs: [(&str, Json); N]) -> Json {
    Json::Obj(pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

/// An amount kept in hundredths (balances, charges), as the provider writes
/// it: a whole number when it is one, else a decimal.
pub(crate) fn cents(c: i64) -> Json {
    if c % 100 == 0 { Json::Int(c / 100) } else { Json::Num(c as f64 / 100.0) }
}

/// A price kept in tenths (`price_day`).
pub(crate) fn tenths(t: i64) -> Json {
    if t % 10 == 0 { Json::Int(t / 10) } else { Json::Num(t as f64 / 10.0) }
}

impl Json {
    /// Applies `f` to this value and every value below it, children first.
    pub fn walk(&mut self, f: &mut impl FnMut(Option<&str>, &mut Json)) {
        self.walk_at(None, f);
    }

    fn walk_at(&mut self, key: Option<&str>, f: &mut impl FnMut(Option<&str>, &mut Json)) {
        match self {
            Json::Arr(items) => items.iter_mut().for_each(|v| v.walk_at(key, f)),
            Json::Obj(pairs) => pairs.iter_mut().for_each(|(k, v)| v.walk_at(Some(k), f)),
            Json::Extra(inner) => inner.walk_at(key, f),
            _ => {}
        }
        f(key, self);
    }

    /// Keeps (`keep`) or removes every [`Json::Extra`] field.
    pub fn settle_extras(&mut self, keep: bool) {
        self.walk(&mut |_, v| {
            if let Json::Obj(pairs) = v {
                pairs.retain(|(_, v)| keep || !matches!(v, Json::Extra(_)));
                for (_, v) in pairs.iter_mut() {
                    if let Json::Extra(inner) = v {
                        *v = std::mem::replace(inner.as_mut(), Json::Null);
                    }
                }
            }
        });
    }

    pub fn push(&mut self, key: &str, value: Json) {
        if let Json::Obj(pairs) = self {
            pairs.push((key.to_owned(), value));
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        serde_json::to_vec(self).unwrap_or_default()
    }
}

impl From<bool> for Json {
    fn from(b: bool) -> Self {
        Json::Bool(b)
    }
}

impl From<i64> for Json {
    fn from(n: i64) -> Self {
        Json::Int(n)
    }
}

impl From<u64> for Json {
    fn from(n: u64) -> Self {
        Json::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<&str> for Json {
    fn from(s: &str) -> Self {
        Json::Str(s.to_owned())
    }
}

impl From<String> for Json {
    fn from(s: String) -> Self {
        Json::Str(s)
    }
}

impl From<Vec<Json>> for Json {
    fn from(items: Vec<Json>) -> Self {
        Json::Arr(items)
    }
}

impl<T: Into<Json>> From<Option<T>> for Json {
    fn from(v: Option<T>) -> Self {
        v.map_or(Json::Null, Into::into)
    }
}

impl Serialize for Json {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Null => s.serialize_unit(),
            Json::Bool(b) => s.serialize_bool(*b),
            Json::Int(n) => s.serialize_i64(*n),
            Json::Num(n) => s.serialize_f64(*n),
            Json::Str(t) => s.serialize_str(t),
            Json::Arr(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                items.iter().try_for_each(|v| seq.serialize_element(v))?;
                seq.end()
            }
            Json::Obj(pairs) => {
                let mut map = s.serialize_map(Some(pairs.len()))?;
                pairs.iter().try_for_each(|(k, v)| map.serialize_entry(k, v))?;
                map.end()
            }
            Json::Extra(inner) => inner.serialize(s),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_field_order_and_writes_amounts_like_the_page() {
        let j = obj([("b", cents(600)), ("a", tenths(65)), ("c", cents(240))]);
        assert_eq!(String::from_utf8(j.to_bytes()).unwrap(), r#"{"b":6,"a":6.5,"c":2.4}"#);
    }

    #[test]
    fn extras_are_kept_or_dropped() {
        let mut j = obj([("id", 1i64.into()), ("provider", Json::Extra(Box::new("MTS".into())))]);
        let mut kept = j.clone();
        kept.settle_extras(true);
        assert_eq!(String::from_utf8(kept.to_bytes()).unwrap(), r#"{"id":1,"provider":"MTS"}"#);
        j.settle_extras(false);
        assert_eq!(String::from_utf8(j.to_bytes()).unwrap(), r#"{"id":1}"#);
    }
}
