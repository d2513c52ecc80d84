//! Shared helpers: a fake upstream on loopback, an in-process relay on
//! 127.0.0.1:0, a loopback-only HTTP client and a raw HTTP/1.1 sender.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::time::Duration;

use axum::Router;
use axum::extract::RawQuery;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing;
use clap::Parser;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

pub const COUNTRIES: &str = r#"{"status":1,"data":[{"name":"Россия","code":"RU"}]}"#;
pub const HTML_500: &str = "<html><body><h1>502 Bad Gateway</h1>nginx</body></html>\n";
/// One byte over the relay's default 4 MiB cap.
pub const HUGE: usize = 4 * 1024 * 1024 + 1;

/// What the fake upstream answers, by `method=`:
/// - `getcountries`: 200 JSON;
/// - `text`: 200 text/plain, not JSON;
/// - `html500`: 500 text/html;
/// - `notype`: 200 with no content type;
/// - `echo`: 200 text/plain with the raw query it received;
/// - `slow`: sleeps 5 s, then 200 JSON;
/// - `huge`: 200 with HUGE bytes;
/// - anything else: 200 JSON error envelope.
pub async fn fake_upstream() -> SocketAddr {
    async fn rent(RawQuery(q): RawQuery) -> Response {
        let q = q.unwrap_or_default();
        let method =
            q.split('&').find_map(|kv| kv.strip_prefix("method=")).unwrap_or("").to_owned();
        match method.as_str() {
            "getcountries" => {
                ([(header::CONTENT_TYPE, "application/json; charset=utf-8")], COUNTRIES)
                    .into_response()
            }
            "text" => ([(header::CONTENT_TYPE, "text/plain")], "plain words").into_response(),
            "html500" => (
                StatusCode::INTERNAL_SERVER_ERROR,
                [(header::CONTENT_TYPE, "text/html; charset=iso-8859-1")],
                HTML_500,
            )
                .into_response(),
            "notype" => {
                let mut res = Response::new(axum::body::Body::from("raw"));
                res.headers_mut().remove(header::CONTENT_TYPE);
                res
            }
            "echo" => ([(header::CONTENT_TYPE, "text/plain")], q).into_response(),
            "slow" => {
                tokio::time::sleep(Duration::from_secs(5)).await;
                ([(header::CONTENT_TYPE, "application/json")], COUNTRIES).into_response()
            }
            "huge" => {
                ([(header::CONTENT_TYPE, "application/json")], vec![b' '; HUGE]).into_response()
            }
            _ => (
                [(header::CONTENT_TYPE, "application/json")],
                r#"{"status":0,"msg":"API_KEY_NOT_VALID"}"#,
            )
                .into_response(),
        }
    }
    let app = Router::new().route("/api/rent.php", routing::get(rent));
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    addr
}

/// A hand-written upstream on loopback that answers every connection with
/// `total` bytes in chunked encoding (no Content-Length), 64 KiB a chunk.
pub async fn chunked_upstream(total: usize) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        loop {
            let Ok((mut s, _)) = listener.accept().await else { return };
            tokio::spawn(async move {
                let mut head = Vec::new();
                let mut byte = [0u8; 1];
                while !head.ends_with(b"\r\n\r\n") {
                    if s.read_exact(&mut byte).await.is_err() {
                        return;
                    }
                    head.push(byte[0]);
                }
                let start = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\
                             Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
                if s.write_all(start.as_bytes()).await.is_err() {
                    return;
                }
                let chunk = vec![b' '; 64 * 1024];
                let mut left = total;
                while left > 0 {
                    let n = left.min(chunk.len());
                    let framed = [format!("{n:x}\r\n").as_bytes(), &chunk[..n], b"\r\n"].concat();
                    if s.write_all(&framed).await.is_err() {
                        return;
                    }
                    left -= n;
                }
                let _ = s.write_all(b"0\r\n\r\n").await;
            });
        }
    });
    addr
}

/// A loopback address nothing listens on (bound, then dropped).
pub async fn closed_port() -> SocketAddr {
    let l = TcpListener::bind("127.0.0.1:0").await.unwrap();
    l.local_addr().unwrap()
}

/// Starts the relay in-process with these flags (after `--listen
/// 127.0.0.1:0`); returns its address. It stops with the test's runtime.
pub async fn relay(args: &[&str]) -> SocketAddr {
    let mut argv = vec!["smsrent-relay", "--listen", "127.0.0.1:0"];
    argv.extend_from_slice(args);
    let config = smsrent_relay::Config::try_parse_from(argv).expect("flags parse");
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        smsrent_relay::run_until(config, listener, std::future::pending()).await.unwrap()
    });
    addr
}

/// A relay forwarding to `upstream` over loopback http.
pub async fn relay_to(upstream: SocketAddr, extra: &[&str]) -> SocketAddr {
    let url = format!("http://{upstream}");
    let mut args = vec!["--upstream", url.as_str(), "--allow-custom-upstream"];
    args.extend_from_slice(extra);
    relay(&args).await
}

/// A client that never uses a proxy and never decompresses by itself.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder().no_proxy().timeout(Duration::from_secs(10)).build().unwrap()
}

/// GET `http://addr{path}`.
pub async fn get(addr: SocketAddr, path: &str) -> reqwest::Response {
    client().get(format!("http://{addr}{path}")).send().await.unwrap()
}

/// The parsed answer to a raw request.
#[derive(Debug)]
pub struct Raw {
    pub status: u16,
    pub head: String,
    pub body: Vec<u8>,
}

impl Raw {
    pub fn header(&self, name: &str) -> Option<String> {
        let want = format!("{}:", name.to_ascii_lowercase());
        self.head.lines().find_map(|l| {
            l.to_ascii_lowercase().starts_with(&want).then(|| l[want.len()..].trim().to_owned())
        })
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
}

/// Sends `request_head` (without the final blank line; `Connection: close`
/// is added) byte for byte and reads the whole answer.
pub async fn raw(addr: SocketAddr, request_head: &str) -> Raw {
    let mut s = TcpStream::connect(addr).await.unwrap();
    let req = format!("{}\r\nConnection: close\r\n\r\n", request_head.trim_end());
    s.write_all(req.as_bytes()).await.unwrap();
    let mut buf = Vec::new();
    tokio::time::timeout(Duration::from_secs(10), s.read_to_end(&mut buf)).await.unwrap().unwrap();
    let split = buf.windows(4).position(|w| w == b"\r\n\r\n").expect("a full head");
    let head = String::from_utf8_lossy(&buf[..split]).into_owned();
    let body = buf[split + 4..].to_vec();
    let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).expect("a status");
    Raw { status, head, body }
}

/// Asserts an envelope `{"status":0,"msg":"relay: ..."}`.
pub fn assert_envelope(body: &[u8]) -> String {
    let v: serde_json::Value = serde_json::from_slice(body)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(body)));
    assert_eq!(v["status"], 0, "{v}");
    let msg = v["msg"].as_str().unwrap_or_else(|| panic!("no msg: {v}")).to_owned();
    assert!(msg.starts_with("relay:"), "{msg}");
    msg
}
