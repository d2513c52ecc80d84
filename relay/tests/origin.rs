//! Nothing runs on the app's origin that is not the app: API answers and the
//! relay's own errors are never pages, the page's policy fails closed,
//! dotfiles and symlinks out of the folder are not served, and the
//! simulator's control surface answers loopback clients only.

mod common;

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use clap::Parser;
use common::*;

const INDEX: &str =
    "<!doctype html><html><head><script type=\"module\">init()</script></head></html>";
const SECRET: &str = "OUTSIDE-SECRET-0451";

/// A fresh folder under the temp dir.
fn temp_dir(what: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let n = N.fetch_add(1, Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("smsrent-{what}-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn dist() -> PathBuf {
    let dir = temp_dir("origin-dist");
    std::fs::write(dir.join("index.html"), INDEX).unwrap();
    std::fs::write(dir.join("app-1a2b3c4d.js"), "export {}").unwrap();
    dir
}

fn assert_not_a_page(what: &str, headers: &reqwest::header::HeaderMap) {
    let ct = headers.get("content-type").map(|v| v.to_str().unwrap().to_owned());
    let ct = ct.unwrap_or_else(|| panic!("{what}: no content type"));
    assert!(
        ct.starts_with("application/json") || ct.starts_with("text/plain"),
        "{what}: a type a browser could render: {ct}"
    );
    assert_eq!(
        headers.get("x-content-type-options").map(|v| v.as_bytes()),
        Some(&b"nosniff"[..]),
        "{what}"
    );
    let csp = headers.get("content-security-policy").map(|v| v.to_str().unwrap().to_owned());
    let csp = csp.unwrap_or_else(|| panic!("{what}: no policy"));
    assert!(csp.contains("default-src 'none'") && csp.contains("sandbox"), "{what}: {csp}");
}

#[tokio::test]
async fn api_answers_and_errors_are_never_pages() {
    let dir = dist();
    let relay = relay_to(fake_upstream().await, &["--serve", dir.to_str().unwrap()]).await;
    for path in [
        "/api/rent.php?method=html500",
        "/api/rent.php?method=notype",
        "/api/rent.php?method=getcountries",
        "/api/rent.php?method=text",
        "/api/nope",
        "/missing.js",
        "/healthz",
    ] {
        let res = get(relay, path).await;
        assert_not_a_page(path, res.headers());
    }
    let res = get(relay, "/api/rent.php?method=html500").await;
    assert_eq!(res.headers()["content-type"], "text/plain; charset=iso-8859-1");
    assert_eq!(res.bytes().await.unwrap(), HTML_500.as_bytes(), "the bytes are unchanged");
    // Refusals too.
    let r = raw(relay, "GET /api/%2e%2e/x HTTP/1.1\r\nHost: 127.0.0.1").await;
    assert_eq!(r.status, 400);
    assert_eq!(r.header("x-content-type-options").as_deref(), Some("nosniff"));

    // The app itself keeps its type and its own policy.
    let res = get(relay, "/").await;
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
    let csp = res.headers()["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("script-src 'self'") && !csp.contains("sandbox"), "{csp}");
    let res = get(relay, "/app-1a2b3c4d.js").await;
    assert!(res.headers()["content-type"].to_str().unwrap().contains("javascript"));

    // The simulator's key error is an HTML-labelled page upstream.
    let sim = common::relay(&["--simulate"]).await;
    let res = get(sim, "/api/rent.php?method=orders&apikey=nobody").await;
    assert_not_a_page("simulator", res.headers());
}

async fn start_err(args: &[&str]) -> String {
    let mut argv = vec!["smsrent-relay", "--listen", "127.0.0.1:0"];
    argv.extend_from_slice(args);
    let config = smsrent_relay::Config::try_parse_from(argv).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    smsrent_relay::run_until(config, listener, async {}).await.unwrap_err().to_string()
}

#[tokio::test]
async fn header_values_that_are_not_clean_origins_are_refused_at_start() {
    let dir = dist();
    let dir = dir.to_str().unwrap();
    for bad in ["https://relay.example\r", "https://relay.example; script-src *", "https://x/p"] {
        let err = start_err(&["--simulate", "--serve", dir, "--connect-src", bad]).await;
        assert!(err.contains("--connect-src") && err.contains("origin"), "{bad:?}: {err}");
        let err = start_err(&["--simulate", "--allow-origin", bad]).await;
        assert!(err.contains("--allow-origin"), "{bad:?}: {err}");
    }
    // A clean one is taken, cut to its origin.
    let site =
        common::relay(&["--simulate", "--serve", dir, "--connect-src", "https://relay.example/"])
            .await;
    let res = get(site, "/").await;
    let csp = res.headers()["content-security-policy"].to_str().unwrap();
    assert!(csp.contains(" https://relay.example;"), "{csp}");
}

#[tokio::test]
async fn dotfiles_and_symlinks_out_of_the_folder_are_404() {
    let dir = dist();
    let outside = temp_dir("origin-outside");
    std::fs::write(outside.join("secret.txt"), SECRET).unwrap();
    std::fs::write(dir.join(".env"), SECRET).unwrap();
    std::fs::create_dir_all(dir.join(".git")).unwrap();
    std::fs::write(dir.join(".git/config"), SECRET).unwrap();
    std::fs::create_dir_all(dir.join("assets")).unwrap();
    std::fs::write(dir.join("assets/.hidden.js"), SECRET).unwrap();
    std::os::unix::fs::symlink(outside.join("secret.txt"), dir.join("leak.txt")).unwrap();
    std::os::unix::fs::symlink(&outside, dir.join("out")).unwrap();
    std::os::unix::fs::symlink(dir.join("app-1a2b3c4d.js"), dir.join("alias.js")).unwrap();
    let relay = relay_to(fake_upstream().await, &["--serve", dir.to_str().unwrap()]).await;
    for path in [
        "/.env",
        "/.git/config",
        "/.git/",
        "/assets/.hidden.js",
        "/leak.txt",
        "/out/secret.txt",
        "/out/",
        "/out",
    ] {
        let res = get(relay, path).await;
        assert_eq!(res.status(), 404, "{path}");
        let body = res.text().await.unwrap();
        assert!(!body.contains(SECRET), "{path}: {body}");
    }
    // A symlink that stays inside is a file like any other.
    let res = get(relay, "/alias.js").await;
    assert_eq!(res.status(), 200);
}

#[tokio::test]
async fn a_segment_too_long_for_the_file_system_is_404() {
    let dir = dist();
    let relay = relay_to(fake_upstream().await, &["--serve", dir.to_str().unwrap()]).await;
    for path in [format!("/{}.js", "a".repeat(300)), format!("/{}", "b".repeat(300))] {
        let res = get(relay, &path).await;
        assert_eq!(res.status(), 404, "{}", &path[..20]);
        assert_envelope(&res.bytes().await.unwrap());
    }
}

#[tokio::test]
async fn control_needs_loopback() {
    // Refused at start on another address (checked without binding it).
    let config = smsrent_relay::Config::try_parse_from(["r", "--simulate", "--control"]).unwrap();
    let err = smsrent_relay::AppState::new(config, "0.0.0.0:8787".parse().unwrap()).unwrap_err();
    assert!(err.to_string().contains("--control needs a loopback"), "{err}");
    let config = smsrent_relay::Config::try_parse_from(["r", "--simulate", "--control"]).unwrap();
    assert!(smsrent_relay::AppState::new(config, "[::1]:8787".parse().unwrap()).is_ok());

    let sim = common::relay(&["--simulate", "--control", "--allow-host", "relay.example"]).await;
    let relay = sim;
    let ok = raw(relay, "GET /_sim/time HTTP/1.1\r\nHost: 127.0.0.1").await;
    assert_eq!(ok.status, 200);
    let same_site =
        raw(relay, "GET /_sim/time HTTP/1.1\r\nHost: localhost\r\nOrigin: http://localhost:8787")
            .await;
    assert_eq!(same_site.status, 200);
    for head in [
        "GET /_sim/time HTTP/1.1\r\nHost: relay.example",
        "GET /_sim/time HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: https://evil.example",
        "GET /_sim/time HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: null",
    ] {
        let r = raw(relay, head).await;
        assert_eq!(r.status, 403, "{head}");
        assert_envelope(&r.body);
    }
    // The API itself still answers a non-loopback Host that is allowed.
    let r =
        raw(relay, "GET /api/rent.php?method=getcountries HTTP/1.1\r\nHost: relay.example").await;
    assert_eq!(r.status, 200);
}
