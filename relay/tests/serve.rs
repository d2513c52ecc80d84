//! `--serve DIR` (a fake Trunk dist/) and `--base-path`.

mod common;

use std::io::Read;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use common::*;

const INDEX: &str = "<!doctype html><html><head><title>smsrent</title></head><body></body></html>";
const JS: &str = "export function init() { return 'smsrent app module, long enough to compress'; } // padding padding padding padding padding padding";
const WASM: &[u8] = b"\0asm\x01\0\0\0 this is not a real module but long enough to be compressed by the relay ....................";

/// A fresh fake dist/ folder.
fn dist() -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "smsrent-relay-dist-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("snippets/leptos-use-0123456789abcdef")).unwrap();
    std::fs::write(dir.join("index.html"), INDEX).unwrap();
    std::fs::write(dir.join("smsrent-1a2b3c4d5e6f.js"), JS).unwrap();
    std::fs::write(dir.join("smsrent-1a2b3c4d5e6f_bg.wasm"), WASM).unwrap();
    std::fs::write(dir.join("sw.js"), "self.addEventListener('fetch', () => {});").unwrap();
    std::fs::write(dir.join("manifest.webmanifest"), r#"{"name":"smsrent"}"#).unwrap();
    std::fs::write(dir.join("snippets/leptos-use-0123456789abcdef/inline0.js"), "export {}")
        .unwrap();
    dir
}

async fn site(extra: &[&str]) -> std::net::SocketAddr {
    site_in(dist(), extra).await
}

async fn site_in(dir: PathBuf, extra: &[&str]) -> std::net::SocketAddr {
    let dir = dir.to_str().unwrap().to_owned();
    let mut args = vec!["--serve", dir.as_str()];
    args.extend_from_slice(extra);
    relay_to(fake_upstream().await, &args).await
}

#[tokio::test]
async fn serves_assets_with_types_and_caching() {
    let relay = site(&[]).await;

    let res = get(relay, "/").await;
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
    assert_eq!(res.headers()["cache-control"], "no-cache");
    assert_eq!(res.text().await.unwrap(), INDEX);

    let res = get(relay, "/index.html").await;
    assert_eq!(res.headers()["cache-control"], "no-cache");

    let res = get(relay, "/smsrent-1a2b3c4d5e6f_bg.wasm").await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "application/wasm");
    assert_eq!(res.headers()["cache-control"], "public, max-age=31536000, immutable");
    assert_eq!(res.bytes().await.unwrap(), WASM);

    let res = get(relay, "/smsrent-1a2b3c4d5e6f.js").await;
    assert!(res.headers()["content-type"].to_str().unwrap().contains("javascript"));
    assert_eq!(res.headers()["cache-control"], "public, max-age=31536000, immutable");

    let res = get(relay, "/snippets/leptos-use-0123456789abcdef/inline0.js").await;
    assert_eq!(res.headers()["cache-control"], "public, max-age=31536000, immutable");

    let res = get(relay, "/sw.js").await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["cache-control"], "no-cache");

    let res = get(relay, "/manifest.webmanifest").await;
    assert_eq!(res.headers()["content-type"], "application/manifest+json");
    assert_eq!(res.headers()["cache-control"], "no-cache");

    // The API still works next to the app.
    let res = get(relay, "/api/rent.php?method=getcountries").await;
    assert_eq!(res.text().await.unwrap(), COUNTRIES);
}

#[tokio::test]
async fn deep_links_fall_back_to_index_but_missing_assets_are_404() {
    let relay = site(&[]).await;
    for path in ["/orders", "/orders/123", "/settings/"] {
        let res = get(relay, path).await;
        assert_eq!(res.status(), 200, "{path}");
        assert_eq!(res.headers()["cache-control"], "no-cache");
        assert_eq!(res.text().await.unwrap(), INDEX, "{path}");
    }
    for path in ["/foo.js", "/smsrent-ffffffffffff_bg.wasm", "/api/nope", "/api/rent.php/x"] {
        let res = get(relay, path).await;
        assert_eq!(res.status(), 404, "{path}");
        assert_envelope(&res.bytes().await.unwrap());
    }
}

