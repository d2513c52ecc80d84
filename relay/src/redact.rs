//! Keeps the user's API key out of every text the relay writes: logs, error
//! messages, panic reports. The key travels as the `apikey` query parameter,
//! so [`redact`] replaces the value of any `apikey=` parameter with `***`,
//! wherever it sits in a text (a path, a URL inside an error message, a log
//! line), also when the name or the `=` is percent-encoded.
//!
//! Three nets use it: the request log redacts the URI it records, the log
//! writer ([`RedactingMakeWriter`]) redacts every formatted line before it
//! leaves the process, and the panic hook ([`install_panic_hook`]) redacts
//! the panic message.

use std::borrow::Cow;
use std::io::{self, Write};

use tracing_subscriber::fmt::MakeWriter;

/// What a redacted value becomes.
pub const MASK: &str = "***";

/// Replaces the value of every `apikey` parameter in `text` with `***`.
///
/// A parameter name is what precedes `=` (or `%3D`) back to the previous
/// delimiter (`?`, `&`, `%26`, whitespace, quotes, ...). It matches when,
/// percent-decoded, lowercased and stripped of `_`/`-`, it ends with
/// `apikey` (so `APIKEY`, `api%6Bey`, `api_key` and `x-apikey` match too;
/// redacting too much is harmless). The value runs to the next `&`, `%26`,
/// `#`, whitespace, quote or angle bracket.
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
            | b'['
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
    if raw.contains(['%', '+']) {
        ends_with_apikey(&percent_decode_lossy(raw))
    } else {
        ends_with_apikey(raw)
    }
}

/// Trimmed, without `_`/`-`, case-insensitively, ends with `apikey`.
fn ends_with_apikey(name: &str) -> bool {
    let mut tail = name.trim().bytes().rev().filter(|c| !matches!(c, b'_' | b'-'));
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

/// A `tracing_subscriber` writer factory whose writers pass each formatted
/// event through [`redact`] before handing it to the inner writer.
#[derive(Debug, Clone)]
pub struct RedactingMakeWriter<M> {
    inner: M,
}

impl<M> RedactingMakeWriter<M> {
    pub fn new(inner: M) -> Self {
        Self { inner }
    }
}

impl<'a, M: MakeWriter<'a>> MakeWriter<'a> for RedactingMakeWriter<M> {
    type Writer = RedactingWriter<M::Writer>;

    fn make_writer(&'a self) -> Self::Writer {
        RedactingWriter { inner: self.inner.make_writer(), buf: Vec::new() }
    }
}

/// Buffers one event, redacts it and writes it out on flush or drop.
#[derive(Debug)]
pub struct RedactingWriter<W: Write> {
    inner: W,
    buf: Vec<u8>,
}

impl<W: Write> RedactingWriter<W> {
    fn write_out(&mut self) -> io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let buf = std::mem::take(&mut self.buf);
        let text = String::from_utf8_lossy(&buf);
        self.inner.write_all(redact(&text).as_bytes())
    }
}

impl<W: Write> Write for RedactingWriter<W> {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(data);
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.write_out()?;
        self.inner.flush()
    }
}

impl<W: Write> Drop for RedactingWriter<W> {
    fn drop(&mut self) {
        let _ = self.write_out();
    }
}

/// The text a panic report shows: message and location, redacted.
pub fn render_panic(message: &str, location: Option<&str>) -> String {
    let text = match location {
        Some(loc) => format!("smsrent-relay panicked at {loc}: {message}"),
        None => format!("smsrent-relay panicked: {message}"),
    };
    redact(&text).into_owned()
}

/// Replaces the default panic hook (which prints the raw message) with one
/// that redacts it, then logs it through `tracing` when a subscriber is set
/// (the log writer redacts again) or prints it to stderr otherwise.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "(non-text panic payload)".to_owned());
        let location = info.location().map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()));
        let report = render_panic(&message, location.as_deref());
        if tracing::dispatcher::has_been_set() {
            tracing::error!(target: "smsrent_relay::panic", "{report}");
        } else {
            eprintln!("{report}");
        }
    }));
}

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
    fn writer_redacts_what_it_buffers() {
        let mut sink = Vec::new();
        {
            let mut w = RedactingWriter { inner: &mut sink, buf: Vec::new() };
            w.write_all(b"GET /api/rent.php?apika").unwrap();
            w.write_all(b"y=nope apikey=SECRET\n").unwrap();
        }
        assert_eq!(String::from_utf8(sink).unwrap(), "GET /api/rent.php?apikay=nope apikey=***\n");
    }

    #[test]
    fn panic_report_is_redacted() {
        let r = render_panic("called unwrap on url ?apikey=SECRET123", Some("src/x.rs:1:2"));
        assert!(!r.contains("SECRET123"));
        assert!(r.contains("src/x.rs:1:2"));
    }
}
