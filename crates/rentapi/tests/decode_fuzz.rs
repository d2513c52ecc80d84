//! No byte string makes any decoder panic (proptest). The long run for the
//! benchmarks raises PROPTEST_CASES.

use proptest::prelude::*;
use rentapi::decode::{FromData, decode};
use rentapi::model::*;
use rentapi::{Method, OrderId, RawResponse};

fn all(raw: &RawResponse) {
    fn one<T: FromData>(m: Method, raw: &RawResponse) {
        let _ = decode::<T>(m, raw);
    }
    one::<Vec<Country>>(Method::GetCountries, raw);
    one::<Vec<ServicePrice>>(Method::GetData, raw);
    one::<ServicesWithProviders>(Method::GetDataWithProviders, raw);
    one::<std::collections::BTreeMap<rentapi::ServiceCode, Availability>>(
        Method::GetCountWithProviders,
        raw,
    );
    one::<NewOrder>(Method::Create, raw);
    one::<Vec<NewOrder>>(Method::CreateMulti, raw);
    one::<Vec<Order>>(Method::Orders, raw);
    one::<SmsBundle>(Method::Sms, raw);
    one::<Option<OrderId>>(Method::Prolong, raw);
    one::<Vec<HistoryRow>>(Method::GetRentHistory, raw);
    one::<RestoreQuote>(Method::RestoreUserPrecalc, raw);
    one::<()>(Method::RestoreUser, raw);
}

/// JSON-ish fragments, so generated inputs reach deep into the decoders.
fn jsonish() -> impl Strategy<Value = String> {
    let atom = prop_oneof![
        Just("\"status\":1".to_string()),
        Just("\"status\":\"0\"".to_string()),
        Just("\"data\":".to_string()),
        Just("\"id\":\"12\"".to_string()),
        Just("\"until\":-99999999999999".to_string()),
        Just("\"state\":1e309".to_string()),
        Just("\"SmsList\":".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just("{".to_string()),
        Just("}".to_string()),
        Just(",".to_string()),
        Just("null".to_string()),
        "[a-z0-9\"\\\\.:-]{0,8}",
    ];
    prop::collection::vec(atom, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn random_bytes_never_panic(body in prop::collection::vec(any::<u8>(), 0..512), status in 100u16..600) {
        all(&RawResponse::new(status, "application/json", body));
    }

    #[test]
    fn json_fragments_never_panic(body in jsonish()) {
        all(&RawResponse::json(body));
    }
}
