//! The provider's business rules as plain functions: when an order can be
//! prolonged and by how much, and what rentals and restorations cost.

use std::collections::HashSet;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::method::{OrderId, Period, PeriodUnit};
use crate::model::Order;

/// A number can be prolonged only when fewer than this many days are left.
pub const PROLONG_WINDOW_DAYS: i64 = 7;
/// The longest guaranteed rental.
pub const MAX_RENT_DAYS: u32 = 90;
/// A restoration pays this many days in advance on top of the overdue days.
pub const RESTORE_PREPAID_DAYS: u32 = 30;

/// Why "prolong" is not possible right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProlongBlock {
    /// The rental is over: restore it from the archive instead.
    Expired,
    /// More than 7 days are left; the window opens at this instant.
    NotYet {
        /// When fewer than 7 days will be left.
        opens_at: DateTime<Utc>,
    },
    /// The provider says this order cannot be prolonged (`canprolong`).
    Refused,
    /// The 90-day cap or `canprolongmax` / `canprolonguntil` leave no room
    /// for even one week (or for the period asked): only `max_days` more,
    /// up to `latest_until`.
    LimitReached {
        /// The most days that may still be added (maybe 0).
        max_days: u32,
        /// The latest expiry allowed.
        latest_until: DateTime<Utc>,
    },
}

impl ProlongBlock {
    /// The translation key of the reason shown to the user.
    pub fn message_key(self) -> &'static str {
        match self {
            ProlongBlock::Expired => "prolong-expired",
            ProlongBlock::NotYet { .. } => "prolong-not-yet",
            ProlongBlock::Refused => "prolong-refused",
            ProlongBlock::LimitReached { .. } => "prolong-limit",
        }
    }
}

/// How far an order may be prolonged now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProlongRoom {
    /// The most days that can be added.
    pub max_days: u32,
    /// The latest expiry a prolongation may reach.
    pub latest_until: DateTime<Utc>,
}

/// Whether `order` can be prolonged at `now`, and how far.
pub fn prolong_room(order: &Order, now: DateTime<Utc>) -> Result<ProlongRoom, ProlongBlock> {
    if order.until <= now {
        return Err(ProlongBlock::Expired);
    }
    // The window first: the provider's `canprolong` is false outside it too,
    // and "opens on <date>" tells the user more than "refused".
    let opens_at = order.until - Duration::days(PROLONG_WINDOW_DAYS);
    if now <= opens_at {
        return Err(ProlongBlock::NotYet { opens_at });
    }
    let cap = now + Duration::days(i64::from(MAX_RENT_DAYS));
    let latest_until = order.canprolonguntil.map_or(cap, |until| until.min(cap));
    let by_date = (latest_until - order.until).num_days().max(0) as u32;
    let max_days = match order.canprolongmax {
        0 => by_date,
        provider_max => by_date.min(provider_max),
    };
    let limited = || ProlongBlock::LimitReached { max_days, latest_until };
    // A refusal the limits explain says how much is left, not just "no".
    let explained = order.canprolongmax > 0 || order.canprolonguntil.is_some();
    if !order.canprolong {
        return Err(if explained && max_days < Period::weeks(1).days() {
            limited()
        } else {
            ProlongBlock::Refused
        });
    }
    if max_days < Period::weeks(1).days() {
        return Err(limited());
    }
    Ok(ProlongRoom { max_days, latest_until })
}

/// Why `order` cannot be prolonged at `now`, if it cannot.
pub fn prolong_block(order: &Order, now: DateTime<Utc>) -> Option<ProlongBlock> {
    prolong_room(order, now).err()
}

/// After the provider refused to prolong `order`: how much room its limits
/// (`canprolongmax`, `canprolonguntil`) leave at `now`, or `None` when it
/// set none (then its refusal is all there is to say).
pub fn refusal_block(order: &Order, now: DateTime<Utc>) -> Option<ProlongBlock> {
    if order.canprolongmax == 0 && order.canprolonguntil.is_none() {
        return None;
    }
    Some(match prolong_room(order, now) {
        Ok(room) => {
            ProlongBlock::LimitReached { max_days: room.max_days, latest_until: room.latest_until }
        }
        Err(block) => block,
    })
}

