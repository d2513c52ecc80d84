//! `--serve DIR`: the built app (a Trunk `dist/`) on the relay's own origin.
//!
//! - Content types from the file extension, with `application/wasm` for
//!   `.wasm` and `application/manifest+json` for `.webmanifest` enforced.
//! - Caching: hashed assets (Trunk's `name-<hex>.ext`, `name-<hex>_bg.wasm`,
//!   anything under a `snippets/name-<hex>/` folder) get
//!   `public, max-age=31536000, immutable`; everything else, `index.html`,
//!   `sw.js` and the manifest included, gets `no-cache` (revalidated with
//!   `Last-Modified`).
//! - A path that is not found and whose last segment has no extension is a
//!   deep link: it gets `index.html`. A missing `/foo.js` is a 404.
//! - Compression: a file the build compressed ahead of time (`x.wasm.br`,
//!   `x.wasm.gz` next to `x.wasm`, written by `scripts/precompress.cjs` at
//!   the best levels) is sent as it is when the request accepts it, with the
//!   original's type and caching; anything else is compressed by the
//!   router's layer (gzip, brotli) on the way out.
//! - The page itself carries a Content-Security-Policy (see `csp`), made
//!   from the `index.html` being served so Trunk's inline loader is allowed
//!   by its hash and nothing else inline is.

use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::extract::Request;
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Redirect, Response};
use tower_http::services::ServeDir;

use crate::envelope;

/// Year-long caching for content-addressed files.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Revalidate every time.
pub const NO_CACHE: &str = "no-cache";

/// The static file host for one folder mounted under one base path.
#[derive(Debug, Clone)]
pub struct StaticSite {
    dir: ServeDir,
    root: PathBuf,
    /// `root` with every symlink resolved: what served files must stay under.
    real_root: PathBuf,
    base: String,
    connect_src: Vec<String>,
}

impl StaticSite {
    /// `base` is normalised (`/` or `/seg/`); `dir` must be a folder.
    pub fn new(dir: &Path, base: &str, connect_src: &[String]) -> Result<Self, String> {
        if !dir.is_dir() {
            return Err(format!("--serve {} is not a folder", dir.display()));
        }
        let root = dir.to_owned();
        let real_root =
            dir.canonicalize().map_err(|e| format!("--serve {}: {e}", dir.display()))?;
        let dir = ServeDir::new(dir)
            .append_index_html_on_directories(true)
            .precompressed_br()
            .precompressed_gzip();
        Ok(Self { dir, root, real_root, base: base.to_owned(), connect_src: connect_src.to_vec() })
    }

