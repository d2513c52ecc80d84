//! smsrent: every rented number at a glance, each new code one click from
//! the clipboard. Data flows one way: screens read stores, stores call the
//! API client, the client goes through one scheduler to one transport.

pub mod api;
pub mod app;
pub mod clock;
pub mod i18n;
pub mod interned;
pub mod pwa;
pub mod route;
pub mod screen;
pub mod store;
pub mod ui;

pub use app::App;
