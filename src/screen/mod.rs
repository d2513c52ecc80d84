//! One module per thing the user sees.

pub mod archive;
pub mod history;
pub mod orders;
pub mod rent;
pub mod settings;