    /// The page's policy, from the index.html on disk now (a rebuild while
    /// the relay runs changes the loader's hash). The build's own `<meta>`
    /// policy is taken out of the page, so this header is the only one.
    async fn with_policy(&self, mut res: Response) -> Response {
        let is_html = res
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|ct| ct.starts_with("text/html"));
        if !is_html {
            return res;
        }
        let index = std::fs::read_to_string(self.root.join("index.html")).unwrap_or_default();
        // Fail closed: the page goes out under its policy or not at all.
        let Ok(v) = HeaderValue::from_str(&crate::csp::policy(&index, &self.connect_src)) else {
            tracing::error!("the page's Content-Security-Policy is not a valid header");
            return envelope::error(StatusCode::INTERNAL_SERVER_ERROR, "relay: no page policy");
        };
        res.headers_mut().insert(header::CONTENT_SECURITY_POLICY, v);
        res.headers_mut().insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
        if res.status() == StatusCode::OK {
            res = without_meta_policy(res, &index).await;
        }
        res
    }

    /// Answers one request that no other route took.
    pub async fn serve(&self, req: Request) -> Response {
        let (req, _body) = req.into_parts();
        let path = req.uri.path().to_owned();
        let bare_base = self.base.trim_end_matches('/');
        if !bare_base.is_empty() && path == bare_base {
            let to = match req.uri.query() {
                Some(q) => format!("{}?{q}", self.base),
                None => self.base.clone(),
            };
            return Redirect::permanent(&to).into_response();
        }
        let Some(rest) = path.strip_prefix(self.base.as_str()) else {
            return envelope::not_found();
        };
        // API-looking paths never fall back to the app.
        if rest.starts_with("api/") || rest.starts_with("_sim/") || rest == "api" {
            return envelope::not_found();
        }
        let decoded = percent_encoding::percent_decode_str(rest).decode_utf8_lossy();
        let hidden_or_too_long =
            decoded.split('/').any(|seg| seg.starts_with('.') || seg.len() > MAX_NAME_BYTES);
        if hidden_or_too_long {
            return envelope::error(StatusCode::NOT_FOUND, "relay: file not found");
        }
        let rel = format!("/{rest}");
        if !self.stays_inside(&rel) {
            return envelope::error(StatusCode::NOT_FOUND, "relay: file not found");
        }
        let res = self.file(&req, &rel).await;
        if res.status() == StatusCode::NOT_FOUND && is_deep_link(&rel) {
            let index = self.file(&req, "/index.html").await;
            return self.with_policy(finish(index, "/index.html", &self.base)).await;
        }
        if res.status() == StatusCode::NOT_FOUND {
            return envelope::error(StatusCode::NOT_FOUND, "relay: file not found");
        }
        self.with_policy(finish(res, &rel, &self.base)).await
    }

    /// `rel` (starting with `/`) from the folder, keeping the request's
    /// method and headers (conditional and range requests work).
    async fn file(&self, req: &Parts, rel: &str) -> Response {
        if !self.stays_inside(rel) {
            return StatusCode::NOT_FOUND.into_response();
        }
        let uri: Uri = match req.uri.query() {
            Some(q) => format!("{rel}?{q}"),
            None => rel.to_owned(),
        }
        .parse()
        .unwrap_or_else(|_| Uri::from_static("/"));
        let mut inner = axum::http::Request::builder().method(req.method.clone()).uri(uri);
        for (name, value) in &req.headers {
            inner = inner.header(name, value);
        }
        let Ok(inner) = inner.body(Body::empty()) else {
            return envelope::error(StatusCode::BAD_REQUEST, "relay: bad request");
        };
        let mut dir = self.dir.clone();
        match dir.try_call(inner).await {
            Ok(res) => res.map(Body::new),
            // A name the file system refuses (too long) names no file.
            Err(e) if e.kind() == std::io::ErrorKind::InvalidFilename => {
                StatusCode::NOT_FOUND.into_response()
            }
            Err(e) => {
                tracing::warn!(error = %e, "static file error");
                envelope::error(StatusCode::INTERNAL_SERVER_ERROR, "relay: cannot read the file")
            }
        }
    }
}

/// The longest file name most file systems take; a longer segment is no file.
pub const MAX_NAME_BYTES: usize = 255;

impl StaticSite {
    /// Whether `rel`, its `index.html` (for a folder) and its precompressed
    /// forms, where they exist, resolve to files under the served folder (a
    /// symlink may not lead out of it).
    fn stays_inside(&self, rel: &str) -> bool {
        let decoded = percent_encoding::percent_decode_str(rel).decode_utf8_lossy();
        let path = self.root.join(decoded.trim_start_matches('/'));
        let mut candidates = vec![path.clone(), path.join("index.html")];
        for ext in ["br", "gz"] {
            let mut p = path.clone().into_os_string();
            p.push(format!(".{ext}"));
            candidates.push(p.into());
        }
        candidates.iter().all(|p| match p.canonicalize() {
            Ok(real) => real.starts_with(&self.real_root),
            // Missing (or unreadable): ServeDir will say 404.
            Err(_) => true,
        })
    }
}

/// The page (a whole one: a 200) without its `<meta>` policy. A HEAD
/// answer has no body: its length is that of `index` (the page on disk)
/// stripped, when it is that page, and absent otherwise.
async fn without_meta_policy(res: Response, index: &str) -> Response {
    let (mut parts, body) = res.into_parts();
    // index.html is a few KB; the cap only bounds a runaway file.
    let Ok(bytes) = axum::body::to_bytes(body, 16 * 1024 * 1024).await else {
        return envelope::error(StatusCode::INTERNAL_SERVER_ERROR, "relay: cannot read the file");
    };
    if bytes.is_empty() {
        let length = parts.headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok());
        let stripped = (length == Some(index.len().to_string().as_str()))
            .then(|| crate::csp::strip_meta(index).map_or(index.len(), |s| s.len()));
        match stripped {
            Some(n) => parts.headers.insert(header::CONTENT_LENGTH, HeaderValue::from(n)),
            None => parts.headers.remove(header::CONTENT_LENGTH),
        };
        return Response::from_parts(parts, Body::empty());
    }
    let page = match std::str::from_utf8(&bytes).ok().and_then(crate::csp::strip_meta) {
        Some(stripped) => axum::body::Bytes::from(stripped),
        None => bytes,
    };
    parts.headers.insert(header::CONTENT_LENGTH, HeaderValue::from(page.len()));
    Response::from_parts(parts, Body::from(page))
}

