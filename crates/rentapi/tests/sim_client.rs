//! The simulator through the typed client: drift mode decodes to the same
//! values as plain mode, and bad keys and failures are classified.

use std::cell::RefCell;
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use chrono::{DateTime, Duration, Utc};
use rentapi::client::Client;
use rentapi::schedule::Priority;
use rentapi::sim::{DEMO_KEY, SimConfig, Simulator};
use rentapi::transport::{LocalFuture, Outgoing};
use rentapi::{
    ApiKey, CountryCode, ErrorKind, Period, RawResponse, ServiceCode, Transport, TransportError,
};

struct SimTransport {
    sim: RefCell<Simulator>,
    now: DateTime<Utc>,
}

impl Transport for SimTransport {
    fn send(&self, req: Outgoing) -> LocalFuture<'_, Result<RawResponse, TransportError>> {
        let raw = self.sim.borrow_mut().handle(&req.query, self.now);
        Box::pin(async move { Ok(raw) })
    }
}

/// The simulator answers at once, so one poll completes every call.
fn now_ready<F: Future>(f: F) -> F::Output {
    match pin!(f).poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(v) => v,
        Poll::Pending => panic!("the simulator transport is synchronous"),
    }
}

fn start() -> DateTime<Utc> {
    DateTime::from_timestamp(1_790_000_000, 0).unwrap()
}

fn client(drift: bool, key: &str) -> Client<SimTransport> {
    let cfg = SimConfig { drift, sparse: drift, ..SimConfig::test() };
    let mut sim = Simulator::new(cfg, start());
    sim.control("set_balance", &format!("key={key}&amount=1000"), start());
    Client::new(SimTransport { sim: RefCell::new(sim), now: start() }, ApiKey::new(key))
}

/// Every read of the demo account, as debug text, for comparing modes.
fn snapshot(c: &Client<SimTransport>) -> Vec<String> {
    let p = Priority::User;
    let ru = || CountryCode::new("RU");
    let mut out = vec![
        // Drift adds an unreadable row now and then: the rows read agree.
        format!("{:?}", now_ready(c.countries(p)).map(|r| r.rows)),
        format!("{:?}", now_ready(c.prices(ru(), Period::weeks(1), p)).map(|r| r.rows)),
        format!(
            "{:?}",
            now_ready(c.offers(ru(), Period::months(1), p))
                .map(|o| rentapi::model::ServicesWithProviders { skipped: Vec::new(), ..o })
        ),
        format!("{:?}", now_ready(c.availability(ru(), Period::weeks(2), p)).map(|r| r.rows)),
        // `isAvailForRestore` is an extra field only drift mode sends.
        format!(
            "{:?}",
            now_ready(c.history(0, 10, p)).map(|rows| rows
                .rows
                .into_iter()
                .map(|r| rentapi::model::HistoryRow { avail_for_restore: None, ..r })
                .collect::<Vec<_>>())
        ),
    ];
    let orders = now_ready(c.orders(p)).expect("orders").rows;
    for o in &orders {
        let mut sms = now_ready(c.sms(o.id, p)).expect("sms");
        // Plain mode has no OtherSms block: compare the order's own SMS.
        sms.other.clear();
        sms.skipped.clear();
        out.push(format!("{sms:?}"));
    }
    out.push(format!(
        "{:?}",
        orders
            .iter()
            // Drift leaves out some orders' codes (the number carries its own).
            .map(|o| rentapi::model::Order {
                provider: None,
                scode: ServiceCode::default(),
                country: CountryCode::default(),
                dial_code: String::new(),
                pnumber: o.international_number(),
                ..o.clone()
            })
            .collect::<Vec<_>>()
    ));
    out
}

#[test]
fn drift_mode_decodes_to_the_same_values() {
    for seed_shift in 0..4 {
        let plain = client(false, DEMO_KEY);
        let drift = client(true, DEMO_KEY);
        // Burn a few calls so drift choices differ between runs.
        for _ in 0..seed_shift {
            let _ = now_ready(drift.countries(Priority::User));
            let _ = now_ready(plain.countries(Priority::User));
        }
        assert_eq!(snapshot(&plain), snapshot(&drift));
    }
}

#[test]
fn writes_decode_in_both_modes() {
    for drift in [false, true] {
        let c = client(drift, "test-writes");
        let one = now_ready(c.create(
            CountryCode::new("RU"),
            Period::weeks(1),
            ServiceCode::new("opt16"),
            None,
        ))
        .expect("create");
        // Drift may leave out `until` and `service`: the request fills them.
        let mut one = one;
        let req = rentapi::Request::Create {
            country: CountryCode::new("RU"),
            period: Period::weeks(1),
            service: ServiceCode::new("opt16"),
            provider: None,
        };
        rentapi::model::NewOrder::fill(&mut one, &req, start());
        let one = one.first().expect("one order").clone();
        assert_eq!(one.service, Some(ServiceCode::new("opt16")));
        let many = now_ready(c.create_multi(
            CountryCode::new("RU"),
            Period::weeks(1),
            vec![ServiceCode::new("opt20"), ServiceCode::new("opt29")],
            None,
        ))
        .expect("create_multi");
        assert_eq!(many.len(), 2);
        assert_eq!(many[0].pnumber, many[1].pnumber);
        assert!(one.until.expect("until") > start() + Duration::days(6));
        assert_eq!(now_ready(c.activate(one.id)).expect("activate"), Some(one.id));
        assert_eq!(now_ready(c.delete(one.id)).expect("delete"), Some(one.id));
        let err = now_ready(c.sms(one.id, Priority::User)).expect_err("deleted");
        assert_eq!(err.kind, ErrorKind::OrderNotFound);
    }
}

#[test]
fn a_bad_key_is_classified() {
    let c = client(false, "nobody");
    assert_eq!(now_ready(c.orders(Priority::User)).unwrap_err().kind, ErrorKind::BadKey);
}

#[test]
fn injected_failures_are_server_errors() {
    let cfg = SimConfig { fail_rate: 1.0, ..SimConfig::test() };
    let sim = Simulator::new(cfg, start());
    let c =
        Client::new(SimTransport { sim: RefCell::new(sim), now: start() }, ApiKey::new(DEMO_KEY));
    let err = now_ready(c.orders(Priority::User)).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Http(502));
}
