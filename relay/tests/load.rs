//! Availability: slow and idle connections are cut off, 1,100 of them
//! cannot take the relay down under a 1024 open-file limit, and API calls
//! hanging on a slow upstream hold neither the app's files nor /healthz.
#![cfg(unix)]

mod common;

use std::io::{BufRead, BufReader, Read};
use std::net::{IpAddr, SocketAddr};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::*;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// An upstream that accepts connections and never answers.
async fn silent_upstream() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((s, _)) = listener.accept().await {
            held.push(s);
        }
    });
    addr
}

/// GET from a given loopback source address (each one a distinct client).
async fn get_from(from: IpAddr, addr: SocketAddr, path: &str) -> Option<reqwest::StatusCode> {
    let client = reqwest::Client::builder()
        .no_proxy()
        .local_address(from)
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap();
    client.get(format!("http://{addr}{path}")).send().await.ok().map(|r| r.status())
}

#[tokio::test]
async fn slow_upstream_holds_api_calls_only() {
    let dir = std::env::temp_dir().join(format!("smsrent-load-dist-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), "<!doctype html><p>app</p>").unwrap();
    let relay = relay_to(silent_upstream().await, &["--serve", dir.to_str().unwrap()]).await;
    // 40 calls from 40 clients: more than every shared permit (32).
    for i in 0..40u8 {
        let from = IpAddr::from([127, 0, 1, i + 1]);
        tokio::spawn(get_from(from, relay, "/api/rent.php?method=orders"));
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    for path in ["/", "/healthz", "/index.html"] {
        let started = Instant::now();
        let res = tokio::time::timeout(Duration::from_secs(2), async { get(relay, path).await })
            .await
            .unwrap_or_else(|_| panic!("{path} waited behind the hanging API calls"));
        assert_eq!(res.status(), 200, "{path}");
        assert!(started.elapsed() < Duration::from_secs(1), "{path}: {:?}", started.elapsed());
    }
    // Refusals do not wait either.
    let started = Instant::now();
    assert_eq!(get(relay, "/api/other.php").await.status(), 404);
    assert!(started.elapsed() < Duration::from_secs(1));
}

#[tokio::test]
async fn one_client_cannot_take_every_permit() {
    let relay = relay_to(silent_upstream().await, &[]).await;
    let greedy = IpAddr::from([127, 0, 2, 1]);
    for _ in 0..8 {
        tokio::spawn(get_from(greedy, relay, "/api/rent.php?method=orders"));
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let started = Instant::now();
    let status = get_from(greedy, relay, "/api/rent.php?method=orders").await;
    assert_eq!(status, Some(reqwest::StatusCode::TOO_MANY_REQUESTS), "the ninth at once");
    assert!(started.elapsed() < Duration::from_secs(1));
    // Another client still gets a permit: its call reaches the upstream and
    // hangs there (no answer within the wait) rather than being refused.
    let other = IpAddr::from([127, 0, 2, 2]);
    let call = tokio::time::timeout(
        Duration::from_millis(700),
        get_from(other, relay, "/api/rent.php?method=orders"),
    )
    .await;
    assert!(call.is_err(), "the other client's call was answered at once: {call:?}");
}

/// Reads until the server closes the connection; how long that took.
async fn closed_within(s: &mut TcpStream, limit: Duration) -> Option<Duration> {
    let started = Instant::now();
    let mut buf = [0u8; 4096];
    loop {
        match tokio::time::timeout_at((started + limit).into(), s.read(&mut buf)).await {
            Err(_) => return None,
            Ok(Ok(0) | Err(_)) => return Some(started.elapsed()),
            Ok(Ok(_)) => {}
        }
    }
}

#[tokio::test]
async fn trickled_headers_and_idle_connections_are_cut_off() {
    let relay = relay(&["--simulate", "--header-timeout-secs", "1"]).await;
    // A byte every 200 ms: never a whole head.
    let mut s = TcpStream::connect(relay).await.unwrap();
    let trickle = async {
        s.write_all(b"GET /healthz HTTP/1.1\r\n").await.unwrap();
        for _ in 0..25 {
            tokio::time::sleep(Duration::from_millis(200)).await;
            if s.write_all(b"X").await.is_err() {
                return true;
            }
        }
        false
    };
    assert!(trickle.await, "a client trickling its headers for 5 s was not cut off");

    // Idle after an answer: closed too.
    let mut s = TcpStream::connect(relay).await.unwrap();
    s.write_all(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").await.unwrap();
    let took = closed_within(&mut s, Duration::from_secs(4)).await;
    let took = took.expect("an idle kept-alive connection stayed open");
    assert!(took >= Duration::from_millis(800), "closed too early: {took:?}");
}

#[tokio::test]
async fn connections_past_the_cap_wait_their_turn() {
    let relay =
        relay(&["--simulate", "--header-timeout-secs", "1", "--max-connections", "2"]).await;
    // Two silent connections take both places...
    let _a = TcpStream::connect(relay).await.unwrap();
    let _b = TcpStream::connect(relay).await.unwrap();
    tokio::time::sleep(Duration::from_millis(100)).await;
    // ...so a third is answered only once the timeout has closed one of them.
    let started = Instant::now();
    let res = get(relay, "/healthz").await;
    assert_eq!(res.status(), 200);
    let waited = started.elapsed();
    assert!(waited >= Duration::from_millis(700), "not held back by the cap: {waited:?}");
    assert!(waited < Duration::from_secs(3), "{waited:?}");
}

#[test]
fn default_timeouts_and_caps() {
    use clap::Parser;
    let c = smsrent_relay::Config::try_parse_from(["r"]).unwrap();
    let limits = c.listen_limits();
    assert_eq!(limits.header_timeout, Duration::from_secs(10));
    assert_eq!(limits.max_connections, 512);
}

/// The relay binary under `ulimit -n 1024`, its stderr collected.
fn spawn_limited(args: &[&str]) -> (std::process::Child, SocketAddr, Arc<Mutex<String>>) {
    let mut child = Command::new("sh")
        .arg("-c")
        .arg("ulimit -n 1024 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_smsrent-relay"))
        .args(["--listen", "127.0.0.1:0"])
        .args(args)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let addr = line.trim().strip_prefix("smsrent-relay listening on http://").expect(&line);
    let log = Arc::new(Mutex::new(String::new()));
    let mut stderr = child.stderr.take().unwrap();
    let sink = log.clone();
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = stderr.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().push_str(&String::from_utf8_lossy(&buf[..n]));
        }
    });
    (child, addr.parse().unwrap(), log)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn eleven_hundred_slow_sockets_under_1024_open_files() {
    // No cap below the file limit, and more sockets than descriptors: the
    // relay runs out of them and must survive its accept errors.
    let (mut child, relay, log) =
        spawn_limited(&["--simulate", "--header-timeout-secs", "1", "--max-connections", "4096"]);
    let stop = Instant::now() + Duration::from_secs(6);
    let mut slow = Vec::new();
    for _ in 0..1100 {
        slow.push(tokio::spawn(async move {
            // Reconnects when cut off, a byte every 500 ms, until `stop`.
            while Instant::now() < stop {
                let Ok(Ok(mut s)) =
                    tokio::time::timeout(Duration::from_secs(1), TcpStream::connect(relay)).await
                else {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                };
                if s.write_all(b"GET /healthz HTTP/1.1\r\n").await.is_err() {
                    continue;
                }
                let mut buf = [0u8; 512];
                while Instant::now() < stop {
                    tokio::select! {
                        // Cut off (or answered): connect again at once.
                        r = s.read(&mut buf) => if matches!(r, Ok(0) | Err(_)) { break },
                        () = tokio::time::sleep(Duration::from_millis(500)) => {
                            if s.write_all(b"X").await.is_err() {
                                break;
                            }
                        }
                    }
                }
            }
        }));
    }
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let mut answered = 0;
    while Instant::now() < stop {
        let started = Instant::now();
        let res = tokio::time::timeout(Duration::from_secs(5), async {
            client().get(format!("http://{relay}/healthz")).send().await
        })
        .await;
        let ok = matches!(&res, Ok(Ok(r)) if r.status() == 200);
        assert!(ok, "an ordinary request was not answered in 5 s: {res:?}");
        assert!(started.elapsed() < Duration::from_secs(5));
        answered += 1;
    }
    for t in slow {
        t.await.unwrap();
    }
    assert!(answered >= 2, "only {answered} ordinary requests in 4.5 s");
    assert!(child.try_wait().unwrap().is_none(), "the relay died");
    let _ = child.kill();
    let _ = child.wait();
    let log = log.lock().unwrap().clone();
    assert!(log.contains("accept failed"), "the descriptor exhaustion was not logged:\n{log}");
}
