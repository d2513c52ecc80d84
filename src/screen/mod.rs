//! One module per thing the user sees.

pub mod orders;
pub mod settings;
