//! The archive of expired rentals, and restoring one.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::decode::lenient;
use crate::method::{OrderId, ServiceCode};

/// One row of `get_rent_history`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryRow {
    /// The archived order's id (`orderId`), what restoring asks by.
    #[serde(rename = "orderId")]
    pub order_id: OrderId,
    /// The service code; empty when left out.
    #[serde(rename = "resourceCode", default, deserialize_with = "lenient::service")]
    pub resource_code: ServiceCode,
    /// The number with its country code digits.
    #[serde(deserialize_with = "lenient::string")]
    pub number: String,
    /// Whether the number received SMS (`haveSms`).
    #[serde(default, deserialize_with = "lenient::bool", rename = "haveSms")]
    pub have_sms: bool,
    /// How many days it was rented for.
    #[serde(default, deserialize_with = "lenient::u32")]
    pub days: u32,
    /// The country, as the API writes it; empty when left out.
    #[serde(default, deserialize_with = "lenient::text")]
    pub country: String,
    /// When the rental began.
    #[serde(with = "lenient::ts")]
    pub begin: DateTime<Utc>,
    /// When the rental ended (its expiry).
    #[serde(with = "lenient::ts")]
    pub end: DateTime<Utc>,
    /// When it went to the archive.
    #[serde(with = "lenient::ts")]
    pub closed: DateTime<Utc>,
    /// Sent by some deployments; absent means "ask `restore_user_precalc`".
    #[serde(rename = "isAvailForRestore", default, deserialize_with = "lenient::opt_bool")]
    pub avail_for_restore: Option<bool>,
}

/// `restore_user_precalc`: what restoring would cost.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RestoreQuote {
    /// The order's country (`EN`), as the API writes it: here its `ccode`
    /// is a country, not a dialling code.
    #[serde(rename = "ccode", default, deserialize_with = "lenient::text")]
    pub country: String,
    /// The service's code.
    pub scode: ServiceCode,
    /// Overdue days at full price plus 30 days paid in advance.
    #[serde(deserialize_with = "lenient::f64")]
    pub price: f64,
    /// The service's display name.
    #[serde(default, deserialize_with = "lenient::text")]
    pub sname: String,
    /// The number to restore.
    #[serde(deserialize_with = "lenient::string")]
    pub pnumber: String,
    /// Days overdue.
    #[serde(default, deserialize_with = "lenient::u32")]
    pub outdays: u32,
    /// The archived order's id.
    pub orderid: OrderId,
    /// Days of prepaid rent after restoring.
    #[serde(rename = "prolongTo", default, deserialize_with = "lenient::u32")]
    pub prolong_to: u32,
}
