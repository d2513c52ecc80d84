//! SMS received by a rented number. Their text is untrusted input.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::decode::lenient;

/// One SMS. Real answers may leave out `sender` (empty here) and `date`;
/// one without a text is no SMS to show (its row is set aside).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Sms {
    /// The message as sent: untrusted input.
    #[serde(deserialize_with = "lenient::string")]
    pub text: String,
    /// Who sent it; empty when left out.
    #[serde(default, deserialize_with = "lenient::text")]
    pub sender: String,
    /// When it arrived, when the answer says.
    #[serde(default, with = "lenient::opt_ts")]
    pub date: Option<DateTime<Utc>>,
}

/// `sms`: the order's own SMS, and (when the API sends them) the SMS that
/// reached the same number for other services — the page's hide/show block.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SmsBundle {
    /// The SMS for the order's own service.
    pub own: Vec<Sms>,
    /// The SMS the same number got for other services.
    pub other: Vec<Sms>,
    /// The raw text of entries (of either list) that could not be read.
    #[serde(default)]
    pub skipped: Vec<String>,
}

impl SmsBundle {
    /// Newest first, as the SMS panel shows them; those without a date
    /// after the dated ones, in the order the API gave them.
    pub fn sorted(mut self) -> Self {
        let key = |s: &Sms| (s.date.is_none(), std::cmp::Reverse(s.date));
        self.own.sort_by_key(key);
        self.other.sort_by_key(key);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undated_sms_come_last_in_their_order() {
        let sms = |text: &str, at: Option<i64>| Sms {
            text: text.into(),
            sender: String::new(),
            date: at.and_then(|t| DateTime::from_timestamp(t, 0)),
        };
        let own = vec![sms("a", None), sms("b", Some(1)), sms("c", None), sms("d", Some(2))];
        let sorted = SmsBundle { own, ..SmsBundle::default() }.sorted();
        let texts: Vec<_> = sorted.own.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["d", "b", "a", "c"]);
    }
}
