//! Which SMS the user has already seen, so a new one is announced once:
//! kept in localStorage per account mode (demo / live), one entry per order
//! id and SMS (a hash of its date and text), so it survives a reload.

use std::collections::HashSet;

use leptos::prelude::*;
use rentapi::OrderId;
use rentapi::model::Sms;

use crate::api::Api;
use crate::store::storage;

/// Entries kept at most; the oldest go first (old SMS are long seen).
pub const MAX_ENTRIES: usize = 4000;

/// `"{order id}:{hash}"`: one SMS of one order, without keeping its text.
pub fn fingerprint(id: OrderId, sms: &Sms) -> String {
    // FNV-1a, 64 bit: stable across builds and browsers (unlike std's hasher).
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let date = sms.date.map(|d| d.timestamp().to_string()).unwrap_or_default();
    for byte in date.bytes().chain([b'\n']).chain(sms.text.bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{id}:{hash:016x}")
}

/// The seen SMS, in the order they were marked.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SeenSet {
    order: Vec<String>,
    index: HashSet<String>,
}

impl SeenSet {
    pub fn from_entries(entries: Vec<String>) -> Self {
        let mut me = Self::default();
        for e in entries {
            me.insert(e);
        }
        me
    }

    pub fn entries(&self) -> &[String] {
        &self.order
    }

    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    pub fn is_seen(&self, id: OrderId, sms: &Sms) -> bool {
        self.index.contains(&fingerprint(id, sms))
    }

    /// How many of `list` (one order's SMS) are not seen yet.
    pub fn unseen_count(&self, id: OrderId, list: &[Sms]) -> usize {
        list.iter().filter(|s| !self.is_seen(id, s)).count()
    }

    /// Marks every SMS of `list` seen; `true` when something changed.
    pub fn mark_all(&mut self, id: OrderId, list: &[Sms]) -> bool {
        let mut changed = false;
        for s in list {
            changed |= self.insert(fingerprint(id, s));
        }
        changed
    }

    fn insert(&mut self, entry: String) -> bool {
        if !self.index.insert(entry.clone()) {
            return false;
        }
        self.order.push(entry);
        if self.order.len() > MAX_ENTRIES {
            let drop = self.order.len() - MAX_ENTRIES;
            for old in self.order.drain(..drop) {
                self.index.remove(&old);
            }
        }
        true
    }
}

/// "(2) smsrent" while SMS wait to be seen, else "smsrent".
pub fn page_title(app_name: &str, unseen: usize) -> String {
    if unseen == 0 { app_name.to_owned() } else { format!("({unseen}) {app_name}") }
}

/// The seen set of the current account mode, persisted on every change.
#[derive(Clone, Copy)]
pub struct SeenStore {
    set: RwSignal<SeenSet>,
    api: Api,
}

impl SeenStore {
    pub fn provide(api: Api) -> Self {
        let me = Self { set: RwSignal::new(SeenSet::default()), api };
        // Each account mode has its own seen set.
        Effect::new(move |_| {
            api.account();
            let entries: Vec<String> = storage::load_json(&me.storage_key()).unwrap_or_default();
            me.set.set(SeenSet::from_entries(entries));
        });
        provide_context(me);
        me
    }

    fn storage_key(&self) -> String {
        crate::store::keys::SEEN.of(self.api.is_demo_untracked())
    }

    /// Unseen SMS among `list` of order `id` (tracked).
    pub fn unseen_count(&self, id: OrderId, list: &[Sms]) -> usize {
        self.set.with(|s| s.unseen_count(id, list))
    }

    pub fn is_seen(&self, id: OrderId, sms: &Sms) -> bool {
        self.set.with(|s| s.is_seen(id, sms))
    }

    pub fn is_seen_untracked(&self, id: OrderId, sms: &Sms) -> bool {
        self.set.with_untracked(|s| s.is_seen(id, sms))
    }

    /// Marks `list` seen and saves, only when that changes anything.
    pub fn mark_all(&self, id: OrderId, list: &[Sms]) {
        let changed = self.set.with_untracked(|s| list.iter().any(|m| !s.is_seen(id, m)));
        if changed {
            self.set.update(|s| {
                s.mark_all(id, list);
            });
            self.set.with_untracked(|s| storage::save_json(&self.storage_key(), &s.entries()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    fn sms(text: &str, at: i64) -> Sms {
        Sms { text: text.into(), sender: "X".into(), date: DateTime::from_timestamp(at, 0) }
    }

    #[test]
    fn fingerprints_depend_on_order_date_and_text() {
        let a = sms("Code 1234", 100);
        assert_eq!(fingerprint(OrderId(1), &a), fingerprint(OrderId(1), &a.clone()));
        assert_ne!(fingerprint(OrderId(1), &a), fingerprint(OrderId(2), &a));
        assert_ne!(fingerprint(OrderId(1), &a), fingerprint(OrderId(1), &sms("Code 1234", 101)));
        assert_ne!(fingerprint(OrderId(1), &a), fingerprint(OrderId(1), &sms("Code 1235", 100)));
        assert!(fingerprint(OrderId(40300), &a).starts_with("40300:"));
        // The text itself is not kept.
        assert!(!fingerprint(OrderId(1), &a).contains("Code"));
    }

    #[test]
    fn marking_and_counting() {
        let list = vec![sms("a", 1), sms("b", 2)];
        let mut seen = SeenSet::default();
        assert_eq!(seen.unseen_count(OrderId(7), &list), 2);
        assert!(seen.mark_all(OrderId(7), &list[..1]));
        assert_eq!(seen.unseen_count(OrderId(7), &list), 1);
        assert!(!seen.mark_all(OrderId(7), &list[..1]), "nothing new");
        assert!(seen.mark_all(OrderId(7), &list));
        assert_eq!(seen.unseen_count(OrderId(7), &list), 0);
        // Seen for one order is not seen for another (another service's SMS).
        assert_eq!(seen.unseen_count(OrderId(8), &list), 2);
    }

    #[test]
    fn survives_a_round_trip_through_storage_entries() {
        let list = vec![sms("a", 1), sms("b", 2)];
        let mut seen = SeenSet::default();
        seen.mark_all(OrderId(3), &list);
        let json = serde_json::to_string(seen.entries()).unwrap();
        let back = SeenSet::from_entries(serde_json::from_str(&json).unwrap());
        assert_eq!(back, seen);
        assert_eq!(back.unseen_count(OrderId(3), &list), 0);
    }

    #[test]
    fn keeps_the_newest_entries_only() {
        let mut seen = SeenSet::default();
        let many: Vec<Sms> = (0..MAX_ENTRIES as i64 + 10).map(|i| sms("x", i)).collect();
        seen.mark_all(OrderId(1), &many);
        assert_eq!(seen.len(), MAX_ENTRIES);
        assert!(!seen.is_seen(OrderId(1), &many[0]), "the oldest went first");
        assert!(seen.is_seen(OrderId(1), many.last().unwrap()));
        let dup = SeenSet::from_entries(vec!["1:a".into(), "1:a".into()]);
        assert_eq!(dup.len(), 1);
    }

    #[test]
    fn titles() {
        assert_eq!(page_title("smsrent", 0), "smsrent");
        assert_eq!(page_title("smsrent", 2), "(2) smsrent");
    }
}
