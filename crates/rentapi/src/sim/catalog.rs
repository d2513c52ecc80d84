//! What the simulated provider sells: countries, operators, services and
//! prices. Fixed data in code, not part of the saved state, so a saved demo
//! stays small; only the stock counts (which change) live in the world.

use std::collections::BTreeMap;

use crate::method::PeriodUnit;

use super::rng::Rng;

/// Numbers left per provider, per `"COUNTRY:service"`.
pub(crate) type Stock = BTreeMap<String, BTreeMap<String, u32>>;

pub(crate) struct Country {
    pub code: &'static str,
    /// As `getcountries` names it (the provider uses Russian for some).
    pub name: &'static str,
    pub dial: &'static str,
    pub providers: &'static [&'static str],
    /// Services sold only here, on top of [`GLOBAL`].
    pub local: &'static [&'static str],
    /// Price level against Russia's, in percent.
    pub price_percent: i64,
    /// How national numbers start, and their length in digits.
    pub prefixes: &'static [&'static str],
    pub len: usize,
}

pub(crate) struct Service {
    pub code: &'static str,
    pub name: &'static str,
    pub img: &'static str,
    /// Price per day in Russia, in tenths.
    pub base_tenths: i64,
    pub sender: &'static str,
    /// The SMS this service sends; each `#` becomes a random digit.
    pub template: &'static str,
}

/// Services sold in every country.
const GLOBAL: &[&str] = &[
    "opt1", "opt2", "opt7", "opt16", "opt20", "opt29", "opt33", "opt41", "opt46", "opt89", "opt104",
];

macro_rules! country {
    ($code:expr, $name:expr, $dial:expr, [$($p:expr),*], [$($l:expr),*], $pct:expr, [$($pre:expr),*], $len:expr) => {
        Country {
            code: $code, name: $name, dial: $dial, providers: &[$($p),*], local: &[$($l),*],
            price_percent: $pct, prefixes: &[$($pre),*], len: $len,
        }
    };
}

// One row per country reads better than rustfmt's one field per line.
#[rustfmt::skip]
pub(crate) const COUNTRIES: &[Country] = &[
    country!("RU", "Россия", "+7", ["MTS", "Beeline", "Megafon", "Tele2"], ["opt6", "opt48", "opt59", "opt69"], 100, ["9"], 10),
    country!("KZ", "Казахстан", "+7", ["Beeline_KZ", "Kcell", "Tele2_KZ"], ["opt6", "opt69"], 90, ["70", "74", "77"], 10),
    country!("UK", "United Kingdom", "+44", ["EE_UK", "Vodafone_UK", "O2_UK", "Three_UK"], [], 160, ["7"], 10),
    country!("US", "United States", "+1", ["T-Mobile", "AT&T", "Verizon"], [], 180, ["2", "3", "4", "5", "6", "7", "8", "9"], 10),
    country!("DE", "Germany", "+49", ["Telekom_DE", "Vodafone_DE", "O2_DE"], [], 150, ["15", "16", "17"], 11),
    country!("AT", "Austria", "+43", ["Limbo_AT", "Tele2_AT", "yesss_AT"], ["opt48"], 140, ["66", "67", "68"], 10),
    country!("EE", "Estonia", "+372", ["Elisa_EE", "Telia_EE", "Tele2_EE"], [], 120, ["5"], 8),
    country!("PL", "Poland", "+48", ["Orange_PL", "Play_PL", "Plus_PL"], [], 110, ["5", "6", "7"], 9),
    country!("NL", "Netherlands", "+31", ["KPN_NL", "Vodafone_NL", "Lebara_NL"], [], 150, ["6"], 9),
    country!("FR", "France", "+33", ["Orange_FR", "SFR_FR", "Bouygues_FR"], [], 150, ["6", "7"], 9),
];

macro_rules! service {
    ($code:expr, $name:expr, $img:expr, $tenths:expr, $sender:expr, $template:expr) => {
        Service {
            code: $code,
            name: $name,
            img: $img,
            base_tenths: $tenths,
            sender: $sender,
            template: $template,
        }
    };
}

#[rustfmt::skip]
pub(crate) const SERVICES: &[Service] = &[
    service!("opt1", "Google", "images/ico/google.ico", 50, "Google", "G-###### is your Google verification code."),
    service!("opt2", "Facebook", "images/ico/facebook.ico", 40, "FACEBOOK", "FB-##### is your Facebook confirmation code"),
    service!("opt6", "Yandex", "images/ico/yandex.ico", 30, "Yandex", "Ваш код подтверждения: ######. Наберите его в поле ввода."),
    service!("opt7", "Viber", "images/ico/viber.ico", 35, "Viber", "Your Viber code: ######"),
    service!("opt16", "Instagram", "images/ico/instagram.ico", 60, "FACEBOOK", "Code Instagram: ### ###."),
    service!("opt20", "WhatsApp", "images/ico/whatsapp.ico", 80, "WhatsApp", "Your WhatsApp code ###-###\nDon't share this code with others"),
    service!("opt29", "Telegram", "images/ico/telegram.ico", 75, "Telegram", "Telegram code: #####. Do not give this code to anyone, even if they say they are from Telegram!"),
    service!("opt33", "Amazon", "images/ico/amazon.ico", 50, "AMAZON", "###### is your Amazon OTP. Do not share it with anyone."),
    service!("opt41", "Twitter", "images/ico/twitter.ico", 45, "X", "Your X verification code is ######."),
    service!("opt46", "Airbnb", "images/ico/airbnb.ico", 60, "Airbnb", "Your Airbnb verification code is: ######. Don't share this code with anyone; our employees will never ask for the code."),
    service!("opt48", "1cupis & okcupid & winline", "images/ico/cupis_okcupid_winline.ico", 50, "1CUPIS", "Код для входа в ЦУПИС: ####"),
    service!("opt59", "Avito", "images/ico/avito.ico", 65, "Avito", "Код подтверждения: ####. Никому его не сообщайте. Avito"),
    service!("opt69", "VK", "images/ico/vk.ico", 40, "VK", "VK: ###### — код подтверждения. Никому не говорите код!"),
    service!("opt89", "Uber", "images/ico/uber.ico", 40, "Uber", "Your Uber code: ####. Never share this code."),
    service!("opt104", "TikTok", "images/ico/tiktok.ico", 55, "TikTok", "[TikTok] ###### is your verification code, valid for 5 minutes. Don't share this code with anyone."),
];

