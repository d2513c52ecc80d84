//! The rental wizard's choices as plain data, so its rules are tested
//! without a browser: period limits, the multi-service choice, totals.

use rentapi::model::ServiceOffer;
use rentapi::rules::{self, PeriodError};
use rentapi::{CountryCode, Period, PeriodUnit, Request, ServiceCode};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Step {
    Country,
    Period,
    Services,
    Confirm,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub step: Step,
    pub country: Option<CountryCode>,
    pub period: Period,
    /// In the order the user picked them.
    pub services: Vec<ServiceCode>,
    /// `None`: any provider, the API picks one at random.
    pub provider: Option<String>,
}

impl Default for Draft {
    fn default() -> Self {
        Self {
            step: Step::Country,
            country: None,
            period: Period::weeks(1),
            services: Vec::new(),
            provider: None,
        }
    }
}

impl Draft {
    /// A new country: services and provider of the old one no longer apply.
    pub fn set_country(&mut self, code: CountryCode) {
        if self.country.as_ref() != Some(&code) {
            self.services.clear();
            self.provider = None;
        }
        self.country = Some(code);
    }

    pub fn set_unit(&mut self, unit: PeriodUnit) {
        self.period.unit = unit;
    }

    pub fn set_count(&mut self, count: u32) {
        self.period.count = count;
    }

    /// The total days, or why the period is refused (over 90 days, none).
    pub fn days(&self) -> Result<u32, PeriodError> {
        rules::check_rental_period(self.period)
    }

    pub fn toggle(&mut self, service: &ServiceCode) {
        match self.services.iter().position(|s| s == service) {
            Some(i) => {
                self.services.remove(i);
            }
            None => self.services.push(service.clone()),
        }
    }

    pub fn is_chosen(&self, service: &ServiceCode) -> bool {
        self.services.contains(service)
    }

    /// A provider with no number for one of the chosen services is dropped.
    pub fn set_provider(&mut self, provider: Option<String>) {
        self.provider = provider.filter(|p| !p.is_empty());
    }

    /// Numbers free for `offer` with the chosen provider (or any).
    pub fn available(&self, offer: &ServiceOffer) -> u32 {
        match &self.provider {
            Some(p) => offer.count.get(p).copied().unwrap_or(0),
            None => offer.total_count.max(offer.count.values().sum()),
        }
    }

    /// The chosen offers, in the order chosen.
    pub fn chosen<'a>(&self, offers: &'a [ServiceOffer]) -> Vec<&'a ServiceOffer> {
        self.services.iter().filter_map(|code| offers.iter().find(|o| &o.service == code)).collect()
    }

    /// The price of the whole rental: every chosen service for the period.
    pub fn total(&self, offers: &[ServiceOffer]) -> f64 {
        let prices: Vec<f64> = self.chosen(offers).iter().map(|o| o.price_day).collect();
        rules::multi_rental_cost(&prices, self.period)
    }

    /// After a rental: back to the first step with nothing chosen but the
    /// country and period, so no single click can rent the same again.
    pub fn disarm(&mut self) {
        self.step = Step::Country;
        self.services.clear();
        self.provider = None;
    }

    /// Whether the user may go on from the current step.
    pub fn can_continue(&self, offers: Option<&[ServiceOffer]>) -> bool {
        match self.step {
            Step::Country => self.country.is_some(),
            Step::Period => self.days().is_ok(),
            Step::Services | Step::Confirm => offers.is_some_and(|offers| {
                let chosen = self.chosen(offers);
                !chosen.is_empty()
                    && chosen.len() == self.services.len()
                    && chosen.iter().all(|o| self.available(o) > 0)
            }),
        }
    }

    /// The one request the confirmation sends: `create` for one service,
    /// `create_multi` for several on one number.
    pub fn request(&self) -> Option<Request> {
        let country = self.country.clone()?;
        self.days().ok()?;
        let period = self.period;
        let provider = self.provider.clone();
        match self.services.as_slice() {
            [] => None,
            [one] => Some(Request::Create { country, period, service: one.clone(), provider }),
            many => {
                Some(Request::CreateMulti { country, period, services: many.to_vec(), provider })
            }
        }
    }
}

