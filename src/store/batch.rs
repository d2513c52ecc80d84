//! Prolonging several numbers at once: one `prolong` per number, one after
//! the other through the request queue, each the same write as a row's
//! (`store::writes`: sent exactly once, never retried). A refusal is
//! recorded with the provider's reason and the next number goes on; an
//! answer that says neither yes nor no is checked (`store::checks`) and
//! the rest are not sent, as no write may go until it is known; a second
//! start while one runs does nothing (a double click). At the end the orders are refreshed
//! once. The run lives here, not in the dialog: closing the dialog does not
//! stop what the user confirmed, and opening it again shows where it is.

use std::future::Future;

use chrono::{DateTime, Duration, Utc};
use leptos::prelude::*;
use rentapi::rules::money;
use rentapi::{ApiError, OrderId, Period};

use crate::api::Api;
use crate::store::network::Network;
use crate::store::orders::OrdersStore;
use crate::store::writes::{OrderWrites, WriteOutcome};

/// One number of a batch, as the dialog showed it when the user confirmed.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchItem {
    pub id: OrderId,
    /// "+7 9096068511", as shown.
    pub number: String,
    pub service: String,
    /// Its expiry before prolonging.
    pub until: DateTime<Utc>,
    /// What it costs for the period, as quoted.
    pub cost: f64,
}

/// What became of one number.
#[derive(Debug, Clone, PartialEq)]
pub enum ItemOutcome {
    /// The provider accepted: the number now expires at `until`.
    Prolonged { until: DateTime<Utc> },
    /// The provider refused: its reason. Nothing was charged.
    Refused(ApiError),
    /// No clear answer (`outcome_unknown`): it may have been done. The
    /// checks store finds out; no write goes meanwhile.
    Unclear(ApiError),
    /// Not sent: an earlier write's outcome was still unknown (or the
    /// provider could not be reached), and no write may go until it is; or
    /// a write for this number was already on its way.
    NotSent,
}

/// A batch: what was confirmed, and what became of each so far (in order).
#[derive(Debug, Clone, PartialEq)]
pub struct BatchRun {
    pub period: Period,
    pub items: Vec<BatchItem>,
    pub outcomes: Vec<ItemOutcome>,
    pub running: bool,
}

/// The end of a batch in numbers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    pub prolonged: usize,
    /// Refused or not sent: not prolonged, not charged.
    pub refused: usize,
    /// Not known yet (being checked).
    pub unclear: usize,
    /// What the prolonged ones cost, as quoted.
    pub cost: f64,
}

impl BatchRun {
    pub fn new(period: Period, items: Vec<BatchItem>) -> Self {
        Self { period, items, outcomes: Vec::new(), running: true }
    }

    /// How many have an answer.
    pub fn done(&self) -> usize {
        self.outcomes.len()
    }

    /// Each number with its outcome, those answered so far.
    pub fn answered(&self) -> impl Iterator<Item = (&BatchItem, &ItemOutcome)> {
        self.items.iter().zip(&self.outcomes)
    }

    pub fn summary(&self) -> Summary {
        let zero = Summary { prolonged: 0, refused: 0, unclear: 0, cost: 0.0 };
        self.answered().fold(zero, |mut s, (item, o)| {
            match o {
                ItemOutcome::Prolonged { .. } => {
                    s.prolonged += 1;
                    s.cost = money(s.cost + item.cost);
                }
                ItemOutcome::Refused(_) | ItemOutcome::NotSent => s.refused += 1,
                ItemOutcome::Unclear(_) => s.unclear += 1,
            }
            s
        })
    }
}

/// Sends one prolongation per item by `period`, in order, each once,
/// waiting for each answer before the next: `send` makes the write,
/// `record` keeps its outcome and says whether to go on (the account may
/// have changed meanwhile). A refusal never stops the others; an unclear
/// answer, or `may_send` saying no (a write's outcome is being checked,
/// or the provider cannot be reached), does: the rest are not sent.
pub async fn prolong_each<F, Fut>(
    items: &[BatchItem],
    period: Period,
    mut may_send: impl FnMut() -> bool,
    mut send: F,
    mut record: impl FnMut(ItemOutcome) -> bool,
) where
    F: FnMut(OrderId) -> Fut,
    Fut: Future<Output = WriteOutcome>,
{
    let days = Duration::days(i64::from(period.days()));
    let mut stopped = false;
    for item in items {
        stopped = stopped || !may_send();
        let outcome = if stopped {
            ItemOutcome::NotSent
        } else {
            match send(item.id).await {
                WriteOutcome::Done(()) => ItemOutcome::Prolonged { until: item.until + days },
                WriteOutcome::Unknown(err) => {
                    stopped = true;
                    ItemOutcome::Unclear(err)
                }
                WriteOutcome::Failed(err) => ItemOutcome::Refused(err),
                WriteOutcome::Ignored => ItemOutcome::NotSent,
            }
        };
        if !record(outcome) {
            return;
        }
    }
}

