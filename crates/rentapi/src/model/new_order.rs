//! What `create` / `create_multi` answer: the money is spent, so whatever
//! part of an order arrives is kept, and the rest is filled in from the
//! request ([`NewOrder::fill`]) until the next orders poll has it all.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::decode::lenient;
use crate::method::{OrderId, Request, ServiceCode};

/// One order as `create` / `create_multi` return it. Real answers may leave
/// out `service`, `ccode` or `until`; a `pnumber` may carry its own `+7`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewOrder {
    /// The new order's id.
    pub id: OrderId,
    /// The rented number, maybe with its own `+` and country code.
    #[serde(default, deserialize_with = "lenient::text")]
    pub pnumber: String,
    /// The dialling code, e.g. `+7`; empty when left out (the API's `ccode`).
    #[serde(rename = "ccode", default, deserialize_with = "lenient::text")]
    pub dial_code: String,
    /// The service it is for, when the answer says.
    #[serde(default, deserialize_with = "lenient::opt_code")]
    pub service: Option<ServiceCode>,
    /// When the rental ends, when the answer says.
    #[serde(default, with = "lenient::opt_ts")]
    pub until: Option<DateTime<Utc>>,
}

impl NewOrder {
    /// The number as people write it (see [`super::number_as_written`]).
    pub fn display_number(&self) -> String {
        super::number_as_written(&self.dial_code, &self.pnumber)
    }

    /// Fills what the answer to `req` left out: each order without a
    /// service gets the first requested service no other order names (one
    /// object for several services takes the first); `until` is `now` plus
    /// the period asked for. The dialling code cannot be known from the
    /// request (it asks by country, `RU`): the next orders poll brings it.
    /// Requests other than `create` / `create_multi` leave the orders as
    /// they are.
    pub fn fill(orders: &mut [NewOrder], req: &Request, now: DateTime<Utc>) {
        let (services, period) = match req {
            Request::Create { service, period, .. } => (std::slice::from_ref(service), period),
            Request::CreateMulti { services, period, .. } => (services.as_slice(), period),
            _ => return,
        };
        let named: Vec<ServiceCode> = orders.iter().filter_map(|o| o.service.clone()).collect();
        let mut free = services.iter().filter(|s| !named.contains(s));
        let until = now + Duration::days(i64::from(period.days()));
        for order in orders {
            if order.service.is_none() {
                order.service = free.next().cloned();
            }
            order.until.get_or_insert(until);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::method::{CountryCode, Period};

    fn bare(id: u64) -> NewOrder {
        NewOrder {
            id: OrderId(id),
            pnumber: "+79096037108".into(),
            dial_code: String::new(),
            service: None,
            until: None,
        }
    }

    fn multi(services: &[&str]) -> Request {
        Request::CreateMulti {
            country: CountryCode::new("RU"),
            period: Period::weeks(2),
            services: services.iter().map(|s| ServiceCode::new(*s)).collect(),
            provider: None,
        }
    }

    #[test]
    fn fills_service_and_until_from_the_request() {
        let now = DateTime::from_timestamp(1_700_000_000, 0).unwrap();
        let mut one = [bare(1)];
        let req = Request::Create {
            country: CountryCode::new("RU"),
            period: Period::months(1),
            service: ServiceCode::new("opt6"),
            provider: None,
        };
        NewOrder::fill(&mut one, &req, now);
        assert_eq!(one[0].service, Some(ServiceCode::new("opt6")));
        assert_eq!(one[0].until, Some(now + Duration::days(30)));
        assert_eq!(one[0].display_number(), "+79096037108");

        // Two orders, one naming its service: the other gets the one left.
        let mut two = [NewOrder { service: Some(ServiceCode::new("opt6")), ..bare(1) }, bare(2)];
        let given = DateTime::from_timestamp(1_800_000_000, 0);
        two[0].until = given;
        NewOrder::fill(&mut two, &multi(&["opt6", "opt7"]), now);
        assert_eq!(two[1].service, Some(ServiceCode::new("opt7")));
        assert_eq!(two[0].until, given, "what the answer gave is kept");
        assert_eq!(two[1].until, Some(now + Duration::days(14)));

        // One object for several services: it takes the first.
        let mut single = [bare(3)];
        NewOrder::fill(&mut single, &multi(&["opt6", "opt7"]), now);
        assert_eq!(single[0].service, Some(ServiceCode::new("opt6")));

        // Not a rental: nothing changes.
        let mut untouched = [bare(4)];
        NewOrder::fill(&mut untouched, &Request::Orders, now);
        assert_eq!(untouched[0], bare(4));
    }
}
