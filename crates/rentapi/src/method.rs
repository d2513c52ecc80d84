//! The 15 requests of `rent.php` and the GET query strings they become.

use std::fmt;

use serde::{Deserialize, Serialize};

/// An order's id, as `orders`, `create` and the archive give it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct OrderId(pub u64);

impl fmt::Display for OrderId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A service code such as `opt6` (not its display name); empty when an
/// answer left it out.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct ServiceCode(pub String);

/// A country code such as `RU` or `UK` (not the dialling code `+7`); empty
/// when an answer left it out.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct CountryCode(pub String);

macro_rules! str_newtype {
    ($($t:ident),*) => {$(
        impl $t {
            /// Wraps a code as given, unchecked.
            pub fn new(s: impl Into<String>) -> Self { Self(s.into()) }
            /// The code as text, as the API spells it.
            pub fn as_str(&self) -> &str { &self.0 }
        }
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { f.write_str(&self.0) }
        }
    )*};
}
str_newtype!(ServiceCode, CountryCode);

// Ids and codes accept numbers as strings and strings as numbers (drift).
impl<'de> Deserialize<'de> for OrderId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::decode::lenient::u64(d).map(OrderId)
    }
}

impl<'de> Deserialize<'de> for ServiceCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::decode::lenient::string(d).map(ServiceCode)
    }
}

impl<'de> Deserialize<'de> for CountryCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::decode::lenient::string(d).map(CountryCode)
    }
}

/// The user's API key. Its `Debug` never shows the key, so it cannot leak
/// into logs by accident.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ApiKey(String);

impl ApiKey {
    /// A key as typed by the user; surrounding white space is dropped.
    /// `None` when nothing is left.
    pub fn new(key: &str) -> Option<Self> {
        let key = key.trim();
        (!key.is_empty()).then(|| Self(key.to_owned()))
    }

    /// The key itself, for the query string only: never log or show it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The key as shown on screen: its last four characters only.
    pub fn masked(&self) -> String {
        let tail: String =
            self.0.chars().rev().take(4).collect::<Vec<_>>().into_iter().rev().collect();
        format!("••••••••{tail}")
    }
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ApiKey(<redacted>)")
    }
}

/// The unit of a rental period (`dtype`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PeriodUnit {
    /// Seven days.
    Week,
    /// Thirty days, whatever the calendar month.
    Month,
}

impl PeriodUnit {
    /// The value of the `dtype` query parameter.
    pub fn as_str(self) -> &'static str {
        match self {
            PeriodUnit::Week => "week",
            PeriodUnit::Month => "month",
        }
    }

    /// How many days one unit counts for: 7 or 30.
    pub fn days(self) -> u32 {
        match self {
            PeriodUnit::Week => 7,
            PeriodUnit::Month => 30,
        }
    }

    /// Reads `week` or `month`, ignoring case and surrounding white space.
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "week" => Some(PeriodUnit::Week),
            "month" => Some(PeriodUnit::Month),
            _ => None,
        }
    }
}

/// A rental period: `dtype` × `dcount` (two weeks, one month, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Period {
    /// Weeks or months (`dtype`).
    pub unit: PeriodUnit,
    /// How many of them (`dcount`).
    pub count: u32,
}

impl Period {
    /// `count` weeks.
    pub const fn weeks(count: u32) -> Self {
        Self { unit: PeriodUnit::Week, count }
    }

    /// `count` months.
    pub const fn months(count: u32) -> Self {
        Self { unit: PeriodUnit::Month, count }
    }

    /// Week = 7 days, month = 30 days, times the count.
    pub fn days(self) -> u32 {
        self.unit.days().saturating_mul(self.count)
    }
}

