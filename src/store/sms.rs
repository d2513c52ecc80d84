//! SMS per order, fetched on demand: when the user opens a panel or asks
//! for a refresh, and when the orders poll reports `hasnewsms` — never for
//! every order on every poll. An order the API no longer knows is not
//! polled again. New SMS are counted until seen and, when the user allowed
//! it, announced with a desktop notification.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use leptos::prelude::*;
use rentapi::code::extract_code;
use rentapi::model::{Order, Sms, SmsBundle};
use rentapi::schedule::Priority;
use rentapi::{ApiError, ErrorKind, OrderId};

use crate::api::Api;
use crate::clock;
use crate::i18n::{I18n, use_i18n};
use crate::store::memory::MemoryStore;
use crate::store::orders::OrdersStore;
use crate::store::seen::SeenStore;
use crate::store::watch::Watches;
use crate::ui::notify::Notifier;
use crate::ui::sound::Chime;
use leptos_use_document_visibility::use_document_visibility;
use web_sys::VisibilityState;

/// Automatic fetches started by one poll; the rest wait for the next poll,
/// so a burst of new SMS never holds the orders poll back for minutes.
pub const MAX_AUTO_PER_POLL: usize = 5;

/// One order's SMS as far as we know them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SmsSlot {
    pub bundle: Option<SmsBundle>,
    pub loading: bool,
    /// The last fetch's failure (the bundle shown is then the previous one).
    pub error: Option<ApiError>,
    pub fetched_at: Option<DateTime<Utc>>,
    /// The API said "order not found": no more automatic fetches.
    pub gone: bool,
}

/// Whether an order the poll just reported deserves an automatic fetch:
/// whenever the provider flags new SMS, whatever we believed before. The
/// flag may have been cleared by our last read and raised again by a
/// second SMS between two polls: a poll cannot tell, so it reads.
pub fn wants_fetch(flag: bool, slot: Option<&SmsSlot>) -> bool {
    flag && slot.is_none_or(|s| !s.gone)
}

/// The orders to fetch now after a poll, and those left for the next one:
/// `queued` first (they waited), then the newly flagged, at most `max`.
pub fn plan_fetches(
    orders: &[Order],
    slots: &HashMap<OrderId, SmsSlot>,
    queued: &[OrderId],
    max: usize,
) -> (Vec<OrderId>, Vec<OrderId>) {
    let flagged = |id: &OrderId| orders.iter().any(|o| o.id == *id && o.hasnewsms);
    let mut all: Vec<OrderId> = queued.iter().copied().filter(flagged).collect();
    for o in orders {
        let wanted = wants_fetch(o.hasnewsms, slots.get(&o.id));
        if wanted && !all.contains(&o.id) {
            all.push(o.id);
        }
    }
    all.retain(|id| slots.get(id).is_none_or(|s| !s.loading && !s.gone));
    let later = all.split_off(all.len().min(max));
    (all, later)
}

/// A code stays one click away in its order's row this long after its SMS
/// arrived (codes are short-lived; the SMS panel keeps every one).
pub const RECENT_CODE_MINUTES: i64 = 15;

/// The code of the newest SMS in `own`, when it arrived within
/// [`RECENT_CODE_MINUTES`] of `now`.
pub fn recent_code(own: &[Sms], now: DateTime<Utc>) -> Option<String> {
    // An SMS without a date cannot be known to be recent.
    let (date, newest) = own.iter().filter_map(|s| Some((s.date?, s))).max_by_key(|(d, _)| *d)?;
    if now - date >= Duration::minutes(RECENT_CODE_MINUTES) {
        return None;
    }
    extract_code(&newest.text)
}

/// The SMS of `new` that were in neither `old` (the previous fetch) nor seen.
pub fn arrivals<'a>(
    old: Option<&SmsBundle>,
    new: &'a SmsBundle,
    is_seen: impl Fn(&Sms) -> bool,
) -> Vec<&'a Sms> {
    new.own
        .iter()
        .filter(|s| old.is_none_or(|b| !b.own.contains(s)))
        .filter(|s| !is_seen(s))
        .collect()
}

