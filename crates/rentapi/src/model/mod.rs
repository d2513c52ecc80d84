//! The typed values the API answers with. Field names follow the API in
//! doc comments; every numeric field accepts strings too (see `decode`).

mod archive;
mod catalog;
mod orders;
mod sms;

pub use archive::{HistoryRow, RestoreQuote};
pub use catalog::{Availability, Country, ServiceOffer, ServicePrice, ServicesWithProviders};
pub use orders::{NewOrder, Order, OrderState};
pub use sms::{Sms, SmsBundle};