/// The API's `method` names, and what each one does to the user's money.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Method {
    /// `getcountries`: the countries numbers are rented in (no key).
    GetCountries,
    /// `getdata`: a country's services with price and count (no key).
    GetData,
    /// `getdataWithProviders`: the same with counts per operator (no key).
    GetDataWithProviders,
    /// `getCountWithProviders`: only the counts per operator (no key).
    GetCountWithProviders,
    /// `create`: rents a number for one service (costs money).
    Create,
    /// `create_multi`: rents one number for several services (costs money).
    CreateMulti,
    /// `orders`: the user's current orders.
    Orders,
    /// `add_service_to_order`: rents a rented number for one more service
    /// (costs money).
    AddServiceToOrder,
    /// `sms`: the SMS an order received.
    Sms,
    /// `prolong`: extends an order (costs money).
    Prolong,
    /// `activate`: wakes a number that is not active.
    Activate,
    /// `delete`: gives an order up.
    Delete,
    /// `get_rent_history`: the archive of past orders, a page at a time.
    GetRentHistory,
    /// `restore_user_precalc`: what restoring an archived order would cost.
    RestoreUserPrecalc,
    /// `restore_user`: restores an archived order (costs money).
    RestoreUser,
}

impl Method {
    /// Every method, in the order of the API's page.
    pub const ALL: [Method; 15] = [
        Method::GetCountries,
        Method::GetData,
        Method::GetDataWithProviders,
        Method::GetCountWithProviders,
        Method::Create,
        Method::CreateMulti,
        Method::Orders,
        Method::AddServiceToOrder,
        Method::Sms,
        Method::Prolong,
        Method::Activate,
        Method::Delete,
        Method::GetRentHistory,
        Method::RestoreUserPrecalc,
        Method::RestoreUser,
    ];

    /// The value of the `method` query parameter.
    pub fn name(self) -> &'static str {
        match self {
            Method::GetCountries => "getcountries",
            Method::GetData => "getdata",
            Method::GetDataWithProviders => "getdataWithProviders",
            Method::GetCountWithProviders => "getCountWithProviders",
            Method::Create => "create",
            Method::CreateMulti => "create_multi",
            Method::Orders => "orders",
            Method::AddServiceToOrder => "add_service_to_order",
            Method::Sms => "sms",
            Method::Prolong => "prolong",
            Method::Activate => "activate",
            Method::Delete => "delete",
            Method::GetRentHistory => "get_rent_history",
            Method::RestoreUserPrecalc => "restore_user_precalc",
            Method::RestoreUser => "restore_user",
        }
    }

    /// The method whose [`Method::name`] is `name`, exactly.
    pub fn from_name(name: &str) -> Option<Self> {
        Method::ALL.into_iter().find(|m| m.name() == name)
    }

    /// Spends money or changes an order: sent exactly once per deliberate
    /// user action, never retried, never merged.
    pub fn is_write(self) -> bool {
        matches!(
            self,
            Method::Create
                | Method::CreateMulti
                | Method::Prolong
                | Method::RestoreUser
                | Method::AddServiceToOrder
                | Method::Delete
                | Method::Activate
        )
    }

    /// The public lists need no key; everything else is the user's.
    pub fn needs_key(self) -> bool {
        !matches!(
            self,
            Method::GetCountries
                | Method::GetData
                | Method::GetDataWithProviders
                | Method::GetCountWithProviders
        )
    }
}

