//! Where the API lives, the user's key, the currency prices are shown in
//! and how a number is copied, kept in localStorage.

use codee::string::FromToStringCodec;
use leptos::prelude::*;
use leptos_use_storage::use_local_storage;
use rentapi::ApiKey;
use rentapi::model::Order;

use crate::store::choice::Choice;
use crate::ui::money::{Currency, follow_currency};

/// The endpoint presets; a custom URL covers self-hosted relays.
pub const RELAY_ENDPOINT: &str = "api/rent.php";
pub const SMSPVA_ENDPOINT: &str = "https://smspva.com/api/rent.php";
pub const SIMSMS_ENDPOINT: &str = "https://simsms.org/api/rent.php";

use crate::store::keys::{
    API_KEY as KEY_STORAGE, COPY_NUMBER as NUMBER_COPY_STORAGE, CURRENCY as CURRENCY_STORAGE,
    ENDPOINT as ENDPOINT_STORAGE,
};

/// The currency setting: "auto" follows the endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CurrencyChoice {
    #[default]
    Auto,
    Fixed(Currency),
}

impl Choice for CurrencyChoice {
    const ALL: &'static [Self] = &[
        CurrencyChoice::Auto,
        CurrencyChoice::Fixed(Currency::Usd),
        CurrencyChoice::Fixed(Currency::Rub),
    ];

    /// `auto`, `USD`, `RUB`.
    fn value(self) -> &'static str {
        match self {
            CurrencyChoice::Auto => "auto",
            CurrencyChoice::Fixed(c) => c.code(),
        }
    }
}

/// What a number's copy button puts on the clipboard: the whole number,
/// or the number without its country code for the sign-up forms that ask
/// for the country in a list of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum NumberCopy {
    #[default]
    International,
    Local,
}

impl Choice for NumberCopy {
    const ALL: &'static [Self] = &[NumberCopy::International, NumberCopy::Local];

    fn value(self) -> &'static str {
        match self {
            NumberCopy::International => "international",
            NumberCopy::Local => "local",
        }
    }
}

impl NumberCopy {
    /// The text copied for `order`.
    pub fn of(self, order: &Order) -> String {
        match self {
            NumberCopy::International => order.international_number(),
            NumberCopy::Local => order.local_number(),
        }
    }
}

