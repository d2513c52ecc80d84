//! Keeps the user's API key out of every text: the relay's logs, error
//! messages and panic reports, and the app's own error details. The key
//! travels as the `apikey` query parameter, so [`redact`] replaces the value
//! of every parameter that the provider's PHP would read as `apikey`, in any
//! spelling, wherever it sits in a text (a path, a URL inside an error
//! message, a log line).
//!
//! One rule for the relay and the app, so that a spelling one of them masks
//! the other masks too.

use std::borrow::Cow;

/// What a redacted value becomes.
pub const MASK: &str = "***";

/// Replaces the value of every `apikey` parameter in `text` with `***`.
///
/// A parameter name is what precedes `=` (or `%3D`) back to the previous
/// delimiter (`?`, `&`, `%26`, whitespace, quotes, ...). It is read the way
/// PHP reads it: percent-decoded (`+` as a space), cut at the first NUL
/// (`apikey%00x`), leading spaces and brackets dropped, and cut at its first
/// `[` (`apikey[]`, `apikey[0]`, an unmatched `apikey[`). It matches when,
/// lowercased and stripped of `_`, `-`, `.` and spaces, it ends with
/// `apikey` (so `APIKEY`, `api%6Bey`, `api_key` and `x-apikey` match too;
/// redacting too much is harmless). Every occurrence is masked. The value
/// runs to the next `&`, `%26`, `#`, whitespace, quote or angle bracket.
pub fn redact(text: &str) -> Cow<'_, str> {
    let b = text.as_bytes();
    if !may_hold_key(b) {
        return Cow::Borrowed(text);
    }
    let mut out = String::new();
    let mut copied = 0;
    let mut i = 0;
    while i < b.len() {
        let eq_len = if b[i] == b'=' {
            1
        } else if is_pct(b, i, b'3', b'd') {
            3
        } else {
            0
        };
        if eq_len == 0 {
            i += 1;
            continue;
        }
        let key_start = key_start(b, i, copied);
        if !is_apikey(&text[key_start..i]) {
            i += eq_len;
            continue;
        }
        let value_start = i + eq_len;
        let value_end = value_end(b, value_start);
        out.push_str(&text[copied..value_start]);
        out.push_str(MASK);
        copied = value_end;
        i = value_end;
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// Fast path (every log line comes here): without a `%` and without `key`
/// (any case, `_`/`-` ignored) no parameter name can match.
fn may_hold_key(b: &[u8]) -> bool {
    if b.contains(&b'%') {
        return true;
    }
    let mut seen = 0; // 1 after `k`, 2 after `ke`
    for c in b {
        match (seen, c.to_ascii_lowercase()) {
            (_, b'k') => seen = 1,
            (1, b'e') => seen = 2,
            (2, b'y') => return true,
            (_, b'_' | b'-') => {}
            _ => seen = 0,
        }
    }
    false
}

/// `b[i..]` starts with `%` followed by the two given hex digits (any case).
fn is_pct(b: &[u8], i: usize, hi: u8, lo: u8) -> bool {
    b.len() >= i + 3
        && b[i] == b'%'
        && b[i + 1].eq_ignore_ascii_case(&hi)
        && b[i + 2].eq_ignore_ascii_case(&lo)
}

fn is_key_delimiter(c: u8) -> bool {
    matches!(
        c,
        b'?' | b'&'
            | b'='
            | b'#'
            | b';'
            | b','
            | b'('
            | b'{'
            | b'/'
            | b'"'
            | b'\''
            | b'`'
            | b'<'
            | b'>'
    ) || c.is_ascii_whitespace()
}

fn is_value_delimiter(c: u8) -> bool {
    matches!(c, b'&' | b'#' | b'"' | b'\'' | b'`' | b'<' | b'>') || c.is_ascii_whitespace()
}

/// Where the parameter name that ends at `eq` begins (never before `floor`).
fn key_start(b: &[u8], eq: usize, floor: usize) -> usize {
    let mut s = eq;
    while s > floor && !is_key_delimiter(b[s - 1]) {
        s -= 1;
    }
    // An encoded `&` also separates parameters.
    let mut k = eq;
    while k >= s + 3 {
        if is_pct(b, k - 3, b'2', b'6') {
            return k;
        }
        k -= 1;
    }
    s
}

fn value_end(b: &[u8], start: usize) -> usize {
    let mut e = start;
    while e < b.len() && !is_value_delimiter(b[e]) && !is_pct(b, e, b'2', b'6') {
        e += 1;
    }
    e
}

fn is_apikey(raw: &str) -> bool {
    let decoded: Cow<'_, str> =
        if raw.contains(['%', '+']) { percent_decode_lossy(raw).into() } else { raw.into() };
    let name = decoded.split('\0').next().unwrap_or("");
    let name = name.trim_start_matches(|c: char| c.is_whitespace() || c == '[');
    let name = name.split('[').next().unwrap_or("");
    ends_with_apikey(name)
}

/// Without `_`, `-`, `.` and spaces, case-insensitively, ends with `apikey`.
fn ends_with_apikey(name: &str) -> bool {
    let mut tail = name.bytes().rev().filter(|c| !matches!(c, b'_' | b'-' | b'.' | b' ' | b'\t'));
    b"yekipa".iter().all(|want| tail.next().is_some_and(|c| c.eq_ignore_ascii_case(want)))
}

fn percent_decode_lossy(raw: &str) -> String {
    let b = raw.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' if i + 2 < b.len() => {
                let hex = std::str::from_utf8(&b[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(v) => {
                        out.push(v);
                        i += 3;
                    }
                    None => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[doc(hidden)]
/// The spellings of the parameter name that PHP reads as `apikey` (or that
/// we mask to be safe): the table the relay's and this crate's tests check.
pub const SPELLINGS: &[&str] = &[
    "apikey",
    "APIKEY",
    "ApiKey",
    "api%6Bey",
    "%61%70%69%6b%65%79",
    "api_key",
    "api-key",
    "api.key",
    "api+key",
    "apikey[",
    "apikey[]",
    "apikey[0]",
    "apikey%5B%5D",
    "apikey%5b0%5d",
    "apikey%00",
    "apikey%00junk",
    "apikey\0",
    "%20apikey",
    "+apikey",
    "[apikey",
    "x-apikey",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leaves_text_without_key_alone() {
        for t in
            ["", "plain", "method=getcountries&x=1", "status=200 latency_ms=3", "a=b=c", "key="]
        {
            assert!(matches!(redact(t), Cow::Borrowed(_)), "{t}");
            assert_eq!(redact(t), t);
        }
    }

    #[test]
    fn masks_query_values() {
        let cases = [
            ("apikey=SECRET", "apikey=***"),
            ("apikey=", "apikey=***"),
            (
                "/api/rent.php?method=orders&apikey=SECRET123",
                "/api/rent.php?method=orders&apikey=***",
            ),
            (
                "/api/rent.php?apikey=SECRET123&method=orders",
                "/api/rent.php?apikey=***&method=orders",
            ),
            ("?APIKEY=abc&ApiKey=def", "?APIKEY=***&ApiKey=***"),
            ("?api%6Bey=abc&x=1", "?api%6Bey=***&x=1"),
            ("?api_key=abc#frag", "?api_key=***#frag"),
            ("x=apikey=abc&y", "x=apikey=***&y"),
            ("next=%2Frent.php%3Fapikey%3Dabc%26m%3D1", "next=%2Frent.php%3Fapikey%3D***%26m%3D1"),
        ];
        for (input, want) in cases {
            assert_eq!(redact(input), want, "{input}");
        }
    }

    #[test]
    fn masks_urls_inside_messages() {
        let msg = "error sending request for url (https://smspva.com/api/rent.php?method=sms&apikey=SECRET123&id=7): timed out";
        let out = redact(msg);
        assert!(!out.contains("SECRET123"), "{out}");
        assert!(out.contains("apikey=***&id=7"), "{out}");
        let log = "2026-01-01 INFO request{uri=/api/rent.php?apikey=SECRET123 peer=127.0.0.1}: status=200\n";
        assert_eq!(
            redact(log),
            "2026-01-01 INFO request{uri=/api/rent.php?apikey=*** peer=127.0.0.1}: status=200\n"
        );
        let quoted = r#"{"msg":"bad url \"http://x/?apikey=S3CR3T\""}"#;
        assert!(!redact(quoted).contains("S3CR3T"));
    }

    #[test]
    fn masks_every_occurrence_and_keeps_unicode() {
        let t = "ключ apikey=один и apikey=два… ok";
        assert_eq!(redact(t), "ключ apikey=*** и apikey=*** ok");
    }

    #[test]
    fn separators_inside_the_name_are_ignored() {
        assert_eq!(redact("?api_k-e_y=abc&x=1"), "?api_k-e_y=***&x=1");
        assert_eq!(redact("?Api-Key=abc"), "?Api-Key=***");
    }

    #[test]
    fn does_not_mask_other_keys() {
        assert_eq!(redact("key=abc&keys=1&apikeys=2"), "key=abc&keys=1&apikeys=2");
    }

    #[test]
    fn every_spelling_in_every_position_is_masked() {
        const KEY: &str = "K3Y9SECRET";
        for name in SPELLINGS {
            for query in [
                format!("{name}={KEY}"),
                format!("method=orders&{name}={KEY}"),
                format!("{name}={KEY}&method=orders"),
                format!("a=1&{name}={KEY}&b=2"),
                format!("{name}={KEY}&{name}={KEY}2&apikey={KEY}3"),
                format!("{name}%3D{KEY}%26m%3D1"),
            ] {
                for text in [
                    format!("/api/rent.php?{query}"),
                    format!("GET https://smspva.com/api/rent.php?{query} failed: timeout"),
                    format!("request{{path=/api/rent.php?{query} peer=127.0.0.1}}: done"),
                ] {
                    let out = redact(&text);
                    assert!(!out.contains(KEY), "{name}: {text} -> {out}");
                }
            }
        }
    }

    #[test]
    fn other_names_are_left_alone() {
        for t in ["key=abc", "keys=1", "apikeys=2", "monkey=3", "foo[apikey]=4", "apike=5"] {
            assert_eq!(redact(t), t);
        }
    }
}