/// One call of the API with its parameters (the key is added when sent).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Request {
    /// See [`Method::GetCountries`].
    GetCountries,
    /// See [`Method::GetData`].
    GetData {
        /// The country whose services are listed.
        country: CountryCode,
        /// The period the prices are for.
        period: Period,
    },
    /// See [`Method::GetDataWithProviders`].
    GetDataWithProviders {
        /// The country whose services are listed.
        country: CountryCode,
        /// The period the prices are for.
        period: Period,
    },
    /// See [`Method::GetCountWithProviders`].
    GetCountWithProviders {
        /// The country whose numbers are counted.
        country: CountryCode,
        /// The period asked for.
        period: Period,
    },
    /// See [`Method::Create`].
    Create {
        /// The country of the number.
        country: CountryCode,
        /// How long to rent it.
        period: Period,
        /// The service the number is for.
        service: ServiceCode,
        /// An operator to pick the number from; `None` for any.
        provider: Option<String>,
    },
    /// See [`Method::CreateMulti`].
    CreateMulti {
        /// The country of the number.
        country: CountryCode,
        /// How long to rent it.
        period: Period,
        /// The services the number is for, sent comma-separated.
        services: Vec<ServiceCode>,
        /// An operator to pick the number from; `None` for any.
        provider: Option<String>,
    },
    /// See [`Method::Orders`].
    Orders,
    /// See [`Method::AddServiceToOrder`].
    AddServiceToOrder {
        /// The order whose number gets the service.
        id: OrderId,
        /// The service to add.
        service: ServiceCode,
        /// The number with its country code digits and no `+`.
        pnumber: String,
    },
    /// See [`Method::Sms`].
    Sms {
        /// The order whose SMS are read.
        id: OrderId,
    },
    /// See [`Method::Prolong`].
    Prolong {
        /// The order to extend.
        id: OrderId,
        /// By how much.
        period: Period,
    },
    /// See [`Method::Activate`].
    Activate {
        /// The order to activate.
        id: OrderId,
    },
    /// See [`Method::Delete`].
    Delete {
        /// The order to give up.
        id: OrderId,
    },
    /// See [`Method::GetRentHistory`].
    GetRentHistory {
        /// How many archived orders to skip (the page's offset).
        skip: u32,
        /// How many to read at most (the page's size).
        take: u32,
    },
    /// See [`Method::RestoreUserPrecalc`].
    RestoreUserPrecalc {
        /// The archived order to price.
        id: OrderId,
    },
    /// See [`Method::RestoreUser`].
    RestoreUser {
        /// The archived order to restore.
        id: OrderId,
    },
}

impl Request {
    /// Which method this call is.
    pub fn method(&self) -> Method {
        match self {
            Request::GetCountries => Method::GetCountries,
            Request::GetData { .. } => Method::GetData,
            Request::GetDataWithProviders { .. } => Method::GetDataWithProviders,
            Request::GetCountWithProviders { .. } => Method::GetCountWithProviders,
            Request::Create { .. } => Method::Create,
            Request::CreateMulti { .. } => Method::CreateMulti,
            Request::Orders => Method::Orders,
            Request::AddServiceToOrder { .. } => Method::AddServiceToOrder,
            Request::Sms { .. } => Method::Sms,
            Request::Prolong { .. } => Method::Prolong,
            Request::Activate { .. } => Method::Activate,
            Request::Delete { .. } => Method::Delete,
            Request::GetRentHistory { .. } => Method::GetRentHistory,
            Request::RestoreUserPrecalc { .. } => Method::RestoreUserPrecalc,
            Request::RestoreUser { .. } => Method::RestoreUser,
        }
    }

    /// The parameters other than `apikey`, in the order the page shows them.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        let mut p = vec![("method", self.method().name().to_owned())];
        let period = |p: &mut Vec<(&'static str, String)>, period: &Period| {
            p.push(("dtype", period.unit.as_str().to_owned()));
            p.push(("dcount", period.count.to_string()));
        };
        match self {
            Request::GetCountries | Request::Orders => {}
            Request::GetData { country, period: per }
            | Request::GetDataWithProviders { country, period: per }
            | Request::GetCountWithProviders { country, period: per } => {
                p.push(("country", country.0.clone()));
                period(&mut p, per);
            }
            Request::Create { country, period: per, service, provider } => {
                period(&mut p, per);
                p.push(("country", country.0.clone()));
                p.push(("service", service.0.clone()));
                if let Some(provider) = provider {
                    p.push(("provider", provider.clone()));
                }
            }
            Request::CreateMulti { country, period: per, services, provider } => {
                period(&mut p, per);
                p.push(("country", country.0.clone()));
                let list: Vec<&str> = services.iter().map(ServiceCode::as_str).collect();
                p.push(("services", list.join(",")));
                if let Some(provider) = provider {
                    p.push(("provider", provider.clone()));
                }
            }
            Request::AddServiceToOrder { id, service, pnumber } => {
                p.push(("id", id.to_string()));
                p.push(("service", service.0.clone()));
                p.push(("pnumber", pnumber.clone()));
            }
            Request::Sms { id }
            | Request::Activate { id }
            | Request::Delete { id }
            | Request::RestoreUserPrecalc { id }
            | Request::RestoreUser { id } => p.push(("id", id.to_string())),
            Request::Prolong { id, period: per } => {
                p.push(("id", id.to_string()));
                period(&mut p, per);
            }
            Request::GetRentHistory { skip, take } => {
                p.push(("skip", skip.to_string()));
                p.push(("take", take.to_string()));
            }
        }
        p
    }

    /// The query without the key: identifies a read for merging duplicates,
    /// and is what may be logged.
    pub fn key_free_query(&self) -> String {
        encode(self.params().iter().map(|(k, v)| (*k, v.as_str())))
    }

    /// The full GET query string (after `?`), percent-encoded, with `apikey`
    /// only for the methods that need it.
    pub fn query(&self, key: Option<&ApiKey>) -> String {
        let mut params = self.params();
        if let (true, Some(key)) = (self.method().needs_key(), key) {
            params.insert(1, ("apikey", key.expose().to_owned()));
        }
        encode(params.iter().map(|(k, v)| (*k, v.as_str())))
    }
}

