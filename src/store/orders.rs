//! The user's orders: polled every 30 s ([`poll_ms`]) through the scheduler
//! (paused while the tab is hidden, caught up when it returns), the last
//! good list kept on screen and in localStorage when a refresh fails.
//!
//! Each order also lives in its own signal, updated in place only when the
//! order changed: rows are keyed by id and read their fields from it, so a
//! poll that changes nothing changes nothing on screen.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, Utc};
use leptos::prelude::*;
use leptos_use_document_visibility::use_document_visibility;
use rentapi::model::{Order, OrderState, Rows};
use rentapi::schedule::Priority;
use rentapi::{ApiError, OrderId};
use web_sys::VisibilityState;

use crate::api::{Account, Api};
use crate::clock::{self, use_ticker};
use crate::store::{keys, storage};

pub const POLL_MS: u64 = 30_000;

/// The app benchmark (`scripts/bench-app.sh`, against the simulator, never
/// the provider) shortens the poll via localStorage, like `smsrent.min_gap_ms`;
/// clamped to 1 s (the ticker that checks it) .. 1 h.
const POLL_STORAGE: &str = crate::store::keys::POLL_MS;

/// The poll interval: [`POLL_MS`], unless `smsrent.poll_ms` says otherwise.
pub fn poll_ms() -> u64 {
    let ms = storage::get(POLL_STORAGE).and_then(|v| v.trim().parse::<u64>().ok());
    ms.map_or(POLL_MS, |ms| ms.clamp(1_000, 3_600_000))
}

#[derive(Clone, Copy)]
pub struct OrdersStore {
    /// The list as the API last gave it (set only when it differs).
    pub orders: RwSignal<Vec<Order>>,
    /// When the list on screen was last confirmed by the API.
    pub updated_at: RwSignal<Option<DateTime<Utc>>>,
    /// The last refresh's failure; the list on screen is then stale.
    pub error: RwSignal<Option<ApiError>>,
    /// A refresh, background or not, is under way.
    pub loading: RwSignal<bool>,
    /// A person asked for the list (Refresh, or after a write) and it has
    /// not come yet: what the Refresh button shows. Background polls leave
    /// it alone, so an unchanged poll changes nothing on screen.
    pub user_waiting: RwSignal<bool>,
    /// When the next automatic refresh (or retry after a failure) is due.
    pub next_poll_at: RwSignal<Option<DateTime<Utc>>>,
    /// Counts answered polls, equal or not (the SMS store listens to it).
    pub polls: RwSignal<u64>,
    /// An order is watched for a code (set by the SMS store): the poll
    /// then runs at half its pace, so more of the queue's turns read the
    /// watched order (see [`OrdersStore::is_due`]).
    pub watching: RwSignal<bool>,
    /// The raw rows of the last answer that could not be read.
    pub skipped: RwSignal<Vec<String>>,
    /// One signal per order, updated in place.
    rows: StoredValue<HashMap<OrderId, ArcRwSignal<Order>>>,
    api: Api,
    /// The poll interval in ms, read once ([`poll_ms`]).
    poll_ms: u64,
    /// A write happened while a refresh was in flight: its answer may
    /// predate the write, so refresh once more instead of showing it.
    again: StoredValue<bool>,
    /// Where the localStorage copy of the list stands ([`OrdersStore::save_if_due`]).
    cache: StoredValue<CacheMark>,
}

#[derive(Default)]
struct CacheMark {
    /// The list changed (in more than `lastonline`) since it was written.
    dirty: bool,
    /// When the list it holds was confirmed (s).
    at: i64,
    /// Its size in bytes: the next write's buffer.
    len: usize,
}

/// An unchanged list is written to the cache again only this often (s),
/// to keep its "confirmed at" roughly right: serializing a thousand orders
/// on every equal poll would be work and memory churn for nothing.
const CACHE_REFRESH_SECS: i64 = 300;

