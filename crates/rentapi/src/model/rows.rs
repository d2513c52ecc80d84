//! A list read row by row: one unreadable row never costs the others.

use serde::{Deserialize, Serialize};

/// The rows that could be read, and the raw JSON text of those that could
/// not (shortened), for the screen's "Details".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rows<T> {
    /// The rows that were read, in the answer's order.
    pub rows: Vec<T>,
    /// The raw text of the rows that were not (see [`raw_row`]).
    #[serde(default)]
    pub skipped: Vec<String>,
}

impl<T> Default for Rows<T> {
    fn default() -> Self {
        Self { rows: Vec::new(), skipped: Vec::new() }
    }
}

impl<T> Rows<T> {
    /// Rows that were all read.
    pub fn new(rows: Vec<T>) -> Self {
        Self { rows, skipped: Vec::new() }
    }

    /// Converts every row, keeping what was skipped.
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Rows<U> {
        Rows { rows: self.rows.into_iter().map(f).collect(), skipped: self.skipped }
    }
}

/// The longest raw row kept for "Details": enough to see what is wrong.
pub const RAW_ROW_CHARS: usize = 1000;

/// A raw row as kept in [`Rows::skipped`]: at most [`RAW_ROW_CHARS`].
pub fn raw_row(text: &str) -> String {
    let mut chars = text.trim().chars();
    let mut out: String = chars.by_ref().take(RAW_ROW_CHARS).collect();
    if chars.next().is_some() {
        out.push('…');
    }
    out
}
