//! Demo mode: the simulator of the rent API, in a Web Worker of its own
//! (`crates/demo-worker`), loaded only when demo mode starts. Its state is
//! kept in localStorage so a reload continues the same demo account.

mod worker;

use std::cell::Cell;
use std::rc::Rc;

use rentapi::transport::{LocalFuture, Outgoing};
use rentapi::{RawResponse, Transport, TransportError};

/// Where the demo's simulator runs.
pub trait Engine {
    /// Answers one GET query as the demo account, and saves its state.
    fn call(&self, query: String) -> LocalFuture<'static, Result<RawResponse, TransportError>>;
    /// Starts the demo account over. Calls made after it see the new one.
    fn reset(&self);
}

/// Starts an engine with the saved demo account.
pub type Start = fn() -> Rc<dyn Engine>;

thread_local! {
    static IN_PAGE: Cell<Option<Start>> = const { Cell::new(None) };
}

/// Runs demo mode on `start`'s engine instead of the worker: for the
/// browser tests, whose runner serves no worker script.
pub fn run_demo_on(start: Start) {
    IN_PAGE.set(Some(start));
}

#[derive(Clone)]
pub struct DemoTransport {
    engine: Rc<dyn Engine>,
}

impl DemoTransport {
    /// The saved demo account, or a fresh one.
    pub fn load() -> Self {
        let engine = match IN_PAGE.get() {
            Some(start) => start(),
            None => Rc::new(worker::WorkerEngine::start()),
        };
        Self { engine }
    }

    /// Starts the demo account over.
    pub fn reset(&self) {
        self.engine.reset();
    }
}

impl Transport for DemoTransport {
    fn send(&self, req: Outgoing) -> LocalFuture<'_, Result<RawResponse, TransportError>> {
        self.engine.call(req.query)
    }
}
