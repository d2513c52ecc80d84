//! Every `msg` the simulator can answer with, word for word, so tests on the
//! app side can match them without copying strings.

/// Plain-text body (HTTP 200, `text/html`) for a missing or unknown key.
pub const BAD_KEY: &str = "API KEY NOT FOUND!";
pub const BALANCE: &str = "Balance is not enough";
pub const NO_NUMBERS: &str = "No free numbers for this service";
pub const UNKNOWN_METHOD: &str = "Unknown method";
/// Followed by the parameter's name: `Missing parameter: id`.
pub const MISSING_PARAMETER: &str = "Missing parameter: ";
pub const WRONG_PERIOD: &str = "Wrong period";
pub const ORDER_NOT_FOUND: &str = "order not found";
pub const INCORRECT_ORDER: &str = "incorrect order";
pub const PROLONG_WINDOW: &str =
    "You can prolong number only if before expiring date left less 7 days";
pub const MAX_PERIOD: &str = "The maximum rental period is 90 days";
pub const SERVICE_NOT_FOUND: &str = "Service not found";
pub const COUNTRY_NOT_FOUND: &str = "Country not found";
/// `activate` on an order whose state is neither 0, 1 nor 2 (e.g. `-1`).
pub const CANNOT_ACTIVATE: &str = "Number can not be activated";
/// `add_service_to_order` with a service the number already has.
pub const SERVICE_ALREADY_ADDED: &str = "Service already added to this number";

pub const NOAVAILDAYS: &str = "NOAVAILDAYS";
pub const NOTOWNER: &str = "NOTOWNER";
pub const NOREMOTEDATA: &str = "NOREMOTEDATA";
pub const NOORDERCOUNTRY: &str = "NOORDERCOUNTRY";
pub const DATEDIFFINVERT: &str = "DATEDIFFINVERT";
pub const NOSERVICEDATA: &str = "NOSERVICEDATA";
pub const NOBALANCE: &str = "NOBALANCE";
