//! Shaping an answer: the documented envelope, or (with `drift`) one of the
//! real-world variants from rent-api.md's drift lists, drawn per response.
//! The logical content is the same either way, but for what real answers
//! leave out (see `sparse`): only the shape changes.

use crate::method::Method;

use super::handlers::{Fail, Outcome, Reply};
use super::json::{Json, obj};
use super::rng::Rng;
use super::sparse;

/// Which variants one response uses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Plan {
    pub drift: bool,
    /// `"id": "40300"`, `"status": "1"`, `"price_day": "6.5"`.
    pub numbers_as_strings: bool,
    /// `"pnumber": 9096068511`.
    pub strings_as_numbers: bool,
    /// `getdata` as `{"services": [...]}`.
    pub wrap_services: bool,
    /// `create` data as a one-element array.
    pub create_as_array: bool,
    /// `sms` as `{"SmsList": [...], "OtherSms": [...]}`.
    pub sms_lists: bool,
    /// `provider` on orders, `isAvailForRestore` on history rows.
    pub extra_fields: bool,
    /// `status: 0` with valid data and no message, on the reads that
    /// answer so (`getcountries`, `getdata`, `sms`, `restore_user_precalc`).
    pub status_zero_reads: bool,
    /// Optional fields left out of new orders (`service`, `ccode`,
    /// `until`). Drift always leaves out `scode`, `ccode` and `cname` of the
    /// same orders, and sends SMS for other services as text only: a row
    /// must not change from one poll to the next.
    pub sparse: bool,
    /// An unreadable row among the good ones of a list.
    pub partial_rows: bool,
    /// Refusals in other deployments' words ("No number available").
    pub reworded: bool,
    /// The shapes of `sparse` that hold for every answer (see `sparse`).
    pub always_sparse: bool,
}

impl Plan {
    /// The documented shapes only.
    pub fn plain() -> Self {
        Self::default()
    }

    /// Every variant by a fair coin; those of `sparse` only when asked.
    /// Always draws the same number of times, so the stream does not
    /// depend on the method or the options.
    pub fn draw(rng: &mut Rng, sparse: bool) -> Self {
        let mut plan = Self {
            drift: true,
            numbers_as_strings: rng.coin(),
            strings_as_numbers: rng.coin(),
            wrap_services: rng.coin(),
            create_as_array: rng.coin(),
            sms_lists: rng.coin(),
            extra_fields: rng.coin(),
            status_zero_reads: rng.coin(),
            sparse: rng.coin(),
            partial_rows: rng.coin(),
            reworded: rng.coin(),
            always_sparse: sparse,
        };
        plan.sparse &= sparse;
        plan.partial_rows &= sparse;
        plan.reworded &= sparse;
        plan
    }
}

/// The JSON envelope for a handled call (`Fail::BadKey` never gets here).
pub(crate) fn render(method: Option<Method>, outcome: Outcome, plan: &Plan) -> Json {
    let reply = match outcome {
        Ok(reply) => reply,
        Err(Fail::Msg(m)) => {
            let m = if plan.reworded { sparse::reworded(&m) } else { m };
            return finish(obj([("status", Json::Int(0)), ("msg", m.into())]), plan);
        }
        Err(Fail::BadKey) => {
            return finish(
                obj([("status", Json::Int(0)), ("msg", super::msg::BAD_KEY.into())]),
                plan,
            );
        }
    };
    let data = match reply {
        Reply::Ack => None,
        Reply::Data(mut d) => Some({
            let orders = method == Some(Method::Orders);
            if plan.sparse || (plan.always_sparse && orders) {
                sparse::leave_out(method, &mut d);
            }
            if plan.partial_rows {
                sparse::add_unreadable(method, &mut d);
            }
            d
        }),
        Reply::Sms { mut own, mut other } if plan.drift => {
            if plan.always_sparse {
                sparse::text_only(&mut other);
            }
            if plan.partial_rows {
                own.push(sparse::unreadable_row());
            }
            return render_sms(own, other, plan);
        }
        Reply::Sms { own, .. } => Some(own.into()),
    };
    let data = data.map(|d| match method {
        Some(Method::GetData) if plan.wrap_services => obj([("services", d)]),
        Some(Method::Create) if plan.create_as_array => Json::Arr(vec![d]),
        _ => d,
    });
    let zero_here = match method {
        Some(Method::GetCountries) => true,
        _ => plan.always_sparse && sparse::status_zero_with_data(method),
    };
    let zero = plan.status_zero_reads && zero_here && data.is_some();
    let mut env = obj([("status", Json::Int(i64::from(!zero)))]);
    if let Some(d) = data {
        env.push("data", d);
    }
    finish(env, plan)
}

