//! Small shared pieces of the screens.

pub mod copy;
pub mod error;
