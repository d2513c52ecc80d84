//! Not an open proxy: every refusal is a 4xx in the API envelope. CORS
//! preflights and the per-IP rate limit.

mod common;

use common::*;

#[tokio::test]
async fn other_paths_are_404_envelopes() {
    let relay = relay_to(fake_upstream().await, &[]).await;
    for path in [
        "/",
        "/api/",
        "/api/rent.php/x",
        "/rent.php",
        "/API/RENT.PHP",
        "/api/other.php",
        "/_sim/reset",
    ] {
        let res = get(relay, path).await;
        assert_eq!(res.status(), 404, "{path}");
        assert_eq!(res.headers()["content-type"], "application/json; charset=utf-8");
        assert_envelope(&res.bytes().await.unwrap());
    }
}

#[tokio::test]
async fn other_methods_are_405_envelopes() {
    let relay = relay_to(fake_upstream().await, &[]).await;
    for method in ["POST", "PUT", "DELETE", "PATCH", "TRACE"] {
        let r = raw(
            relay,
            &format!("{method} /api/rent.php?method=getcountries HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0"),
        )
        .await;
        assert_eq!(r.status, 405, "{method}");
        assert_eq!(r.header("allow").as_deref(), Some("GET, HEAD, OPTIONS"));
        assert_envelope(&r.body);
    }
    let res = client()
        .post(format!("http://{relay}/api/rent.php?method=getcountries"))
        .body("x=1")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 405);
}

#[tokio::test]
async fn absolute_form_targets_are_refused() {
    let relay = relay_to(fake_upstream().await, &[]).await;
    let r = raw(
        relay,
        "GET http://example.com/api/rent.php?method=getcountries HTTP/1.1\r\nHost: example.com",
    )
    .await;
    assert_eq!(r.status, 400);
    assert!(assert_envelope(&r.body).contains("absolute-form"));
    // Even when it names the relay itself.
    let r = raw(
        relay,
        &format!("GET http://{relay}/api/rent.php?method=getcountries HTTP/1.1\r\nHost: {relay}"),
    )
    .await;
    assert_eq!(r.status, 400);
    // CONNECT (authority-form) is a refused method.
    let r = raw(relay, "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443").await;
    assert!((400..500).contains(&r.status), "{}", r.status);
}

#[tokio::test]
async fn encoded_traversal_is_refused() {
    let relay = relay_to(fake_upstream().await, &[]).await;
    for path in [
        "/api/%2e%2e/x",
        "/api/%2E%2E/api/rent.php",
        "/api/../api/rent.php",
        "/api/rent.php%2f..",
        "/x/..%5c..%5cetc/passwd",
        "//example.com/api/rent.php",
    ] {
        let r = raw(relay, &format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1")).await;
        assert_eq!(r.status, 400, "{path}");
        assert_envelope(&r.body);
    }
}

#[tokio::test]
async fn foreign_host_headers_are_refused() {
    let relay = relay_to(fake_upstream().await, &[]).await;
    for host in ["example.com", "smspva.com", "127.0.0.1.example.com:80"] {
        let r =
            raw(relay, &format!("GET /api/rent.php?method=getcountries HTTP/1.1\r\nHost: {host}"))
                .await;
        assert_eq!(r.status, 421, "{host}");
        assert_envelope(&r.body);
    }
    for host in ["127.0.0.1", "localhost:8787", &relay.to_string()] {
        let r =
            raw(relay, &format!("GET /api/rent.php?method=getcountries HTTP/1.1\r\nHost: {host}"))
                .await;
        assert_eq!(r.status, 200, "{host}");
        assert_eq!(r.body, COUNTRIES.as_bytes());
    }
    // --allow-host adds a name.
    let relay = relay_to(fake_upstream().await, &["--allow-host", "relay.example"]).await;
    let r = raw(relay, "GET /healthz HTTP/1.1\r\nHost: relay.example:443").await;
    assert_eq!(r.status, 200);
}

async fn preflight(relay: std::net::SocketAddr, origin: &str) -> reqwest::Response {
    client()
        .request(reqwest::Method::OPTIONS, format!("http://{relay}/api/rent.php?method=orders"))
        .header("Origin", origin)
        .header("Access-Control-Request-Method", "GET")
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn cors_preflight_only_for_configured_origins() {
    let relay = relay_to(fake_upstream().await, &[]).await;
    // Default: trunk serve's origin.
    let res = preflight(relay, "http://127.0.0.1:8080").await;
    assert!(res.status().is_success());
    assert_eq!(res.headers()["access-control-allow-origin"], "http://127.0.0.1:8080");
    assert!(res.headers()["access-control-allow-methods"].to_str().unwrap().contains("GET"));
    let res = preflight(relay, "http://localhost:8080").await;
    assert_eq!(res.headers()["access-control-allow-origin"], "http://localhost:8080");
    let res = preflight(relay, "https://evil.example").await;
    assert!(res.headers().get("access-control-allow-origin").is_none());

    let relay = relay_to(fake_upstream().await, &["--allow-origin", "https://app.example"]).await;
    let res = preflight(relay, "https://app.example").await;
    assert_eq!(res.headers()["access-control-allow-origin"], "https://app.example");
    let res = preflight(relay, "http://127.0.0.1:8080").await;
    assert!(res.headers().get("access-control-allow-origin").is_none());

    // Simple requests (and the relay's own errors) carry the header too.
    let res = client()
        .get(format!("http://{relay}/api/rent.php?method=getcountries"))
        .header("Origin", "https://app.example")
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["access-control-allow-origin"], "https://app.example");
    let res = client()
        .get(format!("http://{relay}/nope"))
        .header("Origin", "https://app.example")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    assert_eq!(res.headers()["access-control-allow-origin"], "https://app.example");
}

#[tokio::test]
async fn rate_limit_answers_429_envelopes() {
    let relay = relay_to(fake_upstream().await, &["--rate-per-minute", "3"]).await;
    for _ in 0..3 {
        assert_eq!(get(relay, "/api/rent.php?method=getcountries").await.status(), 200);
    }
    let res = get(relay, "/api/rent.php?method=getcountries").await;
    assert_eq!(res.status(), 429);
    let wait: u64 = res.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=20).contains(&wait), "{wait}");
    assert!(assert_envelope(&res.bytes().await.unwrap()).contains("too many"));
    // Health checks are not counted.
    assert_eq!(get(relay, "/healthz").await.status(), 200);
}
