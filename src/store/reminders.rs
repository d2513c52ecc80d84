//! No number lost by forgetting: when an order's prolong window opens, and
//! again a day before it expires, the app says so once (in the page, and
//! as a desktop notification when allowed), remembered across reloads in
//! localStorage per account mode.

use std::collections::HashSet;

use leptos::prelude::*;
use rentapi::OrderId;
use rentapi::model::Order;
use rentapi::rules::Reminder;

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

#[derive(Clone, Copy)]
pub struct RemindersStore {
    /// Reminders given, as `(order, kind)`: each is given once.
    given: StoredValue<HashSet<(OrderId, Reminder)>>,
    /// What the page shows now.
    pub shown: RwSignal<Vec<Shown>>,
    api: Api,
}

/// The reminders due in `orders` at `now` and not given yet.
pub fn due(
    orders: &[Order],
    given: &HashSet<(OrderId, Reminder)>,
    now: chrono::DateTime<chrono::Utc>,
) -> Vec<(OrderId, Reminder)> {
    orders
        .iter()
        .filter_map(|o| Reminder::due(o, now).map(|r| (o.id, r)))
        .filter(|k| !given.contains(k))
        .collect()
}

impl RemindersStore {
    pub fn provide(api: Api, orders: OrdersStore, notifier: Option<Notifier>, i18n: I18n) -> Self {
        let me =
            Self { given: StoredValue::new(HashSet::new()), shown: RwSignal::new(Vec::new()), api };
        Effect::new(move |_| {
            api.client();
            let list: Vec<(OrderId, Reminder)> =
                storage::load_json(&me.storage_key()).unwrap_or_default();
            me.given.set_value(list.into_iter().collect());
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
        let mode = if self.api.is_demo_untracked() { "demo" } else { "live" };
        format!("smsrent.reminders.{mode}")
    }

    fn check(self, orders: OrdersStore, notifier: Option<Notifier>, i18n: I18n) {
        let now = clock::now();
        let (fresh, ids): (Vec<(Order, Reminder)>, HashSet<OrderId>) = orders.orders.with(|list| {
            let fresh = self.given.with_value(|given| due(list, given, now));
            let by_id = |id: OrderId| list.iter().find(|o| o.id == id).cloned();
            (
                fresh.into_iter().filter_map(|(id, r)| Some((by_id(id)?, r))).collect(),
                list.iter().map(|o| o.id).collect(),
            )
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
                    ("service", &crate::screen::orders::service_name(order)),
                    ("until", &clock::local(order.until)),
                ],
            );
            if let Some(n) = notifier {
                n.notify(i18n.t("remind-title"), &text, &format!("remind-{}", order.id));
            }
            shown.push(Shown { id: order.id, kind: *kind, text });
        }
        self.given.update_value(|given| {
            // Orders gone from the list need their reminders no more.
            given.retain(|(id, _)| ids.contains(id));
            given.extend(fresh.iter().map(|(o, r)| (o.id, *r)));
            let list: Vec<_> = given.iter().copied().collect();
            storage::save_json(&self.storage_key(), &list);
        });
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
    use chrono::{DateTime, Utc};

    fn t(days: f64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_700_000_000 + (days * 86_400.0) as i64, 0).unwrap()
    }

    #[test]
    fn each_reminder_is_given_once() {
        let soon = Order { id: OrderId(1), ..Order::sample(t(3.0)) };
        let far = Order { id: OrderId(2), ..Order::sample(t(30.0)) };
        let orders = [soon, far];
        let mut given = HashSet::new();
        assert_eq!(due(&orders, &given, t(0.0)), [(OrderId(1), Reminder::WindowOpen)]);
        given.insert((OrderId(1), Reminder::WindowOpen));
        assert!(due(&orders, &given, t(1.0)).is_empty(), "given already");
        assert_eq!(due(&orders, &given, t(2.5)), [(OrderId(1), Reminder::LastDay)]);
    }
}