impl OrdersStore {
    pub fn provide(api: Api) -> Self {
        let me = Self {
            orders: RwSignal::new(Vec::new()),
            updated_at: RwSignal::new(None),
            error: RwSignal::new(None),
            loading: RwSignal::new(false),
            user_waiting: RwSignal::new(false),
            next_poll_at: RwSignal::new(None),
            polls: RwSignal::new(0),
            watching: RwSignal::new(false),
            skipped: RwSignal::new(Vec::new()),
            rows: StoredValue::new(HashMap::new()),
            api,
            poll_ms: poll_ms(),
            again: StoredValue::new(false),
            cache: StoredValue::new(CacheMark::default()),
        };
        // A new account (key, endpoint, demo reset): show its cached list, then refresh.
        Effect::new(move |_| {
            api.account();
            let cached: Option<Cached> = storage::load_json(&me.cache_key());
            me.apply(cached.as_ref().map(|c| c.orders.clone()).unwrap_or_default());
            me.cache.update_value(|c| {
                c.dirty = false;
                c.at = cached.as_ref().map_or(0, |cached| cached.at);
            });
            me.updated_at.set(cached.and_then(|c| DateTime::from_timestamp(c.at, 0)));
            me.error.set(None);
            me.loading.set(false);
            me.user_waiting.set(false);
            me.next_poll_at.set(None);
            me.refresh(Priority::User);
        });
        // Every second: poll when due, unless the tab is hidden; a tab
        // coming back is caught up at once (the effect re-runs on visibility).
        let visibility = use_document_visibility();
        let ticker = use_ticker();
        Effect::new(move |_| {
            let now = ticker.0.get();
            if visibility.get() == VisibilityState::Visible && me.is_due(now) {
                me.refresh(Priority::Background);
            }
        });
        provide_context(me);
        me
    }

    fn cache_key(&self) -> String {
        keys::ORDERS.of(self.api.is_demo_untracked())
    }

    /// While an order is watched a good list is polled every other time:
    /// at a 30 s pace one turn in 7.5 of the queue goes to the poll, and a
    /// code arriving just before it waits two gaps instead of one (the
    /// watched p95 in BENCHMARKS.md). A failed poll's retry keeps its pace.
    fn is_due(&self, now: DateTime<Utc>) -> bool {
        let stretch = if self.watching.get_untracked() && self.error.get_untracked().is_none() {
            Duration::milliseconds(self.poll_ms as i64)
        } else {
            Duration::zero()
        };
        !self.loading.get_untracked()
            && self.next_poll_at.get_untracked().is_none_or(|t| now >= t + stretch)
    }

    /// Asks for the list now. While a refresh is under way a background
    /// poll is dropped, and a person's request (after a write, say) runs
    /// once that one is done, since its answer may predate the write.
    pub fn refresh(self, priority: Priority) {
        if priority == Priority::User && !self.user_waiting.get_untracked() {
            self.user_waiting.set(true);
        }
        if self.loading.get_untracked() {
            if priority == Priority::User {
                self.again.set_value(true);
            }
            return;
        }
        self.loading.set(true);
        let account = self.api.account_untracked();
        let request = self.api.for_account(move |c| async move { c.orders(priority).await });
        leptos::task::spawn_local(async move {
            let Some(result) = request.await else { return };
            self.loading.set(false);
            let now = clock::now();
            self.next_poll_at.set(Some(now + Duration::milliseconds(self.poll_ms as i64)));
            if self.again.get_value() {
                self.again.set_value(false);
                self.refresh(Priority::User);
                return;
            }
            if self.user_waiting.get_untracked() {
                self.user_waiting.set(false);
            }
            match result {
                Ok(orders) => {
                    self.apply(orders.rows);
                    if self.skipped.with_untracked(|s| *s != orders.skipped) {
                        self.skipped.set(orders.skipped);
                    }
                    self.updated_at.set(Some(now));
                    self.error.set(None);
                    self.polls.update(|n| *n += 1);
                    self.save_if_due(account, now.timestamp());
                }
                Err(err) => self.error.set(Some(err)),
            }
        });
    }

