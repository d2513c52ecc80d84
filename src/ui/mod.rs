//! Small shared pieces of the screens.

pub mod copy;
pub mod error;
mod money;

pub use money::money;