/// The counts offered for `unit` among the allowed `choices`, in order.
pub fn counts_for(choices: &[Period], unit: PeriodUnit) -> Vec<u32> {
    choices.iter().filter(|p| p.unit == unit).map(|p| p.count).collect()
}

/// Whether `order` expires within the prolong window (and has not yet).
pub fn expires_soon(order: &Order, now: DateTime<Utc>) -> bool {
    order.until > now && order.until - now < Duration::days(PROLONG_WINDOW_DAYS)
}

/// How many of `orders` expire soon, and when the first of them does.
pub fn expiring(orders: &[Order], now: DateTime<Utc>) -> Option<(usize, DateTime<Utc>)> {
    let soon = orders.iter().filter(|o| expires_soon(o, now));
    let (n, first) = soon.fold((0, None), |(n, first): (usize, Option<DateTime<Utc>>), o| {
        (n + 1, Some(first.map_or(o.until, |f| f.min(o.until))))
    });
    first.map(|first| (n, first))
}

/// A reminder the app gives once per order, so no number is lost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Reminder {
    /// Prolonging has become possible (fewer than 7 days left).
    WindowOpen,
    /// Less than a day is left.
    LastDay,
}

impl Reminder {
    /// Which reminder `order` is due at `now`, if any: the later one wins
    /// (an order first seen with hours left gets only the last-day one).
    pub fn due(order: &Order, now: DateTime<Utc>) -> Option<Reminder> {
        if order.until <= now {
            None
        } else if order.until - now < Duration::days(1) {
            Some(Reminder::LastDay)
        } else if expires_soon(order, now) {
            Some(Reminder::WindowOpen)
        } else {
            None
        }
    }
}

/// The new expiry if `order` is prolonged by `period` now, or why not.
pub fn prolong_to(
    order: &Order,
    period: Period,
    now: DateTime<Utc>,
) -> Result<DateTime<Utc>, ProlongBlock> {
    let room = prolong_room(order, now)?;
    if period.count == 0 || period.days() > room.max_days {
        let ProlongRoom { max_days, latest_until } = room;
        return Err(ProlongBlock::LimitReached { max_days, latest_until });
    }
    Ok(order.until + Duration::days(i64::from(period.days())))
}

/// The periods a prolongation may choose from (weeks first, then months).
pub fn prolong_choices(room: ProlongRoom) -> Vec<Period> {
    let weeks = (1..=room.max_days / 7).map(Period::weeks);
    let months = (1..=room.max_days / 30).map(Period::months);
    weeks.chain(months).collect()
}

/// The orders a batch prolongation offers: those whose prolong window is
/// open (fewer than 7 days left, not over), the first to expire first.
pub fn batch_candidates(orders: &[Order], now: DateTime<Utc>) -> Vec<&Order> {
    let mut soon: Vec<&Order> = orders.iter().filter(|o| expires_soon(o, now)).collect();
    soon.sort_by_key(|o| (o.until, o.id));
    soon
}

/// The periods a batch may choose from: those of the order with the most
/// room, so every period offered suits at least one of `orders`.
pub fn batch_choices<'a>(
    orders: impl IntoIterator<Item = &'a Order>,
    now: DateTime<Utc>,
) -> Vec<Period> {
    let widest = orders.into_iter().filter_map(|o| prolong_room(o, now).ok());
    widest.max_by_key(|room| room.max_days).map(prolong_choices).unwrap_or_default()
}

/// The orders of a batch ticked at first: every one that can be prolonged at all.
pub fn batch_ticked<'a>(
    orders: impl IntoIterator<Item = &'a Order>,
    now: DateTime<Utc>,
) -> HashSet<OrderId> {
    orders.into_iter().filter(|o| prolong_room(o, now).is_ok()).map(|o| o.id).collect()
}

/// Whether the batch must wait before it is confirmed: a ticked order that
/// can take the period has a price still `loading`, so the total would
/// not be the one spent. `lines` are `orders`' quote, in the same order.
pub fn batch_waits(
    orders: &[Order],
    lines: &[BatchLine],
    ticked: &HashSet<OrderId>,
    loading: impl Fn(&Order) -> bool,
) -> bool {
    orders
        .iter()
        .zip(lines)
        .any(|(o, line)| ticked.contains(&o.id) && line.until.is_ok() && loading(o))
}

