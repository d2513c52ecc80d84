//! Nothing but the app runs on the app's origin: every answer that is not
//! one of the app's own files (forwarded API answers, the simulator's, every
//! error the relay writes) goes out with `X-Content-Type-Options: nosniff`,
//! a `Content-Security-Policy` that forbids everything and sandboxes the
//! document, and a content type no browser renders as a page. The app reads
//! the bytes whatever the label.

use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::Response;

/// Marks a response as one of the app's own files, which keep their type
/// and get the page's policy instead.
#[derive(Debug, Clone, Copy)]
pub struct AppFile;

/// The policy of every answer that is not the app.
pub const NOT_A_PAGE_CSP: &str = "default-src 'none'; sandbox";

/// The middleware's function.
pub async fn not_a_page(mut res: Response) -> Response {
    if res.extensions().get::<AppFile>().is_none() {
        harden(res.headers_mut());
    }
    res
}

/// Sets the three headers on an answer that must not be a page.
pub fn harden(headers: &mut HeaderMap) {
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(NOT_A_PAGE_CSP));
    let label = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok());
    if let Some(safe) = safe_type(label) {
        headers.insert(header::CONTENT_TYPE, safe);
    }
}

/// `None` to keep the label (JSON or plain text); otherwise plain text,
/// keeping a plain charset parameter.
fn safe_type(label: Option<&str>) -> Option<HeaderValue> {
    let label = label.unwrap_or("");
    let mut parts = label.split(';');
    let essence = parts.next().unwrap_or("").trim().to_ascii_lowercase();
    if matches!(essence.as_str(), "application/json" | "text/plain") {
        return None;
    }
    let charset = parts.find_map(|p| {
        let (k, v) = p.split_once('=')?;
        let v = v.trim().trim_matches('"');
        let plain = !v.is_empty() && v.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-');
        (k.trim().eq_ignore_ascii_case("charset") && plain).then_some(v)
    });
    let value = match charset {
        Some(cs) => format!("text/plain; charset={cs}"),
        None => "text/plain".to_owned(),
    };
    HeaderValue::from_str(&value).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labelled(ct: Option<&str>) -> HeaderMap {
        let mut h = HeaderMap::new();
        if let Some(ct) = ct {
            h.insert(header::CONTENT_TYPE, HeaderValue::from_str(ct).unwrap());
        }
        harden(&mut h);
        h
    }

    #[test]
    fn types_that_could_render_become_plain_text() {
        for (given, want) in [
            (Some("text/html"), "text/plain"),
            (Some("text/html; charset=iso-8859-1"), "text/plain; charset=iso-8859-1"),
            (Some("TEXT/HTML;Charset=\"UTF-8\""), "text/plain; charset=UTF-8"),
            (Some("application/xhtml+xml"), "text/plain"),
            (Some("image/svg+xml"), "text/plain"),
            (Some("text/xml"), "text/plain"),
            (Some("text/html; charset=\"x><script>\""), "text/plain"),
            (None, "text/plain"),
            (Some("application/json; charset=utf-8"), "application/json; charset=utf-8"),
            (Some("text/plain"), "text/plain"),
        ] {
            let h = labelled(given);
            assert_eq!(h[header::CONTENT_TYPE], want, "{given:?}");
            assert_eq!(h[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
            assert_eq!(h[header::CONTENT_SECURITY_POLICY], NOT_A_PAGE_CSP);
        }
    }
}
