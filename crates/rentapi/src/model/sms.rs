//! SMS received by a rented number. Their text is untrusted input.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::decode::lenient;

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Sms {
    #[serde(default, deserialize_with = "lenient::string")]
    pub text: String,
    #[serde(default, deserialize_with = "lenient::string")]
    pub sender: String,
    #[serde(with = "lenient::ts")]
    pub date: DateTime<Utc>,
}

/// `sms`: the order's own SMS, and (when the API sends them) the SMS that
/// reached the same number for other services — the page's hide/show block.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SmsBundle {
    pub own: Vec<Sms>,
    pub other: Vec<Sms>,
}

impl SmsBundle {
    /// Newest first, as the SMS panel shows them.
    pub fn sorted(mut self) -> Self {
        self.own.sort_by_key(|s| std::cmp::Reverse(s.date));
        self.other.sort_by_key(|s| std::cmp::Reverse(s.date));
        self
    }
}