/// A flag from a country code (`RU` → 🇷🇺); the API says `UK` for Britain.
pub fn flag(code: &CountryCode) -> String {
    let code = match code.as_str() {
        "UK" | "EN" => "GB",
        other => other,
    };
    if code.len() != 2 || !code.chars().all(|c| c.is_ascii_alphabetic()) {
        return String::new();
    }
    code.to_ascii_uppercase()
        .chars()
        .filter_map(|c| char::from_u32(0x1F1E6 + (c as u32 - 'A' as u32)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn offer(code: &str, price: f64, counts: &[(&str, u32)]) -> ServiceOffer {
        let count: BTreeMap<String, u32> =
            counts.iter().map(|(p, n)| (p.to_string(), *n)).collect();
        ServiceOffer {
            name: code.into(),
            service: ServiceCode::new(code),
            price_day: price,
            img: None,
            total_count: count.values().sum(),
            count,
        }
    }

    fn draft() -> Draft {
        let mut d = Draft::default();
        d.set_country(CountryCode::new("RU"));
        d
    }

    #[test]
    fn period_limits() {
        let mut d = draft();
        d.set_unit(PeriodUnit::Month);
        d.set_count(3);
        assert_eq!(d.days(), Ok(90));
        d.set_count(4);
        assert_eq!(d.days(), Err(PeriodError::TooLong { days: 120 }));
        d.step = Step::Period;
        assert!(!d.can_continue(None));
        d.set_unit(PeriodUnit::Week);
        d.set_count(0);
        assert_eq!(d.days(), Err(PeriodError::Empty));
        assert!(d.request().is_none());
    }

    #[test]
    fn one_service_is_create_several_are_create_multi() {
        let offers =
            [offer("opt16", 6.0, &[("MTS", 3)]), offer("opt20", 8.0, &[("MTS", 1), ("Tele2", 2)])];
        let mut d = draft();
        d.set_count(2);
        d.toggle(&ServiceCode::new("opt16"));
        assert!(matches!(d.request(), Some(Request::Create { .. })));
        assert_eq!(d.total(&offers), 84.0);
        d.toggle(&ServiceCode::new("opt20"));
        match d.request() {
            Some(Request::CreateMulti { services, .. }) => assert_eq!(services.len(), 2),
            other => panic!("{other:?}"),
        }
        assert_eq!(d.total(&offers), 84.0 + 112.0);
        d.toggle(&ServiceCode::new("opt16"));
        assert_eq!(d.services, [ServiceCode::new("opt20")]);
    }

    #[test]
    fn providers_limit_availability() {
        let offers = [offer("opt16", 6.0, &[("MTS", 3)]), offer("opt20", 8.0, &[("Tele2", 2)])];
        let mut d = draft();
        d.step = Step::Services;
        d.toggle(&ServiceCode::new("opt16"));
        d.toggle(&ServiceCode::new("opt20"));
        assert!(d.can_continue(Some(&offers)));
        d.set_provider(Some("MTS".into()));
        assert_eq!(d.available(&offers[1]), 0);
        assert!(!d.can_continue(Some(&offers)), "no MTS number for opt20");
        d.set_provider(Some(String::new()));
        assert_eq!(d.provider, None);
    }

    #[test]
    fn choices_survive_until_the_country_changes() {
        let mut d = draft();
        d.toggle(&ServiceCode::new("opt16"));
        d.set_provider(Some("MTS".into()));
        d.set_country(CountryCode::new("RU"));
        assert_eq!(d.services.len(), 1);
        d.set_country(CountryCode::new("KZ"));
        assert!(d.services.is_empty() && d.provider.is_none());
    }

    #[test]
    fn a_rental_disarms_the_draft() {
        let offers = [offer("opt16", 6.0, &[("MTS", 3)])];
        let mut d = draft();
        d.toggle(&ServiceCode::new("opt16"));
        d.set_provider(Some("MTS".into()));
        d.step = Step::Confirm;
        assert!(d.request().is_some() && d.can_continue(Some(&offers)));
        d.disarm();
        assert_eq!((d.step, d.request(), d.provider.clone()), (Step::Country, None, None));
        assert_eq!(d.country, Some(CountryCode::new("RU")), "the country is remembered");
    }

    #[test]
    fn flags() {
        assert_eq!(flag(&CountryCode::new("RU")), "🇷🇺");
        assert_eq!(flag(&CountryCode::new("UK")), "🇬🇧");
        assert_eq!(flag(&CountryCode::new("")), "");
    }
}
