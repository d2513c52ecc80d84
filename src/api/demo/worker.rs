//! The demo's simulator in its Web Worker, spoken to by messages (the
//! protocol is written down in `crates/demo-worker/src/main.rs`). The worker
//! starts with the engine (or earlier: `assets/early.js` starts it while
//! the wasm downloads, and it is adopted here); if it fails to load
//! (offline, never cached) or dies, the calls waiting fail as a network
//! error would, and the next call starts a new one.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use futures::channel::oneshot;
use futures::future::{Either, select};
use gloo_timers::future::TimeoutFuture;
use js_sys::{Array, Uint8Array};
use rentapi::transport::LocalFuture;
use rentapi::{RawResponse, TransportError};
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker};

use super::Engine;
// As long as the network transport waits: the first call also waits for
// the worker to download.
use crate::api::fetch::TIMEOUT_MS;
use crate::store::{keys, storage};

/// The worker's script, next to index.html (Trunk copies it from assets/),
/// then the glue and the wasm it loads.
const FILES: [&str; 3] = ["demo-worker.js", "demo.js", "demo_bg.wasm"];

type Answer = Result<RawResponse, TransportError>;

pub struct WorkerEngine {
    link: Rc<RefCell<Link>>,
}

#[derive(Default)]
struct Link {
    running: Option<Running>,
    /// The last worker that failed: kept until the next starts, as its
    /// message handler may be the code that is running.
    retired: Option<Running>,
    /// Until the worker says it listens, messages wait here.
    ready: bool,
    queued: Vec<Array>,
    waiting: HashMap<u32, oneshot::Sender<Answer>>,
    next_id: u32,
}

struct Running {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(JsValue)>,
}

impl WorkerEngine {
    pub fn start() -> Self {
        // For offline demos: the service worker keeps what it did not see
        // (a first visit loads these before it controls the page).
        for file in FILES {
            crate::pwa::keep(file);
        }
        let link = Rc::new(RefCell::new(Link::default()));
        if let Err(why) = spawn(&link) {
            web_sys::console::warn_1(&why);
        }
        Self { link }
    }

    /// Sends one message, starting a worker first if none runs.
    fn post(&self, op: &str, id: u32, text: Option<String>) -> Result<(), JsValue> {
        if self.link.borrow().running.is_none() {
            spawn(&self.link)?;
        }
        let mut link = self.link.borrow_mut();
        let message = message(op, id, text.map(JsValue::from));
        match (&link.running, link.ready) {
            (Some(running), true) => running.worker.post_message(&message),
            _ => {
                link.queued.push(message);
                Ok(())
            }
        }
    }
}

/// Demo mode left (a key was saved): the worker stops, its state saved.
impl Drop for WorkerEngine {
    fn drop(&mut self) {
        let mut link = self.link.borrow_mut();
        if let Some(running) = link.running.take() {
            running.worker.terminate();
        }
        link.retired = None;
    }
}

impl Engine for WorkerEngine {
    fn call(&self, query: String) -> LocalFuture<'static, Answer> {
        let (tx, rx) = oneshot::channel();
        let id = {
            let mut link = self.link.borrow_mut();
            let id = link.next_id.wrapping_add(1).max(1);
            link.next_id = id;
            link.waiting.insert(id, tx);
            id
        };
        if let Err(why) = self.post("call", id, Some(query)) {
            self.link.borrow_mut().waiting.remove(&id);
            return Box::pin(async move { Err(unavailable(&why)) });
        }
        let link = Rc::downgrade(&self.link);
        Box::pin(async move {
            match select(rx, TimeoutFuture::new(TIMEOUT_MS)).await {
                Either::Left((Ok(answer), _)) => answer,
                Either::Left((Err(_), _)) => Err(unavailable(&JsValue::NULL)),
                Either::Right(_) => {
                    if let Some(link) = link.upgrade() {
                        link.borrow_mut().waiting.remove(&id);
                    }
                    Err(TransportError::Timeout)
                }
            }
        })
    }

    fn reset(&self) {
        if let Err(why) = self.post("reset", 0, None) {
            web_sys::console::warn_1(&why);
        }
    }
}

/// `[op, id, now_ms, text]`.
fn message(op: &str, id: u32, text: Option<JsValue>) -> Array {
    Array::of4(
        &JsValue::from_str(op),
        &JsValue::from(id),
        &JsValue::from(crate::clock::now_ms()),
        &text.unwrap_or(JsValue::NULL),
    )
}