    /// Caches the list confirmed `at` if it changed since the last write,
    /// or that write is [`CACHE_REFRESH_SECS`] old.
    fn save_if_due(self, account: Account, at: i64) {
        let due = self.cache.try_update_value(|c| {
            let due = c.dirty || at - c.at >= CACHE_REFRESH_SECS;
            if due {
                (c.dirty, c.at) = (false, at);
            }
            due
        });
        if due == Some(true) {
            self.save_after_paint(account, at);
        }
    }

    /// Caches the list on screen for the next start, once the browser has
    /// painted it: serializing a long list and writing localStorage takes
    /// a while, and the list is what the user is waiting for.
    fn save_after_paint(self, account: Account, at: i64) {
        let key = self.cache_key();
        request_animation_frame(move || {
            set_timeout(
                move || {
                    if !self.api.is_current(&account) {
                        return; // another account by now
                    }
                    let hint = self.cache.with_value(|c| c.len);
                    let len = self.orders.with_untracked(|orders| {
                        storage::save_json_sized(&key, &CachedRef { at, orders }, hint)
                    });
                    self.cache.update_value(|c| c.len = len);
                },
                std::time::Duration::ZERO,
            );
        });
    }

    /// One read for "Test connection": said on the settings screen, not
    /// put on the list (the poll does that).
    pub async fn test_read(self) -> Result<Rows<Order>, ApiError> {
        self.api.client_untracked().orders(Priority::User).await
    }

    /// Refreshes after a write: now, or as soon as the refresh in flight
    /// (which may predate the write) is done.
    pub fn refresh_after_write(self) {
        self.refresh(Priority::User);
    }

    /// Puts `list` on screen, touching only the orders that changed.
    pub fn apply(self, list: Vec<Order>) {
        let mut changed = Vec::new();
        // Whether the cache must follow: anything but `lastonline` changed.
        let mut dirty = false;
        let ids: HashSet<OrderId> = list.iter().map(|o| o.id).collect();
        self.rows.update_value(|rows| {
            let before = rows.len();
            rows.retain(|id, _| ids.contains(id));
            dirty |= rows.len() != before;
            for order in &list {
                match rows.get(&order.id) {
                    Some(row) => row.with_untracked(|old| {
                        if old != order {
                            dirty |= !old.same_but_online(order);
                            changed.push((row.clone(), order.clone()));
                        }
                    }),
                    None => {
                        dirty = true;
                        rows.insert(order.id, ArcRwSignal::new(order.clone()));
                    }
                }
            }
        });
        for (row, order) in changed {
            row.set(order);
        }
        if self.orders.with_untracked(|old| *old != list) {
            self.orders.set(list);
        }
        if dirty {
            self.cache.update_value(|c| c.dirty = true);
        }
    }

    /// The signal of one order (rows read their fields from it).
    pub fn row(&self, id: OrderId) -> Option<ArcRwSignal<Order>> {
        self.rows.with_value(|rows| rows.get(&id).cloned())
    }

    /// Shows a state before the API confirms it (activation was accepted).
    pub fn set_state(self, id: OrderId, state: OrderState) {
        let list = self.orders.with_untracked(|list| {
            list.iter()
                .cloned()
                .map(|mut o| {
                    if o.id == id {
                        o.state = state;
                    }
                    o
                })
                .collect()
        });
        self.apply(list);
    }

    /// Takes an order off the screen at once (it was deleted).
    pub fn remove(self, id: OrderId) {
        let list = self
            .orders
            .with_untracked(|list| list.iter().filter(|o| o.id != id).cloned().collect());
        self.apply(list);
    }

    pub fn is_stale(&self) -> bool {
        self.error.with(Option::is_some)
    }
}

#[derive(serde::Deserialize)]
struct Cached {
    at: i64,
    orders: Vec<Order>,
}

/// What [`Cached`] is read from, written without copying the list.
#[derive(serde::Serialize)]
struct CachedRef<'a> {
    at: i64,
    orders: &'a [Order],
}

pub fn use_orders() -> OrdersStore {
    expect_context()
}
