//! The one table of refusal sentences the provider (and its deployments)
//! are known to write, by meaning, with the methods each applies to.
//! Matching ignores case and punctuation and goes by whole words, so
//! "API KEY NOT FOUND!", "api key not found" and "Api-key not found." are
//! one sentence. The first row that matches wins: specific rows first.

use super::{ErrorKind, RestoreCode};
use crate::method::Method;

/// Methods a row is limited to; `ANY` for all.
const ANY: &[Method] = &[];
const RESTORE: &[Method] = &[Method::RestoreUser, Method::RestoreUserPrecalc];
const PROLONG: &[Method] = &[Method::Prolong];
const RENT: &[Method] = &[
    Method::Create,
    Method::CreateMulti,
    Method::GetData,
    Method::GetDataWithProviders,
    Method::GetCountWithProviders,
];

/// (kind, the methods it applies to, sentences and aliases). Sources:
/// the provider's page (restore table), rent-api.md's drift notes, the
/// simulator's texts (`sim::msg`), public clients' tests.
pub(super) const KNOWN: &[(ErrorKind, &[Method], &[&str])] = &[
    (ErrorKind::Restore(RestoreCode::NoAvailDays), ANY, &["noavaildays"]),
    (
        ErrorKind::Restore(RestoreCode::NotOwner),
        ANY,
        &["notowner", "the user had not this order", "not owner of this order"],
    ),
    (ErrorKind::Restore(RestoreCode::NoRemoteData), ANY, &["noremotedata"]),
    (ErrorKind::Restore(RestoreCode::NoOrderCountry), ANY, &["noordercountry"]),
    (ErrorKind::Restore(RestoreCode::DateDiffInvert), ANY, &["datediffinvert"]),
    (ErrorKind::Restore(RestoreCode::NoServiceData), ANY, &["noservicedata"]),
    (ErrorKind::Restore(RestoreCode::NoServiceData), RESTORE, &["service not found"]),
    (
        ErrorKind::BadKey,
        ANY,
        &[
            "api key not found",
            "apikey not found",
            "api key is not found",
            "invalid apikey",
            "invalid api key",
            "incorrect apikey",
            "incorrect api key",
            "wrong apikey",
            "wrong api key",
            "bad key",
            "bad apikey",
        ],
    ),
    (
        ErrorKind::UnknownMethod,
        ANY,
        &[
            "method not found",
            "incorrect method",
            "unknown method",
            "wrong method",
            "invalid method",
        ],
    ),
    (
        ErrorKind::LowBalance,
        ANY,
        &[
            "nobalance",
            "balance is not enough",
            "insufficient balance",
            "insufficient funds",
            "not enough money",
            "not enough balance",
            "not enough funds",
            "low balance",
            "balance",
        ],
    ),
    // A period out of range is a period error, wherever it is asked.
    (
        ErrorKind::WrongPeriod,
        ANY,
        &["incorrect duration count", "incorrect duration", "wrong period", "incorrect period"],
    ),
    (
        ErrorKind::ProlongCap,
        PROLONG,
        &["maximum rental period", "max rental period", "more than 90 days", "90 days"],
    ),
    (ErrorKind::WrongPeriod, RENT, &["maximum rental period", "90 days", "min 7 days"]),
    (
        ErrorKind::OrderNotFound,
        ANY,
        &[
            "order not found",
            "incorrect order",
            "no order",
            "order does not exist",
            "order is not found",
            "wrong order",
            "invalid order",
        ],
    ),
    (
        ErrorKind::ProlongNotAllowed,
        ANY,
        &["you can prolong number only", "can not be prolonged", "cannot be prolonged", "prolong"],
    ),
    (
        ErrorKind::NoNumbers,
        ANY,
        &[
            "no free numbers",
            "no free number",
            "no number available",
            "no numbers available",
            "no available numbers",
            "no free phones",
            "no numbers",
            "no number",
            "numbers not available",
            "number not available",
            "sold out",
        ],
    ),
];

