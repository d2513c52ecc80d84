//! Routes one API call to its handler, after the key check, and defines what
//! handlers give back.

use crate::method::Method;

use super::config::SimConfig;
use super::json::Json;
use super::params::Params;
use super::world::World;
use super::{lists, manage, msg, rent, restore, seed};

/// Why a call failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Fail {
    /// `{"status":0,"msg":...}`
    Msg(String),
    /// The plain-text `API KEY NOT FOUND!` page.
    BadKey,
}

impl Fail {
    pub fn msg(m: &str) -> Self {
        Fail::Msg(m.to_owned())
    }

    pub fn missing(name: &str) -> Self {
        Fail::Msg(format!("{}{name}", msg::MISSING_PARAMETER))
    }
}

/// A successful answer before the drift pass shapes it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Reply {
    /// `{"status":1,"data":...}`
    Data(Json),
    /// `{"status":1}` alone.
    Ack,
    /// `sms`: the order's own SMS, and those sent to its number for other services.
    Sms { own: Vec<Json>, other: Vec<Json> },
}

pub(crate) type Outcome = Result<Reply, Fail>;

/// Answers one call at simulated time `t` (the world is already brought up to `t`).
pub(crate) fn dispatch(
    w: &mut World,
    cfg: &SimConfig,
    method: Method,
    p: &Params,
    t: i64,
) -> Outcome {
    let key = if method.needs_key() {
        let key = p.get("apikey").ok_or(Fail::BadKey)?;
        if !seed::open_account(w, key, cfg, t) {
            return Err(Fail::BadKey);
        }
        key.to_owned()
    } else {
        String::new()
    };
    let key = key.as_str();
    match method {
        Method::GetCountries => Ok(lists::countries()),
        Method::GetData => lists::data(w, p),
        Method::GetDataWithProviders => lists::data_with_providers(w, p),
        Method::GetCountWithProviders => lists::count_with_providers(w, p),
        Method::Create => rent::create(w, key, p, t),
        Method::CreateMulti => rent::create_multi(w, key, p, t),
        Method::AddServiceToOrder => rent::add_service(w, key, p, t),
        Method::Orders => manage::orders(w, key, t),
        Method::Sms => manage::sms(w, key, p),
        Method::Prolong => manage::prolong(w, key, p, t),
        Method::Activate => manage::activate(w, key, p, t),
        Method::Delete => manage::delete(w, key, p),
        Method::GetRentHistory => restore::history(w, key, p),
        Method::RestoreUserPrecalc => restore::precalc(w, key, p, t),
        Method::RestoreUser => restore::restore(w, key, p, t),
    }
}
