//! Small context-provided stores: each owns its signals, its refresh loop,
//! its stale/error state and its persistence. Screens only read them and
//! call their methods.

pub mod archive;
pub mod orders;
pub mod settings;
pub mod storage;
