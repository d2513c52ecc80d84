//! The client handle provided through context: the core's typed client over
//! the scheduler, over fetch (a real key) or the simulator's worker (demo).

pub mod account;
mod demo;
mod fetch;
mod scheduled;

use std::future::Future;
use std::rc::Rc;

use leptos::prelude::*;
use rentapi::client::Client;
use rentapi::schedule::Config as ScheduleConfig;
use rentapi::transport::{LocalFuture, Outgoing};
use rentapi::{ApiKey, RawResponse, Transport, TransportError};

pub use account::{Account, KeyPrint, Mode};
pub use demo::{DemoTransport, Engine, Start, run_demo_on};
pub use fetch::FetchTransport;
pub use scheduled::{Scheduled, Trouble};

use crate::store::settings::SettingsStore;
use crate::store::storage;

/// Where requests go: the provider (directly or through the relay), or the
/// simulator in its worker.
pub enum Backend {
    Live(FetchTransport),
    Demo(DemoTransport),
}

impl Transport for Backend {
    fn send(&self, req: Outgoing) -> LocalFuture<'_, Result<RawResponse, TransportError>> {
        match self {
            Backend::Live(t) => t.send(req),
            Backend::Demo(t) => t.send(req),
        }
    }
}

pub type ApiClient = Client<Scheduled<Backend>>;

/// The app's one client, rebuilt when the key or endpoint changes, and
/// the account it is for.
#[derive(Clone, Copy)]
pub struct Api {
    client: StoredValue<Rc<ApiClient>, LocalStorage>,
    /// Set with each new client, and when the demo starts over: what the
    /// stores follow (tracked) and what late answers are checked against.
    account: RwSignal<Account>,
    demo: StoredValue<Option<DemoTransport>, LocalStorage>,
    /// The provider is not answering reads, while that lasts.
    pub trouble: RwSignal<Option<Trouble>>,
}

impl Api {
    pub fn provide(settings: SettingsStore) -> Self {
        let demo = StoredValue::new_local(None);
        let trouble = RwSignal::new(None);
        let (key, endpoint) = (settings.key_untracked(), settings.endpoint_untracked());
        let account = RwSignal::new(Account::first(key.as_ref(), &endpoint));
        let client = StoredValue::new_local(build(key, endpoint, demo, trouble));
        let me = Self { client, account, demo, trouble };
        // Rebuild on a new key or endpoint (not on the first run: built above).
        Effect::new(move |first: Option<()>| {
            let (key, endpoint) = (settings.key(), settings.endpoint());
            if first.is_some() {
                me.trouble.set(None);
                let next = me.account.with_untracked(|a| a.next(key.as_ref(), &endpoint));
                me.client.set_value(build(key, endpoint, me.demo, me.trouble));
                me.account.set(next);
            }
        });
        provide_context(me);
        me
    }

    /// The account requests go to now (tracked: stores start over when it changes).
    pub fn account(&self) -> Account {
        self.account.get()
    }

    pub fn account_untracked(&self) -> Account {
        self.account.get_untracked()
    }

    /// `asked` is still the account (false once the app is gone).
    pub fn is_current(&self, asked: &Account) -> bool {
        self.account.try_with_untracked(|now| now == asked).unwrap_or(false)
    }

    /// Runs `request` for the current account: its answer, or `None` when
    /// the account changed before it came (then it is dropped, unseen).
    /// The account and its client are taken now, not when first polled.
    pub fn for_account<T, F, Fut>(self, request: F) -> impl Future<Output = Option<T>>
    where
        F: FnOnce(Rc<ApiClient>) -> Fut,
        Fut: Future<Output = T>,
    {
        let asked = self.account_untracked();
        let answer = request(self.client_untracked());
        async move {
            let answer = answer.await;
            asked.keep(self.account.try_get_untracked().as_ref(), answer)
        }
    }

    /// The client, for writes: their outcome is told whatever the account
    /// is by then (reads go through [`Api::for_account`]).
    pub fn client_untracked(&self) -> Rc<ApiClient> {
        self.client.get_value()
    }

    /// Demo mode (tracked).
    pub fn is_demo(&self) -> bool {
        self.account.with(Account::is_demo)
    }

    pub fn is_demo_untracked(&self) -> bool {
        self.account.with_untracked(Account::is_demo)
    }

    /// "Try now" while the provider is not answering: a read waiting to be
    /// retried goes as soon as the gap allows. False when none was waiting.
    pub fn try_now(&self) -> bool {
        self.client.with_value(|c| c.transport().try_now())
    }

    /// Starts the demo account over: a new epoch, so everything reloads.
    pub fn reset_demo(&self) {
        if let Some(demo) = self.demo.get_value() {
            demo.reset();
            self.account.update(|a| *a = a.again());
        }
    }
}

fn build(
    key: Option<ApiKey>,
    endpoint: String,
    demo_slot: StoredValue<Option<DemoTransport>, LocalStorage>,
    trouble: RwSignal<Option<Trouble>>,
) -> Rc<ApiClient> {
    let (backend, key, config) = match key {
        Some(key) => {
            // Out of demo mode: its worker goes with the last client that
            // holds it (a later "Forget key" starts a new one).
            demo_slot.set_value(None);
            (Backend::Live(FetchTransport::new(endpoint)), key, live_schedule())
        }
        None => {
            let demo = demo_slot.get_value().unwrap_or_else(DemoTransport::load);
            demo_slot.set_value(Some(demo.clone()));
            let key = ApiKey::new(rentapi::sim::DEMO_KEY).expect("demo key");
            // No provider to spare in demo mode: a shorter gap keeps it lively.
            (
                Backend::Demo(demo),
                key,
                ScheduleConfig { min_gap_ms: 500, ..ScheduleConfig::default() },
            )
        }
    };
    Rc::new(Client::new(Scheduled::new(backend, config, trouble), Some(key)))
}

/// About 4 s between requests, as the provider asks. The end-to-end tests
/// (against the simulator, never the provider) shorten it via localStorage.
fn live_schedule() -> ScheduleConfig {
    let gap = storage::get(MIN_GAP_STORAGE).and_then(|v| v.trim().parse::<u64>().ok());
    match gap {
        Some(min_gap_ms) => {
            ScheduleConfig { min_gap_ms: min_gap_ms.max(100), ..ScheduleConfig::default() }
        }
        None => ScheduleConfig::default(),
    }
}

const MIN_GAP_STORAGE: &str = crate::store::keys::MIN_GAP_MS;

pub fn use_api() -> Api {
    expect_context()
}
