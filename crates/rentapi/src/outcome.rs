//! A write whose outcome is unknown (a timeout, a 5xx, an answer nobody can
//! read): it may have happened. Never guess and never send it again
//! blindly: read the orders, compare them with what was there before the
//! write, and say what happened. Pure logic: the app keeps the check (and
//! this snapshot) in storage until it is settled, across reloads.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::method::{OrderId, ServiceCode};
use crate::model::{Order, OrderState};

/// What the write was meant to do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Intent {
    /// `create` / `create_multi`: new orders appear.
    Rent,
    /// `restore_user` of an archived order: a new order appears.
    Restore {
        /// The archived order being restored.
        archived: OrderId,
    },
    /// `prolong`: the order's end moves later.
    Prolong {
        /// The order being prolonged.
        id: OrderId,
    },
    /// `add_service_to_order`: an order for `service` on the same number.
    AddService {
        /// The order whose number gets the service.
        id: OrderId,
        /// The service added.
        service: ServiceCode,
    },
    /// `delete`: the order goes.
    Delete {
        /// The order being deleted.
        id: OrderId,
    },
    /// `activate`: the order leaves "not active".
    Activate {
        /// The order being activated.
        id: OrderId,
    },
}

/// An order as it was before the write: what the comparison needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Before {
    /// The order's id.
    pub id: OrderId,
    /// Its expiry then: a prolong moves it later.
    pub until: DateTime<Utc>,
    /// Its state then: an activation changes it.
    pub state: OrderState,
    /// Digits only, to find the same number again.
    pub number: String,
    /// As people write it (`+7 9096068511`), to name it after it is gone.
    #[serde(default)]
    pub shown: String,
}

/// A write waiting to be checked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unknown {
    /// What the write was meant to do.
    pub intent: Intent,
    /// Every order as it was before the write.
    pub before: Vec<Before>,
    /// When the write was sent.
    pub at: DateTime<Utc>,
}

/// What reading the orders after the write tells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// It happened; these orders are the ones it made or changed.
    Happened(Vec<OrderId>),
    /// It did not happen: nothing was charged or changed.
    DidNot,
}

impl Unknown {
    /// Takes the snapshot: `orders` as known just before the write sent at
    /// `at`.
    pub fn new(intent: Intent, orders: &[Order], at: DateTime<Utc>) -> Self {
        let before = orders
            .iter()
            .map(|o| Before {
                id: o.id,
                until: o.until,
                state: o.state,
                number: o.api_number(),
                shown: o.display_number(),
            })
            .collect();
        Self { intent, before, at }
    }

    /// How `id` was written before the write, if it was there.
    pub fn shown_before(&self, id: OrderId) -> Option<&str> {
        self.was(id).map(|b| b.shown.as_str()).filter(|s| !s.is_empty())
    }

    fn was(&self, id: OrderId) -> Option<&Before> {
        self.before.iter().find(|b| b.id == id)
    }

    /// Judges the write by the orders read after it.
    pub fn judge(&self, now: &[Order]) -> Verdict {
        let find = |id: OrderId| now.iter().find(|o| o.id == id);
        let new: Vec<&Order> = now.iter().filter(|o| self.was(o.id).is_none()).collect();
        let yes = |ids: Vec<OrderId>| {
            if ids.is_empty() { Verdict::DidNot } else { Verdict::Happened(ids) }
        };
        match &self.intent {
            Intent::Rent | Intent::Restore { .. } => yes(new.iter().map(|o| o.id).collect()),
            Intent::Prolong { id } => match (self.was(*id), find(*id)) {
                (Some(b), Some(o)) if o.until > b.until => Verdict::Happened(vec![*id]),
                _ => Verdict::DidNot,
            },
            Intent::AddService { id, service } => {
                let number = self.was(*id).map(|b| b.number.as_str()).unwrap_or_default();
                yes(new
                    .iter()
                    .filter(|o| {
                        o.api_number() == number
                            && (o.scode == *service || o.scode.as_str().is_empty())
                    })
                    .map(|o| o.id)
                    .collect())
            }
            Intent::Delete { id } => match find(*id) {
                None if self.was(*id).is_some() => Verdict::Happened(vec![*id]),
                _ => Verdict::DidNot,
            },
            Intent::Activate { id } => match (self.was(*id), find(*id)) {
                (Some(b), Some(o)) if o.state != b.state && o.state != OrderState::NotActive => {
                    Verdict::Happened(vec![*id])
                }
                _ => Verdict::DidNot,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(days: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_700_000_000 + days * 86_400, 0).unwrap()
    }

    fn order(id: u64, scode: &str, number: &str) -> Order {
        Order {
            id: OrderId(id),
            scode: ServiceCode::new(scode),
            pnumber: number.into(),
            ..Order::sample(t(5))
        }
    }

    #[test]
    fn a_rental_or_restore_happened_when_a_new_order_is_there() {
        let before = [order(1, "opt16", "9001")];
        let u = Unknown::new(Intent::Rent, &before, t(0));
        assert_eq!(u.judge(&before), Verdict::DidNot);
        let after =
            [order(1, "opt16", "9001"), order(2, "opt29", "9002"), order(3, "opt20", "9002")];
        assert_eq!(u.judge(&after), Verdict::Happened(vec![OrderId(2), OrderId(3)]));
        let r = Unknown::new(Intent::Restore { archived: OrderId(77) }, &before, t(0));
        assert_eq!(r.judge(&after[..2]), Verdict::Happened(vec![OrderId(2)]));
    }

    #[test]
    fn a_prolong_happened_when_the_end_moved_later() {
        let before = [order(1, "opt16", "9001")];
        let u = Unknown::new(Intent::Prolong { id: OrderId(1) }, &before, t(0));
        assert_eq!(u.judge(&before), Verdict::DidNot);
        let mut later = before[0].clone();
        later.until = t(12);
        assert_eq!(u.judge(&[later]), Verdict::Happened(vec![OrderId(1)]));
    }

    #[test]
    fn add_service_delete_and_activate() {
        let before = [order(1, "opt16", "9001"), order(5, "opt1", "9005")];
        let add = Unknown::new(
            Intent::AddService { id: OrderId(1), service: ServiceCode::new("opt29") },
            &before,
            t(0),
        );
        let other_number = order(6, "opt29", "9005");
        assert_eq!(add.judge(&[before[0].clone(), other_number]), Verdict::DidNot);
        let same_number = order(7, "opt29", "9001");
        assert_eq!(
            add.judge(&[before[0].clone(), same_number]),
            Verdict::Happened(vec![OrderId(7)])
        );

        let del = Unknown::new(Intent::Delete { id: OrderId(5) }, &before, t(0));
        assert_eq!(del.judge(&before), Verdict::DidNot);
        assert_eq!(del.judge(&before[..1]), Verdict::Happened(vec![OrderId(5)]));

        let act = Unknown::new(Intent::Activate { id: OrderId(1) }, &before, t(0));
        assert_eq!(act.judge(&before), Verdict::DidNot, "still not active");
        let mut activating = before[0].clone();
        activating.state = OrderState::Activating;
        assert_eq!(act.judge(&[activating]), Verdict::Happened(vec![OrderId(1)]));
    }

    #[test]
    fn survives_storage() {
        let u = Unknown::new(Intent::Delete { id: OrderId(5) }, &[order(5, "opt1", "9005")], t(0));
        let text = serde_json::to_string(&u).unwrap();
        assert_eq!(serde_json::from_str::<Unknown>(&text).unwrap(), u);
    }
}
