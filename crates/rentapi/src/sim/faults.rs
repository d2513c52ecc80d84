//! Injected failures: a proxy in front of the API answering 502 with its own
//! HTML page.
//!
//! The failure is decided before the request is handled and the request is
//! then NOT applied (no charge, no new order, no clock-driven change). Real
//! proxies can also fail after the backend applied a write; the app must
//! assume that anyway (writes are never retried), so the simulator keeps the
//! simpler, checkable rule.

use crate::transport::RawResponse;

use super::rng::Rng;

const PAGE: &str = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n\
<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

/// Whether this answer fails. Always draws, so the stream does not depend on the rate.
pub(crate) fn strikes(rng: &mut Rng, rate: f64) -> bool {
    rng.chance(rate)
}

pub(crate) fn bad_gateway() -> RawResponse {
    RawResponse::new(502, "text/html", PAGE)
}
