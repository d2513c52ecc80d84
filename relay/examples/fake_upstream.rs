//! A stand-in rent API for benchmarks: answers every `GET /api/rent.php` with
//! the same small JSON (a `getcountries` answer). Loopback only.
//!
//! `cargo run --release -p smsrent-relay --example fake_upstream [ADDR [DELAY_MS]]`
//! (default `127.0.0.1:0`, no delay) prints
//! `fake-upstream listening on http://ADDR`. `DELAY_MS` makes every answer
//! wait that long, like an upstream across the internet.

use axum::Router;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;

const BODY: &str = r#"{"status":1,"data":[{"name":"Россия","code":"RU"},{"name":"Kazakhstan","code":"KZ"},{"name":"United Kingdom","code":"UK"}]}"#;

static DELAY_MS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

async fn rent() -> impl IntoResponse {
    let delay = DELAY_MS.load(std::sync::atomic::Ordering::Relaxed);
    if delay > 0 {
        tokio::time::sleep(std::time::Duration::from_millis(delay)).await;
    }
    ([(header::CONTENT_TYPE, "application/json; charset=utf-8")], BODY)
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let addr = std::env::args().nth(1).unwrap_or_else(|| "127.0.0.1:0".into());
    let delay = std::env::args().nth(2).unwrap_or_else(|| "0".into());
    let delay: u64 =
        delay.parse().map_err(|e| std::io::Error::other(format!("bad delay {delay}: {e}")))?;
    DELAY_MS.store(delay, std::sync::atomic::Ordering::Relaxed);
    let addr: std::net::SocketAddr =
        addr.parse().map_err(|e| std::io::Error::other(format!("bad address {addr}: {e}")))?;
    if !addr.ip().is_loopback() {
        return Err(std::io::Error::other("the fake upstream listens on loopback only"));
    }
    let listener = tokio::net::TcpListener::bind(addr).await?;
    println!("fake-upstream listening on http://{}", listener.local_addr()?);
    let app = Router::new().route("/api/rent.php", get(rent));
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}