/// Adds caching and content-type rules; fixes redirects for the base path.
fn finish(mut res: Response, rel: &str, base: &str) -> Response {
    let status = res.status();
    res.extensions_mut().insert(crate::harden::AppFile);
    let headers = res.headers_mut();
    if status.is_redirection() {
        if let Some(loc) = headers.get(header::LOCATION).and_then(|l| l.to_str().ok()) {
            let fixed = format!("{}{}", base.trim_end_matches('/'), loc);
            if let Ok(v) = HeaderValue::from_str(&fixed) {
                headers.insert(header::LOCATION, v);
            }
        }
        return res;
    }
    if status.is_success() || status == StatusCode::NOT_MODIFIED {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache_policy(rel)));
        headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
        if let Some(ct) = forced_content_type(rel) {
            headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(ct));
        }
        // A precompressed file: the compression layer, which says so for
        // what it compresses itself, leaves it alone.
        if headers.contains_key(header::CONTENT_ENCODING) {
            headers.append(header::VARY, HeaderValue::from_static("accept-encoding"));
        }
    }
    res
}

fn file_name(rel: &str) -> &str {
    rel.rsplit('/').next().unwrap_or("")
}

/// A not-found path that should get the app: its last segment has no
/// extension (a directory path ending in `/` counts too).
pub fn is_deep_link(rel: &str) -> bool {
    !file_name(rel).contains('.')
}

fn forced_content_type(rel: &str) -> Option<&'static str> {
    let name = file_name(rel);
    if name.ends_with(".wasm") {
        Some("application/wasm")
    } else if name.ends_with(".webmanifest") {
        Some("application/manifest+json")
    } else {
        None
    }
}

/// The `Cache-Control` value for a served path (relative to the base).
pub fn cache_policy(rel: &str) -> &'static str {
    let name = file_name(rel);
    let revalidate = name.is_empty()
        || name == "index.html"
        || name == "sw.js"
        || name == "manifest.json"
        || name.ends_with(".webmanifest");
    if !revalidate && is_hashed_asset(rel) { IMMUTABLE } else { NO_CACHE }
}

/// Trunk's content-hashed names: a `-` then at least 8 hex digits at the end
/// of the file stem (before an optional `_bg`), or a folder named that way
/// (`snippets/smsrent-1a2b3c4d/inline0.js`).
pub fn is_hashed_asset(rel: &str) -> bool {
    let mut segments: Vec<&str> = rel.split('/').filter(|s| !s.is_empty()).collect();
    let Some(name) = segments.pop() else {
        return false;
    };
    if segments.iter().any(|dir| has_hash_suffix(dir)) {
        return true;
    }
    let Some((stem, _ext)) = name.split_once('.') else {
        return false;
    };
    has_hash_suffix(stem.strip_suffix("_bg").unwrap_or(stem))
}

fn has_hash_suffix(s: &str) -> bool {
    match s.rsplit_once('-') {
        Some((head, hash)) => {
            !head.is_empty() && hash.len() >= 8 && hash.bytes().all(|c| c.is_ascii_hexdigit())
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names() {
        for p in [
            "/smsrent-1a2b3c4d5e6f.js",
            "/smsrent-1a2b3c4d5e6f_bg.wasm",
            "/style-0123456789abcdef.css",
            "/snippets/leptos-use-9f8e7d6c5b4a3210/inline0.js",
            "/assets/icon-deadbeef.png",
        ] {
            assert!(is_hashed_asset(p), "{p}");
            assert_eq!(cache_policy(p), IMMUTABLE, "{p}");
        }
        for p in [
            "/index.html",
            "/sw.js",
            "/app.webmanifest",
            "/favicon.ico",
            "/",
            "/icon-192.png",
            "/x-abc.js",
        ] {
            assert!(!is_hashed_asset(p) || cache_policy(p) == NO_CACHE, "{p}");
            assert_eq!(cache_policy(p), NO_CACHE, "{p}");
        }
    }

    #[test]
    fn deep_links() {
        assert!(is_deep_link("/orders"));
        assert!(is_deep_link("/orders/123"));
        assert!(is_deep_link("/settings/"));
        assert!(!is_deep_link("/foo.js"));
        assert!(!is_deep_link("/x/app-1234abcd_bg.wasm"));
    }

    #[test]
    fn forced_types() {
        assert_eq!(forced_content_type("/a_bg.wasm"), Some("application/wasm"));
        assert_eq!(forced_content_type("/manifest.webmanifest"), Some("application/manifest+json"));
        assert_eq!(forced_content_type("/a.js"), None);
    }
}