/// Sold in the country, but no number left at all.
const SOLD_OUT: &[(&str, &str)] = &[("UK", "opt29"), ("DE", "opt20")];

/// Counts taken from the page's samples, so the demo shows the same numbers.
const PINNED: &[(&str, &str, &str, u32)] = &[
    ("AT", "opt48", "Limbo_AT", 12),
    ("AT", "opt48", "Tele2_AT", 1),
    ("AT", "opt48", "yesss_AT", 69),
    ("RU", "opt48", "MTS", 12),
    ("RU", "opt48", "Beeline", 0),
    ("RU", "opt48", "Megafon", 0),
    ("RU", "opt48", "Tele2", 0),
    ("RU", "opt46", "MTS", 120),
    ("RU", "opt46", "Beeline", 99),
    ("RU", "opt46", "Megafon", 80),
    ("RU", "opt46", "Tele2", 60),
];

/// A country by its code, case-insensitively.
pub(crate) fn country(code: &str) -> Option<&'static Country> {
    COUNTRIES.iter().find(|c| c.code.eq_ignore_ascii_case(code.trim()))
}

pub(crate) fn service(code: &str) -> Option<&'static Service> {
    SERVICES.iter().find(|s| s.code == code.trim())
}

pub(crate) fn stock_key(country: &str, service: &str) -> String {
    format!("{country}:{service}")
}

impl Country {
    /// The dialling code's digits, as they prefix a full number (`7` for `+7`).
    pub fn dial_digits(&self) -> &'static str {
        self.dial.trim_start_matches('+')
    }

    pub fn sells(&self, service: &str) -> bool {
        GLOBAL.contains(&service) || self.local.contains(&service)
    }

    /// The services sold here, in catalogue order.
    pub fn services(&self) -> impl Iterator<Item = &'static Service> + '_ {
        SERVICES.iter().filter(|s| self.sells(s.code))
    }

    /// The service if it is sold here.
    pub fn service(&self, code: &str) -> Option<&'static Service> {
        service(code).filter(|s| self.sells(s.code))
    }

    /// Price per day in tenths; a month's rent is 20 % cheaper per day.
    pub fn price_tenths(&self, service: &Service, unit: PeriodUnit) -> i64 {
        let week = (service.base_tenths * self.price_percent + 50) / 100;
        match unit {
            PeriodUnit::Week => week,
            PeriodUnit::Month => (week * 80 + 50) / 100,
        }
    }

    /// A fresh national number (without the dialling code).
    pub fn new_number(&self, rng: &mut Rng) -> String {
        let prefix = *rng.pick(self.prefixes);
        format!("{prefix}{}", rng.digits(self.len - prefix.len()))
    }
}

/// The opening stock: random per provider, with the pinned and sold-out
/// entries above, and about one provider in seven empty.
pub(crate) fn initial_stock(rng: &mut Rng) -> Stock {
    let mut stock = Stock::new();
    for c in COUNTRIES {
        for s in c.services() {
            let sold_out = SOLD_OUT.contains(&(c.code, s.code));
            let counts = c
                .providers
                .iter()
                .map(|p| {
                    let pinned = PINNED.iter().find(|x| (x.0, x.1, x.2) == (c.code, s.code, *p));
                    let n = match pinned {
                        Some(x) => x.3,
                        None if sold_out => 0,
                        None if rng.chance(0.15) => 0,
                        None => rng.range(5, 400) as u32,
                    };
                    ((*p).to_owned(), n)
                })
                .collect();
            stock.insert(stock_key(c.code, s.code), counts);
        }
    }
    stock
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_is_consistent() {
        assert_eq!(COUNTRIES.len(), 10);
        assert_eq!(SERVICES.len(), 15);
        for c in COUNTRIES {
            for code in c.local {
                assert!(service(code).is_some(), "{code}");
            }
            assert!(c.len > c.prefixes.iter().map(|p| p.len()).max().unwrap());
        }
    }

    #[test]
    fn prices_and_month_discount() {
        let ru = country("ru").unwrap();
        let insta = service("opt16").unwrap();
        assert_eq!(ru.price_tenths(insta, PeriodUnit::Week), 60);
        assert_eq!(ru.price_tenths(insta, PeriodUnit::Month), 48);
        assert_eq!(
            country("US").unwrap().price_tenths(service("opt20").unwrap(), PeriodUnit::Week),
            144
        );
        assert!(country("UK").unwrap().service("opt59").is_none());
    }

    #[test]
    fn numbers_have_the_country_length() {
        let mut rng = Rng::new(3, 0);
        for c in COUNTRIES {
            let n = c.new_number(&mut rng);
            assert_eq!(n.len(), c.len);
            assert!(n.bytes().all(|b| b.is_ascii_digit()));
        }
    }
}