fn encode<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> String {
    let mut s = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        s.append_pair(k, v);
    }
    s.finish()
}

/// Parses a query string into its pairs (for the simulator and the relay).
pub fn parse_query(query: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(query.trim_start_matches('?').as_bytes()).into_owned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> ApiKey {
        ApiKey::new(" secret&key=1 ").unwrap()
    }

    #[test]
    fn method_names_round_trip() {
        for m in Method::ALL {
            assert_eq!(Method::from_name(m.name()), Some(m));
        }
        assert_eq!(Method::from_name("nope"), None);
    }

    #[test]
    fn public_lists_carry_no_key() {
        let q = Request::GetCountries.query(Some(&key()));
        assert_eq!(q, "method=getcountries");
        let q = Request::GetData { country: CountryCode::new("RU"), period: Period::weeks(1) }
            .query(Some(&key()));
        assert_eq!(q, "method=getdata&country=RU&dtype=week&dcount=1");
    }

    #[test]
    fn key_is_percent_encoded_and_second() {
        let q = Request::Orders.query(Some(&key()));
        assert_eq!(q, "method=orders&apikey=secret%26key%3D1");
        assert_eq!(Request::Orders.key_free_query(), "method=orders");
    }

    #[test]
    fn create_multi_joins_services_and_optional_provider() {
        let r = Request::CreateMulti {
            country: CountryCode::new("RU"),
            period: Period::months(2),
            services: vec![ServiceCode::new("opt6"), ServiceCode::new("opt7")],
            provider: Some("MTS RU".into()),
        };
        assert_eq!(
            r.query(None),
            "method=create_multi&dtype=month&dcount=2&country=RU&services=opt6%2Copt7&provider=MTS+RU"
        );
        let parsed = parse_query(&r.query(Some(&key())));
        assert!(parsed.contains(&("services".into(), "opt6,opt7".into())));
        assert!(parsed.contains(&("apikey".into(), "secret&key=1".into())));
    }

    #[test]
    fn every_write_is_marked() {
        let writes: Vec<_> = Method::ALL.into_iter().filter(|m| m.is_write()).collect();
        assert_eq!(writes.len(), 7);
        assert!(!Method::Orders.is_write() && !Method::RestoreUserPrecalc.is_write());
    }

    #[test]
    fn period_days() {
        assert_eq!(Period::weeks(2).days(), 14);
        assert_eq!(Period::months(3).days(), 90);
    }

    #[test]
    fn key_is_masked_and_never_debug_printed() {
        let k = ApiKey::new("abcdef123456").unwrap();
        assert_eq!(k.masked(), "••••••••3456");
        assert!(!format!("{k:?}").contains("abc"));
        assert!(ApiKey::new("   ").is_none());
    }
}
