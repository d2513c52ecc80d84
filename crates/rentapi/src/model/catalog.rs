//! Public lists: countries, services with prices and availability.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::decode::lenient;
use crate::method::{CountryCode, ServiceCode};

/// `getcountries`: the name as the API gives it (often Russian).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Country {
    /// The country's name, as given.
    #[serde(default, deserialize_with = "lenient::text")]
    pub name: String,
    /// Its code, what the other lists and `create` ask by.
    pub code: CountryCode,
}

/// One row of `getdata`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServicePrice {
    /// The service's display name.
    #[serde(default, deserialize_with = "lenient::text")]
    pub name: String,
    /// The service's code.
    pub service: ServiceCode,
    /// The price of one day for the period asked for.
    #[serde(deserialize_with = "lenient::f64")]
    pub price_day: f64,
    /// Numbers left, all operators together.
    #[serde(default, deserialize_with = "lenient::u32")]
    pub count: u32,
}

/// One service of `getdataWithProviders`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceOffer {
    /// The service's display name.
    #[serde(default, deserialize_with = "lenient::text")]
    pub name: String,
    /// The service's code.
    pub service: ServiceCode,
    /// The price of one day for the period asked for.
    #[serde(deserialize_with = "lenient::f64")]
    pub price_day: f64,
    /// An icon path relative to the provider's site, when given.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub img: Option<String>,
    /// Numbers available per provider (operator).
    #[serde(default, deserialize_with = "lenient::count_map")]
    pub count: BTreeMap<String, u32>,
    /// Numbers available, all operators together (`totalCount`).
    #[serde(rename = "totalCount", default, deserialize_with = "lenient::u32")]
    pub total_count: u32,
}

/// `getdataWithProviders`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServicesWithProviders {
    /// The services that could be read.
    #[serde(default)]
    pub services: Vec<ServiceOffer>,
    /// Numbers available in the country, all services together
    /// (`totalAmount`).
    #[serde(rename = "totalAmount", default, deserialize_with = "lenient::u32")]
    pub total_amount: u32,
    /// The country's operators (`allOperators`), for the operator choice.
    #[serde(rename = "allOperators", default)]
    pub all_operators: Vec<String>,
    /// The raw text of services that could not be read.
    #[serde(default)]
    pub skipped: Vec<String>,
}

/// One service of `getCountWithProviders` (the map's key is the service code).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Availability {
    /// Numbers available per operator (`Amount`).
    #[serde(rename = "Amount", default, deserialize_with = "lenient::count_map")]
    pub amount: BTreeMap<String, u32>,
    /// All operators together (`Total`).
    #[serde(rename = "Total", default, deserialize_with = "lenient::u32")]
    pub total: u32,
}
