//! The typed values the API answers with. Field names follow the API in
//! doc comments; every numeric field accepts strings too (see `decode`).

mod archive;
mod catalog;
mod new_order;
mod orders;
mod rows;
mod sms;

pub use archive::{HistoryRow, RestoreQuote};
pub use catalog::{Availability, Country, ServiceOffer, ServicePrice, ServicesWithProviders};
pub use new_order::NewOrder;
pub use orders::{Order, OrderState, number_as_written, service_name};
pub use rows::{RAW_ROW_CHARS, Rows, raw_row};
pub use sms::{Sms, SmsBundle};
