//! Orders: the user's rented numbers.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::decode::lenient;
use crate::method::{CountryCode, OrderId, ServiceCode};

/// The `state` of an order. Values outside the documented four are kept, so
/// the UI can say "unknown (7)" instead of failing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OrderState {
    /// `0`: must be activated before SMS can arrive.
    NotActive,
    /// `1`: can receive SMS now.
    Active,
    /// `2`: waiting in the activation queue.
    Activating,
    /// `-1`: the number is not in the system (the page: "needs replacement").
    NotInSystem,
    /// Any other value, kept as it came.
    Unknown(i64),
}

impl OrderState {
    /// The state for the API's number.
    pub fn from_code(code: i64) -> Self {
        match code {
            0 => OrderState::NotActive,
            1 => OrderState::Active,
            2 => OrderState::Activating,
            -1 => OrderState::NotInSystem,
            other => OrderState::Unknown(other),
        }
    }

    /// The API's number for the state (the inverse of [`OrderState::from_code`]).
    pub fn code(self) -> i64 {
        match self {
            OrderState::NotActive => 0,
            OrderState::Active => 1,
            OrderState::Activating => 2,
            OrderState::NotInSystem => -1,
            OrderState::Unknown(c) => c,
        }
    }
}

impl Serialize for OrderState {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(self.code())
    }
}

impl<'de> Deserialize<'de> for OrderState {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        lenient::i64(d).map(OrderState::from_code)
    }
}

/// One row of `orders`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Order {
    /// The order's id.
    pub id: OrderId,
    /// Service code; empty when the answer left it out.
    #[serde(default, deserialize_with = "lenient::service")]
    pub scode: ServiceCode,
    /// Service name.
    #[serde(default, deserialize_with = "lenient::text")]
    pub sname: String,
    /// Whether the number can receive SMS now (see [`OrderState`]).
    pub state: OrderState,
    /// The number without its country code (or, in some answers, with its
    /// own `+` and country code).
    #[serde(deserialize_with = "lenient::string")]
    pub pnumber: String,
    /// The dialling code, e.g. `+7`; empty when left out (the API's `ccode`).
    #[serde(rename = "ccode", default, deserialize_with = "lenient::text")]
    pub dial_code: String,
    /// The country code, e.g. `RU`; empty when left out (the API's `cname`).
    #[serde(rename = "cname", default, deserialize_with = "lenient::country")]
    pub country: CountryCode,
    /// The operator, when the API says (not in the documented sample).
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub provider: Option<String>,
    /// SMS arrived that the `sms` call has not read yet.
    #[serde(default, deserialize_with = "lenient::bool")]
    pub hasnewsms: bool,
    /// When the rental ends.
    #[serde(with = "lenient::ts")]
    pub until: DateTime<Utc>,
    /// Whether the provider allows a prolongation now.
    #[serde(default, deserialize_with = "lenient::bool")]
    pub canprolong: bool,
    /// The most days it can still be prolonged by.
    #[serde(default, deserialize_with = "lenient::u32")]
    pub canprolongmax: u32,
    /// The latest expiry a prolongation may reach, when the API says.
    #[serde(default, with = "lenient::opt_ts")]
    pub canprolonguntil: Option<DateTime<Utc>>,
    /// When the number was last active, when the API says.
    #[serde(default, with = "lenient::opt_ts")]
    pub lastonline: Option<DateTime<Utc>>,
}

impl Order {
    /// The order of the provider's documented sample (Instagram on
    /// +7 9096068511, not active), expiring at `until`: the starting point
    /// for examples and tests, which change what they are about.
    pub fn sample(until: DateTime<Utc>) -> Self {
        Order {
            id: OrderId(40300),
            scode: ServiceCode::new("opt16"),
            sname: "Instagram".into(),
            state: OrderState::NotActive,
            pnumber: "9096068511".into(),
            dial_code: "+7".into(),
            country: CountryCode::new("RU"),
            provider: None,
            hasnewsms: false,
            until,
            canprolong: true,
            canprolongmax: 162,
            canprolonguntil: None,
            lastonline: None,
        }
    }

    /// Equal in all but `lastonline`, which the provider moves on every
    /// answer while a number is active and which nothing shows: what a
    /// copy kept for later (the app's cache) needs to follow.
    pub fn same_but_online(&self, other: &Self) -> bool {
        Self { lastonline: other.lastonline, ..self.clone() } == *other
    }

    /// The service as the user knows it: its name, or its code when the
    /// API gave no name.
    pub fn service_name(&self) -> String {
        service_name(Some(&self.sname), &self.scode)
    }

    /// The number as people write it: `+7 9096068511`.
    pub fn display_number(&self) -> String {
        number_as_written(&self.dial_code, &self.pnumber)
    }

    /// The number as `add_service_to_order` wants it: country code digits
    /// and number, no `+` (`79096068511`).
    pub fn api_number(&self) -> String {
        let cc = if self.has_own_code() { "" } else { self.dial_code.as_str() };
        cc.chars().chain(self.pnumber.chars()).filter(char::is_ascii_digit).collect()
    }

