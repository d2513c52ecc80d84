//! Services and their daily prices per country (`getdata`), fetched when a
//! dialog needs them and kept for a while: prolonging and adding a service
//! show the price before the user confirms. The archive takes the services'
//! names from here too (its rows name a service by code only).

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use leptos::prelude::*;
use rentapi::model::ServicePrice;
use rentapi::schedule::Priority;
use rentapi::{ApiError, CountryCode, Period, ServiceCode};

use crate::api::Api;
use crate::clock;

/// Prices are asked again after this long.
pub const FRESH_MINUTES: i64 = 10;

/// One country's price list.
#[derive(Debug, Clone, PartialEq)]
pub enum Prices {
    Loading,
    Ready(Vec<ServicePrice>),
    Failed(ApiError),
}

impl Prices {
    /// The daily price of `service`, when the list has it.
    pub fn price_day(&self, service: &ServiceCode) -> Option<f64> {
        match self {
            Prices::Ready(list) => list.iter().find(|p| p.service == *service).map(|p| p.price_day),
            _ => None,
        }
    }
}

#[derive(Clone, Copy)]
pub struct CatalogStore {
    prices: RwSignal<HashMap<CountryCode, (Prices, DateTime<Utc>)>>,
    api: Api,
}

impl CatalogStore {
    pub fn provide(api: Api) -> Self {
        let me = Self { prices: RwSignal::new(HashMap::new()), api };
        Effect::new(move |_| {
            api.account();
            me.prices.set(HashMap::new());
        });
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
        let now = clock::now();
        let fresh = self.prices.with_untracked(|m| {
            m.get(country).is_some_and(|(p, at)| match p {
                Prices::Loading => true,
                Prices::Ready(_) => now - *at < Duration::minutes(FRESH_MINUTES),
                Prices::Failed(_) => false,
            })
        });
        if fresh {
            return;
        }
        self.prices.update(|m| {
            m.insert(country.clone(), (Prices::Loading, now));
        });
        let asked = country.clone();
        // The daily price of a one-week rental: the page's `price_day`.
        let request = self
            .api
            .for_account(move |c| async move { c.prices(asked, Period::weeks(1), priority).await });
        let country = country.clone();
        leptos::task::spawn_local(async move {
            let Some(result) = request.await else { return };
            let prices = match result {
                Ok(list) => Prices::Ready(list.rows),
                Err(err) => Prices::Failed(err),
            };
            self.prices.update(|m| {
                m.insert(country, (prices, clock::now()));
            });
        });
    }

    /// The name of `service` in any price list loaded (tracked): a code
    /// names the same service in every country.
    pub fn service_name(&self, service: &ServiceCode) -> Option<String> {
        self.prices.with(|m| {
            m.values().find_map(|(prices, _)| match prices {
                Prices::Ready(list) => list
                    .iter()
                    .find(|p| p.service == *service && !p.name.trim().is_empty())
                    .map(|p| p.name.clone()),
                _ => None,
            })
        })
    }

    /// `country`'s list was asked for, whatever came of it (tracked).
    pub fn asked(&self, country: &CountryCode) -> bool {
        self.prices.with(|m| m.contains_key(country))
    }

    /// Some list is on its way (tracked).
    pub fn loading(&self) -> bool {
        self.prices.with(|m| m.values().any(|(p, _)| matches!(p, Prices::Loading)))
    }

    /// `country`'s prices as known now (tracked).
    pub fn prices(&self, country: &CountryCode) -> Option<Prices> {
        self.prices.with(|m| m.get(country).map(|(p, _)| p.clone()))
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
