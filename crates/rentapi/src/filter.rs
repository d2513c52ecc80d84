//! Finding a number among many: the dashboard's filter (by text, state,
//! "has new SMS", "expiring soon") and sort (expiry, service, state), as
//! pure functions of the orders.

use chrono::{DateTime, Utc};

use crate::OrderId;
use crate::model::{Order, OrderState};
use crate::rules::expires_soon;

/// Which states of order to show.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum StateFilter {
    /// Every state.
    #[default]
    All,
    /// [`OrderState::NotActive`].
    NotActive,
    /// [`OrderState::Active`].
    Active,
    /// [`OrderState::Activating`].
    Activating,
    /// [`OrderState::NotInSystem`].
    NotInSystem,
    /// Any state the app does not know.
    Unknown,
}

impl StateFilter {
    /// Every choice, in the order a menu lists them.
    pub const ALL: [StateFilter; 6] = [
        StateFilter::All,
        StateFilter::Active,
        StateFilter::Activating,
        StateFilter::NotActive,
        StateFilter::NotInSystem,
        StateFilter::Unknown,
    ];

    /// Whether an order in `state` is shown.
    pub fn matches(self, state: OrderState) -> bool {
        match self {
            StateFilter::All => true,
            StateFilter::NotActive => state == OrderState::NotActive,
            StateFilter::Active => state == OrderState::Active,
            StateFilter::Activating => state == OrderState::Activating,
            StateFilter::NotInSystem => state == OrderState::NotInSystem,
            StateFilter::Unknown => matches!(state, OrderState::Unknown(_)),
        }
    }

    /// A stable name for the choice (a menu's `<option>` value).
    pub fn value(self) -> &'static str {
        match self {
            StateFilter::All => "all",
            StateFilter::NotActive => "not-active",
            StateFilter::Active => "active",
            StateFilter::Activating => "activating",
            StateFilter::NotInSystem => "not-in-system",
            StateFilter::Unknown => "unknown",
        }
    }

    /// The choice named `v`, or everything for a name nobody knows.
    pub fn from_value(v: &str) -> Self {
        Self::ALL.into_iter().find(|f| f.value() == v).unwrap_or_default()
    }
}

/// The order of the list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortBy {
    /// The first to expire first.
    #[default]
    Expiry,
    /// By service name, A to Z.
    Service,
    /// Active first: the numbers that can receive a code now.
    State,
}

impl SortBy {
    /// Every choice, in the order a menu lists them.
    pub const ALL: [SortBy; 3] = [SortBy::Expiry, SortBy::Service, SortBy::State];

    /// A stable name for the choice (a menu's `<option>` value).
    pub fn value(self) -> &'static str {
        match self {
            SortBy::Expiry => "expiry",
            SortBy::Service => "service",
            SortBy::State => "state",
        }
    }

    /// The choice named `v`, or the default for a name nobody knows.
    pub fn from_value(v: &str) -> Self {
        Self::ALL.into_iter().find(|s| s.value() == v).unwrap_or_default()
    }
}

/// What the user asked to see, and in which order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Typed text ([`matches_text`]).
    pub text: String,
    /// Which states.
    pub state: StateFilter,
    /// Only orders with SMS the user has not seen.
    pub new_sms: bool,
    /// Only the numbers whose prolong window is open.
    pub expiring: bool,
    /// The order of the list.
    pub sort: SortBy,
}

impl Filter {
    /// Whether anything is filtered out (the sort aside).
    pub fn is_active(&self) -> bool {
        !self.text.trim().is_empty()
            || self.state != StateFilter::All
            || self.new_sms
            || self.expiring
    }
}

/// Does `order` match the typed text? Letters match the service (name or
/// code) or the operator; digits match the number with or without its
/// country code, ignoring spaces and `+`.
pub fn matches_text(order: &Order, query: &str) -> bool {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return true;
    }
    let in_text = |s: &str| s.to_lowercase().contains(&q);
    if in_text(&order.sname)
        || in_text(order.scode.as_str())
        || in_text(&order.display_number())
        || order.provider.as_deref().is_some_and(in_text)
    {
        return true;
    }
    let digits: String = q.chars().filter(char::is_ascii_digit).collect();
    let only_number_chars = q.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c));
    !digits.is_empty() && only_number_chars && order.api_number().contains(&digits)
}

/// Active first: the numbers that can receive a code now.
fn state_rank(state: OrderState) -> (u8, i64) {
    match state {
        OrderState::Active => (0, 0),
        OrderState::Activating => (1, 0),
        OrderState::NotActive => (2, 0),
        OrderState::NotInSystem => (3, 0),
        OrderState::Unknown(code) => (4, code),
    }
}