fn unavailable(why: &JsValue) -> TransportError {
    let why = why.as_string().unwrap_or_else(|| "it stopped".to_owned());
    TransportError::Network(format!("the demo's simulator could not run: {why}"))
}

/// Set by `assets/early.js` when the page opened in demo mode: the worker
/// it started while the wasm downloaded.
const EARLY: &str = "smsrentDemoWorker";

/// The worker early.js started, once, unless it already failed; and
/// whether it said "ready" already. Leaves `false` in its place, so that
/// an early.js that runs late (it is async) starts none.
fn adopt_early() -> Option<(Worker, bool)> {
    let window = web_sys::window()?;
    let early = js_sys::Reflect::get(&window, &EARLY.into()).ok();
    let _ = js_sys::Reflect::set(&window, &EARLY.into(), &JsValue::FALSE);
    let early = early?.dyn_into::<Worker>().ok()?;
    let flag = |name: &str| js_sys::Reflect::get(&early, &name.into()).is_ok_and(|v| v.is_truthy());
    if flag("failed") {
        early.terminate();
        return None;
    }
    let ready = flag("ready");
    Some((early, ready))
}

/// Starts a worker (or adopts early.js's), its first message the saved
/// demo account.
fn spawn(link: &Rc<RefCell<Link>>) -> Result<(), JsValue> {
    let (worker, ready) = match adopt_early() {
        Some(early) => early,
        None => (Worker::new(&format!("{}{}", crate::route::base_path(), FILES[0]))?, false),
    };
    let weak = Rc::downgrade(link);
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        received(&weak, event.data());
    });
    let weak = Rc::downgrade(link);
    let on_error = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| {
        failed(&weak, &JsValue::from_str("it stopped with an error"));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let mut link = link.borrow_mut();
    link.retired = None;
    let saved = storage::get(keys::DEMO).map(JsValue::from);
    let start = message("start", 0, saved);
    link.ready = ready;
    if ready {
        worker.post_message(&start)?;
        link.queued.clear();
    } else {
        link.queued = vec![start];
    }
    link.running = Some(Running { worker, _on_message: on_message, _on_error: on_error });
    Ok(())
}

fn received(link: &Weak<RefCell<Link>>, data: JsValue) {
    let Some(link) = link.upgrade() else { return };
    if data.as_string().as_deref() == Some("ready") {
        let mut link = link.borrow_mut();
        link.ready = true;
        let queued = std::mem::take(&mut link.queued);
        if let Some(running) = &link.running {
            for message in queued {
                let _ = running.worker.post_message(&message);
            }
        }
        return;
    }
    if !Array::is_array(&data) {
        return;
    }
    let reply = Array::from(&data);
    if reply.get(0).as_string().as_deref() == Some("failed") {
        failed(&Rc::downgrade(&link), &reply.get(1));
        return;
    }
    // Saved first, whoever waits: an answer too late for its call still
    // carries the account's state.
    if let Some(state) = reply.get(4).as_string() {
        storage::set(keys::DEMO, &state);
    }
    let (id, status) = (reply.get(0).as_f64().unwrap_or(0.0), reply.get(1).as_f64().unwrap_or(0.0));
    if status == 0.0 {
        return;
    }
    let raw = RawResponse {
        status: status as u16,
        content_type: reply.get(2).as_string().unwrap_or_default(),
        body: reply.get(3).dyn_into::<Uint8Array>().map(|b| b.to_vec()).unwrap_or_default(),
    };
    let waiter = link.borrow_mut().waiting.remove(&(id as u32));
    if let Some(tx) = waiter {
        let _ = tx.send(Ok(raw));
    }
}

/// The worker could not load or died: stop it, fail what waits.
fn failed(link: &Weak<RefCell<Link>>, why: &JsValue) {
    let Some(link) = link.upgrade() else { return };
    let waiting = {
        let mut link = link.borrow_mut();
        if let Some(running) = link.running.take() {
            running.worker.terminate();
            link.retired = Some(running);
        }
        link.ready = false;
        link.queued.clear();
        std::mem::take(&mut link.waiting)
    };
    for (_, tx) in waiting {
        let _ = tx.send(Err(unavailable(why)));
    }
}