#[derive(Clone, Copy)]
pub struct BatchStore {
    /// The current (or last) batch; `None` before the first or once cleared.
    pub run: RwSignal<Option<BatchRun>>,
    orders: OrdersStore,
    network: Network,
    writes: OrderWrites,
    /// A new account stops a batch of the old one.
    api: Api,
}

impl BatchStore {
    pub fn provide(api: Api, orders: OrdersStore, network: Network, writes: OrderWrites) -> Self {
        let me = Self { run: RwSignal::new(None), orders, network, writes, api };
        Effect::new(move |_| {
            api.account();
            me.run.set(None);
        });
        provide_context(me);
        me
    }

    /// A batch is being sent (tracked).
    pub fn running(&self) -> bool {
        self.run.with(|r| r.as_ref().is_some_and(|r| r.running))
    }

    /// Prolongs each of `items` by `period`, once. Does nothing (and says
    /// false) while a batch is running or when there is nothing to send.
    pub fn start(self, items: Vec<BatchItem>, period: Period) -> bool {
        if items.is_empty() || self.run.with_untracked(|r| r.as_ref().is_some_and(|r| r.running)) {
            return false;
        }
        self.run.set(Some(BatchRun::new(period, items.clone())));
        let (api, account) = (self.api, self.api.account_untracked());
        let same_account = move || api.is_current(&account);
        let (network, writes) = (self.network, self.writes);
        leptos::task::spawn_local(async move {
            let may_send = || !untrack(|| network.writes_blocked());
            // The orders are read once at the end, not after each.
            let send = |id| writes.prolong(id, period, false);
            let record = |outcome| {
                if !same_account() {
                    return false;
                }
                self.run.update(|r| {
                    if let Some(r) = r {
                        r.outcomes.push(outcome);
                    }
                });
                true
            };
            prolong_each(&items, period, may_send, send, record).await;
            if same_account() {
                self.run.update(|r| r.iter_mut().for_each(|r| r.running = false));
                self.orders.refresh_after_write();
            }
        });
        true
    }

    /// Forgets a finished batch (the dialog closed after reading it).
    pub fn clear(self) {
        if !self.run.with_untracked(|r| r.as_ref().is_some_and(|r| r.running)) {
            self.run.set(None);
        }
    }
}