/// What a confirmed batch sends: the ticked orders whose line is sendable,
/// with their line (`lines` are `orders`' quote, in the same order).
pub fn batch_to_send<'a>(
    orders: &'a [Order],
    lines: &'a [BatchLine],
    ticked: &HashSet<OrderId>,
) -> Vec<(&'a Order, &'a BatchLine)> {
    orders.iter().zip(lines).filter(|(o, line)| ticked.contains(&o.id) && line.sendable()).collect()
}

/// What prolonging one order of a batch by a period would do.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchLine {
    /// The order this line is for.
    pub id: OrderId,
    /// The new expiry, or why this order cannot take the period.
    pub until: Result<DateTime<Utc>, ProlongBlock>,
    /// Its cost for the period, when its daily price is known.
    pub cost: Option<f64>,
}

impl BatchLine {
    /// It can take the period and its price is known: it may be sent.
    pub fn sendable(&self) -> bool {
        self.until.is_ok() && self.cost.is_some()
    }
}

/// Each of `orders` prolonged by `period` at `now`, priced by `price_day`
/// (`None`: not known), in the same order.
pub fn batch_quote<'a>(
    orders: impl IntoIterator<Item = &'a Order>,
    period: Period,
    price_day: impl Fn(&Order) -> Option<f64>,
    now: DateTime<Utc>,
) -> Vec<BatchLine> {
    orders
        .into_iter()
        .map(|o| {
            let until = prolong_to(o, period, now);
            let cost =
                until.is_ok().then(|| price_day(o)).flatten().map(|d| rental_cost(d, period));
            BatchLine { id: o.id, until, cost }
        })
        .collect()
}

/// How many of `lines` would be sent, and what they cost together: only
/// the sendable ones count (an unknown price is never guessed).
pub fn batch_total<'a>(lines: impl IntoIterator<Item = &'a BatchLine>) -> (usize, f64) {
    let sendable = lines.into_iter().filter(|l| l.sendable());
    let (n, sum) = sendable.fold((0, 0.0), |(n, sum), l| (n + 1, sum + l.cost.unwrap_or_default()));
    (n, money(sum))
}

/// Why a new rental's period is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PeriodError {
    /// Zero weeks or months.
    Empty,
    /// Longer than the 90-day cap.
    TooLong {
        /// How many days were asked for.
        days: u32,
    },
}

/// A rental period must be at least one unit and at most 90 days.
pub fn check_rental_period(period: Period) -> Result<u32, PeriodError> {
    match period.days() {
        0 => Err(PeriodError::Empty),
        days if days > MAX_RENT_DAYS => Err(PeriodError::TooLong { days }),
        days => Ok(days),
    }
}

/// Rounds money to cents, so sums of prices shown never print as 12.000001.
pub fn money(amount: f64) -> f64 {
    (amount * 100.0).round() / 100.0
}

/// The price of renting (or prolonging) for `period` at `price_day`.
pub fn rental_cost(price_day: f64, period: Period) -> f64 {
    money(price_day * f64::from(period.days()))
}

/// The price of several services on one number (`create_multi`).
pub fn multi_rental_cost(prices_day: &[f64], period: Period) -> f64 {
    money(prices_day.iter().map(|p| rental_cost(*p, period)).sum())
}

