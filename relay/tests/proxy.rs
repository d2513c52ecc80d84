//! Forwarding to a fake upstream on loopback: bytes, statuses and (but for
//! types a browser would render) content types unchanged; timeouts, size cap and unreachable upstreams as envelopes.

mod common;

use std::time::{Duration, Instant};

use common::*;

#[tokio::test]
async fn forwards_json_byte_for_byte() {
    let relay = relay_to(fake_upstream().await, &[]).await;
    let res = get(relay, "/api/rent.php?method=getcountries").await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "application/json; charset=utf-8");
    assert_eq!(res.bytes().await.unwrap(), COUNTRIES.as_bytes());
}

#[tokio::test]
async fn forwards_non_json_and_5xx_html_unchanged() {
    let relay = relay_to(fake_upstream().await, &[]).await;

    let res = get(relay, "/api/rent.php?method=text").await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "text/plain");
    assert_eq!(res.text().await.unwrap(), "plain words");

    // A type a browser could render as a page is relabelled plain text
    // (see tests/origin.rs); the bytes and the status are unchanged.
    let res = get(relay, "/api/rent.php?method=html500").await;
    assert_eq!(res.status(), 500);
    assert_eq!(res.headers()["content-type"], "text/plain; charset=iso-8859-1");
    assert_eq!(res.bytes().await.unwrap(), HTML_500.as_bytes());

    let res = get(relay, "/api/rent.php?method=notype").await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "text/plain");
    assert_eq!(res.text().await.unwrap(), "raw");

    let res = get(relay, "/api/rent.php?method=other&apikey=k").await;
    assert_eq!(res.text().await.unwrap(), r#"{"status":0,"msg":"API_KEY_NOT_VALID"}"#);
}

#[tokio::test]
async fn forwards_the_query_unchanged() {
    let relay = relay_to(fake_upstream().await, &[]).await;
    let q = "method=echo&apikey=a%26b%3Dc&country=RU&services=opt6,opt7&x=%D0%A0";
    let res = get(relay, &format!("/api/rent.php?{q}")).await;
    assert_eq!(res.text().await.unwrap(), q);
}

#[tokio::test]
async fn head_and_healthz() {
    let relay = relay_to(fake_upstream().await, &[]).await;
    let res = client()
        .head(format!("http://{relay}/api/rent.php?method=getcountries"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "application/json; charset=utf-8");
    let res = get(relay, "/healthz").await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.text().await.unwrap(), "ok");
}

#[tokio::test]
async fn slow_upstream_is_a_504_envelope() {
    let relay = relay_to(fake_upstream().await, &["--upstream-timeout-secs", "0.3"]).await;
    let started = Instant::now();
    let res = get(relay, "/api/rent.php?method=slow").await;
    assert!(started.elapsed() < Duration::from_secs(3), "{:?}", started.elapsed());
    assert_eq!(res.status(), 504);
    assert_eq!(res.headers()["content-type"], "application/json; charset=utf-8");
    let msg = assert_envelope(&res.bytes().await.unwrap());
    assert!(msg.contains("did not answer"), "{msg}");
}

#[tokio::test]
async fn oversized_upstream_answer_is_a_502_envelope() {
    let relay = relay_to(fake_upstream().await, &[]).await;
    let res = get(relay, "/api/rent.php?method=huge").await;
    assert_eq!(res.status(), 502);
    let msg = assert_envelope(&res.bytes().await.unwrap());
    assert!(msg.contains("larger than 4194304 bytes"), "{msg}");

    // A smaller cap applies to bodies that are streamed too.
    let relay = relay_to(fake_upstream().await, &["--upstream-body-limit", "10"]).await;
    let res = get(relay, "/api/rent.php?method=getcountries").await;
    assert_eq!(res.status(), 502);
    assert_envelope(&res.bytes().await.unwrap());
    let res = get(relay, "/api/rent.php?method=text").await;
    assert_eq!(res.status(), 502, "11 bytes > 10");
}

#[tokio::test]
async fn oversized_chunked_answer_is_cut_off_while_streaming() {
    let relay = relay_to(chunked_upstream(HUGE).await, &[]).await;
    let res = get(relay, "/api/rent.php?method=getcountries").await;
    assert_eq!(res.status(), 502);
    assert!(assert_envelope(&res.bytes().await.unwrap()).contains("larger than"));
    // Just under the cap passes whole.
    let relay = relay_to(chunked_upstream(HUGE - 1).await, &[]).await;
    let res = get(relay, "/api/rent.php?method=getcountries").await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.bytes().await.unwrap().len(), HUGE - 1);
}

#[tokio::test]
async fn unreachable_upstream_is_a_502_envelope() {
    let relay = relay_to(closed_port().await, &[]).await;
    let res = get(relay, "/api/rent.php?method=getcountries").await;
    assert_eq!(res.status(), 502);
    let msg = assert_envelope(&res.bytes().await.unwrap());
    assert!(msg.contains("could not be reached"), "{msg}");
}

#[tokio::test]
async fn unknown_upstream_host_is_refused_at_start() {
    let config = <smsrent_relay::Config as clap::Parser>::try_parse_from([
        "smsrent-relay",
        "--upstream",
        "http://127.0.0.1:9",
    ])
    .unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let err = smsrent_relay::run_until(config, listener, async {}).await.unwrap_err();
    assert!(err.to_string().contains("--allow-custom-upstream"), "{err}");
}

#[tokio::test]
async fn graceful_shutdown_stops_the_server() {
    let upstream = fake_upstream().await;
    let url = format!("http://{upstream}");
    let config = <smsrent_relay::Config as clap::Parser>::try_parse_from([
        "smsrent-relay",
        "--upstream",
        &url,
        "--allow-custom-upstream",
    ])
    .unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(smsrent_relay::run_until(config, listener, async {
        let _ = rx.await;
    }));
    assert_eq!(get(addr, "/healthz").await.status(), 200);
    tx.send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(5), server).await.unwrap().unwrap().unwrap();
    assert!(tokio::net::TcpStream::connect(addr).await.is_err());
}