    /// The whole number to paste, `+79096068511` (no `+` when the API gave
    /// no country code).
    pub fn international_number(&self) -> String {
        let digits = self.api_number();
        let coded = self.has_own_code() || self.dial_code.chars().any(|c| c.is_ascii_digit());
        if coded { format!("+{digits}") } else { digits }
    }

    /// A `pnumber` that carries its own `+` and country code.
    fn has_own_code(&self) -> bool {
        self.pnumber.trim_start().starts_with('+')
    }

    /// The number without its country code, `9096068511`: for the forms
    /// that ask for the country apart.
    pub fn local_number(&self) -> String {
        self.pnumber.chars().filter(char::is_ascii_digit).collect()
    }
}

/// A number as people write it, `+7 9096068511`: a `pnumber` that carries
/// its own `+` is shown as given, and one without a country code alone.
pub fn number_as_written(dial_code: &str, pnumber: &str) -> String {
    let cc = dial_code.trim();
    if cc.is_empty() || pnumber.trim_start().starts_with('+') {
        return pnumber.trim().to_owned();
    }
    let plus = if cc.starts_with('+') { "" } else { "+" };
    format!("{plus}{cc} {}", pnumber.trim())
}

/// A service's display name, the one rule for every screen: the name when
/// there is one (not blank), else the code (`opt16`).
pub fn service_name(name: Option<&str>, code: &ServiceCode) -> String {
    match name.map(str::trim) {
        Some(name) if !name.is_empty() => name.to_owned(),
        _ => code.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_service_is_named_by_its_name_else_its_code() {
        let code = ServiceCode::new("opt16");
        assert_eq!(service_name(Some(" Instagram "), &code), "Instagram");
        assert_eq!(service_name(Some("  "), &code), "opt16");
        assert_eq!(service_name(None, &code), "opt16");
    }

    use super::*;

    #[test]
    fn saved_and_read_under_the_apis_field_names() {
        // The orders cache in localStorage is this struct as JSON: one
        // saved before `ccode` / `cname` were renamed in Rust still loads,
        // and a new one is saved the same way.
        let saved = r#"{"id":40300,"scode":"opt16","sname":"Instagram","state":1,"pnumber":"9096068511","ccode":"+7","cname":"RU","provider":null,"hasnewsms":false,"until":1587552240,"canprolong":true,"canprolongmax":0,"canprolonguntil":null,"lastonline":null}"#;
        let o: Order = serde_json::from_str(saved).unwrap();
        assert_eq!((o.dial_code.as_str(), o.country.as_str()), ("+7", "RU"));
        let json = serde_json::to_value(&o).unwrap();
        assert_eq!((json["ccode"].as_str(), json["cname"].as_str()), (Some("+7"), Some("RU")));
        assert!(json.get("dial_code").is_none() && json.get("country").is_none());
        assert_eq!(serde_json::from_value::<Order>(json).unwrap(), o);
    }

    #[test]
    fn same_but_online_ignores_only_lastonline() {
        let until = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let a = Order {
            lastonline: DateTime::from_timestamp(1_700_000_000, 0),
            ..Order::sample(until)
        };
        let b = Order { lastonline: DateTime::from_timestamp(1_700_000_030, 0), ..a.clone() };
        assert!(a.same_but_online(&b));
        assert_ne!(a, b);
        assert!(!a.same_but_online(&Order { state: OrderState::Active, ..b.clone() }));
        assert!(!a.same_but_online(&Order { hasnewsms: true, ..b.clone() }));
        assert!(
            !a.same_but_online(&Order { until: until + chrono::Duration::days(1), ..b.clone() })
        );
        assert!(!a.same_but_online(&Order { provider: Some("MTS".into()), ..b }));
    }

    #[test]
    fn numbers_to_paste_with_and_without_the_country_code() {
        let until = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let o = Order::sample(until);
        assert_eq!(
            (o.international_number(), o.local_number()),
            ("+79096068511".into(), "9096068511".into())
        );
        // The API's drift: no `+`, spaces or dashes in the number.
        let o = Order {
            dial_code: "44".into(),
            pnumber: "7700 900-123".into(),
            ..Order::sample(until)
        };
        assert_eq!(
            (o.international_number(), o.local_number()),
            ("+447700900123".into(), "7700900123".into())
        );
        // A number that carries its own `+7`: as given, never twice.
        let o = Order {
            dial_code: String::new(),
            pnumber: "+79096068511".into(),
            ..Order::sample(until)
        };
        assert_eq!(o.display_number(), "+79096068511");
        assert_eq!(
            (o.international_number(), o.api_number()),
            ("+79096068511".into(), "79096068511".into())
        );
        let o = Order { pnumber: "+79096068511".into(), ..Order::sample(until) };
        assert_eq!(
            (o.display_number(), o.api_number()),
            ("+79096068511".into(), "79096068511".into())
        );
        // No country code at all: the number as it is, never a lone `+`.
        let o = Order { dial_code: " ".into(), ..Order::sample(until) };
        assert_eq!(
            (o.international_number(), o.local_number()),
            ("9096068511".into(), "9096068511".into())
        );
    }
}
