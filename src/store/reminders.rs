//! No number lost by forgetting: when an order's prolong window opens, and
//! again a day before it expires, the app says so once (in the page, and
//! as a desktop notification when allowed), remembered across reloads in
//! localStorage per account mode.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use rentapi::OrderId;
use rentapi::model::Order;
use rentapi::rules::{Reminder, expires_soon};

use crate::api::Api;
use crate::clock;
use crate::i18n::I18n;
use crate::store::orders::OrdersStore;
use crate::store::storage;
use crate::ui::notify::Notifier;

/// One reminder shown in the page until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    pub id: OrderId,
    pub kind: Reminder,
    pub text: String,
}

/// What the reminders remember, per account mode, across reloads.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Memory {
    /// Reminders given, as `(order, kind)`: each is given once.
    given: HashSet<(OrderId, Reminder)>,
    /// Orders seen before their prolong window opened: they get a reminder
    /// when it opens. (A week's rental is in its window from the start:
    /// the renter has just paid and needs no reminder then.)
    before_window: HashSet<OrderId>,
}

impl Memory {
    /// The reminders due in `orders` at `now`, given from now on; orders
    /// no longer listed are forgotten. Also says whether anything changed.
    pub fn step(
        &mut self,
        orders: &[Order],
        now: DateTime<Utc>,
    ) -> (Vec<(OrderId, Reminder)>, bool) {
        let before = self.clone();
        let ids: HashSet<OrderId> = orders.iter().map(|o| o.id).collect();
        self.given.retain(|(id, _)| ids.contains(id));
        self.before_window.retain(|id| ids.contains(id));
        let mut due = Vec::new();
        for o in orders {
            if o.until > now && !expires_soon(o, now) {
                self.before_window.insert(o.id);
            }
            let wanted = match Reminder::due(o, now) {
                Some(Reminder::WindowOpen) if !self.before_window.contains(&o.id) => None,
                other => other,
            };
            if let Some(kind) = wanted.filter(|k| self.given.insert((o.id, *k))) {
                due.push((o.id, kind));
            }
        }
        let changed = *self != before;
        (due, changed)
    }
}

#[derive(Clone, Copy)]
pub struct RemindersStore {
    memory: StoredValue<Memory>,
    /// What the page shows now.
    pub shown: RwSignal<Vec<Shown>>,
    api: Api,
}

impl RemindersStore {
    pub fn provide(api: Api, orders: OrdersStore, notifier: Option<Notifier>, i18n: I18n) -> Self {
        let me = Self {
            memory: StoredValue::new(Memory::default()),
            shown: RwSignal::new(Vec::new()),
            api,
        };
        Effect::new(move |_| {
            api.account();
            me.memory.set_value(storage::load_json(&me.storage_key()).unwrap_or_default());
            me.shown.set(Vec::new());
        });
        // After every answered poll (and so at least every poll interval).
        Effect::new(move |_| {
            if orders.polls.get() > 0 {
                untrack(|| me.check(orders, notifier, i18n));
            }
        });
        provide_context(me);
        me
    }

    fn storage_key(&self) -> String {
        crate::store::keys::REMINDERS.of(self.api.is_demo_untracked())
    }

    fn check(self, orders: OrdersStore, notifier: Option<Notifier>, i18n: I18n) {
        let now = clock::now();
        let fresh: Vec<(Order, Reminder)> = orders.orders.with(|list| {
            let (due, changed) =
                self.memory.try_update_value(|m| m.step(list, now)).unwrap_or_default();
            if changed {
                self.memory.with_value(|m| storage::save_json(&self.storage_key(), m));
            }
            due.into_iter()
                .filter_map(|(id, r)| Some((list.iter().find(|o| o.id == id)?.clone(), r)))
                .collect()
        });
        if fresh.is_empty() {
            return;
        }
        let mut shown = Vec::new();
        for (order, kind) in &fresh {
            let key = match kind {
                Reminder::WindowOpen => "remind-window",
                Reminder::LastDay => "remind-last-day",
            };
            let text = i18n.fmt(
                key,
                &[
                    ("number", &order.display_number()),
                    ("service", &order.service_name()),
                    ("until", &clock::local(order.until)),
                ],
            );
            if let Some(n) = notifier {
                n.notify(i18n.t("remind-title"), &text, &format!("remind-{}", order.id));
            }
            shown.push(Shown { id: order.id, kind: *kind, text });
        }
        self.shown.update(|s| {
            s.retain(|r| !fresh.iter().any(|(o, _)| o.id == r.id));
            s.extend(shown);
        });
    }

    pub fn dismiss(&self, id: OrderId) {
        self.shown.update(|s| s.retain(|r| r.id != id));
    }
}

pub fn use_reminders() -> Option<RemindersStore> {
    use_context()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(days: f64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_700_000_000 + (days * 86_400.0) as i64, 0).unwrap()
    }

    #[test]
    fn each_reminder_is_given_once_and_only_for_a_window_that_opened() {
        let month = Order { id: OrderId(1), ..Order::sample(t(30.0)) };
        let week = Order { id: OrderId(2), ..Order::sample(t(7.0)) };
        let orders = [month, week];
        let mut m = Memory::default();
        // Just rented for a week: already in its window; no reminder for it.
        let (due, changed) = m.step(&orders, t(0.01));
        assert!(due.is_empty() && changed);
        assert_eq!(m.step(&orders, t(0.02)), (vec![], false), "nothing new");
        // The month's window opens: once.
        assert_eq!(m.step(&orders, t(23.5)).0, [(OrderId(1), Reminder::WindowOpen)]);
        assert!(m.step(&orders, t(23.6)).0.is_empty(), "given already");
        // A day before the end: the week's, then the month's.
        let mut week_only = m.clone();
        assert_eq!(week_only.step(&orders, t(6.5)).0, [(OrderId(2), Reminder::LastDay)]);
        assert_eq!(m.step(&orders, t(29.5)).0, [(OrderId(1), Reminder::LastDay)]);
        // Kept across reloads.
        let saved: Memory = serde_json::from_str(&serde_json::to_string(&m).unwrap()).unwrap();
        assert_eq!(saved, m);
        // An order gone from the list is forgotten.
        m.step(&orders[..1], t(29.6));
        assert!(!m.given.iter().any(|(id, _)| *id == OrderId(2)));
        assert!(!m.before_window.contains(&OrderId(2)));
    }
}
