//! One module per thing the user sees.

pub mod archive;
pub mod orders;
pub mod settings;