pub fn use_batch() -> BatchStore {
    expect_context()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;
    use std::pin::pin;
    use std::task::{Context, Poll, Waker};

    use rentapi::ErrorKind;

    fn t(days: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_700_000_000 + days * 86_400, 0).unwrap()
    }

    fn item(id: u64, cost: f64) -> BatchItem {
        BatchItem {
            id: OrderId(id),
            number: format!("+7 900000000{id}"),
            service: "Instagram".into(),
            until: t(3),
            cost,
        }
    }

    /// Runs a future whose every await is ready at once (the fakes below).
    fn run_now(fut: impl Future<Output = ()>) {
        let mut fut = pin!(fut);
        let mut cx = Context::from_waker(Waker::noop());
        assert_eq!(fut.as_mut().poll(&mut cx), Poll::Ready(()), "the fakes never wait");
    }

    fn low_balance() -> ApiError {
        ApiError::new(ErrorKind::LowBalance, "Balance is not enough")
    }

    /// Runs [`prolong_each`] with `answer` as the provider, sending while
    /// `open` says so: what was sent, and what was recorded.
    fn drive(
        items: &[BatchItem],
        open: impl Fn(usize) -> bool,
        answer: impl Fn(u64) -> Result<(), ApiError>,
    ) -> (Vec<u64>, Vec<ItemOutcome>) {
        let sent = RefCell::new(Vec::new());
        let mut outcomes = Vec::new();
        let mut asked = 0;
        let may_send = || {
            asked += 1;
            open(asked)
        };
        let send = |id: OrderId| {
            sent.borrow_mut().push(id.0);
            let answer = WriteOutcome::of(answer(id.0));
            async move { answer }
        };
        run_now(prolong_each(items, Period::weeks(1), may_send, send, |o| {
            outcomes.push(o);
            true
        }));
        (sent.into_inner(), outcomes)
    }

    #[test]
    fn each_is_sent_once_in_order_and_a_refusal_does_not_stop_the_rest() {
        let items = [item(1, 45.5), item(2, 45.5), item(3, 45.5), item(4, 10.0)];
        let (sent, outcomes) =
            drive(&items, |_| true, |id| if id == 3 { Err(low_balance()) } else { Ok(()) });
        assert_eq!(sent, [1, 2, 3, 4], "one each, in order, none again");
        let prolonged = ItemOutcome::Prolonged { until: t(10) };
        assert_eq!(
            outcomes,
            [prolonged.clone(), prolonged.clone(), ItemOutcome::Refused(low_balance()), prolonged]
        );
    }

    #[test]
    fn an_unclear_answer_is_not_retried_and_stops_the_rest() {
        let items = [item(1, 1.0), item(2, 1.0), item(3, 1.0)];
        let timeout = ApiError::new(ErrorKind::Timeout, "");
        let (sent, outcomes) =
            drive(&items, |_| true, |id| if id == 2 { Err(timeout.clone()) } else { Ok(()) });
        assert_eq!(sent, [1, 2], "the second once, the third not at all");
        assert_eq!(
            outcomes,
            [
                ItemOutcome::Prolonged { until: t(10) },
                ItemOutcome::Unclear(timeout),
                ItemOutcome::NotSent
            ]
        );
    }

    #[test]
    fn a_number_whose_write_is_on_its_way_is_not_sent_again_and_the_rest_go() {
        let items = [item(1, 1.0), item(2, 1.0), item(3, 1.0)];
        let sent = RefCell::new(Vec::new());
        let mut outcomes = Vec::new();
        // The row's prolong of number 2 is still out: the writes store ignores this one.
        let send = |id: OrderId| {
            let outcome = if id.0 == 2 { WriteOutcome::Ignored } else { WriteOutcome::Done(()) };
            if outcome.is_done() {
                sent.borrow_mut().push(id.0);
            }
            async move { outcome }
        };
        run_now(prolong_each(
            &items,
            Period::weeks(1),
            || true,
            send,
            |o| {
                outcomes.push(o);
                true
            },
        ));
        assert_eq!(*sent.borrow(), [1, 3]);
        let prolonged = ItemOutcome::Prolonged { until: t(10) };
        assert_eq!(outcomes, [prolonged.clone(), ItemOutcome::NotSent, prolonged]);
    }

    #[test]
    fn nothing_is_sent_while_writes_are_blocked() {
        let items = [item(1, 1.0), item(2, 1.0), item(3, 1.0)];
        // Another write's outcome became unknown after the first was sent.
        let (sent, outcomes) = drive(&items, |asked| asked < 2, |_| Ok(()));
        assert_eq!(sent, [1]);
        assert_eq!(
            outcomes,
            [ItemOutcome::Prolonged { until: t(10) }, ItemOutcome::NotSent, ItemOutcome::NotSent]
        );
    }

    #[test]
    fn a_change_of_account_stops_the_rest() {
        let items = [item(1, 1.0), item(2, 1.0), item(3, 1.0)];
        let sent = RefCell::new(Vec::new());
        let send = |id: OrderId| {
            sent.borrow_mut().push(id.0);
            async { WriteOutcome::Done(()) }
        };
        let mut recorded = 0;
        run_now(prolong_each(
            &items,
            Period::months(1),
            || true,
            send,
            |_| {
                recorded += 1;
                recorded < 2
            },
        ));
        assert_eq!(*sent.borrow(), [1, 2], "nothing sent after the stop");
    }

    #[test]
    fn the_summary_counts_and_costs_what_went_through() {
        let items = vec![item(1, 45.5), item(2, 0.1), item(3, 9.0), item(4, 5.0), item(5, 5.0)];
        let mut run = BatchRun::new(Period::weeks(1), items);
        assert_eq!(run.summary(), Summary { prolonged: 0, refused: 0, unclear: 0, cost: 0.0 });
        run.outcomes.push(ItemOutcome::Prolonged { until: t(10) });
        run.outcomes.push(ItemOutcome::Prolonged { until: t(10) });
        assert_eq!(run.done(), 2);
        run.outcomes.push(ItemOutcome::Refused(low_balance()));
        run.outcomes.push(ItemOutcome::Unclear(ApiError::new(ErrorKind::Timeout, "")));
        run.outcomes.push(ItemOutcome::NotSent);
        assert_eq!(run.summary(), Summary { prolonged: 2, refused: 2, unclear: 1, cost: 45.6 });
        assert_eq!(run.answered().count(), 5);
    }
}
