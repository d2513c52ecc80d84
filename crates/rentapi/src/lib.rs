//! The SMSPVA rent API (`rent.php`) as plain Rust: typed requests, tolerant
//! decoding of every known response drift, classified errors, the request
//! scheduler as pure logic, business rules, SMS code extraction and a
//! simulator of the whole API. No browser dependency: everything here is
//! tested with plain `cargo test`.

#![warn(missing_docs)]

pub mod addable;
pub mod client;
pub mod code;
pub mod decode;
pub mod error;
pub mod export;
pub mod filter;
pub mod history;
pub mod method;
pub mod model;
pub mod outcome;
pub mod redact;
pub mod rules;
pub mod schedule;
pub mod sim;
pub mod time_left;
pub mod transport;

pub use error::{ApiError, ErrorKind, RestoreCode};
pub use method::{ApiKey, CountryCode, Method, OrderId, Period, PeriodUnit, Request, ServiceCode};
pub use transport::{NoAnswer, RawResponse, Transport, TransportError};
