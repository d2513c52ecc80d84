//! The typed client: one method per API call, over any [`Transport`].

use crate::decode::{FromData, decode};
use crate::error::ApiError;
use crate::method::{ApiKey, CountryCode, OrderId, Period, Request, ServiceCode};
use crate::model::{
    Availability, Country, HistoryRow, NewOrder, Order, RestoreQuote, Rows, ServicePrice,
    ServicesWithProviders, SmsBundle,
};
use crate::schedule::Priority;
use crate::transport::{Outgoing, Transport};

/// Calls `rent.php` with the user's key. Reads take a priority (a person
/// waiting, or background polling); writes always go as a person's action.
pub struct Client<T> {
    transport: T,
    key: Option<ApiKey>,
}

impl<T: Transport> Client<T> {
    /// A client sending over `transport` with `key` (`None`: only the
    /// public lists answer).
    pub fn new(transport: T, key: Option<ApiKey>) -> Self {
        Self { transport, key }
    }

    /// The transport it sends over.
    pub fn transport(&self) -> &T {
        &self.transport
    }

    /// Sends one request and decodes its answer as `R`.
    pub async fn call<R: FromData>(
        &self,
        req: &Request,
        priority: Priority,
    ) -> Result<R, ApiError> {
        let method = req.method();
        let priority = if method.is_write() { Priority::User } else { priority };
        let out = Outgoing {
            method,
            query: req.query(self.key.as_ref()),
            key_free: req.key_free_query(),
            priority,
        };
        let raw = self.transport.send(out).await.map_err(ApiError::from_transport)?;
        decode(method, &raw)
    }

    /// `getcountries`: every country numbers are rented in.
    pub async fn countries(&self, p: Priority) -> Result<Rows<Country>, ApiError> {
        self.call(&Request::GetCountries, p).await
    }

    /// `getdata`: a country's services, each with its daily price and how
    /// many numbers are left.
    pub async fn prices(
        &self,
        country: CountryCode,
        period: Period,
        p: Priority,
    ) -> Result<Rows<ServicePrice>, ApiError> {
        self.call(&Request::GetData { country, period }, p).await
    }

    /// `getdataWithProviders`: the same with counts per operator and the
    /// country's operators.
    pub async fn offers(
        &self,
        country: CountryCode,
        period: Period,
        p: Priority,
    ) -> Result<ServicesWithProviders, ApiError> {
        self.call(&Request::GetDataWithProviders { country, period }, p).await
    }

    /// `getCountWithProviders`: only the counts, per service and operator.
    pub async fn availability(
        &self,
        country: CountryCode,
        period: Period,
        p: Priority,
    ) -> Result<Rows<(ServiceCode, Availability)>, ApiError> {
        self.call(&Request::GetCountWithProviders { country, period }, p).await
    }

    /// `orders`: the user's current orders.
    pub async fn orders(&self, p: Priority) -> Result<Rows<Order>, ApiError> {
        self.call(&Request::Orders, p).await
    }

    /// `sms`: the SMS an order received, and those sent to its number for
    /// other services, newest first.
    pub async fn sms(&self, id: OrderId, p: Priority) -> Result<SmsBundle, ApiError> {
        self.call::<SmsBundle>(&Request::Sms { id }, p).await.map(SmsBundle::sorted)
    }

    /// `get_rent_history`: one page of the archive (`take` rows after the
    /// first `skip`).
    pub async fn history(
        &self,
        skip: u32,
        take: u32,
        p: Priority,
    ) -> Result<Rows<HistoryRow>, ApiError> {
        self.call(&Request::GetRentHistory { skip, take }, p).await
    }

    /// `restore_user_precalc`: what restoring an archived order would cost.
    pub async fn restore_precalc(
        &self,
        id: OrderId,
        p: Priority,
    ) -> Result<RestoreQuote, ApiError> {
        self.call(&Request::RestoreUserPrecalc { id }, p).await
    }

    // Writes: each call is one deliberate user action. A write's error
    // whose `kind.outcome_unknown()` may still have been carried out.

    /// The new order(s), as far as the answer told (see [`NewOrder::fill`]).
    pub async fn create(
        &self,
        country: CountryCode,
        period: Period,
        service: ServiceCode,
        provider: Option<String>,
    ) -> Result<Vec<NewOrder>, ApiError> {
        self.call(&Request::Create { country, period, service, provider }, Priority::User).await
    }

    /// One number for several services; the new order(s) as far as the
    /// answer told.
    pub async fn create_multi(
        &self,
        country: CountryCode,
        period: Period,
        services: Vec<ServiceCode>,
        provider: Option<String>,
    ) -> Result<Vec<NewOrder>, ApiError> {
        self.call(&Request::CreateMulti { country, period, services, provider }, Priority::User)
            .await
    }

    /// Rents `order`'s number for one more service.
    pub async fn add_service(&self, order: &Order, service: ServiceCode) -> Result<(), ApiError> {
        let req = Request::AddServiceToOrder { id: order.id, service, pnumber: order.api_number() };
        self.call(&req, Priority::User).await
    }

    /// Prolongs an order by `period`; the id in the answer, if it gave one.
    pub async fn prolong(&self, id: OrderId, period: Period) -> Result<Option<OrderId>, ApiError> {
        self.call(&Request::Prolong { id, period }, Priority::User).await
    }

    /// Activates a number that is not active; the id in the answer, if it
    /// gave one.
    pub async fn activate(&self, id: OrderId) -> Result<Option<OrderId>, ApiError> {
        self.call(&Request::Activate { id }, Priority::User).await
    }

    /// Deletes an order; the id in the answer, if it gave one.
    pub async fn delete(&self, id: OrderId) -> Result<Option<OrderId>, ApiError> {
        self.call(&Request::Delete { id }, Priority::User).await
    }

    /// Restores an archived order (it comes back as a new order).
    pub async fn restore(&self, id: OrderId) -> Result<(), ApiError> {
        self.call(&Request::RestoreUser { id }, Priority::User).await
    }
}