/// GET `path` from `relay` accepting only `encoding`.
async fn get_encoded(relay: std::net::SocketAddr, path: &str, encoding: &str) -> reqwest::Response {
    client()
        .get(format!("http://{relay}{path}"))
        .header("Accept-Encoding", encoding)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn compresses_when_accepted() {
    let relay = site(&[]).await;
    let res = get_encoded(relay, "/smsrent-1a2b3c4d5e6f_bg.wasm", "gzip").await;
    assert_eq!(res.headers()["content-encoding"], "gzip");
    assert_eq!(res.headers()["content-type"], "application/wasm");
    let gz = res.bytes().await.unwrap();
    let mut plain = Vec::new();
    flate2::read::GzDecoder::new(&gz[..]).read_to_end(&mut plain).unwrap();
    assert_eq!(plain, WASM);

    let res = get_encoded(relay, "/smsrent-1a2b3c4d5e6f.js", "br").await;
    assert_eq!(res.headers()["content-encoding"], "br");

    let res = get(relay, "/smsrent-1a2b3c4d5e6f.js").await;
    assert!(res.headers().get("content-encoding").is_none());
    assert_eq!(res.text().await.unwrap(), JS);
}

#[tokio::test]
async fn sends_the_builds_precompressed_files_as_they_are() {
    // What scripts/precompress.cjs leaves next to a file: its brotli and
    // gzip forms (the brotli one is a marker here: sent as it is, the relay
    // never reads it; the gzip one is real, with a name in its header that
    // an on-the-fly gzip would not write).
    let dir = dist();
    let br = b"precompressed brotli bytes".to_vec();
    let mut gz = flate2::GzBuilder::new()
        .filename("smsrent-1a2b3c4d5e6f_bg.wasm")
        .write(Vec::new(), flate2::Compression::best());
    std::io::Write::write_all(&mut gz, WASM).unwrap();
    let gz = gz.finish().unwrap();
    std::fs::write(dir.join("smsrent-1a2b3c4d5e6f_bg.wasm.br"), &br).unwrap();
    std::fs::write(dir.join("smsrent-1a2b3c4d5e6f_bg.wasm.gz"), &gz).unwrap();
    let relay = site_in(dir, &["--base-path", "/smsrent/"]).await;
    let wasm = "/smsrent/smsrent-1a2b3c4d5e6f_bg.wasm";

    for (accept, encoding, body) in [("br, gzip", "br", &br), ("gzip", "gzip", &gz)] {
        let res = get_encoded(relay, wasm, accept).await;
        assert_eq!(res.status(), 200, "{accept}");
        let h = res.headers();
        assert_eq!(h["content-encoding"], encoding, "{accept}");
        assert_eq!(h["content-type"], "application/wasm", "{accept}");
        assert_eq!(h["cache-control"], "public, max-age=31536000, immutable", "{accept}");
        assert_eq!(h["vary"].to_str().unwrap().to_ascii_lowercase(), "accept-encoding");
        assert_eq!(&res.bytes().await.unwrap().to_vec(), body, "{accept}");
    }

    // Asking for neither gets the file itself.
    let res = get_encoded(relay, wasm, "identity").await;
    assert!(res.headers().get("content-encoding").is_none());
    assert_eq!(res.bytes().await.unwrap(), WASM);

    // A file without precompressed forms is still compressed on the way out.
    let res = get_encoded(relay, "/smsrent/smsrent-1a2b3c4d5e6f.js", "br").await;
    assert_eq!(res.headers()["content-encoding"], "br");
}

#[tokio::test]
async fn sub_path_mounts_app_and_api() {
    let relay = site(&["--base-path", "/smsrent/"]).await;

    let res = get(relay, "/smsrent/api/rent.php?method=getcountries").await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.text().await.unwrap(), COUNTRIES);

    let res = get(relay, "/smsrent/").await;
    assert_eq!(res.text().await.unwrap(), INDEX);
    let res = get(relay, "/smsrent/orders/5").await;
    assert_eq!(res.text().await.unwrap(), INDEX);
    let res = get(relay, "/smsrent/smsrent-1a2b3c4d5e6f_bg.wasm").await;
    assert_eq!(res.headers()["content-type"], "application/wasm");

    // The bare prefix redirects to the slash form.
    let r = raw(relay, "GET /smsrent HTTP/1.1\r\nHost: 127.0.0.1").await;
    assert_eq!(r.status, 308);
    assert_eq!(r.header("location").as_deref(), Some("/smsrent/"));
    // A folder redirect keeps the prefix.
    let r = raw(relay, "GET /smsrent/snippets HTTP/1.1\r\nHost: 127.0.0.1").await;
    assert!(r.status == 307 || r.status == 308, "{}", r.status);
    assert_eq!(r.header("location").as_deref(), Some("/smsrent/snippets/"));

    // Nothing outside the prefix, except /healthz.
    for path in ["/api/rent.php?method=getcountries", "/index.html", "/orders"] {
        let res = get(relay, path).await;
        assert_eq!(res.status(), 404, "{path}");
        assert_envelope(&res.bytes().await.unwrap());
    }
    assert_eq!(get(relay, "/healthz").await.text().await.unwrap(), "ok");
    assert_eq!(get(relay, "/smsrent/healthz").await.text().await.unwrap(), "ok");
}

