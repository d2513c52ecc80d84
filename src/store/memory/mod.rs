//! The app's memory: every SMS it reads and every order it sees, kept in
//! IndexedDB per account, so that "which number got the Telegram code last
//! week?" has an answer after the order is gone. The SMS store hands it
//! each read; the orders poll, each list. The History screen searches an
//! index of it loaded on first use ([`rentapi::history::Index`]).

pub mod db;

use std::collections::HashMap;

use leptos::prelude::*;
use rentapi::history::{self, Entry, Index, MAX_ENTRIES, OrderEntry, Query};
use rentapi::model::{Order, SmsBundle};

use crate::api::Api;
use crate::api::account::Account;
use crate::clock;
use crate::store::keys;
use crate::store::orders::OrdersStore;
use db::Db;

/// Where the index stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loaded {
    No,
    Loading,
    Ready,
    /// IndexedDB refused (a private window, a full disk): nothing is kept.
    Failed,
}

/// How much is stored, for the settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stats {
    pub sms: u32,
    /// Bytes the browser reports for the whole app, when it says.
    pub bytes: Option<f64>,
}

#[derive(Clone, Copy)]
pub struct MemoryStore {
    api: Api,
    /// The searchable copy, once loaded (the History screen asks for it).
    index: StoredValue<Option<Index>>,
    pub loaded: RwSignal<Loaded>,
    /// Bumped whenever something new is stored: searches and panels rerun.
    pub revision: RwSignal<u64>,
    /// Orders as last stored, so that a poll writes only what changed.
    orders: StoredValue<Option<HashMap<u64, OrderEntry>>>,
    /// How many days SMS are kept.
    pub keep_days: RwSignal<u32>,
    pub stats: RwSignal<Option<Stats>>,
    /// The last storage failure, said in the settings.
    pub error: RwSignal<Option<String>>,
}

/// What a piece of work on the database came to.
enum Outcome<T> {
    Done(T),
    /// Failed, and said so (see `report`).
    Failed,
    /// Answered for an account no longer current: dropped.
    Stale,
}

impl MemoryStore {
    pub fn provide(api: Api, orders: OrdersStore) -> Self {
        let saved = crate::store::storage::get(keys::KEEP_DAYS).and_then(|v| v.parse().ok());
        let keep = saved.filter(|d| history::KEEP_DAYS_CHOICES.contains(d));
        let me = Self {
            api,
            index: StoredValue::new(None),
            loaded: RwSignal::new(Loaded::No),
            revision: RwSignal::new(0),
            orders: StoredValue::new(None),
            keep_days: RwSignal::new(keep.unwrap_or(history::DEFAULT_KEEP_DAYS)),
            stats: RwSignal::new(None),
            error: RwSignal::new(None),
        };
        // A new account: nothing of the old one's stays in memory; a demo
        // started over forgets the old demo's SMS (its order ids come again).
        let last: StoredValue<Option<Account>> = StoredValue::new(None);
        Effect::new(move |_| {
            let now = api.account();
            let before = last.get_value();
            last.set_value(Some(now.clone()));
            me.index.set_value(None);
            me.orders.set_value(None);
            me.loaded.set(Loaded::No);
            me.stats.set(None);
            if before.is_some_and(|b| b.mode == now.mode && now.is_demo()) {
                let name = now.mode.memory_name();
                leptos::task::spawn_local(async move {
                    me.report(db::delete(&name).await);
                    me.revision.update(|r| *r += 1);
                });
            }
        });
        // After the list is painted, as the orders cache is: a first poll
        // of a thousand orders stores them all, and the list comes first.
        Effect::new(move |_| {
            if orders.polls.get() > 0 {
                request_animation_frame(move || {
                    set_timeout(
                        move || {
                            // (`try_`: the app may be gone by then.)
                            if let Some(list) = orders.orders.try_get_untracked() {
                                me.remember_orders(list);
                            }
                        },
                        std::time::Duration::ZERO,
                    )
                });
            }
        });
        // Old SMS go at start (a little later: the first requests first),
        // when the choice changes, and every six hours of an open tab.
        Effect::new(move |_| {
            let days = me.keep_days.get();
            crate::store::storage::set(keys::KEEP_DAYS, &days.to_string());
            set_timeout(move || me.prune(), std::time::Duration::from_secs(5));
        });
        if let Ok(every) =
            set_interval_with_handle(move || me.prune(), std::time::Duration::from_secs(6 * 3600))
        {
            on_cleanup(move || every.clear());
        }
        provide_context(me);
        me
    }