/// The currency an endpoint keeps balances in: roubles on simsms.org,
/// dollars on smspva.com, the relay (unknown upstream) and in demo mode.
pub fn endpoint_currency(endpoint: &str, demo: bool) -> Currency {
    let rest = endpoint.trim().split_once("://").map_or(endpoint.trim(), |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority.rsplit('@').next().unwrap_or_default();
    let host =
        host.split(':').next().unwrap_or_default().trim_end_matches('.').to_ascii_lowercase();
    let simsms = host == "simsms.org" || host.ends_with(".simsms.org");
    if simsms && !demo { Currency::Rub } else { Currency::Usd }
}

#[derive(Clone, Copy)]
pub struct SettingsStore {
    key_raw: Signal<String>,
    set_key_raw: WriteSignal<String>,
    endpoint_raw: Signal<String>,
    set_endpoint_raw: WriteSignal<String>,
    /// Read once, written through at once (no cross-tab sync needed).
    currency_choice: RwSignal<CurrencyChoice>,
    /// Likewise.
    number_copy: RwSignal<NumberCopy>,
}

impl SettingsStore {
    pub fn provide() -> Self {
        let (key_raw, set_key_raw, _) = use_local_storage::<String, FromToStringCodec>(KEY_STORAGE);
        let (endpoint_raw, set_endpoint_raw, _) =
            use_local_storage::<String, FromToStringCodec>(ENDPOINT_STORAGE);
        let saved = crate::store::storage::get(CURRENCY_STORAGE).unwrap_or_default();
        let currency_choice = RwSignal::new(CurrencyChoice::from_value(&saved));
        let saved = crate::store::storage::get(NUMBER_COPY_STORAGE).unwrap_or_default();
        let number_copy = RwSignal::new(NumberCopy::from_value(&saved));
        let me = Self {
            key_raw,
            set_key_raw,
            endpoint_raw,
            set_endpoint_raw,
            currency_choice,
            number_copy,
        };
        follow_currency(Signal::derive(move || me.currency()));
        provide_context(me);
        me
    }

    /// The saved key; `None` means demo mode.
    pub fn key(&self) -> Option<ApiKey> {
        ApiKey::new(&self.key_raw.get())
    }

    pub fn key_untracked(&self) -> Option<ApiKey> {
        ApiKey::new(&self.key_raw.get_untracked())
    }

    pub fn save_key(&self, key: &str) -> bool {
        match ApiKey::new(key) {
            Some(k) => {
                self.set_key_raw.set(k.expose().to_owned());
                true
            }
            None => false,
        }
    }

    /// One click, and the key is gone from this browser, with everything
    /// kept from that account (`store::keys` says what).
    pub fn forget_key(&self) {
        self.set_key_raw.set(String::new());
        for key in crate::store::keys::forgotten() {
            crate::store::storage::remove(&key);
        }
    }

    /// The `rent.php` URL requests go to (the relay's by default).
    pub fn endpoint(&self) -> String {
        endpoint_or_relay(&self.endpoint_raw.get())
    }

    pub fn endpoint_untracked(&self) -> String {
        endpoint_or_relay(&self.endpoint_raw.get_untracked())
    }

    pub fn set_endpoint(&self, url: &str) {
        self.set_endpoint_raw.set(url.trim().to_owned());
    }

    /// The currency setting as chosen (reactive).
    pub fn currency_choice(&self) -> CurrencyChoice {
        self.currency_choice.get()
    }

    pub fn set_currency_choice(&self, choice: CurrencyChoice) {
        self.currency_choice.set(choice);
        crate::store::storage::set(CURRENCY_STORAGE, choice.value());
    }

    /// How numbers are copied (reactive).
    pub fn number_copy(&self) -> NumberCopy {
        self.number_copy.get()
    }

    pub fn set_number_copy(&self, choice: NumberCopy) {
        self.number_copy.set(choice);
        crate::store::storage::set(NUMBER_COPY_STORAGE, choice.value());
    }

    /// What "auto" means now: the endpoint's currency, dollars in demo mode.
    pub fn auto_currency(&self) -> Currency {
        endpoint_currency(&self.endpoint(), self.key().is_none())
    }

    /// The currency prices are shown in (reactive).
    pub fn currency(&self) -> Currency {
        match self.currency_choice() {
            CurrencyChoice::Auto => self.auto_currency(),
            CurrencyChoice::Fixed(c) => c,
        }
    }
}

fn endpoint_or_relay(saved: &str) -> String {
    if saved.trim().is_empty() { RELAY_ENDPOINT.to_owned() } else { saved.trim().to_owned() }
}

pub fn use_settings() -> SettingsStore {
    expect_context()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_currency_follows_the_endpoint() {
        assert_eq!(endpoint_currency(SMSPVA_ENDPOINT, false), Currency::Usd);
        assert_eq!(endpoint_currency(SIMSMS_ENDPOINT, false), Currency::Rub);
        assert_eq!(endpoint_currency("https://www.simsms.org/api/rent.php", false), Currency::Rub);
        assert_eq!(endpoint_currency("HTTPS://SIMSMS.ORG:443/api/rent.php", false), Currency::Rub);
        assert_eq!(
            endpoint_currency(SIMSMS_ENDPOINT, true),
            Currency::Usd,
            "the demo is in dollars"
        );
        assert_eq!(endpoint_currency(RELAY_ENDPOINT, false), Currency::Usd);
        assert_eq!(endpoint_currency("https://notsimsms.org/api/rent.php", false), Currency::Usd);
        assert_eq!(
            endpoint_currency("https://relay.example/simsms.org/rent.php", false),
            Currency::Usd
        );
    }

    #[test]
    fn unknown_choices_are_the_defaults() {
        assert_eq!(CurrencyChoice::from_value("rub"), CurrencyChoice::Fixed(Currency::Rub));
        assert_eq!(CurrencyChoice::from_value("EUR"), CurrencyChoice::Auto);
        assert_eq!(NumberCopy::from_value("national"), NumberCopy::International);
    }
}
