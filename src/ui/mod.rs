//! Small shared pieces of the screens.

pub mod announce;
pub mod checks;
pub mod copy;
pub mod country;
pub mod dialog;
pub mod download;
pub mod error;
pub mod help;
pub mod money;
pub mod notice;
pub mod notify;
pub mod skipped;
pub mod sms_meta;
pub mod sound;
pub mod table;

pub use money::money;
