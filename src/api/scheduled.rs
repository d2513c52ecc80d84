//! The core's pure [`Scheduler`] driven by browser timers: every request of
//! the app goes through here, one at a time, with the gap, priorities,
//! merged reads and read-only retries that the scheduler decides. One
//! long-lived task ([`drive`]) sends what the scheduler hands back; a new
//! request or "Try now" wakes it.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use futures::channel::{mpsc, oneshot};
use futures::future::{Either, select};
use futures::{FutureExt, StreamExt};
use leptos::prelude::*;
use rentapi::schedule::{Completion, Config, Kind, Next, Outcome, Scheduler, Ticket};
use rentapi::transport::{LocalFuture, Outgoing};
use rentapi::{NoAnswer, RawResponse, Transport, TransportError};

use crate::clock;

type Answer = Result<RawResponse, TransportError>;

struct State {
    scheduler: Scheduler<Outgoing>,
    waiting: HashMap<Ticket, oneshot::Sender<Answer>>,
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
/// Dropping it (the account changed) ends its driver once it is idle.
pub struct Scheduled<T> {
    inner: Rc<T>,
    state: Rc<RefCell<State>>,
    wake: mpsc::UnboundedSender<()>,
}

impl<T: Transport + 'static> Scheduled<T> {
    pub fn new(inner: T, config: Config, trouble: RwSignal<Option<Trouble>>) -> Self {
        let state = State { scheduler: Scheduler::new(config), waiting: HashMap::new(), trouble };
        let (inner, state) = (Rc::new(inner), Rc::new(RefCell::new(state)));
        let (wake, woken) = mpsc::unbounded();
        // The browser's own task queue, not Leptos's executor: a client can
        // be made before the app is mounted.
        wasm_bindgen_futures::spawn_local(drive(inner.clone(), state.clone(), woken));
        Self { inner, state, wake }
    }
}

impl<T> Scheduled<T> {
    pub fn inner(&self) -> &T {
        &self.inner
    }

    /// "Try now": reads waiting out a backoff go as soon as the gap allows.
    /// Returns whether one was waiting.
    pub fn try_now(&self) -> bool {
        let hurried = self.state.borrow_mut().scheduler.hurry(clock::monotonic_ms() as u64);
        if hurried {
            let _ = self.wake.unbounded_send(());
        }
        hurried
    }
}

impl<T: Transport + 'static> Transport for Scheduled<T> {
    fn send(&self, req: Outgoing) -> LocalFuture<'_, Answer> {
        let (tx, rx) = oneshot::channel();
        {
            let mut s = self.state.borrow_mut();
            let kind = if req.method.is_write() { Kind::Write } else { Kind::Read };
            let (key, priority) = (req.key_free.clone(), req.priority);
            let ticket = s.scheduler.submit(key, kind, priority, req);
            s.waiting.insert(ticket, tx);
        }
        let _ = self.wake.unbounded_send(());
        Box::pin(
            async move { rx.await.unwrap_or(Err(TransportError::Network("cancelled".into()))) },
        )
    }
}

/// Sends whatever the scheduler says is due; between, sleeps until the
/// next one is due or a new request (or "Try now") wakes it. Ends when the
/// [`Scheduled`] is gone (its waker dropped).
async fn drive<T: Transport>(
    inner: Rc<T>,
    state: Rc<RefCell<State>>,
    mut woken: mpsc::UnboundedReceiver<()>,
) {
    loop {
        let next = state.borrow_mut().scheduler.poll(clock::monotonic_ms() as u64);
        match next {
            Next::Send(job) => {
                let answer = inner.send(job.payload).await;
                let no_answer = NoAnswer::of(&answer);
                let outcome = if no_answer.is_some() { Outcome::Retryable } else { Outcome::Done };
                let mut s = state.borrow_mut();
                let now = clock::monotonic_ms() as u64;
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
                let wait = at.saturating_sub(clock::monotonic_ms() as u64).max(1);
                let timer = gloo_timers::future::sleep(std::time::Duration::from_millis(wait));
                if let Either::Right((None, _)) = select(timer.fuse(), woken.next()).await {
                    return;
                }
            }
            // (Busy cannot happen here: this is the only sender and it
            // awaits each answer; waiting for a wake covers it anyway.)
            Next::Idle | Next::Busy => {
                if woken.next().await.is_none() {
                    return;
                }
            }
        }
        // Many wakes may have piled up: one poll answers them all.
        while woken.try_recv().is_ok() {}
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
