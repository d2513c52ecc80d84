//! Prices as the user reads them.

/// Two decimals, as the provider's balance is kept.
pub fn money(amount: f64) -> String {
    format!("{:.2}", rentapi::rules::money(amount))
}