/// Lower case, every run of non-alphanumerics one space, padded with a
/// space each side so that `contains` matches whole words.
fn words(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push(' ');
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

/// The kind of a refusal sentence for `method` (`None`: any method), or
/// `None` when nobody knows the sentence.
pub(super) fn classify(method: Option<Method>, msg: &str) -> Option<ErrorKind> {
    let said = words(msg);
    KNOWN.iter().find_map(|(kind, only, phrases)| {
        let applies = only.is_empty() || method.is_none_or(|m| only.contains(&m));
        (applies && phrases.iter().any(|p| said.contains(&words(p)))).then_some(*kind)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ApiError;
    use Method::*;

    fn kind(method: Method, msg: &str) -> ErrorKind {
        ApiError::refusal(method, msg).kind
    }

    #[test]
    fn sentences_by_meaning_case_and_punctuation_aside() {
        let writes =
            [Create, CreateMulti, Prolong, Activate, Delete, AddServiceToOrder, RestoreUser];
        let every = [&writes[..], &[Orders, Sms, GetRentHistory, GetCountries][..]].concat();
        let anywhere = [
            ("No free numbers", ErrorKind::NoNumbers),
            ("No number available", ErrorKind::NoNumbers),
            ("NO NUMBERS AVAILABLE.", ErrorKind::NoNumbers),
            ("No free numbers for this service", ErrorKind::NoNumbers),
            ("Insufficient balance", ErrorKind::LowBalance),
            ("Balance is not enough", ErrorKind::LowBalance),
            ("balance is NOT enough!!", ErrorKind::LowBalance),
            ("NOBALANCE: Today need 12.5", ErrorKind::LowBalance),
            ("API KEY NOT FOUND!", ErrorKind::BadKey),
            ("Invalid apikey", ErrorKind::BadKey),
            ("Incorrect API key", ErrorKind::BadKey),
            ("incorrect api-key.", ErrorKind::BadKey),
            ("Method not found", ErrorKind::UnknownMethod),
            ("Incorrect method", ErrorKind::UnknownMethod),
            ("Unknown method", ErrorKind::UnknownMethod),
            ("order not found", ErrorKind::OrderNotFound),
            ("Error: incorrect order id", ErrorKind::OrderNotFound),
            ("Order does not exist", ErrorKind::OrderNotFound),
            ("Wrong period", ErrorKind::WrongPeriod),
            ("Incorrect duration count. Min 7 days. Max 90 days.", ErrorKind::WrongPeriod),
            ("NOAVAILDAYS", ErrorKind::Restore(RestoreCode::NoAvailDays)),
            ("NOTOWNER", ErrorKind::Restore(RestoreCode::NotOwner)),
            ("the user had not this order", ErrorKind::Restore(RestoreCode::NotOwner)),
            ("NOREMOTEDATA", ErrorKind::Restore(RestoreCode::NoRemoteData)),
            ("noordercountry", ErrorKind::Restore(RestoreCode::NoOrderCountry)),
            ("DATEDIFFINVERT.", ErrorKind::Restore(RestoreCode::DateDiffInvert)),
            ("NOSERVICEDATA", ErrorKind::Restore(RestoreCode::NoServiceData)),
            ("The moon is in the wrong phase", ErrorKind::Rejected),
            ("", ErrorKind::Rejected),
        ];
        for m in every {
            for (msg, want) in anywhere {
                assert_eq!(kind(m, msg), want, "{m:?}: {msg}");
            }
        }
    }

    #[test]
    fn sentences_whose_meaning_depends_on_the_method() {
        let cases = [
            (Create, "Incorrect duration count. Min 7 days. Max 90 days.", ErrorKind::WrongPeriod),
            (Prolong, "Incorrect duration count. Min 7 days. Max 90 days.", ErrorKind::WrongPeriod),
            (Create, "The maximum rental period is 90 days", ErrorKind::WrongPeriod),
            (CreateMulti, "The maximum rental period is 90 days", ErrorKind::WrongPeriod),
            (Prolong, "The maximum rental period is 90 days", ErrorKind::ProlongCap),
            (Prolong, "Can not prolong for more than 90 days", ErrorKind::ProlongCap),
            (
                Prolong,
                "You can prolong number only if before expiring date left less 7 days",
                ErrorKind::ProlongNotAllowed,
            ),
            (RestoreUser, "Service not found", ErrorKind::Restore(RestoreCode::NoServiceData)),
            (
                RestoreUserPrecalc,
                "service not found.",
                ErrorKind::Restore(RestoreCode::NoServiceData),
            ),
            // Elsewhere a missing service is the provider's own words.
            (Create, "Service not found", ErrorKind::Rejected),
            (AddServiceToOrder, "Service already added to this number", ErrorKind::Rejected),
            (Activate, "Number can not be activated", ErrorKind::Rejected),
        ];
        for (m, msg, want) in cases {
            assert_eq!(kind(m, msg), want, "{m:?}: {msg}");
        }
    }

    #[test]
    fn whole_words_only() {
        // "no order" is not inside "no orderly" nor "piano order".
        assert_eq!(kind(Orders, "piano orderly"), ErrorKind::Rejected);
        assert_eq!(words("  API-KEY  not found!! "), " api key not found ");
    }

    #[test]
    fn the_simulators_sentences_are_known() {
        use crate::sim::msg;
        let cases = [
            (Orders, msg::BAD_KEY, ErrorKind::BadKey),
            (Create, msg::BALANCE, ErrorKind::LowBalance),
            (Create, msg::NO_NUMBERS, ErrorKind::NoNumbers),
            (Orders, msg::UNKNOWN_METHOD, ErrorKind::UnknownMethod),
            (Create, msg::WRONG_PERIOD, ErrorKind::WrongPeriod),
            (Sms, msg::ORDER_NOT_FOUND, ErrorKind::OrderNotFound),
            (Delete, msg::INCORRECT_ORDER, ErrorKind::OrderNotFound),
            (Prolong, msg::PROLONG_WINDOW, ErrorKind::ProlongNotAllowed),
            (Prolong, msg::MAX_PERIOD, ErrorKind::ProlongCap),
            (RestoreUser, msg::NOBALANCE, ErrorKind::LowBalance),
        ];
        for (m, msg, want) in cases {
            assert_eq!(kind(m, msg), want, "{m:?}: {msg}");
        }
    }
}
