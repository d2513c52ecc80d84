//! The built binary: start-up line with the real port, `--help`, and a clean
//! exit on SIGTERM and SIGINT.
#![cfg(unix)]

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn spawn(args: &[&str]) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_smsrent-relay"))
        .args(["--listen", "127.0.0.1:0"])
        .args(args)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    (child, line.trim().to_owned())
}

fn stop(mut child: Child, signal: &str) {
    let status = Command::new("kill").args([signal, &child.id().to_string()]).status().unwrap();
    assert!(status.success());
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "{status}");
            return;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the relay did not stop on {signal}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[tokio::test]
async fn prints_the_real_port_and_stops_on_signals() {
    for signal in ["-TERM", "-INT"] {
        let (child, line) = spawn(&["--simulate"]);
        let url = line.strip_prefix("smsrent-relay listening on http://").expect(&line);
        let addr: std::net::SocketAddr = url.parse().expect(url);
        assert_ne!(addr.port(), 0);
        assert_eq!(common::get(addr, "/healthz").await.text().await.unwrap(), "ok");
        stop(child, signal);
    }
}

#[tokio::test]
async fn start_up_line_shows_the_base_path() {
    let (child, line) = spawn(&["--simulate", "--base-path", "smsrent"]);
    assert!(line.ends_with("/smsrent/"), "{line}");
    stop(child, "-TERM");
}

#[test]
fn help_explains_every_flag() {
    let out = Command::new(env!("CARGO_BIN_EXE_smsrent-relay")).arg("--help").output().unwrap();
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    for flag in [
        "--listen",
        "--upstream",
        "--allow-custom-upstream",
        "--upstream-timeout-secs",
        "--upstream-body-limit",
        "--serve",
        "--base-path",
        "--allow-origin",
        "--allow-host",
        "--max-concurrency",
        "--max-concurrency-per-client",
        "--header-timeout-secs",
        "--max-connections",
        "--rate-per-minute",
        "--simulate",
        "--seed",
        "--drift",
        "--fail-rate",
        "--latency-ms",
        "--demo-clock",
        "--control",
    ] {
        assert!(help.contains(flag), "{flag} missing from --help");
    }
}

#[test]
fn bad_upstream_fails_at_start() {
    let out = Command::new(env!("CARGO_BIN_EXE_smsrent-relay"))
        .args(["--listen", "127.0.0.1:0", "--upstream", "https://evil.example"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not a known rent API host"), "{err}");
}
