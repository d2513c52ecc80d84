//! The one cache for keyed API reads with a time to live (the rent
//! wizard's lists, the catalog's prices): a key is not asked again while
//! its value is fresh or its read is out, a failure is never kept as if it
//! were data (it is shown, and asked again next time), and all of it is
//! forgotten when the account changes.

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

/// What is known of each key and since when: the cache without its
/// signals and requests.
#[derive(Debug, Clone)]
pub struct Slots<K, V>(HashMap<K, (Entry<V>, DateTime<Utc>)>);

impl<K, V> Default for Slots<K, V> {
    fn default() -> Self {
        Self(HashMap::new())
    }
}

impl<K: Eq + Hash, V> Slots<K, V> {
    /// `key` has a value younger than `ttl` at `now`.
    pub fn fresh(&self, key: &K, now: DateTime<Utc>, ttl: Duration) -> bool {
        self.0.get(key).is_some_and(|(e, at)| matches!(e, Entry::Ready(_)) && now - *at < ttl)
    }

    /// `key` is being asked at `now`: `Loading` where nothing is known,
    /// and in place of what was known when `replace`.
    pub fn asking(&mut self, key: K, now: DateTime<Utc>, replace: bool) {
        if replace {
            self.0.insert(key, (Entry::Loading, now));
        } else {
            self.0.entry(key).or_insert((Entry::Loading, now));
        }
    }

    /// The answer for `key`, come at `now`.
    pub fn answered(&mut self, key: K, result: Result<V, ApiError>, now: DateTime<Utc>) {
        let entry = match result {
            Ok(v) => Entry::Ready(v),
            Err(e) => Entry::Failed(e),
        };
        self.0.insert(key, (entry, now));
    }

    pub fn get(&self, key: &K) -> Option<&Entry<V>> {
        self.0.get(key).map(|(e, _)| e)
    }

    pub fn entries(&self) -> impl Iterator<Item = &Entry<V>> {
        self.0.values().map(|(e, _)| e)
    }
}

pub struct TtlCache<K: 'static, V: 'static> {
    slots: RwSignal<Slots<K, V>>,
    /// Keys asked and not yet answered: never asked twice at once.
    pending: RwSignal<HashSet<K>>,
    ttl: Duration,
    /// A key asked again shows `Loading`, not its old entry.
    replace: bool,
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
    /// Emptied whenever the account (key, endpoint, demo) changes. A key
    /// asked again keeps showing what it had until the answer comes.
    pub fn new(api: Api, ttl: Duration) -> Self {
        let me = Self {
            slots: RwSignal::new(Slots::default()),
            pending: RwSignal::new(HashSet::new()),
            ttl,
            replace: false,
            api,
        };
        Effect::new(move |_| {
            api.account();
            me.slots.set(Slots::default());
            me.pending.set(HashSet::new());
        });
        me
    }

    /// The same, but a key asked again shows `Loading` meanwhile (a price
    /// being asked again is not one to quote).
    pub fn loading_when_asked_again(self) -> Self {
        Self { replace: true, ..self }
    }

    /// Asks `fetch` for `key` unless it is loading or fresh.
    pub fn ensure<F, Fut>(self, key: K, fetch: F)
    where
        F: FnOnce(Rc<ApiClient>) -> Fut + 'static,
        Fut: Future<Output = Result<V, ApiError>> + 'static,
    {
        if !self.slots.with_untracked(|s| s.fresh(&key, clock::now(), self.ttl)) {
            self.fetch(key, fetch);
        }
    }

    /// Asks again now (unless a read of `key` is out).
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
        self.slots.update(|s| s.asking(key.clone(), clock::now(), self.replace));
        let request = self.api.for_account(fetch);
        leptos::task::spawn_local(async move {
            let Some(result) = request.await else { return };
            self.pending.update(|p| {
                p.remove(&key);
            });
            self.slots.update(|s| s.answered(key, result, clock::now()));
        });
    }

    /// Whether `key` is being asked right now (tracked).
    pub fn is_pending(&self, key: &K) -> bool {
        self.pending.with(|p| p.contains(key))
    }

    /// What is known for `key` (tracked).
    pub fn get(&self, key: &K) -> Option<Entry<V>> {
        self.slots.with(|s| s.get(key).cloned())
    }

    /// `key` was asked for, whatever came of it (tracked).
    pub fn contains(&self, key: &K) -> bool {
        self.slots.with(|s| s.get(key).is_some())
    }

    /// The first of `f`'s answers over every entry (tracked).
    pub fn find_map<R>(&self, f: impl FnMut(&Entry<V>) -> Option<R>) -> Option<R> {
        self.slots.with(|s| s.entries().find_map(f))
    }

    /// Updates a ready value in place (e.g. fresher availability counts).
    pub fn patch(&self, key: &K, f: impl FnOnce(&mut V)) {
        self.slots.update(|s| {
            if let Some((Entry::Ready(v), _)) = s.0.get_mut(key) {
                f(v);
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use rentapi::ErrorKind;

    use super::*;

    fn at(secs: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_700_000_000 + secs, 0).unwrap()
    }

    fn failed() -> ApiError {
        ApiError::new(ErrorKind::Timeout, "")
    }

    #[test]
    fn fresh_only_while_a_value_is_younger_than_its_ttl() {
        let ttl = Duration::seconds(60);
        let mut s = Slots::default();
        assert!(!s.fresh(&"RU", at(0), ttl), "nothing known");
        s.asking("RU", at(0), false);
        assert!(!s.fresh(&"RU", at(0), ttl), "loading is not a value");
        s.answered("RU", Ok(1), at(10));
        assert!(s.fresh(&"RU", at(10), ttl));
        assert!(s.fresh(&"RU", at(69), ttl));
        assert!(!s.fresh(&"RU", at(70), ttl), "stale at its ttl");
        assert!(!s.fresh(&"RU", at(10), Duration::zero()), "a zero ttl keeps nothing fresh");
        assert!(s.fresh(&"RU", at(5), ttl), "a clock gone back: still fresh");
        s.answered("RU", Err(failed()), at(80));
        assert!(!s.fresh(&"RU", at(80), ttl), "a failure is never kept as data");
        assert!(!s.fresh(&"GB", at(80), ttl), "other keys are their own");
    }

    #[test]
    fn asked_again_it_keeps_or_replaces_what_was_shown() {
        let mut s = Slots::default();
        s.answered("RU", Ok(1), at(0));
        s.asking("RU", at(100), false);
        assert_eq!(s.get(&"RU"), Some(&Entry::Ready(1)), "kept until the answer");
        s.asking("RU", at(100), true);
        assert_eq!(s.get(&"RU"), Some(&Entry::Loading), "replaced");
        s.answered("RU", Err(failed()), at(101));
        assert_eq!(s.get(&"RU").and_then(Entry::error), Some(&failed()));
        s.asking("GB", at(102), false);
        assert_eq!(s.get(&"GB"), Some(&Entry::Loading), "nothing known: loading");
        assert_eq!(s.entries().count(), 2);
        assert!(Slots::<&str, u8>::default().entries().next().is_none());
    }
}
