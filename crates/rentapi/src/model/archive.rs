//! The archive of expired rentals, and restoring one.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::decode::lenient;
use crate::method::{OrderId, ServiceCode};

/// One row of `get_rent_history`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryRow {
    #[serde(rename = "orderId")]
    pub order_id: OrderId,
    /// The service code; empty when left out.
    #[serde(rename = "resourceCode", default, deserialize_with = "lenient::service")]
    pub resource_code: ServiceCode,
    /// The number with its country code digits.
    #[serde(deserialize_with = "lenient::string")]
    pub number: String,
    #[serde(default, deserialize_with = "lenient::bool", rename = "haveSms")]
    pub have_sms: bool,
    #[serde(default, deserialize_with = "lenient::u32")]
    pub days: u32,
    #[serde(default, deserialize_with = "lenient::text")]
    pub country: String,
    #[serde(with = "lenient::ts")]
    pub begin: DateTime<Utc>,
    #[serde(with = "lenient::ts")]
    pub end: DateTime<Utc>,
    #[serde(with = "lenient::ts")]
    pub closed: DateTime<Utc>,
    /// Sent by some deployments; absent means "ask `restore_user_precalc`".
    #[serde(rename = "isAvailForRestore", default, deserialize_with = "lenient::opt_bool")]
    pub avail_for_restore: Option<bool>,
}

/// `restore_user_precalc`: what restoring would cost.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RestoreQuote {
    #[serde(default, deserialize_with = "lenient::text")]
    pub ccode: String,
    pub scode: ServiceCode,
    /// Overdue days at full price plus 30 days paid in advance.
    #[serde(deserialize_with = "lenient::f64")]
    pub price: f64,
    #[serde(default, deserialize_with = "lenient::text")]
    pub sname: String,
    #[serde(deserialize_with = "lenient::string")]
    pub pnumber: String,
    /// Days overdue.
    #[serde(default, deserialize_with = "lenient::u32")]
    pub outdays: u32,
    pub orderid: OrderId,
    /// Days of prepaid rent after restoring.
    #[serde(rename = "prolongTo", default, deserialize_with = "lenient::u32")]
    pub prolong_to: u32,
}
