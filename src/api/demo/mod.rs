//! Demo mode: the simulator of the rent API, in this page, with its state
//! kept in localStorage so a reload continues the same demo account.

use std::cell::RefCell;
use std::rc::Rc;

use rentapi::sim::{SimConfig, Simulator};
use rentapi::transport::{LocalFuture, Outgoing};
use rentapi::{RawResponse, Transport, TransportError};

use crate::clock;
use crate::store::storage;

const STORAGE_KEY: &str = crate::store::keys::DEMO;

#[derive(Clone)]
pub struct DemoTransport {
    sim: Rc<RefCell<Simulator>>,
}

impl DemoTransport {
    /// The saved demo account, or a fresh one.
    pub fn load() -> Self {
        let saved = storage::get(STORAGE_KEY).and_then(|s| serde_json::from_str(&s).ok());
        let sim = saved.unwrap_or_else(|| Simulator::new(SimConfig::demo(), clock::now()));
        Self { sim: Rc::new(RefCell::new(sim)) }
    }

    /// Starts the demo account over.
    pub fn reset(&self) {
        *self.sim.borrow_mut() = Simulator::new(SimConfig::demo(), clock::now());
        self.save();
    }

    fn save(&self) {
        if let Ok(json) = serde_json::to_string(&*self.sim.borrow()) {
            storage::set(STORAGE_KEY, &json);
        }
    }
}

impl Transport for DemoTransport {
    fn send(&self, req: Outgoing) -> LocalFuture<'_, Result<RawResponse, TransportError>> {
        let raw = self.sim.borrow_mut().handle(&req.query, clock::now());
        self.save();
        Box::pin(async move { Ok(raw) })
    }
}
