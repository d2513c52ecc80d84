//! Public lists: countries, services with prices and availability.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::decode::lenient;
use crate::method::{CountryCode, ServiceCode};

/// `getcountries`: the name as the API gives it (often Russian).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Country {
    #[serde(default, deserialize_with = "lenient::text")]
    pub name: String,
    pub code: CountryCode,
}

/// One row of `getdata`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServicePrice {
    #[serde(default, deserialize_with = "lenient::text")]
    pub name: String,
    pub service: ServiceCode,
    #[serde(deserialize_with = "lenient::f64")]
    pub price_day: f64,
    #[serde(default, deserialize_with = "lenient::u32")]
    pub count: u32,
}

/// One service of `getdataWithProviders`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceOffer {
    #[serde(default, deserialize_with = "lenient::text")]
    pub name: String,
    pub service: ServiceCode,
    #[serde(deserialize_with = "lenient::f64")]
    pub price_day: f64,
    /// An icon path relative to the provider's site, when given.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub img: Option<String>,
    /// Numbers available per provider (operator).
    #[serde(default, deserialize_with = "lenient::count_map")]
    pub count: BTreeMap<String, u32>,
    #[serde(rename = "totalCount", default, deserialize_with = "lenient::u32")]
    pub total_count: u32,
}

/// `getdataWithProviders`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServicesWithProviders {
    #[serde(default)]
    pub services: Vec<ServiceOffer>,
    #[serde(rename = "totalAmount", default, deserialize_with = "lenient::u32")]
    pub total_amount: u32,
    #[serde(rename = "allOperators", default)]
    pub all_operators: Vec<String>,
    /// The raw text of services that could not be read.
    #[serde(default)]
    pub skipped: Vec<String>,
}

/// One service of `getCountWithProviders` (the map's key is the service code).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Availability {
    #[serde(rename = "Amount", default, deserialize_with = "lenient::count_map")]
    pub amount: BTreeMap<String, u32>,
    #[serde(rename = "Total", default, deserialize_with = "lenient::u32")]
    pub total: u32,
}
