//! Strings handed to the DOM over and over (every order row sets them):
//! interned once at start, so wasm-bindgen passes a cached JS string
//! instead of decoding the same bytes again for each of a thousand rows.
//! Tag and event names are interned by Leptos itself.

/// Attribute names a row sets.
const ATTRIBUTES: &[&str] = &[
    "class",
    "type",
    "aria-label",
    "aria-expanded",
    "aria-controls",
    "aria-describedby",
    "data-order-id",
    "datetime",
    "id",
    "disabled",
];

/// Each class string a row sets (whole, as set: `state active`), in the
/// states most rows are in. A browser test (`tests/browser/dashboard_rows.rs`)
/// fails when a row sets one not here or one here is no longer set.
pub const ROW_CLASSES: &[&str] = &[
    "order",
    "has-new-sms",
    "order-row",
    "state-cell",
    "state active",
    "state not-active",
    "state activating",
    "number",
    "pnumber",
    "provider muted",
    "copy ",
    "service",
    "until",
    "countdown",
    "sms-cell",
    "sms-toggle",
    "sr-only",
    "watch-start",
    "actions",
    "row-actions",
    "primary",
    "danger",
    "prolong-why muted",
];

/// Other attribute values, and the texts between the parts of a row.
const OTHERS: &[&str] = &["button", "false", "true", " ", " (", ")"];

pub fn intern_common() {
    for s in ATTRIBUTES.iter().chain(ROW_CLASSES).chain(OTHERS) {
        wasm_bindgen::intern(s);
    }
}
