//! What can be added to a number (`add_service_to_order`): another service
//! of its country that is not rented on that number yet.

use crate::method::ServiceCode;
use crate::model::{Order, ServicePrice};

/// The services rented on `order`'s number, among `orders` (the account's).
pub fn on_number(orders: &[Order], order: &Order) -> Vec<ServiceCode> {
    let number = order.api_number();
    orders.iter().filter(|o| o.api_number() == number).map(|o| o.scode.clone()).collect()
}

/// Of `prices` (the number's country's), the services that can be added to
/// `order`'s number: not its own service nor one `on_number`, by name.
pub fn addable(
    prices: &[ServicePrice],
    order: &Order,
    on_number: &[ServiceCode],
) -> Vec<ServicePrice> {
    let mut list: Vec<ServicePrice> = prices
        .iter()
        .filter(|p| p.service != order.scode && !on_number.contains(&p.service))
        .cloned()
        .collect();
    list.sort_by_cached_key(|p| p.name.to_lowercase());
    list
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::method::OrderId;

    fn price(code: &str, name: &str) -> ServicePrice {
        ServicePrice {
            name: name.into(),
            service: ServiceCode::new(code),
            price_day: 5.0,
            count: 1,
        }
    }

    fn order(id: u64, service: &str, number: &str) -> Order {
        let until = DateTime::from_timestamp(1_700_000_000, 0).unwrap();
        Order {
            id: OrderId(id),
            scode: ServiceCode::new(service),
            pnumber: number.into(),
            ..Order::sample(until)
        }
    }

    #[test]
    fn offers_other_services_of_the_country_by_name() {
        let prices = vec![
            price("opt20", "WhatsApp"),
            price("opt16", "Instagram"),
            price("opt1", "google"),
            price("opt29", "Telegram"),
        ];
        let names = |list: Vec<ServicePrice>| list.into_iter().map(|p| p.name).collect::<Vec<_>>();
        let o = order(1, "opt16", "9096068511");
        assert_eq!(
            names(addable(&prices, &o, &[ServiceCode::new("opt29")])),
            ["google", "WhatsApp"]
        );
        assert_eq!(names(addable(&prices, &o, &[])), ["google", "Telegram", "WhatsApp"]);
        assert!(addable(&[], &o, &[]).is_empty());
        let only_own = [price("opt16", "Instagram")];
        assert!(addable(&only_own, &o, &[]).is_empty(), "its own service is not offered");
    }

    #[test]
    fn the_services_on_a_number_are_those_of_its_orders() {
        let o = order(1, "opt16", "9096068511");
        let orders = [o.clone(), order(2, "opt29", "9096068511"), order(3, "opt20", "9000000000")];
        let codes = on_number(&orders, &o);
        assert_eq!(codes, [ServiceCode::new("opt16"), ServiceCode::new("opt29")]);
        assert_eq!(on_number(&[], &o), [] as [ServiceCode; 0]);
    }
}
