//! What a screen keeps of a write it started: whether it is on its way and
//! how the last one ended. The rows, "Activate now" after renting and the
//! restore dialog each had their own copy of this; the write itself, its
//! guard and its follow-up stay in `store::writes`.

use std::future::Future;

use leptos::prelude::*;
use rentapi::ApiError;

use crate::store::writes::WriteOutcome;

/// A screen's write: `pending` while it is out, then its outcome. An
/// `Ignored` outcome (another write for the same thing was out) is not
/// kept: that one's outcome is the one to say.
#[derive(Debug)]
pub struct WriteState<T: Send + Sync + 'static = ()> {
    pending: RwSignal<bool>,
    outcome: RwSignal<Option<WriteOutcome<T>>>,
}

impl<T: Send + Sync + 'static> Clone for WriteState<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for WriteState<T> {}

impl<T: Send + Sync + 'static> Default for WriteState<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: Send + Sync + 'static> WriteState<T> {
    pub fn new() -> Self {
        Self { pending: RwSignal::new(false), outcome: RwSignal::new(None) }
    }

    /// Spawns `write` (a store's write) unless one is already pending, and
    /// keeps its outcome. A screen gone by the answer keeps nothing.
    pub fn run(self, write: impl Future<Output = WriteOutcome<T>> + 'static) {
        if self.pending_untracked() {
            return;
        }
        self.pending.set(true);
        leptos::task::spawn_local(async move {
            let outcome = write.await;
            let _ = self.pending.try_set(false);
            if !matches!(outcome, WriteOutcome::Ignored) {
                let _ = self.outcome.try_set(Some(outcome));
            }
        });
    }

    /// A write is on its way (tracked).
    pub fn pending(self) -> bool {
        self.pending.get()
    }

    /// A write is on its way (not tracked).
    pub fn pending_untracked(self) -> bool {
        self.pending.get_untracked()
    }

    /// `pending`, for the dialogs' buttons.
    pub fn pending_signal(self) -> Signal<bool> {
        self.pending.into()
    }

    /// The last write ended, whichever way (tracked).
    pub fn ended(self) -> bool {
        self.outcome.with(Option::is_some)
    }

    /// The last write was done (tracked).
    pub fn done(self) -> bool {
        self.outcome.with(|o| o.as_ref().is_some_and(WriteOutcome::is_done))
    }

    /// Why the last write did not happen (tracked). A lost answer is not
    /// one: `store::checks` finds out and says what happened.
    pub fn error(self) -> Option<ApiError> {
        self.outcome.with(|o| match o {
            Some(WriteOutcome::Failed(e)) => Some(e.clone()),
            _ => None,
        })
    }

    /// Reads the last outcome (tracked).
    pub fn with_outcome<R>(self, f: impl FnOnce(Option<&WriteOutcome<T>>) -> R) -> R {
        self.outcome.with(|o| f(o.as_ref()))
    }

    /// Forgets the last outcome (a new dialog has nothing to say yet).
    pub fn clear(self) {
        self.outcome.set(None);
    }
}