    fn name(&self) -> String {
        self.api.account_untracked().mode.memory_name()
    }

    fn report<T>(&self, result: Result<T, db::Error>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                leptos::logging::warn!("SMS memory: {e}");
                self.error.set(Some(e));
                None
            }
        }
    }

    /// Runs `work` on the database of the account current now.
    async fn on_db<T>(self, work: impl AsyncFnOnce(&Db) -> Result<T, db::Error>) -> Outcome<T> {
        let asked = self.api.account_untracked();
        let result = match Db::open(&asked.mode.memory_name()).await {
            // (The account changed, or the app is gone, while it opened.)
            Ok(_) if !self.api.is_current(&asked) => return Outcome::Stale,
            Ok(db) => work(&db).await,
            Err(e) => Err(e),
        };
        if !self.api.is_current(&asked) {
            return Outcome::Stale;
        }
        self.report(result).map_or(Outcome::Failed, Outcome::Done)
    }

    /// [`on_db`](Self::on_db) in a task; `then` takes its answer, which is
    /// dropped when it failed or the account changed meanwhile.
    fn with_db<T: 'static>(
        self,
        work: impl AsyncFnOnce(&Db) -> Result<T, db::Error> + 'static,
        then: impl FnOnce(T) + 'static,
    ) {
        leptos::task::spawn_local(async move {
            if let Outcome::Done(v) = self.on_db(work).await {
                then(v);
            }
        });
    }

    /// Keeps the SMS of one read of `order`.
    pub fn remember(self, order: &Order, bundle: &SmsBundle) {
        let new = history::entries(order, &bundle.own, &bundle.other, clock::now());
        if new.is_empty() {
            return;
        }
        let started = now_ms();
        let keep = new.clone();
        self.with_db(
            async move |db| db.add_sms(&new).await,
            move |added| {
                db::mark("smsrent-memory-store", started);
                if added.is_empty() {
                    return;
                }
                // Only what was stored: not an SMS from before a clear.
                let fresh: Vec<Entry> =
                    keep.into_iter().filter(|e| added.contains(&e.id)).collect();
                self.index.update_value(|i| {
                    if let Some(i) = i {
                        i.extend(fresh);
                    }
                });
                self.stats.update(|s| {
                    if let Some(s) = s {
                        s.sms += added.len() as u32;
                    }
                });
                self.revision.update(|r| *r += 1);
            },
        );
    }

    /// Keeps the orders of a poll that changed since last stored.
    fn remember_orders(self, list: Vec<Order>) {
        self.with_db(
            async move |db| {
                let known = match self.orders.get_value() {
                    Some(known) => known,
                    None => db.orders().await?.into_iter().map(|o| (o.id, o)).collect(),
                };
                let now = clock::now();
                let changed: Vec<OrderEntry> = list
                    .iter()
                    .filter_map(|o| {
                        let before = known.get(&o.id.0);
                        let entry = OrderEntry::of(o, now, before);
                        before.is_none_or(|b| entry.differs(b)).then_some(entry)
                    })
                    .collect();
                if !changed.is_empty() {
                    db.put_orders(&changed).await?;
                }
                let mut known = known;
                known.extend(changed.into_iter().map(|o| (o.id, o)));
                Ok(known)
            },
            move |known| self.orders.set_value(Some(known)),
        );
    }

    /// Loads the index for searching, once per account.
    pub fn load(self) {
        if !matches!(self.loaded.get_untracked(), Loaded::No) {
            return;
        }
        self.loaded.set(Loaded::Loading);
        let started = now_ms();
        leptos::task::spawn_local(async move {
            match self.on_db(async |db| db.all_sms().await).await {
                Outcome::Done(all) => {
                    self.index.set_value(Some(Index::new(all)));
                    db::mark("smsrent-memory-load", started);
                    self.loaded.set(Loaded::Ready);
                    self.revision.update(|r| *r += 1);
                }
                Outcome::Failed => self.loaded.set(Loaded::Failed),
                // The new account's memory loads afresh.
                Outcome::Stale => {}
            }
        });
    }

    /// The positions of the entries matching `q`, newest first (tracked:
    /// reruns when something new is stored); [`MemoryStore::entries`]
    /// gives the entries of some of them.
    pub fn search(&self, q: &Query) -> Vec<usize> {
        self.revision.track();
        let started = now_ms();
        let hits = self.index.with_value(|i| i.as_ref().map(|i| i.search(q)));
        db::mark("smsrent-history-search", started);
        hits.unwrap_or_default()
    }

    /// The entries at `positions` (from a [`MemoryStore::search`] of the
    /// same revision).
    pub fn entries(&self, positions: &[usize]) -> Vec<Entry> {
        self.index.with_value(|i| {
            i.as_ref()
                .map(|i| positions.iter().filter_map(|n| i.get(*n).cloned()).collect())
                .unwrap_or_default()
        })
    }

    /// How many SMS the loaded index holds (tracked).
    pub fn stored(&self) -> usize {
        self.revision.track();
        self.index.with_value(|i| i.as_ref().map_or(0, Index::len))
    }

    /// Services and countries present, for the filters (tracked).
    pub fn facets(&self) -> (Vec<String>, Vec<String>) {
        self.revision.track();
        self.index.with_value(|i| i.as_ref().map(Index::facets).unwrap_or_default())
    }

    /// What a number received, from the memory, newest first.
    pub async fn of_number(self, number: String) -> Vec<Entry> {
        let Outcome::Done(mut got) = self.on_db(async |db| db.sms_of_number(&number).await).await
        else {
            return Vec::new();
        };
        got.sort_by_key(|e| std::cmp::Reverse(e.at));
        got
    }

    /// Counts what is stored, for the settings.
    pub fn measure(self) {
        self.with_db(
            async move |db| db.count().await,
            move |sms| {
                leptos::task::spawn_local(async move {
                    let bytes = db::usage().await;
                    self.stats.set(Some(Stats { sms, bytes }));
                });
            },
        );
    }

    /// (From timers: nothing once the app is gone.)
    fn prune(self) {
        let Some(days) = self.keep_days.try_get_untracked() else { return };
        let before = history::cutoff(clock::now(), days);
        self.with_db(
            async move |db| db.prune(before, MAX_ENTRIES as u32).await,
            move |gone| {
                if gone > 0 {
                    self.index.set_value(None);
                    if self.loaded.get_untracked() == Loaded::Ready {
                        self.loaded.set(Loaded::No);
                        self.load();
                    }
                    self.measure();
                }
            },
        );
    }

    /// "Clear history": this account's memory, now.
    pub fn clear(self) {
        self.with_db(
            async move |db| db.clear(clock::now()).await,
            move |()| {
                self.index.set_value(Some(Index::new(Vec::new())));
                self.orders.set_value(Some(HashMap::new()));
                self.loaded.set(Loaded::Ready);
                self.stats.set(Some(Stats { sms: 0, bytes: None }));
                self.revision.update(|r| *r += 1);
                self.measure();
            },
        );
    }

    /// "Forget key": every real account's memory on this device.
    pub fn forget_live(self) {
        let current = self.name();
        leptos::task::spawn_local(async move {
            let prefix = format!("{}.live", keys::MEMORY);
            let mut names = db::names(&prefix).await;
            if current.starts_with(&prefix) && !names.contains(&current) {
                names.push(current);
            }
            for name in names {
                self.report(db::delete(&name).await);
            }
        });
    }
}

fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

pub fn use_memory() -> MemoryStore {
    expect_context()
}
