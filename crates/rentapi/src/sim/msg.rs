//! Every `msg` the simulator can answer with, word for word, so tests on the
//! app side can match them without copying strings.

/// Plain-text body (HTTP 200, `text/html`) for a missing or unknown key.
pub const BAD_KEY: &str = "API KEY NOT FOUND!";
/// A rental, `add_service_to_order` or a prolongation the balance cannot pay.
pub const BALANCE: &str = "Balance is not enough";
/// No number left for the service, country and operator asked for.
pub const NO_NUMBERS: &str = "No free numbers for this service";
/// A `method` the API does not have.
pub const UNKNOWN_METHOD: &str = "Unknown method";
/// Followed by the parameter's name: `Missing parameter: id`.
pub const MISSING_PARAMETER: &str = "Missing parameter: ";
/// A `dtype` / `dcount` that is no period.
pub const WRONG_PERIOD: &str = "Wrong period";
/// An order id the key does not have.
pub const ORDER_NOT_FOUND: &str = "order not found";
/// `add_service_to_order` with a `pnumber` that is not the order's number.
pub const INCORRECT_ORDER: &str = "incorrect order";
/// `prolong` while 7 days or more are left.
pub const PROLONG_WINDOW: &str =
    "You can prolong number only if before expiring date left less 7 days";
/// A rental or prolongation past 90 days.
pub const MAX_PERIOD: &str = "The maximum rental period is 90 days";
/// A service code the country does not offer.
pub const SERVICE_NOT_FOUND: &str = "Service not found";
/// A country code the API does not know.
pub const COUNTRY_NOT_FOUND: &str = "Country not found";
/// `activate` on an order whose state is neither 0, 1 nor 2 (e.g. `-1`).
pub const CANNOT_ACTIVATE: &str = "Number can not be activated";
/// `add_service_to_order` with a service the number already has.
pub const SERVICE_ALREADY_ADDED: &str = "Service already added to this number";

/// Restore: not enough working days left for the number.
pub const NOAVAILDAYS: &str = "NOAVAILDAYS";
/// Restore: the order belongs to another user.
pub const NOTOWNER: &str = "NOTOWNER";
/// Restore: the id is in nobody's archive.
pub const NOREMOTEDATA: &str = "NOREMOTEDATA";
/// Restore: the archived order has no country.
pub const NOORDERCOUNTRY: &str = "NOORDERCOUNTRY";
/// Restore: the order has not expired yet.
pub const DATEDIFFINVERT: &str = "DATEDIFFINVERT";
/// Restore: the archived order's service is unknown.
pub const NOSERVICEDATA: &str = "NOSERVICEDATA";
/// Restore: the balance cannot pay the restoration.
pub const NOBALANCE: &str = "NOBALANCE";
