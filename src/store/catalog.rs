//! Services and their daily prices per country (`getdata`), fetched when a
//! dialog needs them and kept for a while: prolonging and adding a service
//! show the price before the user confirms. The archive takes the services'
//! names from here too (its rows name a service by code only).

use chrono::Duration;
use leptos::prelude::*;
use rentapi::model::ServicePrice;
use rentapi::schedule::Priority;
use rentapi::{CountryCode, Period, ServiceCode};

use crate::api::Api;
use crate::store::cache::{Entry, TtlCache};

/// Prices are asked again after this long.
pub const FRESH_MINUTES: i64 = 10;

/// One country's price list.
pub type Prices = Entry<Vec<ServicePrice>>;

impl Prices {
    /// The daily price of `service`, when the list has it.
    pub fn price_day(&self, service: &ServiceCode) -> Option<f64> {
        let list = self.ready()?;
        list.iter().find(|p| p.service == *service).map(|p| p.price_day)
    }
}

#[derive(Clone, Copy)]
pub struct CatalogStore {
    prices: TtlCache<CountryCode, Vec<ServicePrice>>,
}

impl CatalogStore {
    pub fn provide(api: Api) -> Self {
        let ttl = Duration::minutes(FRESH_MINUTES);
        let me = Self { prices: TtlCache::new(api, ttl).loading_when_asked_again() };
        provide_context(me);
        me
    }

    /// Loads `country`'s prices unless they are loading or fresh, for a
    /// person waiting on them (a dialog's price).
    pub fn ensure(self, country: &CountryCode) {
        self.load(country, Priority::User);
    }

    /// The same, behind anything a person asked for (the archive's names).
    pub fn ensure_in_background(self, country: &CountryCode) {
        self.load(country, Priority::Background);
    }

    fn load(self, country: &CountryCode, priority: Priority) {
        let asked = country.clone();
        // The daily price of a one-week rental: the page's `price_day`.
        self.prices.ensure(country.clone(), move |c| async move {
            c.prices(asked, Period::weeks(1), priority).await.map(|list| list.rows)
        });
    }

    /// The name of `service` in any price list loaded (tracked): a code
    /// names the same service in every country.
    pub fn service_name(&self, service: &ServiceCode) -> Option<String> {
        self.prices.find_map(|prices| {
            let list = prices.ready()?;
            let named = list.iter().find(|p| p.service == *service && !p.name.trim().is_empty());
            named.map(|p| p.name.clone())
        })
    }

    /// `country`'s list was asked for, whatever came of it (tracked).
    pub fn asked(&self, country: &CountryCode) -> bool {
        self.prices.contains(country)
    }

    /// Some list is on its way (tracked).
    pub fn loading(&self) -> bool {
        self.prices.find_map(|p| matches!(p, Prices::Loading).then_some(())).is_some()
    }

    /// `country`'s prices as known now (tracked).
    pub fn prices(&self, country: &CountryCode) -> Option<Prices> {
        self.prices.get(country)
    }
}

pub fn use_catalog() -> CatalogStore {
    expect_context()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn price_of_a_service() {
        let list = vec![ServicePrice {
            name: "Instagram".into(),
            service: ServiceCode::new("opt16"),
            price_day: 6.5,
            count: 3,
        }];
        let prices = Prices::Ready(list);
        assert_eq!(prices.price_day(&ServiceCode::new("opt16")), Some(6.5));
        assert_eq!(prices.price_day(&ServiceCode::new("opt1")), None);
        assert_eq!(Prices::Loading.price_day(&ServiceCode::new("opt16")), None);
    }
}
