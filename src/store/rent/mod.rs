//! What the rental wizard needs: the countries, the offers per country and
//! period (cached for minutes), and the user's draft, kept across steps,
//! errors and route changes.

use chrono::Duration;
use leptos::prelude::*;
use rentapi::model::{Country, NewOrder, ServicesWithProviders};
use rentapi::schedule::Priority;
use rentapi::{ApiError, CountryCode, Period, ServiceCode};

use crate::api::Api;
use crate::store::cache::{Entry, TtlCache};
use crate::store::storage;
use crate::store::writes::{OrderWrites, WriteOutcome};

pub use draft::{Draft, Step, flag};

mod draft;

const LAST_COUNTRY: &str = crate::store::keys::RENT_COUNTRY;
const LIST_TTL_MINUTES: i64 = 5;

#[derive(Clone, Copy)]
pub struct RentStore {
    pub draft: RwSignal<Draft>,
    /// A rental is on its way: the one guard against a second `create`.
    pub renting: RwSignal<bool>,
    /// What the last rental gave, shown until the user leaves the wizard.
    pub rented: RwSignal<Option<Rented>>,
    /// Why the last rental was refused.
    pub rent_error: RwSignal<Option<ApiError>>,
    countries: TtlCache<(), Vec<Country>>,
    /// The raw rows of the countries' answer that could not be read.
    pub skipped_countries: RwSignal<Vec<String>>,
    offers: TtlCache<(CountryCode, Period), ServicesWithProviders>,
}

/// The numbers a rental gave, with the names of their services as the
/// wizard showed them (the answer carries only codes).
#[derive(Clone, Debug, PartialEq)]
pub struct Rented {
    pub orders: Vec<NewOrder>,
    pub names: Vec<(ServiceCode, String)>,
}

impl Rented {
    /// The service's name as offered, or its code when none is known.
    pub fn service_name(&self, code: &ServiceCode) -> String {
        let name = self.names.iter().find(|(c, _)| c == code).map(|(_, name)| name.as_str());
        rentapi::model::service_name(name, code)
    }
}

impl RentStore {
    pub fn provide(api: Api) -> Self {
        let ttl = Duration::minutes(LIST_TTL_MINUTES);
        let draft =
            Draft { country: storage::get(LAST_COUNTRY).map(CountryCode::new), ..Draft::default() };
        let me = Self {
            draft: RwSignal::new(draft),
            renting: RwSignal::new(false),
            rented: RwSignal::new(None),
            rent_error: RwSignal::new(None),
            countries: TtlCache::new(api, ttl),
            skipped_countries: RwSignal::new(Vec::new()),
            offers: TtlCache::new(api, ttl),
        };
        provide_context(me);
        me
    }

    pub fn countries(&self) -> Option<Entry<Vec<Country>>> {
        let skipped = self.skipped_countries;
        self.countries.ensure((), move |c| async move { read_countries(c, skipped).await });
        self.countries.get(&())
    }

    pub fn reload_countries(&self) {
        let skipped = self.skipped_countries;
        self.countries.fetch((), move |c| async move { read_countries(c, skipped).await });
    }

    /// The offers for the draft's country and period (asked when needed).
    pub fn offers(&self) -> Option<Entry<ServicesWithProviders>> {
        let key = self.offers_key()?;
        let (country, period) = key.clone();
        self.offers.ensure(key.clone(), move |c| async move {
            c.offers(country, period, Priority::User).await
        });
        self.offers.get(&key)
    }

    pub fn reload_offers(&self) {
        if let Some(key) = self.offers_key() {
            let (country, period) = key.clone();
            self.offers.fetch(key, move |c| async move {
                c.offers(country, period, Priority::User).await
            });
        }
    }

    pub fn offers_loading(&self) -> bool {
        self.offers_key().is_some_and(|k| self.offers.is_pending(&k))
    }

    /// Fresher counts per provider (`getCountWithProviders`) while deciding.
    pub fn refresh_availability(&self, api: Api) {
        let Some(key) = self.offers_key() else { return };
        let offers = self.offers;
        let (country, period) = key.clone();
        let request = api.for_account(move |c| async move {
            c.availability(country, period, Priority::User).await
        });
        leptos::task::spawn_local(async move {
            if let Some(Ok(counts)) = request.await {
                let counts: std::collections::BTreeMap<_, _> = counts.rows.into_iter().collect();
                offers.patch(&key, |o| {
                    for s in &mut o.services {
                        if let Some(a) = counts.get(&s.service) {
                            s.count = a.amount.clone();
                            s.total_count = a.total;
                        }
                    }
                });
            }
        });
    }

    /// Sends the draft's one `create` or `create_multi` (`store::writes`:
    /// once, never retried); a second call while it is on its way does
    /// nothing. A rental that succeeded disarms the wizard (it starts again
    /// at its first step, nothing ticked), so renting the same again takes
    /// the same steps.
    pub fn rent(self, writes: OrderWrites) {
        // Already renting: the writes store would send nothing, and this
        // one's "renting" and its error stay as they are.
        if self.renting.get_untracked() {
            return;
        }
        let Some(req) = self.draft.with_untracked(Draft::request) else { return };
        let names: Vec<(ServiceCode, String)> = self
            .offers()
            .and_then(|e| e.ready().map(|o| o.services.clone()))
            .unwrap_or_default()
            .into_iter()
            .map(|o| (o.service, o.name))
            .collect();
        self.renting.set(true);
        self.rent_error.set(None);
        leptos::task::spawn_local(async move {
            match writes.rent(req).await {
                WriteOutcome::Done(list) => {
                    self.draft.update(Draft::disarm);
                    self.rented.set(Some(Rented { orders: list, names }));
                }
                // It may have been rented: never guess, never offer it again
                // blindly; the orders are checked, and the wizard starts afresh.
                WriteOutcome::Unknown(_) => self.draft.update(Draft::disarm),
                WriteOutcome::Failed(err) => self.rent_error.set(Some(err)),
                WriteOutcome::Ignored => return,
            }
            self.renting.set(false);
        });
    }

    /// Leaving the wizard, or "Rent another": the result is put away.
    pub fn start_over(&self) {
        self.rented.set(None);
        self.rent_error.set(None);
    }

    pub fn choose_country(&self, code: CountryCode) {
        storage::set(LAST_COUNTRY, code.as_str());
        self.draft.update(|d| d.set_country(code));
    }

    fn offers_key(&self) -> Option<(CountryCode, Period)> {
        self.draft.with(|d| Some((d.country.clone()?, d.period)))
    }
}

/// The countries, keeping aside (in `skipped`) the rows that could not be read.
async fn read_countries(
    client: std::rc::Rc<crate::api::ApiClient>,
    skipped: RwSignal<Vec<String>>,
) -> Result<Vec<Country>, rentapi::ApiError> {
    let list = client.countries(Priority::User).await?;
    skipped.set(list.skipped);
    Ok(list.rows)
}

pub fn use_rent() -> RentStore {
    expect_context()
}
