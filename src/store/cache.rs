//! A small time-limited cache of API reads, keyed by what was asked: lists
//! are not asked again while fresh, and a failure is never kept as if it
//! were data (it is shown, and asked again next time).

use std::collections::{HashMap, HashSet};
use std::future::Future;
use std::hash::Hash;
use std::rc::Rc;

use chrono::{DateTime, Duration, Utc};
use leptos::prelude::*;
use rentapi::ApiError;

use crate::api::{Api, ApiClient};
use crate::clock;

/// One cached read.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry<V> {
    Loading,
    Ready(V),
    Failed(ApiError),
}

impl<V> Entry<V> {
    pub fn ready(&self) -> Option<&V> {
        match self {
            Entry::Ready(v) => Some(v),
            _ => None,
        }
    }

    pub fn error(&self) -> Option<&ApiError> {
        match self {
            Entry::Failed(e) => Some(e),
            _ => None,
        }
    }
}

type Slots<K, V> = HashMap<K, (Entry<V>, DateTime<Utc>)>;

pub struct TtlCache<K: 'static, V: 'static> {
    slots: RwSignal<Slots<K, V>>,
    /// Keys asked and not yet answered: never asked twice at once.
    pending: RwSignal<HashSet<K>>,
    ttl: Duration,
    api: Api,
}

impl<K: 'static, V: 'static> Clone for TtlCache<K, V> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<K: 'static, V: 'static> Copy for TtlCache<K, V> {}

impl<K, V> TtlCache<K, V>
where
    K: Eq + Hash + Clone + Send + Sync + 'static,
    V: Clone + Send + Sync + 'static,
{
    /// Emptied whenever the account (key, endpoint, demo) changes.
    pub fn new(api: Api, ttl: Duration) -> Self {
        let me = Self {
            slots: RwSignal::new(HashMap::new()),
            pending: RwSignal::new(HashSet::new()),
            ttl,
            api,
        };
        Effect::new(move |_| {
            api.account();
            me.slots.set(HashMap::new());
            me.pending.set(HashSet::new());
        });
        me
    }

    /// Asks `fetch` for `key` unless it is loading or fresh.
    pub fn ensure<F, Fut>(self, key: K, fetch: F)
    where
        F: FnOnce(Rc<ApiClient>) -> Fut + 'static,
        Fut: Future<Output = Result<V, ApiError>> + 'static,
    {
        let now = clock::now();
        let fresh = self.slots.with_untracked(|m| {
            m.get(&key).is_some_and(|(entry, at)| match entry {
                Entry::Ready(_) => now - *at < self.ttl,
                Entry::Loading | Entry::Failed(_) => false,
            })
        });
        if !fresh {
            self.fetch(key, fetch);
        }
    }

    /// Asks again now, keeping what is shown until the answer comes.
    pub fn fetch<F, Fut>(self, key: K, fetch: F)
    where
        F: FnOnce(Rc<ApiClient>) -> Fut + 'static,
        Fut: Future<Output = Result<V, ApiError>> + 'static,
    {
        if self.pending.with_untracked(|p| p.contains(&key)) {
            return;
        }
        self.pending.update(|p| {
            p.insert(key.clone());
        });
        self.slots.update(|m| {
            m.entry(key.clone()).or_insert((Entry::Loading, clock::now()));
        });
        let request = self.api.for_account(fetch);
        leptos::task::spawn_local(async move {
            let Some(result) = request.await else { return };
            let entry = match result {
                Ok(v) => Entry::Ready(v),
                Err(e) => Entry::Failed(e),
            };
            self.pending.update(|p| {
                p.remove(&key);
            });
            self.slots.update(|m| {
                m.insert(key, (entry, clock::now()));
            });
        });
    }

    /// Whether `key` is being asked right now (tracked).
    pub fn is_pending(&self, key: &K) -> bool {
        self.pending.with(|p| p.contains(key))
    }

    /// What is known for `key` (tracked).
    pub fn get(&self, key: &K) -> Option<Entry<V>> {
        self.slots.with(|m| m.get(key).map(|(e, _)| e.clone()))
    }

    /// Updates a ready value in place (e.g. fresher availability counts).
    pub fn patch(&self, key: &K, f: impl FnOnce(&mut V)) {
        self.slots.update(|m| {
            if let Some((Entry::Ready(v), _)) = m.get_mut(key) {
                f(v);
            }
        });
    }
}
