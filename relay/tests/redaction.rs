//! The `apikey` value never reaches logs, error bodies or panic reports.
//! This binary installs a global tracing subscriber that captures every log
//! line (all levels, hyper and reqwest included) twice: as written by the
//! relay's redacting writer, and raw at INFO (the relay's own events must be
//! clean before the writer's net).

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

use common::*;
use smsrent_relay::redact::{RedactingMakeWriter, install_panic_hook};
use tracing_subscriber::filter::LevelFilter;
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::{Layer, fmt};

const SECRET: &str = "SECRET123";

#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Capture {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

impl Write for Capture {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for Capture {
    type Writer = Capture;
    fn make_writer(&'a self) -> Capture {
        self.clone()
    }
}

/// (redacted output at TRACE, raw output at INFO), installed once.
fn captures() -> &'static (Capture, Capture) {
    static CAPTURES: OnceLock<(Capture, Capture)> = OnceLock::new();
    CAPTURES.get_or_init(|| {
        let redacted = Capture::default();
        let plain = Capture::default();
        let subscriber = tracing_subscriber::registry()
            .with(
                fmt::layer()
                    .with_ansi(false)
                    .with_writer(RedactingMakeWriter::new(redacted.clone()))
                    .with_filter(LevelFilter::TRACE),
            )
            .with(
                fmt::layer()
                    .with_ansi(false)
                    .with_writer(plain.clone())
                    .with_filter(LevelFilter::INFO),
            );
        tracing::subscriber::set_global_default(subscriber).unwrap();
        install_panic_hook();
        (redacted, plain)
    })
}

fn assert_clean(what: &str, text: &str) {
    assert!(!text.contains(SECRET), "{what} leaks the key:\n{text}");
}

#[tokio::test]
async fn key_never_leaks_through_failing_upstreams() {
    let (redacted, plain) = captures();

    // Connection refused: the reqwest error text would hold the URL.
    let relay = relay_to(closed_port().await, &[]).await;
    let res = get(relay, &format!("/api/rent.php?method=orders&apikey={SECRET}")).await;
    assert_eq!(res.status(), 502);
    let body = res.text().await.unwrap();
    assert_clean("502 body", &body);

    // Timeout.
    let relay = relay_to(fake_upstream().await, &["--upstream-timeout-secs", "0.2"]).await;
    let res = get(relay, &format!("/api/rent.php?apikey={SECRET}&method=slow")).await;
    assert_eq!(res.status(), 504);
    assert_clean("504 body", &res.text().await.unwrap());

    // Refusals and 404s with the key in the query.
    let res = get(relay, &format!("/nope?apikey={SECRET}")).await;
    assert_eq!(res.status(), 404);
    assert_clean("404 body", &res.text().await.unwrap());
    let r = raw(
        relay,
        &format!(
            "GET http://evil.example/api/rent.php?apikey={SECRET} HTTP/1.1\r\nHost: evil.example"
        ),
    )
    .await;
    assert_eq!(r.status, 400);
    assert_clean("400 body", &String::from_utf8_lossy(&r.body));

    // Percent-encoded key name.
    let res = get(relay, &format!("/api/rent.php?method=slow&api%6Bey={SECRET}")).await;
    assert_eq!(res.status(), 504);

    let logs = redacted.text();
    assert!(logs.contains("apikey=***"), "the request log shows the redacted query:\n{logs}");
    assert!(logs.contains("status=502") && logs.contains("status=504"), "{logs}");
    assert_clean("logs", &logs);
    assert_clean("raw INFO logs", &plain.text());
}

#[test]
fn panic_reports_are_redacted() {
    let (redacted, _) = captures();
    let result = std::panic::catch_unwind(|| {
        panic!("could not parse https://smspva.com/api/rent.php?apikey={SECRET}&method=sms");
    });
    assert!(result.is_err());
    let logs = redacted.text();
    assert!(logs.contains("panicked at"), "{logs}");
    assert!(logs.contains("apikey=***&method=sms"), "{logs}");
    assert_clean("panic report", &logs);
}

#[tokio::test]
async fn a_long_path_is_logged_cut_short() {
    let (redacted, _) = captures();
    let dir = std::env::temp_dir().join(format!("smsrent-redaction-dist-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), "<p>app</p>").unwrap();
    let relay = relay_to(fake_upstream().await, &["--serve", dir.to_str().unwrap()]).await;
    let tail = "z".repeat(5000);
    let res = get(relay, &format!("/{}.js?apikey={SECRET}&{tail}", "y".repeat(300))).await;
    assert_eq!(res.status(), 404);
    let logs = redacted.text();
    let line = logs.lines().find(|l| l.contains("yyyyyyyy")).expect("the request is logged");
    assert!(line.contains("bytes cut"), "{line}");
    assert!(!line.contains(&tail), "the whole path is in the log line");
    assert!(line.len() < 1000, "{} bytes", line.len());
    assert_clean("long path log", &logs);
}

#[tokio::test]
async fn every_spelling_of_the_key_is_redacted_at_every_level() {
    let (redacted, plain) = captures();
    let relay = relay_to(fake_upstream().await, &["--upstream-timeout-secs", "0.2"]).await;
    let mut sent = 0;
    for (i, name) in rentapi::redact::SPELLINGS.iter().enumerate() {
        if name.bytes().any(|c| c.is_ascii_control()) {
            continue; // a raw NUL cannot be sent; `%00` is in the table
        }
        let key = format!("{SECRET}{i}");
        for query in [
            format!("{name}={key}&method=orders"),
            format!("method=slow&{name}={key}"),
            format!("method=orders&{name}={key}&{name}={key}&id=1"),
        ] {
            let res = get(relay, &format!("/api/rent.php?{query}")).await;
            assert_clean(name, &res.text().await.unwrap());
            sent += 1;
        }
        let res = get(relay, &format!("/nope?{name}={key}")).await;
        assert_eq!(res.status(), 404);
    }
    assert!(sent >= 60, "{sent}");
    let logs = redacted.text();
    assert!(logs.contains("api%6Bey=***"), "{logs}");
    assert_clean("logs at TRACE", &logs);
    assert_clean("raw INFO logs", &plain.text());
}