/// The ids to show, in order. `has_new` says whether an order has SMS the
/// user has not seen (asked only when that filter is on).
/// `now` matters only to the "expiring" filter.
pub fn visible(
    orders: &[Order],
    filter: &Filter,
    has_new: impl Fn(&Order) -> bool,
    now: DateTime<Utc>,
) -> Vec<OrderId> {
    let mut shown: Vec<&Order> = orders
        .iter()
        .filter(|o| filter.state.matches(o.state))
        .filter(|o| matches_text(o, &filter.text))
        .filter(|o| !filter.new_sms || has_new(o))
        .filter(|o| !filter.expiring || expires_soon(o, now))
        .collect();
    match filter.sort {
        SortBy::Expiry => shown.sort_by_key(|o| (o.until, o.id)),
        SortBy::Service => {
            shown.sort_by_cached_key(|o| (o.service_name().to_lowercase(), o.until, o.id))
        }
        SortBy::State => shown.sort_by_key(|o| (state_rank(o.state), o.until, o.id)),
    }
    shown.into_iter().map(|o| o.id).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{CountryCode, ServiceCode};

    fn t(days: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_700_000_000 + days * 86_400, 0).unwrap()
    }

    fn order(id: u64, sname: &str, state: OrderState, until: i64, pnumber: &str) -> Order {
        Order {
            id: OrderId(id),
            scode: ServiceCode::new(format!("opt{id}")),
            sname: sname.into(),
            state,
            pnumber: pnumber.into(),
            dial_code: "+7".into(),
            country: CountryCode::new("RU"),
            provider: Some("MTS".into()),
            hasnewsms: id == 2,
            until: t(until),
            canprolong: true,
            canprolongmax: 0,
            canprolonguntil: None,
            lastonline: None,
        }
    }

    fn sample() -> Vec<Order> {
        vec![
            order(1, "Instagram", OrderState::Active, 20, "9096068511"),
            order(2, "WhatsApp", OrderState::NotActive, 3, "9096037108"),
            order(3, "avito", OrderState::NotInSystem, 10, "9581234567"),
            order(4, "Telegram", OrderState::Unknown(7), 3, "7071234567"),
            order(5, "Google", OrderState::Activating, 1, "7700900123"),
        ]
    }

    fn ids(v: Vec<OrderId>) -> Vec<u64> {
        v.into_iter().map(|i| i.0).collect()
    }

    #[test]
    fn default_is_everything_by_expiry() {
        let f = Filter::default();
        assert!(!f.is_active());
        // Same expiry: the lower id first, so the order is stable.
        assert_eq!(ids(visible(&sample(), &f, |_| false, t(0))), [5, 2, 4, 3, 1]);
    }

    #[test]
    fn sorts_by_service_and_state() {
        let by_service = Filter { sort: SortBy::Service, ..Filter::default() };
        assert_eq!(ids(visible(&sample(), &by_service, |_| false, t(0))), [3, 5, 1, 4, 2]);
        let by_state = Filter { sort: SortBy::State, ..Filter::default() };
        assert_eq!(ids(visible(&sample(), &by_state, |_| false, t(0))), [1, 5, 2, 3, 4]);
    }

    #[test]
    fn text_matches_service_number_and_operator() {
        let o = &sample()[0];
        for q in ["insta", "INSTAGRAM", "opt1", "9096068511", "+7 909 606", "79096068", "mts", "  "]
        {
            assert!(matches_text(o, q), "{q}");
        }
        for q in ["whatsapp", "123456", "insta 1"] {
            assert!(!matches_text(o, q), "{q}");
        }
        let f = Filter { text: "909".into(), ..Filter::default() };
        assert_eq!(ids(visible(&sample(), &f, |_| false, t(0))), [2, 1]);
    }

    #[test]
    fn filters_by_state_and_new_sms() {
        let f = Filter { state: StateFilter::Unknown, ..Filter::default() };
        assert_eq!(ids(visible(&sample(), &f, |_| false, t(0))), [4]);
        let f = Filter { state: StateFilter::NotInSystem, ..Filter::default() };
        assert_eq!(ids(visible(&sample(), &f, |_| false, t(0))), [3]);
        let f = Filter { new_sms: true, ..Filter::default() };
        assert!(f.is_active());
        assert_eq!(ids(visible(&sample(), &f, |o| o.hasnewsms, t(0))), [2]);
        assert_eq!(StateFilter::from_value("activating"), StateFilter::Activating);
        assert_eq!(StateFilter::from_value("nonsense"), StateFilter::All);
        assert_eq!(SortBy::from_value("state"), SortBy::State);
    }

    #[test]
    fn filters_what_expires_soon() {
        let f = Filter { expiring: true, ..Filter::default() };
        assert!(f.is_active());
        // At day 0: 2, 4 (3 days left) and 5 (1 day); not 3 (10) or 1 (20).
        assert_eq!(ids(visible(&sample(), &f, |_| false, t(0))), [5, 2, 4]);
        assert_eq!(ids(visible(&sample(), &f, |_| false, t(2))), [2, 4], "5 has expired");
    }
}
