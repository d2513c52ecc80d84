//! The user's orders: polled every 30 s through the scheduler (paused while
//! the tab is hidden), the last good list kept on screen and in
//! localStorage when a refresh fails.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos_use_document_visibility::use_document_visibility;
use leptos_use_interval_fn::use_interval_fn;
use rentapi::ApiError;
use rentapi::model::Order;
use rentapi::schedule::Priority;
use web_sys::VisibilityState;

use crate::api::Api;
use crate::clock;
use crate::store::storage;

pub const POLL_MS: u64 = 30_000;

#[derive(Clone, Copy)]
pub struct OrdersStore {
    pub orders: RwSignal<Vec<Order>>,
    /// When the list on screen was last confirmed by the API.
    pub updated_at: RwSignal<Option<DateTime<Utc>>>,
    /// The last refresh's failure; the list on screen is then stale.
    pub error: RwSignal<Option<ApiError>>,
    pub loading: RwSignal<bool>,
    api: Api,
    /// Bumped when the account changes, so late answers for the old one are dropped.
    generation: StoredValue<u64>,
}

impl OrdersStore {
    pub fn provide(api: Api) -> Self {
        let me = Self {
            orders: RwSignal::new(Vec::new()),
            updated_at: RwSignal::new(None),
            error: RwSignal::new(None),
            loading: RwSignal::new(false),
            api,
            generation: StoredValue::new(0),
        };
        // A new account (key, endpoint, demo reset): show its cached list, then refresh.
        Effect::new(move |_| {
            api.client();
            me.generation.update_value(|g| *g += 1);
            let cached: Option<Cached> = storage::load_json(&me.cache_key());
            me.orders.set(cached.as_ref().map(|c| c.orders.clone()).unwrap_or_default());
            me.updated_at.set(cached.and_then(|c| DateTime::from_timestamp(c.at, 0)));
            me.error.set(None);
            me.loading.set(false);
            me.refresh(Priority::User);
        });
        let visibility = use_document_visibility();
        use_interval_fn(
            move || {
                if visibility.get_untracked() == VisibilityState::Visible {
                    me.refresh(Priority::Background);
                }
            },
            POLL_MS,
        );
        // Back to a hidden tab: catch up at once if a poll was missed.
        Effect::new(move |_| {
            if visibility.get() == VisibilityState::Visible && me.is_due() {
                me.refresh(Priority::Background);
            }
        });
        provide_context(me);
        me
    }

    fn cache_key(&self) -> String {
        let mode = if self.api.is_demo_untracked() { "demo" } else { "live" };
        format!("smsrent.orders.{mode}")
    }

    fn is_due(&self) -> bool {
        self.updated_at
            .get_untracked()
            .is_none_or(|t| (clock::now() - t).num_milliseconds() >= POLL_MS as i64)
    }

    /// Asks for the list now; a refresh already under way is not repeated.
    pub fn refresh(self, priority: Priority) {
        if self.loading.get_untracked() {
            return;
        }
        self.loading.set(true);
        let generation = self.generation.get_value();
        let client = self.api.client_untracked();
        leptos::task::spawn_local(async move {
            let result = client.orders(priority).await;
            if self.generation.try_get_value() != Some(generation) {
                return;
            }
            self.loading.set(false);
            match result {
                Ok(orders) => {
                    let at = clock::now();
                    storage::save_json(
                        &self.cache_key(),
                        &Cached { at: at.timestamp(), orders: orders.clone() },
                    );
                    self.orders.set(orders);
                    self.updated_at.set(Some(at));
                    self.error.set(None);
                }
                Err(err) => self.error.set(Some(err)),
            }
        });
    }

    pub fn is_stale(&self) -> bool {
        self.error.with(Option::is_some)
    }
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Cached {
    at: i64,
    orders: Vec<Order>,
}

pub fn use_orders() -> OrdersStore {
    expect_context()
}
