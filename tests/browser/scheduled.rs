//! Browser test of the request driver: one long-lived task sends what the
//! scheduler hands back, woken by new requests; a person's request waiting
//! for the gap goes before background ones, identical reads in flight are
//! one request, and the driver ends when its transport handle is dropped.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use futures::future::join3;
use gloo_timers::future::sleep;
use leptos::prelude::*;
use rentapi::schedule::{Config, Priority};
use rentapi::transport::{LocalFuture, Outgoing};
use rentapi::{Method, RawResponse, Transport, TransportError};
use smsrent::api::Scheduled;
use wasm_bindgen_test::*;

const GAP: u64 = 300;

/// Answers after 20 ms; records what was sent and when.
#[derive(Default)]
struct Recorder {
    sent: RefCell<Vec<(String, f64)>>,
}

impl Transport for Recorder {
    fn send(&self, req: Outgoing) -> LocalFuture<'_, Result<RawResponse, TransportError>> {
        self.sent.borrow_mut().push((req.key_free.clone(), js_sys::Date::now()));
        Box::pin(async move {
            sleep(Duration::from_millis(20)).await;
            Ok(RawResponse {
                status: 200,
                content_type: "application/json".into(),
                body: req.key_free.into_bytes(),
            })
        })
    }
}

/// A transport by reference, so the test keeps the recorder and can tell
/// when the driver let go of it.
struct Shared(Rc<Recorder>);

impl Transport for Shared {
    fn send(&self, req: Outgoing) -> LocalFuture<'_, Result<RawResponse, TransportError>> {
        self.0.send(req)
    }
}

fn read(what: &str, priority: Priority) -> Outgoing {
    Outgoing {
        method: Method::Orders,
        query: format!("{what}&apikey=k"),
        key_free: what.into(),
        priority,
    }
}

fn scheduled(recorder: &Rc<Recorder>) -> Scheduled<Shared> {
    let config = Config { min_gap_ms: GAP, ..Config::default() };
    Scheduled::new(Shared(recorder.clone()), config, RwSignal::new(None))
}

#[wasm_bindgen_test]
async fn a_person_goes_first_identical_reads_are_one_and_the_gap_holds() {
    let owner = Owner::new();
    owner.set();
    let recorder = Rc::new(Recorder::default());
    let s = scheduled(&recorder);
    // The first goes at once; while the driver waits out the gap, a
    // background read, the same read again, and a person's read arrive.
    let first = s.send(read("bg1", Priority::Background));
    sleep(Duration::from_millis(5)).await;
    let (bg, same, person) = (
        s.send(read("bg2", Priority::Background)),
        s.send(read("bg2", Priority::Background)),
        s.send(read("user", Priority::User)),
    );
    let (bg, same, person) = join3(bg, same, person).await;
    assert!(first.await.is_ok());
    let body = |r: Result<RawResponse, TransportError>| String::from_utf8(r.unwrap().body).unwrap();
    assert_eq!((body(bg), body(same), body(person)), ("bg2".into(), "bg2".into(), "user".into()));
    let sent = recorder.sent.borrow().clone();
    let order: Vec<&str> = sent.iter().map(|(w, _)| w.as_str()).collect();
    assert_eq!(order, ["bg1", "user", "bg2"], "the person's read first, bg2 sent once");
    for pair in sent.windows(2) {
        // Date.now() counts whole milliseconds, like the driver's clock.
        assert!(pair[1].1 - pair[0].1 >= (GAP - 1) as f64, "gap kept: {sent:?}");
    }
}

#[wasm_bindgen_test]
async fn the_driver_ends_when_its_handle_is_dropped() {
    let owner = Owner::new();
    owner.set();
    let recorder = Rc::new(Recorder::default());
    let s = scheduled(&recorder);
    assert!(s.send(read("a", Priority::User)).await.is_ok());
    assert_eq!(
        Rc::strong_count(&recorder),
        2,
        "the test, and the transport the handle and the driver share"
    );
    drop(s);
    sleep(Duration::from_millis(50)).await;
    assert_eq!(Rc::strong_count(&recorder), 1, "the driver let go: it ended");
}
