//! Drift that takes things away, as real answers do (rent-api.md, "More
//! drift"): optional fields left out, a row nobody can read among good
//! ones, refusals in other words. Every shape here is one the app reads:
//! a row loses only what the user can live without, and an SMS's fields
//! never change from one answer to the next (its sender and time are what
//! tells a new SMS from one already seen).

use crate::method::Method;

use super::json::{Json, obj};
use super::msg;

/// The row no decoder can read: every list type needs a field it lacks.
pub(crate) fn unreadable_row() -> Json {
    obj([("partial", Json::Bool(true))])
}

/// Leaves out what `method`'s rows may lack: `scode`, `ccode` and
/// `cname` of orders (the number then carries its own `+` code), always
/// for the same orders (even ids), so a row does not change from one poll
/// to the next; the `service`, `ccode` and `until` of new orders.
pub(crate) fn leave_out(method: Option<Method>, data: &mut Json) {
    let fields: &[&str] = match method {
        Some(Method::Orders) => &["scode", "ccode", "cname"],
        Some(Method::Create | Method::CreateMulti) => &["service", "ccode", "until"],
        _ => return,
    };
    for_each_row(data, |row| {
        let Json::Obj(pairs) = row else { return };
        let id = pairs.iter().find(|(k, _)| k == "id").map(|(_, v)| text(v));
        let even = id.and_then(|id| id.parse::<u64>().ok()).is_some_and(|id| id % 2 == 0);
        if method == Some(Method::Orders) && !even {
            return;
        }
        let code = pairs.iter().find(|(k, _)| k == "ccode").map(|(_, v)| text(v));
        pairs.retain(|(k, _)| !fields.contains(&k.as_str()));
        let Some(code) = code.filter(|c| c.chars().any(|c| c.is_ascii_digit())) else { return };
        for (k, v) in pairs.iter_mut() {
            if k == "pnumber" {
                let digits: String = code.chars().filter(char::is_ascii_digit).collect();
                *v = Json::Str(format!("+{digits}{}", text(v)));
            }
        }
    });
}

/// SMS for other services as some deployments send them: text only.
pub(crate) fn text_only(sms: &mut [Json]) {
    for s in sms {
        if let Json::Obj(pairs) = s {
            pairs.retain(|(k, _)| k == "text");
        }
    }
}

/// Appends an unreadable row to `method`'s list, if it answers one.
pub(crate) fn add_unreadable(method: Option<Method>, data: &mut Json) {
    let list = match (method, &mut *data) {
        (Some(Method::GetData | Method::GetDataWithProviders), Json::Obj(pairs)) => {
            pairs.iter_mut().find(|(k, _)| k == "services").map(|(_, v)| v)
        }
        (
            Some(Method::Orders | Method::GetRentHistory | Method::GetCountries | Method::GetData),
            list,
        ) => Some(list),
        _ => None,
    };
    if let Some(Json::Arr(rows)) = list {
        rows.push(unreadable_row());
    }
}

/// The same refusal in the words other deployments use.
pub(crate) fn reworded(m: &str) -> String {
    let other = match m {
        msg::NO_NUMBERS => "No number available",
        msg::BALANCE => "Insufficient balance",
        msg::WRONG_PERIOD => "Incorrect duration count. Min 7 days. Max 90 days.",
        msg::UNKNOWN_METHOD => "Incorrect method",
        msg::ORDER_NOT_FOUND => "Order not found!",
        msg::NOTOWNER => "the user had not this order",
        msg::NOSERVICEDATA => "Service not found",
        msg::NOBALANCE => "Balance is not enough",
        _ => m,
    };
    other.to_owned()
}

/// The methods whose answers some deployments send under `status: 0`
/// with their data and no message: reads only (for a write that would be
/// an unknown outcome, which drift must not make up).
pub(crate) fn status_zero_with_data(method: Option<Method>) -> bool {
    matches!(
        method,
        Some(Method::GetCountries | Method::GetData | Method::Sms | Method::RestoreUserPrecalc)
    )
}

fn for_each_row(data: &mut Json, mut f: impl FnMut(&mut Json)) {
    match data {
        Json::Arr(rows) => rows.iter_mut().for_each(f),
        row => f(row),
    }
}

fn text(v: &Json) -> String {
    match v {
        Json::Str(s) => s.clone(),
        Json::Int(n) => n.to_string(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(j: &Json) -> String {
        String::from_utf8(j.to_bytes()).unwrap()
    }

    #[test]
    fn orders_lose_their_codes_and_the_number_keeps_its_own() {
        let mut rows = Json::Arr(vec![obj([
            ("id", Json::Int(2)),
            ("scode", "opt16".into()),
            ("pnumber", "9096068511".into()),
            ("ccode", "+7".into()),
            ("cname", "RU".into()),
        ])]);
        leave_out(Some(Method::Orders), &mut rows);
        assert_eq!(text_of(&rows), r#"[{"id":2,"pnumber":"+79096068511"}]"#);
        add_unreadable(Some(Method::Orders), &mut rows);
        assert_eq!(text_of(&rows), r#"[{"id":2,"pnumber":"+79096068511"},{"partial":true}]"#);
        // Odd ids keep theirs, whatever the answer.
        let mut odd = Json::Arr(vec![obj([("id", Json::Int(3)), ("scode", "opt16".into())])]);
        leave_out(Some(Method::Orders), &mut odd);
        assert_eq!(text_of(&odd), r#"[{"id":3,"scode":"opt16"}]"#);
    }

    #[test]
    fn rewording_keeps_the_meaning() {
        use crate::error::ApiError;
        for m in [msg::NO_NUMBERS, msg::BALANCE, msg::WRONG_PERIOD, msg::UNKNOWN_METHOD] {
            assert_ne!(reworded(m), m);
            assert_eq!(ApiError::from_msg(&reworded(m)).kind, ApiError::from_msg(m).kind, "{m}");
        }
        for m in [msg::ORDER_NOT_FOUND, msg::NOTOWNER, msg::NOSERVICEDATA, msg::NOBALANCE] {
            assert_eq!(ApiError::from_msg(&reworded(m)).kind, ApiError::from_msg(m).kind, "{m}");
        }
    }
}
