//! The Content-Security-Policy of the served app: scripts only from this
//! origin plus the hashes of the inline loader Trunk writes into
//! `index.html`, wasm compilation allowed, API calls only to this origin and
//! the known providers, nothing framed, no plugins.

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
}
