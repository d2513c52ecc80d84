//! Strings handed to the DOM over and over (every order row sets them):
//! interned once at start, so wasm-bindgen passes a cached JS string
//! instead of decoding the same bytes again for each of a thousand rows.
//! Tag and event names are interned by Leptos itself.

const STRINGS: &[&str] = &[
    // attribute names
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
    // attribute values and class names of a row
    "button",
    "false",
    "true",
    "order",
    "order-row",
    "state-cell",
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
    "actions",
    "row-actions",
    "primary",
    "danger",
    "state active",
    "state not-active",
    "state activating",
    "has-new-sms",
    // texts between the parts of a row
    " ",
    " (",
    ")",
];

pub fn intern_common() {
    for s in STRINGS {
        wasm_bindgen::intern(s);
    }
}
