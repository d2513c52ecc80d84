//! Keeps the user's API key out of every text the relay writes: logs, error
//! messages, panic reports. [`redact`] is the core crate's rule (shared with
//! the app's error details): the value of every parameter PHP would read as
//! `apikey`, in any spelling, becomes `***`.
//!
//! Three nets use it: the request log redacts the URI it records, the log
//! writer ([`RedactingMakeWriter`]) redacts every formatted line before it
//! leaves the process, and the panic hook ([`install_panic_hook`]) redacts
//! the panic message.

use std::io::{self, Write};

use tracing_subscriber::fmt::MakeWriter;

pub use rentapi::redact::{MASK, redact};

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
