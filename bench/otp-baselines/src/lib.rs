//! Two open-source OTP extractors, ported to Rust to be scored on the same
//! corpus as `rentapi::code` (`tests/compare.rs`). A benchmark baseline,
//! not product code: each port follows its original line by line, its
//! quirks included, and README.md says what was left out and why.

pub mod parse_otp_message;
pub mod twofhey;
