//! The Content-Security-Policy of the served app: scripts only from this
//! origin plus the hashes of the inline loader Trunk writes into
//! `index.html`, wasm compilation allowed, API calls only to this origin and
//! the known providers, nothing framed, no plugins.
//!
//! The build also writes a policy into `index.html` as a `<meta>` tag
//! (`scripts/csp-meta.cjs`, for static hosts without headers). A page under
//! two policies must pass both, so the relay removes that tag
//! ([`strip_meta`]) and its header is the one exact policy, `--connect-src`
//! included.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use sha2::{Digest, Sha256};

/// The providers the app may call directly (the rest go through this relay).
pub const PROVIDERS: [&str; 2] = ["https://smspva.com", "https://simsms.org"];

/// The policy for a page whose HTML is `index_html`; `extra_connect` adds
/// origins the user configured (a relay elsewhere).
pub fn policy(index_html: &str, extra_connect: &[String]) -> String {
    let hashes: String = inline_scripts(index_html)
        .map(|body| format!(" 'sha256-{}'", STANDARD.encode(Sha256::digest(body.as_bytes()))))
        .collect();
    let providers = PROVIDERS.join(" ");
    let extra: String = extra_connect.iter().map(|o| format!(" {o}")).collect();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self'; \
         img-src 'self' data: {providers}; connect-src 'self' {providers}{extra}; \
         manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; \
         form-action 'self'; frame-ancestors 'none'"
    )
}

/// The bodies of `<script>` elements without a `src`, exactly as written.
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    let mut rest = html;
    std::iter::from_fn(move || {
        loop {
            let start = rest.find("<script")?;
            let open_end = start + rest[start..].find('>')?;
            let tag = &rest[start..open_end];
            let body_start = open_end + 1;
            let close = body_start + rest[body_start..].find("</script>")?;
            let body = &rest[body_start..close];
            rest = &rest[close + "</script>".len()..];
            if !tag.contains("src=") {
                return Some(body);
            }
        }
    })
}

/// `html` without its `<meta http-equiv="Content-Security-Policy">` tags
/// (any case, any quoting); `None` when it has none.
pub fn strip_meta(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let mut out = String::with_capacity(html.len());
    let mut kept = 0;
    let mut from = 0;
    while let Some(at) = lower[from..].find("<meta").map(|i| from + i) {
        let Some(end) = tag_end(&html[at..]).map(|len| at + len) else {
            break;
        };
        let tag: String = lower[at..end]
            .chars()
            .filter(|c| !matches!(c, '"' | '\'') && !c.is_whitespace())
            .collect();
        if tag.contains("http-equiv=content-security-policy") {
            out.push_str(&html[kept..at]);
            kept = end;
        }
        from = end;
    }
    if kept == 0 {
        return None;
    }
    out.push_str(&html[kept..]);
    Some(out)
}

/// The length of the tag at the start of `s`, up to its `>` outside quotes.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i + 1),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_inline_scripts_only() {
        let html = "<head><script src=\"/a.js\"></script><script type=\"module\">\nimport x;\n</script></head>";
        let scripts: Vec<_> = inline_scripts(html).collect();
        assert_eq!(scripts, ["\nimport x;\n"]);
        let p = policy(html, &["https://relay.example".into()]);
        let expected = STANDARD.encode(Sha256::digest(b"\nimport x;\n"));
        assert!(p.contains(&format!("'sha256-{expected}'")), "{p}");
        assert!(p.contains(
            "connect-src 'self' https://smspva.com https://simsms.org https://relay.example;"
        ));
        assert!(!p.contains("unsafe-inline"));
    }

    #[test]
    fn no_inline_script_no_hash() {
        assert!(!policy("<p>hi</p>", &[]).contains("sha256"));
    }

    #[test]
    fn strips_only_the_csp_meta() {
        let html = "<head><meta charset=\"utf-8\" />\n<META HTTP-EQUIV='Content-Security-Policy' content=\"default-src 'self'; img-src 'self' data:\">\n<meta name=\"theme-color\" content=\"#1f4e79\" /><script type=\"module\">x</script></head>";
        let stripped = strip_meta(html).unwrap();
        assert_eq!(
            stripped,
            "<head><meta charset=\"utf-8\" />\n\n<meta name=\"theme-color\" content=\"#1f4e79\" /><script type=\"module\">x</script></head>"
        );
        assert_eq!(policy(html, &[]), policy(&stripped, &[]), "the loader's hash is unchanged");
        assert_eq!(strip_meta(&stripped), None);
        assert_eq!(strip_meta("<meta name=\"x\" content=\"a > b\"><p>"), None);
        assert_eq!(
            strip_meta("<meta http-equiv=content-security-policy content=x><p>"),
            Some("<p>".into())
        );
    }
}