/// `sms` under drift. It always shows other SMS when there are some: which
/// SMS a person sees must not flicker from one refresh to the next.
fn render_sms(own: Vec<Json>, other: Vec<Json>, plan: &Plan) -> Json {
    let data = if plan.sms_lists || !other.is_empty() {
        obj([("SmsList", own.into()), ("OtherSms", other.into())])
    } else {
        own.into()
    };
    let zero = plan.status_zero_reads && plan.always_sparse;
    finish(obj([("status", Json::Int(i64::from(!zero))), ("data", data)]), plan)
}

fn finish(mut env: Json, plan: &Plan) -> Json {
    env.settle_extras(plan.extra_fields);
    if plan.numbers_as_strings {
        env.walk(&mut |_, v| match v {
            Json::Int(n) => *v = Json::Str(n.to_string()),
            Json::Num(n) => *v = Json::Str(n.to_string()),
            _ => {}
        });
    }
    if plan.strings_as_numbers {
        env.walk(&mut |key, v| {
            if let (Some("pnumber" | "number"), Json::Str(s)) = (key, &*v) {
                let digits_only =
                    !s.is_empty() && s.len() < 16 && s.bytes().all(|b| b.is_ascii_digit());
                if digits_only && !s.starts_with('0') {
                    *v = Json::Int(s.parse().unwrap_or_default());
                }
            }
        });
    }
    env
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(j: &Json) -> String {
        String::from_utf8(j.to_bytes()).unwrap()
    }

    #[test]
    fn plain_is_the_documented_envelope() {
        let d = obj([("id", Json::Int(5)), ("pnumber", "9096037108".into())]);
        let j = render(Some(Method::Create), Ok(Reply::Data(d)), &Plan::plain());
        assert_eq!(text(&j), r#"{"status":1,"data":{"id":5,"pnumber":"9096037108"}}"#);
        let j = render(Some(Method::AddServiceToOrder), Ok(Reply::Ack), &Plan::plain());
        assert_eq!(text(&j), r#"{"status":1}"#);
    }

    #[test]
    fn each_variant_reshapes() {
        let all = Plan {
            drift: true,
            numbers_as_strings: true,
            strings_as_numbers: true,
            wrap_services: true,
            create_as_array: true,
            sms_lists: true,
            extra_fields: true,
            status_zero_reads: true,
            sparse: false,
            partial_rows: false,
            reworded: false,
            always_sparse: false,
        };
        let d =
            obj([("id", Json::Int(5)), ("pnumber", "9096037108".into()), ("p", Json::Num(6.5))]);
        let j = render(Some(Method::Create), Ok(Reply::Data(d)), &all);
        assert_eq!(
            text(&j),
            r#"{"status":"1","data":[{"id":"5","pnumber":9096037108,"p":"6.5"}]}"#
        );
        let j = render(Some(Method::GetData), Ok(Reply::Data(Json::Arr(vec![]))), &all);
        assert_eq!(text(&j), r#"{"status":"1","data":{"services":[]}}"#);
        let j = render(Some(Method::GetCountries), Ok(Reply::Data(Json::Arr(vec![]))), &all);
        assert_eq!(text(&j), r#"{"status":"0","data":[]}"#);
        let sms = Reply::Sms { own: vec![], other: vec![] };
        assert_eq!(
            text(&render(Some(Method::Sms), Ok(sms), &all)),
            r#"{"status":"1","data":{"SmsList":[],"OtherSms":[]}}"#
        );
        let j = render(Some(Method::Sms), Err(Fail::msg("order not found")), &all);
        assert_eq!(text(&j), r#"{"status":"0","msg":"order not found"}"#);
    }
}
