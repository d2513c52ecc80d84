//! Prices as the user reads them: two decimals, as the provider keeps the
//! balance, in the account's currency, with the current language's
//! separators ("$1,234.50", "US$6.50", "1 234,50 ₽").
//!
//! Written out by hand for our four languages rather than through
//! `Intl.NumberFormat`: the same text on the host and in the browser, and
//! exactly what CLDR gives for these locales.

use std::cell::Cell;

use leptos::prelude::*;

use crate::i18n::{Lang, current_lang};

/// The currency an account's balance and prices are kept in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Currency {
    /// smspva.com (and the demo).
    #[default]
    Usd,
    /// simsms.org.
    Rub,
}

impl Currency {
    /// The ISO 4217 code.
    pub fn code(self) -> &'static str {
        match self {
            Currency::Usd => "USD",
            Currency::Rub => "RUB",
        }
    }
}

thread_local! {
    /// The settings' resolved currency, registered by `SettingsStore::provide`.
    static CURRENCY: Cell<Option<Signal<Currency>>> = const { Cell::new(None) };
}

/// Makes `money` follow this currency (the settings store calls it once).
pub fn follow_currency(currency: Signal<Currency>) {
    CURRENCY.set(Some(currency));
}

/// The currency prices are shown in (reactive); dollars without settings.
pub fn current_currency() -> Currency {
    CURRENCY.get().and_then(|c| c.try_get()).unwrap_or_default()
}

/// `amount` in the current currency and language (reactive: call it inside
/// a closure of the view so it follows a switch of either).
pub fn money(amount: f64) -> String {
    format_money(current_lang(), current_currency(), amount)
}

/// `amount`, rounded to cents, written for `lang` in `currency`.
pub fn format_money(lang: Lang, currency: Currency, amount: f64) -> String {
    let cents = (rentapi::rules::money(amount) * 100.0).round();
    let negative = cents < 0.0;
    let cents = cents.abs() as u64;
    let (group, decimal) = match lang {
        Lang::Ru => ('\u{a0}', ','),
        _ => (',', '.'),
    };
    let digits = (cents / 100).to_string();
    let mut number = String::with_capacity(digits.len() + 6);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            number.push(group);
        }
        number.push(d);
    }
    number.push(decimal);
    number.push_str(&format!("{:02}", cents % 100));
    let sign = if negative { "-" } else { "" };
    match (lang, currency) {
        (Lang::Ru, Currency::Usd) => format!("{sign}{number}\u{a0}$"),
        (Lang::Ru, Currency::Rub) => format!("{sign}{number}\u{a0}₽"),
        (Lang::En, Currency::Usd) => format!("{sign}${number}"),
        (Lang::ZhHans | Lang::ZhHant, Currency::Usd) => format!("{sign}US${number}"),
        (_, Currency::Rub) => format!("{sign}₽{number}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_and_symbols_follow_the_language_and_currency() {
        let f = format_money;
        assert_eq!(f(Lang::En, Currency::Usd, 6.5), "$6.50");
        assert_eq!(f(Lang::En, Currency::Usd, 1234.5), "$1,234.50");
        assert_eq!(f(Lang::En, Currency::Usd, 1_234_567.0), "$1,234,567.00");
        assert_eq!(f(Lang::En, Currency::Rub, 84.0), "₽84.00");
        assert_eq!(f(Lang::ZhHans, Currency::Usd, 42.0), "US$42.00");
        assert_eq!(f(Lang::ZhHant, Currency::Rub, 2.4), "₽2.40");
        assert_eq!(f(Lang::Ru, Currency::Rub, 6.5), "6,50\u{a0}₽");
        assert_eq!(f(Lang::Ru, Currency::Rub, 1234.5), "1\u{a0}234,50\u{a0}₽");
        assert_eq!(f(Lang::Ru, Currency::Usd, 12_345.0), "12\u{a0}345,00\u{a0}$");
        assert_eq!(f(Lang::En, Currency::Usd, 0.0), "$0.00");
        assert_eq!(f(Lang::En, Currency::Usd, -3.5), "-$3.50");
    }

    #[test]
    fn cents_are_rounded_once() {
        assert_eq!(format_money(Lang::En, Currency::Usd, 0.1 + 0.2), "$0.30");
        assert_eq!(format_money(Lang::En, Currency::Usd, 108.499_999_9), "$108.50");
    }

    #[test]
    fn without_an_app_it_is_english_dollars() {
        assert_eq!(money(42.0), "$42.00");
    }
}