#[derive(Clone, Copy)]
pub struct SmsStore {
    slots: RwSignal<HashMap<OrderId, SmsSlot>>,
    api: Api,
    orders: OrdersStore,
    seen: SeenStore,
    notifier: Option<Notifier>,
    chime: Option<Chime>,
    i18n: I18n,
    /// Flagged orders waiting for their automatic fetch.
    queued: StoredValue<Vec<OrderId>>,
    /// Orders waiting for a code, read at the queue's pace.
    pub watches: Watches,
    /// The tab is visible: watches read only then, as polling does.
    visible: Signal<bool>,
    /// Where every SMS read is kept (absent in tests that do not need it).
    memory: Option<MemoryStore>,
}

impl SmsStore {
    pub fn provide(
        api: Api,
        orders: OrdersStore,
        seen: SeenStore,
        notifier: Option<Notifier>,
        chime: Option<Chime>,
    ) -> Self {
        let me = Self {
            slots: RwSignal::new(HashMap::new()),
            api,
            orders,
            seen,
            notifier,
            chime,
            i18n: use_i18n(),
            queued: StoredValue::new(Vec::new()),
            watches: Watches::new(),
            visible: {
                let v = use_document_visibility();
                Signal::derive(move || v.get() == VisibilityState::Visible)
            },
            memory: use_context::<MemoryStore>(),
        };
        // A tab coming back resumes the watches it paused.
        Effect::new(move |_| {
            if me.visible.get() {
                for id in untrack(|| me.watches.ids()) {
                    me.fetch(id, Priority::Background);
                }
            }
        });
        Effect::new(move |_| {
            api.account();
            me.slots.set(HashMap::new());
            me.queued.set_value(Vec::new());
            me.watches.clear();
        });
        // The poll slows while a code is awaited (OrdersStore::is_due).
        Effect::new(move |_| orders.watching.set(me.watches.any()));
        Effect::new(move |_| {
            if orders.polls.get() > 0 {
                me.after_poll();
            }
        });
        provide_context(me);
        me
    }

    fn after_poll(self) {
        let (now_ids, later) = self.orders.orders.with_untracked(|list| {
            self.slots.with_untracked(|slots| {
                self.queued.with_value(|q| plan_fetches(list, slots, q, MAX_AUTO_PER_POLL))
            })
        });
        self.queued.set_value(later);
        for id in now_ids {
            self.fetch(id, Priority::Background);
        }
    }

    /// Fetches one order's SMS (a user's request goes before polling).
    pub fn fetch(self, id: OrderId, priority: Priority) {
        if self.slots.with_untracked(|s| s.get(&id).is_some_and(|s| s.loading)) {
            return;
        }
        self.slots.update(|s| {
            let slot = s.entry(id).or_default();
            slot.loading = true;
        });
        let request = self.api.for_account(move |c| async move { c.sms(id, priority).await });
        leptos::task::spawn_local(async move {
            let Some(result) = request.await else { return };
            let mut previous = None;
            let mut fresh = None;
            let mut gone = false;
            self.slots.update(|s| {
                let slot = s.entry(id).or_default();
                slot.loading = false;
                match result {
                    Ok(bundle) => {
                        previous = slot.bundle.replace(bundle.clone());
                        fresh = Some(bundle);
                        slot.fetched_at = Some(clock::now());
                        slot.error = None;
                    }
                    Err(err) => {
                        slot.gone = err.kind == ErrorKind::OrderNotFound;
                        gone = slot.gone;
                        slot.error = Some(err);
                    }
                }
            });
            if let (Some(memory), Some(bundle)) = (self.memory, &fresh)
                && let Some(order) = self.orders.row(id)
            {
                order.with_untracked(|o| memory.remember(o, bundle));
            }
            let own = fresh.as_ref().map(|b| b.own.as_slice());
            let again = self.watches.go_on(id, own, gone, clock::now());
            if let (Some(bundle), Priority::Background) = (&fresh, priority) {
                untrack(|| self.announce(id, previous.as_ref(), bundle));
            }
            // Hidden, the watch waits (it still ends on time): the provider is
            // not read while nobody looks, like the orders poll.
            if again && self.visible.get_untracked() {
                self.fetch(id, Priority::Background);
            }
        });
    }