/// Restoring: the overdue days at full price plus 30 days in advance.
pub fn restore_cost(price_day: f64, overdue_days: u32) -> f64 {
    money(price_day * f64::from(overdue_days + RESTORE_PREPAID_DAYS))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::method::OrderId;
    use crate::model::OrderState;

    fn t(days: f64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_700_000_000 + (days * 86_400.0) as i64, 0).unwrap()
    }

    fn order(until_days: f64) -> Order {
        Order { id: OrderId(1), state: OrderState::Active, ..Order::sample(t(until_days)) }
    }

    #[test]
    fn window_opens_seven_days_before_expiry() {
        let o = order(10.0);
        assert_eq!(prolong_room(&o, t(0.0)), Err(ProlongBlock::NotYet { opens_at: t(3.0) }));
        assert_eq!(prolong_room(&o, t(3.0)), Err(ProlongBlock::NotYet { opens_at: t(3.0) }));
        assert!(prolong_room(&o, t(3.01)).is_ok());
    }

    #[test]
    fn capped_at_ninety_days_from_now() {
        let o = order(5.0);
        let room = prolong_room(&o, t(0.0)).unwrap();
        assert_eq!(room.max_days, 85);
        assert_eq!(room.latest_until, t(90.0));
        assert_eq!(prolong_to(&o, Period::months(2), t(0.0)), Ok(t(65.0)));
        assert_eq!(
            prolong_to(&o, Period::months(3), t(0.0)),
            Err(ProlongBlock::LimitReached { max_days: 85, latest_until: t(90.0) })
        );
        let choices = prolong_choices(room);
        assert_eq!(choices.first(), Some(&Period::weeks(1)));
        assert_eq!(choices.last(), Some(&Period::months(2)));
        assert!(choices.iter().all(|p| p.days() <= 85));
    }

    #[test]
    fn provider_limits_apply() {
        let mut o = order(5.0);
        o.canprolongmax = 14;
        assert_eq!(prolong_room(&o, t(0.0)).unwrap().max_days, 14);
        o.canprolongmax = 0;
        o.canprolonguntil = Some(t(20.0));
        assert_eq!(prolong_room(&o, t(0.0)).unwrap().max_days, 15);
        o.canprolonguntil = Some(t(10.0));
        let five_left = ProlongBlock::LimitReached { max_days: 5, latest_until: t(10.0) };
        assert_eq!(prolong_room(&o, t(0.0)), Err(five_left));
        // Refused, with the limits that explain it: say how much is left.
        o.canprolong = false;
        assert_eq!(prolong_room(&o, t(0.0)), Err(five_left));
        o.canprolonguntil = None;
        o.canprolongmax = 2;
        assert_eq!(
            prolong_room(&o, t(0.0)),
            Err(ProlongBlock::LimitReached { max_days: 2, latest_until: t(90.0) })
        );
        // Refused with nothing said about limits: a plain refusal.
        o.canprolongmax = 0;
        assert_eq!(prolong_room(&o, t(0.0)), Err(ProlongBlock::Refused));
        // Outside the window the date it opens matters more than the flag.
        let far = Order { canprolong: false, ..order(30.0) };
        assert_eq!(prolong_room(&far, t(0.0)), Err(ProlongBlock::NotYet { opens_at: t(23.0) }));
    }

    #[test]
    fn what_expires_soon() {
        let orders = [order(10.0), order(6.5), order(2.0), order(0.5)];
        assert!(!expires_soon(&orders[0], t(0.0)));
        assert!(expires_soon(&orders[1], t(0.0)));
        assert_eq!(expiring(&orders, t(0.0)), Some((3, t(0.5))));
        // Past its end an order is the archive's, not "soon".
        assert_eq!(expiring(&orders, t(1.0)), Some((2, t(2.0))));
        assert_eq!(expiring(&orders[..1], t(0.0)), None);
    }

    #[test]
    fn reminders_when_the_window_opens_and_a_day_before() {
        let o = order(10.0);
        assert_eq!(Reminder::due(&o, t(2.9)), None);
        assert_eq!(Reminder::due(&o, t(3.1)), Some(Reminder::WindowOpen));
        assert_eq!(Reminder::due(&o, t(8.9)), Some(Reminder::WindowOpen));
        assert_eq!(Reminder::due(&o, t(9.1)), Some(Reminder::LastDay));
        assert_eq!(Reminder::due(&o, t(10.0)), None, "over: the archive's");
    }

    #[test]
    fn expired_orders_are_for_the_archive() {
        assert_eq!(prolong_room(&order(1.0), t(2.0)), Err(ProlongBlock::Expired));
    }

    #[test]
    fn costs() {
        assert_eq!(rental_cost(6.0, Period::weeks(2)), 84.0);
        assert_eq!(rental_cost(0.1, Period::months(1)), 3.0);
        assert_eq!(multi_rental_cost(&[6.0, 5.5], Period::weeks(1)), 80.5);
        assert_eq!(restore_cost(2.4, 32), 148.8);
    }

    #[test]
    fn a_batch_offers_the_open_windows_first_to_expire_first() {
        let mut orders = vec![order(10.0), order(5.0), order(2.0), order(0.5), order(-1.0)];
        for (i, o) in orders.iter_mut().enumerate() {
            o.id = OrderId(i as u64 + 1);
        }
        let ids: Vec<u64> = batch_candidates(&orders, t(0.0)).iter().map(|o| o.id.0).collect();
        assert_eq!(ids, [4, 3, 2], "not the one 10 days off, not the expired one");
        // Equal expiries keep a stable order.
        orders[0].until = t(2.0);
        let ids: Vec<u64> = batch_candidates(&orders, t(0.0)).iter().map(|o| o.id.0).collect();
        assert_eq!(ids, [4, 1, 3, 2]);
    }

    #[test]
    fn a_batch_offers_the_periods_of_the_roomiest_order() {
        let mut tight = order(5.0);
        tight.canprolongmax = 14;
        let roomy = order(3.0);
        let choices = batch_choices([&tight, &roomy], t(0.0));
        assert_eq!(choices.last(), Some(&Period::months(2)), "87 days of room: two months");
        assert_eq!(batch_choices([&tight], t(0.0)), [Period::weeks(1), Period::weeks(2)]);
        assert!(batch_choices([&order(20.0)], t(0.0)).is_empty(), "no window open: nothing");
        assert!(batch_choices([], t(0.0)).is_empty());
    }

    #[test]
    fn a_batch_quote_prices_each_and_says_why_not() {
        let mut a = order(3.0);
        a.id = OrderId(1);
        let mut capped = order(4.0);
        capped.id = OrderId(2);
        capped.canprolongmax = 10;
        let mut unpriced = order(5.0);
        unpriced.id = OrderId(3);
        unpriced.scode = crate::method::ServiceCode::new("opt1");
        let mut refused = order(6.0);
        refused.id = OrderId(4);
        refused.canprolong = false;
        let price = |o: &Order| (o.scode.as_str() == "opt16").then_some(6.5);
        let orders = [&a, &capped, &unpriced, &refused];

        let week = batch_quote(orders, Period::weeks(1), price, t(0.0));
        assert_eq!(week[0], BatchLine { id: OrderId(1), until: Ok(t(10.0)), cost: Some(45.5) });
        assert_eq!(week[1].until, Ok(t(11.0)));
        assert_eq!(week[2], BatchLine { id: OrderId(3), until: Ok(t(12.0)), cost: None });
        assert!(!week[2].sendable(), "an unknown price is never sent");
        assert_eq!(
            week[3],
            BatchLine { id: OrderId(4), until: Err(ProlongBlock::Refused), cost: None }
        );
        assert_eq!(batch_total(&week), (2, 91.0));

        // Two weeks: the capped one has room for 10 days only.
        let two = batch_quote(orders, Period::weeks(2), price, t(0.0));
        assert_eq!(
            two[1].until,
            Err(ProlongBlock::LimitReached { max_days: 10, latest_until: t(90.0) })
        );
        assert_eq!(two[1].cost, None, "no price for what cannot be sent");
        assert_eq!(batch_total(&two), (1, 91.0));
        assert_eq!(batch_total(&two[2..]), (0, 0.0));
    }

    #[test]
    fn a_batch_ticks_what_can_be_prolonged_waits_for_prices_and_sends_the_ticked() {
        let mut orders = vec![order(3.0), order(4.0), order(5.0), order(20.0)];
        for (i, o) in orders.iter_mut().enumerate() {
            o.id = OrderId(i as u64 + 1);
        }
        orders[2].canprolong = false;
        let ticked = batch_ticked(&orders, t(0.0));
        assert_eq!(
            ticked,
            HashSet::from([OrderId(1), OrderId(2)]),
            "not the refused, not 20 days off"
        );
        assert!(batch_ticked([], t(0.0)).is_empty());

        // The second's price is loading: the total waits; unticked, it does not.
        let price = |o: &Order| (o.id != OrderId(2)).then_some(2.0);
        let lines = batch_quote(&orders, Period::weeks(1), price, t(0.0));
        let loading = |o: &Order| o.id == OrderId(2);
        assert!(batch_waits(&orders, &lines, &ticked, loading));
        let first_only = HashSet::from([OrderId(1)]);
        assert!(!batch_waits(&orders, &lines, &first_only, loading));
        // One that cannot take the period waits for nothing.
        let refused_loading = |o: &Order| o.id == OrderId(3);
        let all: HashSet<OrderId> = orders.iter().map(|o| o.id).collect();
        assert!(!batch_waits(&orders, &lines, &all, refused_loading));
        assert!(!batch_waits(&[], &[], &all, |_| true));

        // Sent: ticked and sendable (a known price, room for the period).
        let ids =
            |sent: Vec<(&Order, &BatchLine)>| sent.iter().map(|(o, _)| o.id.0).collect::<Vec<_>>();
        assert_eq!(ids(batch_to_send(&orders, &lines, &all)), [1]);
        let priced = batch_quote(&orders, Period::weeks(1), |_| Some(2.0), t(0.0));
        assert_eq!(ids(batch_to_send(&orders, &priced, &all)), [1, 2]);
        assert_eq!(ids(batch_to_send(&orders, &priced, &first_only)), [1]);
        assert!(batch_to_send(&orders, &priced, &HashSet::new()).is_empty());
    }

    #[test]
    fn a_refusal_says_the_room_the_providers_limits_leave() {
        let mut o = order(3.0);
        o.canprolong = false;
        o.canprolongmax = 0;
        assert_eq!(refusal_block(&o, t(0.0)), None, "no limits: nothing more to say");
        o.canprolongmax = 5;
        let five = ProlongBlock::LimitReached { max_days: 5, latest_until: t(90.0) };
        assert_eq!(refusal_block(&o, t(0.0)), Some(five));
        // Room for more than a week, yet refused: the room is what is said.
        let mut roomy = order(3.0);
        roomy.canprolonguntil = Some(t(30.0));
        let room = ProlongBlock::LimitReached { max_days: 27, latest_until: t(30.0) };
        assert_eq!(refusal_block(&roomy, t(0.0)), Some(room));
        assert_eq!(refusal_block(&roomy, t(4.0)), Some(ProlongBlock::Expired));
    }

    #[test]
    fn the_window_is_said_before_the_providers_flag() {
        let o = |days, canprolong| Order { canprolong, canprolongmax: 60, ..order(days) };
        // More than 7 days left: the provider says no, the user learns when.
        assert_eq!(
            prolong_block(&o(20.0, false), t(0.0)),
            Some(ProlongBlock::NotYet { opens_at: t(13.0) })
        );
        assert_eq!(prolong_block(&o(3.0, true), t(0.0)), None);
        assert_eq!(prolong_block(&o(3.0, false), t(0.0)), Some(ProlongBlock::Refused));
        assert_eq!(prolong_block(&o(3.0, true), t(4.0)), Some(ProlongBlock::Expired));
        let capped = Order { canprolonguntil: Some(t(5.0)), ..o(3.0, true) };
        assert_eq!(
            prolong_block(&capped, t(0.0)),
            Some(ProlongBlock::LimitReached { max_days: 2, latest_until: t(5.0) })
        );
    }

    #[test]
    fn counts_per_unit() {
        let choices = [Period::weeks(1), Period::weeks(2), Period::months(1)];
        assert_eq!(counts_for(&choices, PeriodUnit::Week), [1, 2]);
        assert_eq!(counts_for(&choices, PeriodUnit::Month), [1]);
        assert!(counts_for(&[], PeriodUnit::Month).is_empty());
    }

    #[test]
    fn a_batch_total_is_rounded_to_cents() {
        let line = |id, cost| BatchLine { id: OrderId(id), until: Ok(t(10.0)), cost: Some(cost) };
        assert_eq!(batch_total(&[line(1, 0.1), line(2, 0.2)]), (2, 0.3));
    }

    #[test]
    fn rental_periods() {
        assert_eq!(check_rental_period(Period::months(3)), Ok(90));
        assert_eq!(check_rental_period(Period::weeks(13)), Err(PeriodError::TooLong { days: 91 }));
        assert_eq!(check_rental_period(Period::weeks(0)), Err(PeriodError::Empty));
    }
}
