//! The core's pure [`Scheduler`] driven by browser timers: every request of
//! the app goes through here, one at a time, with the gap, priorities,
//! merged reads and read-only retries that the scheduler decides.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use futures::channel::oneshot;
use leptos::prelude::*;
use rentapi::schedule::{Completion, Config, Kind, Next, Outcome, Scheduler, Ticket};
use rentapi::transport::{LocalFuture, Outgoing};
use rentapi::{NoAnswer, RawResponse, Transport, TransportError};

use crate::clock;

type Answer = Result<RawResponse, TransportError>;

struct State {
    scheduler: Scheduler,
    /// The request behind each scheduler key.
    requests: HashMap<String, Outgoing>,
    waiting: HashMap<Ticket, oneshot::Sender<Answer>>,
    /// Makes each write's key unique: two clicks are two writes, never merged.
    writes: u64,
    /// Where the reads' failures to get an answer are told.
    trouble: RwSignal<Option<Trouble>>,
}

/// The provider did not answer the last read: how, and when that read is
/// tried again (`None`: its retries are spent; the store's next poll is
/// the next try). Cleared by the next real answer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Trouble {
    pub how: NoAnswer,
    pub retry_at_ms: Option<u64>,
}

/// A transport that queues through the scheduler before the inner one.
pub struct Scheduled<T> {
    inner: Rc<T>,
    state: Rc<RefCell<State>>,
}

impl<T> Scheduled<T> {
    pub fn new(inner: T, config: Config, trouble: RwSignal<Option<Trouble>>) -> Self {
        let state = State {
            scheduler: Scheduler::new(config),
            requests: HashMap::new(),
            waiting: HashMap::new(),
            writes: 0,
            trouble,
        };
        Self { inner: Rc::new(inner), state: Rc::new(RefCell::new(state)) }
    }

    pub fn inner(&self) -> &T {
        &self.inner
    }

    /// "Try now": reads waiting out a backoff go as soon as the gap allows.
    /// Returns whether one was waiting.
    pub fn try_now(&self) -> bool
    where
        T: Transport + 'static,
    {
        let hurried = self.state.borrow_mut().scheduler.hurry(clock::now_ms() as u64);
        if hurried {
            leptos::task::spawn_local(pump(self.inner.clone(), self.state.clone()));
        }
        hurried
    }
}

impl<T: Transport + 'static> Transport for Scheduled<T> {
    fn send(&self, req: Outgoing) -> LocalFuture<'_, Answer> {
        let (tx, rx) = oneshot::channel();
        {
            let mut s = self.state.borrow_mut();
            let (key, kind) = if req.method.is_write() {
                s.writes += 1;
                (format!("{}#write{}", req.key_free, s.writes), Kind::Write)
            } else {
                (req.key_free.clone(), Kind::Read)
            };
            let priority = req.priority;
            s.requests.insert(key.clone(), req);
            let ticket = s.scheduler.submit(key, kind, priority);
            s.waiting.insert(ticket, tx);
        }
        leptos::task::spawn_local(pump(self.inner.clone(), self.state.clone()));
        Box::pin(
            async move { rx.await.unwrap_or(Err(TransportError::Network("cancelled".into()))) },
        )
    }
}

/// Sends whatever the scheduler says is due, until it says wait or idle.
/// Several pumps may run at once: the scheduler keeps one request in flight.
async fn pump<T: Transport>(inner: Rc<T>, state: Rc<RefCell<State>>) {
    loop {
        let next = state.borrow_mut().scheduler.poll(clock::now_ms() as u64);
        match next {
            Next::Send(job) => {
                let Some(req) = state.borrow().requests.get(&job.key).cloned() else {
                    continue;
                };
                let answer = inner.send(req).await;
                let no_answer = NoAnswer::of(&answer);
                let outcome = if no_answer.is_some() { Outcome::Retryable } else { Outcome::Done };
                let mut s = state.borrow_mut();
                let now = clock::now_ms() as u64;
                let completion = s.scheduler.complete(job.id, outcome, now, jitter());
                if job.kind == Kind::Read {
                    let retry_at_ms = match completion {
                        Completion::Retry { at_ms, .. } => Some(at_ms),
                        Completion::Final(_) => None,
                    };
                    let told = no_answer.map(|how| Trouble { how, retry_at_ms });
                    let trouble = s.trouble;
                    if trouble.try_get_untracked().is_some_and(|t| t != told) {
                        trouble.try_set(told);
                    }
                }
                let Completion::Final(done) = completion else {
                    continue; // a read queued again for a retry: its callers keep waiting
                };
                s.requests.remove(&job.key);
                // Every caller of a merged read gets the answer; the last
                // one takes it as it is (a list's body is not copied for
                // the usual single caller).
                let mut callers: Vec<_> =
                    done.into_iter().filter_map(|ticket| s.waiting.remove(&ticket)).collect();
                let last = callers.pop();
                for tx in callers {
                    let _ = tx.send(answer.clone());
                }
                if let Some(tx) = last {
                    let _ = tx.send(answer);
                }
            }
            Next::WaitUntil(at) => {
                let wait = at.saturating_sub(clock::now_ms() as u64).max(1);
                gloo_timers::future::sleep(std::time::Duration::from_millis(wait)).await;
            }
            Next::Idle | Next::Busy => return,
        }
    }
}

fn jitter() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Math::random()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0.5
    }
}