    /// Waits for a code on `id`: its SMS are read now (at `first`'s
    /// priority: a person opening the panel goes first) and again at the
    /// queue's pace until a code comes or the watch times out. A `new`
    /// order has no SMS yet: any code is the one awaited.
    pub fn watch(self, id: OrderId, first: Priority, new: bool) {
        if self.slots.with_untracked(|s| s.get(&id).is_some_and(|s| s.gone)) {
            return;
        }
        let known = self
            .slots
            .with_untracked(|s| s.get(&id).and_then(|s| s.bundle.as_ref()).map(|b| b.own.clone()));
        let known = if new { Some(known.unwrap_or_default()) } else { known };
        self.watches.start(id, known, clock::now());
        self.fetch(id, first);
    }

    /// A chime and a desktop notification for the newest SMS that just arrived.
    fn announce(self, id: OrderId, old: Option<&SmsBundle>, new: &SmsBundle) {
        let Some(sms) =
            arrivals(old, new, |s| self.seen.is_seen_untracked(id, s)).into_iter().next()
        else {
            return;
        };
        if let Some(chime) = self.chime {
            chime.play();
        }
        let Some(notifier) = self.notifier else { return };
        let Some(order) = self.orders.row(id).map(|r| r.get_untracked()) else { return };
        let service = order.service_name();
        let code = extract_code(&sms.text);
        let title = match &code {
            Some(code) => {
                self.i18n.fmt("notify-title-code", &[("service", &service), ("code", code)])
            }
            None => self.i18n.fmt("notify-title", &[("service", &service)]),
        };
        let sender = match sms.sender.trim() {
            "" => self.i18n.t("sms-sender-unknown").to_owned(),
            known => known.to_owned(),
        };
        let mut body = self
            .i18n
            .fmt("notify-body", &[("number", &order.display_number()), ("sender", &sender)]);
        if code.is_some() {
            body = format!("{body}\n{}", self.i18n.t("notify-click-copies"));
        }
        // A click on it copies the code: the user is usually in another tab, typing it.
        notifier.notify_code(&title, &body, &id.to_string(), code.as_deref());
    }

    /// What is known of `id`'s SMS (tracked).
    pub fn slot(&self, id: OrderId) -> Option<SmsSlot> {
        self.slots.with(|s| s.get(&id).cloned())
    }

    /// The code of `id`'s newest SMS if it arrived lately (tracked): the
    /// row offers it without opening the panel.
    pub fn recent_code(&self, id: OrderId, now: DateTime<Utc>) -> Option<String> {
        self.slots.with(|s| recent_code(&s.get(&id)?.bundle.as_ref()?.own, now))
    }

    /// SMS of `id` not yet seen (tracked).
    pub fn unseen(&self, id: OrderId) -> usize {
        self.slots.with(|s| {
            s.get(&id)
                .and_then(|s| s.bundle.as_ref())
                .map_or(0, |b| self.seen.unseen_count(id, &b.own))
        })
    }

    /// Highlight the order: unseen SMS, or a new-SMS flag not followed yet.
    pub fn has_new(&self, order: &Order) -> bool {
        self.slots.with(|s| match s.get(&order.id) {
            Some(slot) => {
                let unseen =
                    slot.bundle.as_ref().map_or(0, |b| self.seen.unseen_count(order.id, &b.own));
                unseen > 0 || (order.hasnewsms && slot.fetched_at.is_none() && !slot.gone)
            }
            None => order.hasnewsms,
        })
    }

    /// All unseen SMS (tracked): the page title shows it.
    pub fn unseen_total(&self) -> usize {
        self.slots.with(|s| {
            s.iter()
                .filter_map(|(id, slot)| {
                    slot.bundle.as_ref().map(|b| self.seen.unseen_count(*id, &b.own))
                })
                .sum()
        })
    }

    /// The user has looked at these SMS.
    pub fn mark_seen(&self, id: OrderId) {
        let own = self
            .slots
            .with_untracked(|s| s.get(&id).and_then(|s| s.bundle.as_ref()).map(|b| b.own.clone()));
        if let Some(own) = own {
            self.seen.mark_all(id, &own);
        }
    }

    /// Forgets an order's SMS (it was deleted).
    pub fn forget(&self, id: OrderId) {
        self.slots.update(|s| {
            s.remove(&id);
        });
    }
}

