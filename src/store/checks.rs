//! Writes whose outcome is unknown (a timeout, a 5xx, an answer nobody can
//! read). The write may have happened: the app never guesses and never
//! sends it again blindly. It reads the orders at a person's priority,
//! compares them with the snapshot taken before the write
//! ([`rentapi::outcome`]), tells the user what happened, and only then lets
//! writes go again. The check and its snapshot are kept in localStorage
//! until settled, so a reload picks it up.

use leptos::prelude::*;
use rentapi::model::Order;
use rentapi::outcome::{Intent, Unknown, Verdict};
use rentapi::schedule::Priority;

use crate::api::Api;
use crate::clock;
use crate::store::network::Network;
use crate::store::orders::OrdersStore;
use crate::store::storage;

/// A settled check, to tell the user.
#[derive(Debug, Clone, PartialEq)]
pub struct Told {
    pub intent: Intent,
    pub verdict: Verdict,
    /// The numbers concerned, as shown.
    pub numbers: Vec<String>,
}

/// The orders before a write, taken before it is sent.
#[derive(Debug, Clone)]
pub struct Snapshot(Vec<Order>);

#[derive(Clone, Copy)]
pub struct Checks {
    pending: RwSignal<Vec<Unknown>>,
    pub told: RwSignal<Vec<Told>>,
    /// The orders polls counted when the latest check began: a later one
    /// was asked after the write and settles it.
    since: StoredValue<u64>,
    api: Api,
    orders: OrdersStore,
}

impl Checks {
    pub fn provide(api: Api, orders: OrdersStore, network: Network) -> Self {
        let me = Self {
            pending: RwSignal::new(Vec::new()),
            told: RwSignal::new(Vec::new()),
            since: StoredValue::new(0),
            api,
            orders,
        };
        // Each account mode keeps its own; a check left by a reload resumes.
        Effect::new(move |_| {
            api.account();
            let pending: Vec<Unknown> = storage::load_json(&me.storage_key()).unwrap_or_default();
            me.told.set(Vec::new());
            me.since.set_value(orders.polls.get_untracked());
            let any = !pending.is_empty();
            me.pending.set(pending);
            if any {
                orders.refresh(Priority::User);
            }
        });
        Effect::new(move |_| network.checking.set(!me.pending.with(Vec::is_empty)));
        Effect::new(move |_| {
            let polls = orders.polls.get();
            if polls > me.since.get_value() {
                untrack(|| me.settle());
            }
        });
        provide_context(me);
        me
    }

    fn storage_key(&self) -> String {
        crate::store::keys::UNKNOWN.of(self.api.is_demo_untracked())
    }

    /// The orders as they are before a write: taken before sending it.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot(self.orders.orders.get_untracked())
    }

    /// A write came back with no clear outcome: check it.
    pub fn begin(self, intent: Intent, before: Snapshot) {
        let unknown = Unknown::new(intent, &before.0, clock::now());
        self.pending.update(|p| p.push(unknown));
        self.save();
        self.since.set_value(self.orders.polls.get_untracked());
        // A person's priority: nothing else should go first.
        self.orders.refresh(Priority::User);
    }

    /// A check is under way (tracked).
    pub fn checking(&self) -> bool {
        !self.pending.with(Vec::is_empty)
    }

    fn settle(self) {
        let pending = self.pending.get_untracked();
        if pending.is_empty() {
            return;
        }
        let told: Vec<Told> = self.orders.orders.with_untracked(|now| {
            pending
                .iter()
                .map(|u| {
                    let verdict = u.judge(now);
                    Told { intent: u.intent.clone(), numbers: numbers(u, &verdict, now), verdict }
                })
                .collect()
        });
        self.pending.set(Vec::new());
        self.save();
        self.told.update(|t| t.extend(told));
    }

    fn save(&self) {
        let key = self.storage_key();
        self.pending.with_untracked(|p| {
            if p.is_empty() { storage::remove(&key) } else { storage::save_json(&key, p) }
        });
    }

    pub fn dismiss(&self, index: usize) {
        self.told.update(|t| {
            if index < t.len() {
                t.remove(index);
            }
        });
    }
}

/// The numbers a verdict is about: the new or changed orders' numbers, or
/// the one the write was for.
fn numbers(u: &Unknown, verdict: &Verdict, now: &[Order]) -> Vec<String> {
    // The order as it is now, or as it was (a deleted one is gone).
    let shown = |id| {
        now.iter()
            .find(|o| o.id == id)
            .map(Order::display_number)
            .or_else(|| u.shown_before(id).map(str::to_owned))
    };
    let ids = match (verdict, &u.intent) {
        (Verdict::Happened(ids), _) => ids.clone(),
        (
            Verdict::DidNot,
            Intent::Prolong { id } | Intent::Delete { id } | Intent::Activate { id },
        )
        | (Verdict::DidNot, Intent::AddService { id, .. }) => vec![*id],
        (Verdict::DidNot, _) => Vec::new(),
    };
    let mut list: Vec<String> = ids.into_iter().filter_map(shown).collect();
    list.dedup();
    list
}

pub fn use_checks() -> Option<Checks> {
    use_context()
}