#[tokio::test]
async fn sub_path_without_serve_forwards_the_api() {
    let relay = relay_to(fake_upstream().await, &["--base-path", "/smsrent"]).await;
    let res = get(relay, "/smsrent/api/rent.php?method=getcountries").await;
    assert_eq!(res.text().await.unwrap(), COUNTRIES);
    assert_eq!(get(relay, "/api/rent.php?method=getcountries").await.status(), 404);
}

#[tokio::test]
async fn the_page_carries_a_csp_allowing_only_its_own_loader() {
    let dir = dist();
    let loader = "\nimport init from '/smsrent-1a2b3c4d5e6f.js';\nawait init();\n";
    std::fs::write(
        dir.join("index.html"),
        format!("<html><head><script type=\"module\">{loader}</script></head></html>"),
    )
    .unwrap();
    let dir = dir.to_str().unwrap().to_owned();
    let relay = relay_to(
        fake_upstream().await,
        &["--serve", &dir, "--connect-src", "https://relay.example"],
    )
    .await;
    for path in ["/", "/archive"] {
        let res = get(relay, path).await;
        let csp = res.headers()["content-security-policy"].to_str().unwrap().to_owned();
        assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"), "{csp}");
        assert!(!csp.contains("unsafe-inline"), "{csp}");
        assert!(
            csp.contains(
                "connect-src 'self' https://smspva.com https://simsms.org https://relay.example"
            ),
            "{csp}"
        );
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    }
    // Assets need no policy of their own.
    let res = get(relay, "/smsrent-1a2b3c4d5e6f.js").await;
    assert!(res.headers().get("content-security-policy").is_none());
}

/// The build writes its own policy into index.html as a `<meta>` tag (for
/// static hosts). A page under two policies must pass both, so the relay
/// takes the tag out: its header, `--connect-src` included, is the one exact
/// policy, and the loader's hash in it is still the loader's.
#[tokio::test]
async fn the_build_meta_policy_gives_way_to_the_header() {
    use base64::Engine;
    use sha2::{Digest, Sha256};

    let dir = dist();
    let loader = "\nimport init from '/smsrent-1a2b3c4d5e6f.js';\nconst wasm = await init('/smsrent-1a2b3c4d5e6f_bg.wasm');\n";
    let meta = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; connect-src 'self' https://smspva.com https://simsms.org\">";
    let head = "<!doctype html><html><head><meta charset=\"utf-8\" />";
    let tail = format!(
        "<title>smsrent</title></head><body><script type=\"module\">{loader}</script></body></html>"
    );
    std::fs::write(dir.join("index.html"), format!("{head}{meta}{tail}")).unwrap();
    let served = format!("{head}{tail}");
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(loader.as_bytes()));
    let dir = dir.to_str().unwrap().to_owned();
    let relay = relay_to(
        fake_upstream().await,
        &["--serve", &dir, "--connect-src", "https://relay.example"],
    )
    .await;

    for path in ["/", "/index.html", "/archive"] {
        let res = get(relay, path).await;
        assert_eq!(res.status(), 200, "{path}");
        let csp = res.headers()["content-security-policy"].to_str().unwrap().to_owned();
        assert!(csp.contains(&format!("'sha256-{hash}'")), "{path}: {csp}");
        assert!(csp.contains("https://relay.example"), "{csp}");
        let length: usize = res.headers()["content-length"].to_str().unwrap().parse().unwrap();
        let body = res.text().await.unwrap();
        assert_eq!(body, served, "{path}");
        assert_eq!(length, served.len(), "{path}");
    }

    // Compressed, the page is the stripped one too.
    let res = client()
        .get(format!("http://{relay}/"))
        .header("Accept-Encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["content-encoding"], "gzip");
    let gz = res.bytes().await.unwrap();
    let mut plain = String::new();
    flate2::read::GzDecoder::new(&gz[..]).read_to_string(&mut plain).unwrap();
    assert_eq!(plain, served);

    // Revalidation still works: 304, no body (the browser keeps the stripped
    // page and its policy; a new loader means a new file, hence a 200).
    let res = get(relay, "/").await;
    let modified = res.headers()["last-modified"].to_str().unwrap().to_owned();
    let res = client()
        .get(format!("http://{relay}/"))
        .header("If-Modified-Since", modified)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 304);
    assert!(res.bytes().await.unwrap().is_empty());

    // HEAD: no body, the length of the page as a GET gets it.
    let r = raw(relay, "HEAD / HTTP/1.1\r\nHost: 127.0.0.1").await;
    assert_eq!(r.status, 200);
    assert!(r.body.is_empty());
    assert_eq!(r.header("content-length"), Some(served.len().to_string()));
    assert!(r.header("content-security-policy").is_some());
}