pub fn use_sms() -> SmsStore {
    expect_context()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rentapi::model::OrderState;

    fn t(secs: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_700_000_000 + secs, 0).unwrap()
    }

    fn order(id: u64, flag: bool) -> Order {
        Order {
            id: OrderId(id),
            state: OrderState::Active,
            hasnewsms: flag,
            canprolongmax: 0,
            ..Order::sample(t(86_400))
        }
    }

    fn fetched(at: i64) -> SmsSlot {
        SmsSlot { fetched_at: Some(t(at)), ..SmsSlot::default() }
    }

    #[test]
    fn the_newest_code_while_it_is_recent() {
        let sms =
            |text: &str, at: i64| Sms { text: text.into(), sender: "X".into(), date: Some(t(at)) };
        let own = [sms("Your code 111 222", 0), sms("Code: 483921", 60), sms("no code here", -600)];
        assert_eq!(
            recent_code(&own, t(60)).as_deref(),
            Some("483921"),
            "the newest, not the first"
        );
        assert_eq!(recent_code(&own, t(60 + 14 * 60)).as_deref(), Some("483921"));
        assert_eq!(recent_code(&own, t(60 + 15 * 60)), None, "gone after 15 minutes");
        assert_eq!(
            recent_code(&own, t(0)).as_deref(),
            Some("483921"),
            "a clock behind the provider's"
        );
        assert_eq!(recent_code(&[sms("Welcome to the service", 0)], t(0)), None, "no code in it");
        assert_eq!(recent_code(&[], t(0)), None);
    }

    #[test]
    fn a_raised_flag_is_followed_at_every_poll() {
        assert!(!wants_fetch(false, None));
        assert!(wants_fetch(true, None), "first poll of the session");
        // Read 10 s ago, flagged again: a second SMS may have come since.
        assert!(wants_fetch(true, Some(&fetched(0))), "read already, flagged again");
        assert!(wants_fetch(true, Some(&SmsSlot::default())), "never fetched yet");
        let gone = SmsSlot { gone: true, ..SmsSlot::default() };
        assert!(!wants_fetch(true, Some(&gone)), "order not found: stop");
    }

    #[test]
    fn a_burst_is_spread_over_polls() {
        let orders: Vec<Order> = (1..=12).map(|i| order(i, i != 3)).collect();
        let (now, later) = plan_fetches(&orders, &HashMap::new(), &[], 5);
        assert_eq!(now.len(), 5);
        assert_eq!(later.len(), 6);
        assert!(!now.contains(&OrderId(3)) && !later.contains(&OrderId(3)));
        // Next poll: the flags stayed up; the queued go first, and those
        // read last time (flagged again: maybe another SMS) after them.
        let slots: HashMap<_, _> = now.iter().map(|id| (*id, fetched(1))).collect();
        let (now2, later2) = plan_fetches(&orders, &slots, &later, 5);
        assert_eq!(now2, later[..5].to_vec());
        assert_eq!(later2, [&later[5..], &now[..]].concat());
    }

    #[test]
    fn in_flight_gone_and_cleared_orders_are_skipped() {
        let orders = vec![order(1, true), order(2, true), order(3, false)];
        let mut slots = HashMap::new();
        slots.insert(OrderId(1), SmsSlot { loading: true, ..SmsSlot::default() });
        slots.insert(OrderId(2), SmsSlot { gone: true, ..SmsSlot::default() });
        let (now, later) = plan_fetches(&orders, &slots, &[OrderId(3)], 5);
        assert!(now.is_empty() && later.is_empty(), "{now:?} {later:?}");
    }

    #[test]
    fn arrivals_are_new_and_unseen() {
        let sms = |text: &str, at| Sms { text: text.into(), sender: "S".into(), date: Some(t(at)) };
        let old = SmsBundle { own: vec![sms("a", 1)], other: vec![], skipped: vec![] };
        let new = SmsBundle {
            own: vec![sms("c", 3), sms("b", 2), sms("a", 1)],
            other: vec![],
            skipped: vec![],
        };
        let got: Vec<_> =
            arrivals(Some(&old), &new, |s| s.text == "b").iter().map(|s| s.text.clone()).collect();
        assert_eq!(got, ["c"]);
        assert_eq!(arrivals(None, &new, |_| false).len(), 3);
    }
}
