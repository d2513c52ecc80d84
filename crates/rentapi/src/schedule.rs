//! The request queue as pure logic: which request goes next, and when.
//!
//! The provider asks for 4–5 seconds between queries, a person waiting on a
//! button must not sit behind background polling, the same read must not go
//! out twice at once, and a request that moves money must go out exactly as
//! many times as the user asked. All of that is decided here, with no
//! timers, no async and no clock of its own: the caller passes `now_ms` and
//! a jitter value, so every rule is tested with a fake clock.
//!
//! The scheduler keeps each request's payload (`P`, what the driver will
//! send) and hands it back when it is due, as a sans-IO protocol core hands
//! back what to transmit: the driver keeps no table of its own beside it.
//!
//! The driver (the app's async loop) does:
//! 1. [`Scheduler::submit`] for each request, keeping `Ticket → waiter`.
//! 2. [`Scheduler::poll`]: on [`Next::Send`] send the job's payload, on
//!    [`Next::WaitUntil`] sleep until then (or until the next submit), on
//!    [`Next::Busy`] / [`Next::Idle`] wait for a completion / a submit.
//! 3. [`Scheduler::complete`] with the job's outcome: on
//!    [`Completion::Final`] hand the response to every listed ticket's
//!    waiter; on [`Completion::Retry`] nothing is delivered yet.

/// Who is waiting: a person's action goes before background polling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Priority {
    /// A person pressed something and is waiting.
    User,
    /// Polling and refreshes nobody is waiting for.
    Background,
}

/// Reads may be merged and retried; writes (money, order changes) never.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Changes nothing: identical reads share one request, and a failed
    /// one is tried again.
    Read,
    /// Spends money or changes an order: sent once, as asked.
    Write,
}

/// Timing rules. All durations in milliseconds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Least time between the starts of two requests.
    pub min_gap_ms: u64,
    /// Retries of a read after its first attempt (so at most
    /// `1 + max_retries` sends).
    pub max_retries: u32,
    /// Backoff before the first retry; doubles with each further retry.
    pub base_backoff_ms: u64,
    /// Ceiling of the backoff.
    pub max_backoff_ms: u64,
}

impl Default for Config {
    /// 4 s between requests (the provider's 4–5 s, about 15 a minute of
    /// the allowed 40), 3 retries, 2 s doubling up to a minute.
    fn default() -> Self {
        Self { min_gap_ms: 4000, max_retries: 3, base_backoff_ms: 2000, max_backoff_ms: 60_000 }
    }
}

impl Config {
    /// The wait before retry number `retry` (1 for the first retry):
    /// `d = min(max, base·2^(retry-1))`, then "equal jitter", a wait between
    /// `d/2` and `d` picked by `jitter` in `[0, 1)`. Half of `d` is always
    /// waited, so retries never hammer the API; the other half spreads
    /// clients that failed together. Never more than `max_backoff_ms`.
    pub fn backoff_ms(&self, retry: u32, jitter: f64) -> u64 {
        let doublings = retry.saturating_sub(1).min(63);
        let d = self.base_backoff_ms.saturating_mul(1u64 << doublings).min(self.max_backoff_ms);
        let jitter = if jitter.is_finite() { jitter.clamp(0.0, 1.0) } else { 0.0 };
        let half = d / 2;
        // `as` saturates, and `(d - half) * jitter` stays below `d - half`.
        half + (((d - half) as f64) * jitter) as u64
    }
}

/// One caller's claim on a request's outcome. Several tickets can share one
/// job (merged reads); each is resolved exactly once, or cancelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ticket(u64);

/// One request to send (and maybe re-send, for a retried read).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct JobId(u64);

/// A request to send now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job<P = ()> {
    /// Which job this is, for [`Scheduler::complete`].
    pub id: JobId,
    /// The key given to [`Scheduler::submit`] (the query without the key).
    pub key: String,
    /// Read or write, as submitted.
    pub kind: Kind,
    /// 0 for the first send, then 1, 2, … for retries.
    pub attempt: u32,
    /// What was submitted with the job (for merged reads, the first's).
    pub payload: P,
}

/// What the driver should do now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Next<P = ()> {
    /// Send this request now, then report with [`Scheduler::complete`].
    Send(Job<P>),
    /// Nothing may go before this time; poll again then (or sooner, after a
    /// submit).
    WaitUntil(u64),
    /// Nothing queued.
    Idle,
    /// A request is in flight; poll again after completing it.
    Busy,
}

/// How a sent request ended, as the driver classifies it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// A success, or a failure that trying again won't fix.
    Done,
    /// A failure worth another try (network, 5xx, rate limit). Only reads
    /// are retried; for a write it counts as [`Outcome::Done`].
    Retryable,
}

/// What [`Scheduler::complete`] decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Completion {
    /// The outcome is final: deliver it to these tickets (possibly none,
    /// when all were cancelled or the job was unknown).
    Final(Vec<Ticket>),
    /// The read was queued again as retry number `attempt`, not before
    /// `at_ms`. Its tickets stay pending.
    Retry {
        /// 1 for the first retry, then 2, 3, …
        attempt: u32,
        /// The earliest time it may be sent again.
        at_ms: u64,
    },
}

#[derive(Debug)]
struct Entry<P> {
    id: JobId,
    key: String,
    kind: Kind,
    priority: Priority,
    /// Submission order within the queue: FIFO within a priority.
    seq: u64,
    /// Backoff: the job may not start before this.
    not_before: u64,
    attempt: u32,
    tickets: Vec<Ticket>,
    payload: P,
}

impl<P> Entry<P> {
    fn order(&self) -> (Priority, u64) {
        (self.priority, self.seq)
    }
}

/// The one queue every request goes through, each request carrying its
/// payload `P`.
#[derive(Debug)]
pub struct Scheduler<P = ()> {
    cfg: Config,
    queue: Vec<Entry<P>>,
    in_flight: Option<Entry<P>>,
    /// When the last request started, for the gap.
    last_start: Option<u64>,
    next_id: u64,
}

impl<P: Clone> Scheduler<P> {
    /// An empty queue with these timing rules.
    pub fn new(cfg: Config) -> Self {
        Self { cfg, queue: Vec::new(), in_flight: None, last_start: None, next_id: 0 }
    }

    /// The timing rules it was made with.
    pub fn config(&self) -> &Config {
        &self.cfg
    }

    fn fresh(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }

    /// Queues a request, or joins an identical read already queued or in
    /// flight (same `key`): then no new request is sent and the ticket gets
    /// that job's outcome. A [`Priority::User`] read joining a background
    /// one lifts the job to user priority, behind user jobs already queued.
    /// Writes always get a job of their own (keys need not differ).
    pub fn submit(
        &mut self,
        key: impl Into<String>,
        kind: Kind,
        priority: Priority,
        payload: P,
    ) -> Ticket {
        let key = key.into();
        let ticket = Ticket(self.fresh());
        if kind == Kind::Read {
            let seq = self.fresh(); // a lifted job queues behind earlier user jobs
            let same = |e: &&mut Entry<P>| e.kind == Kind::Read && e.key == key;
            if let Some(e) = self.in_flight.iter_mut().chain(self.queue.iter_mut()).find(same) {
                e.tickets.push(ticket);
                if priority < e.priority {
                    e.priority = priority;
                    e.seq = seq;
                }
                return ticket;
            }
        }
        let id = JobId(self.fresh());
        let seq = self.fresh();
        let tickets = vec![ticket];
        self.queue.push(Entry {
            id,
            key,
            kind,
            priority,
            seq,
            not_before: 0,
            attempt: 0,
            tickets,
            payload,
        });
        ticket
    }

    /// The next thing to do at `now_ms`. A [`Next::Send`] marks the job in
    /// flight and starts the gap; a job waiting out its backoff does not
    /// hold back jobs that are ready.
    pub fn poll(&mut self, now_ms: u64) -> Next<P> {
        if self.in_flight.is_some() {
            return Next::Busy;
        }
        let Some(earliest_job) = self.queue.iter().map(|e| e.not_before).min() else {
            return Next::Idle;
        };
        let gap_end = self.last_start.map_or(0, |t| t.saturating_add(self.cfg.min_gap_ms));
        let earliest = gap_end.max(earliest_job);
        if earliest > now_ms {
            return Next::WaitUntil(earliest);
        }
        let best = (0..self.queue.len())
            .filter(|&i| self.queue[i].not_before <= now_ms)
            .min_by_key(|&i| self.queue[i].order())
            .expect("a job is ready: earliest <= now");
        let entry = self.queue.remove(best);
        let job = Job {
            id: entry.id,
            key: entry.key.clone(),
            kind: entry.kind,
            attempt: entry.attempt,
            payload: entry.payload.clone(),
        };
        self.in_flight = Some(entry);
        self.last_start = Some(now_ms);
        Next::Send(job)
    }

    /// Reports how the in-flight job ended. A retryable failure of a read
    /// with retries left queues it again after a backoff (see
    /// [`Config::backoff_ms`]; `jitter` in `[0, 1)`); anything else is
    /// final for all its tickets. An id that is not in flight is ignored.
    pub fn complete(
        &mut self,
        job: JobId,
        outcome: Outcome,
        now_ms: u64,
        jitter: f64,
    ) -> Completion {
        if self.in_flight.as_ref().is_none_or(|e| e.id != job) {
            return Completion::Final(Vec::new());
        }
        let Some(mut entry) = self.in_flight.take() else { return Completion::Final(Vec::new()) };
        let retry = entry.attempt + 1;
        let again = outcome == Outcome::Retryable
            && entry.kind == Kind::Read
            && retry <= self.cfg.max_retries
            && !entry.tickets.is_empty();
        if !again {
            return Completion::Final(entry.tickets);
        }
        let at_ms = now_ms.saturating_add(self.cfg.backoff_ms(retry, jitter));
        entry.attempt = retry;
        entry.not_before = at_ms;
        self.queue.push(entry);
        Completion::Retry { attempt: retry, at_ms }
    }

    /// Withdraws a ticket (a poll nobody wants any more). A queued job left
    /// without tickets is dropped; one in flight runs to its end and its
    /// outcome goes to nobody. Returns whether the ticket was pending.
    pub fn cancel(&mut self, ticket: Ticket) -> bool {
        let holder = self.in_flight.iter_mut().chain(self.queue.iter_mut());
        for e in holder {
            if let Some(i) = e.tickets.iter().position(|t| *t == ticket) {
                e.tickets.remove(i);
                self.queue.retain(|e| !e.tickets.is_empty());
                return true;
            }
        }
        false
    }

    /// A person asked to try now: reads waiting out a backoff may go at
    /// once (the gap between requests still holds). Returns whether any
    /// was waiting.
    pub fn hurry(&mut self, now_ms: u64) -> bool {
        let mut any = false;
        for e in self.queue.iter_mut().filter(|e| e.not_before > now_ms) {
            e.not_before = now_ms;
            any = true;
        }
        any
    }

    /// Whether a request has been sent and not yet completed.
    pub fn in_flight(&self) -> bool {
        self.in_flight.is_some()
    }

    /// Jobs waiting to be sent (retries included, the in-flight one not).
    pub fn queued(&self) -> usize {
        self.queue.len()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{HashMap, HashSet};

    use proptest::prelude::*;

    use super::*;

    const GAP: u64 = 4000;

    fn sched() -> Scheduler {
        Scheduler::new(Config::default())
    }

    #[track_caller]
    fn send(s: &mut Scheduler, now: u64) -> Job {
        match s.poll(now) {
            Next::Send(job) => job,
            other => panic!("expected a send at {now}, got {other:?}"),
        }
    }

    #[test]
    fn each_job_hands_back_its_payload_also_on_a_retry() {
        let mut s: Scheduler<&'static str> = Scheduler::new(Config::default());
        s.submit("orders", Kind::Read, Priority::Background, "read");
        s.submit("orders", Kind::Read, Priority::User, "merged, not sent");
        s.submit("prolong&id=7", Kind::Write, Priority::User, "first prolong");
        s.submit("prolong&id=7", Kind::Write, Priority::User, "second prolong");
        let payload = |s: &mut Scheduler<&'static str>, now| match s.poll(now) {
            Next::Send(job) => (job.payload, job.attempt),
            other => panic!("expected a send at {now}, got {other:?}"),
        };
        assert_eq!(payload(&mut s, 0), ("read", 0));
        let Next::Busy = s.poll(1) else { panic!("one in flight") };
        let id = JobId(s.in_flight.as_ref().map(|e| e.id.0).unwrap());
        assert!(matches!(s.complete(id, Outcome::Retryable, 10, 0.0), Completion::Retry { .. }));
        assert_eq!(payload(&mut s, GAP), ("read", 1));
        let id = JobId(s.in_flight.as_ref().map(|e| e.id.0).unwrap());
        assert!(
            matches!(s.complete(id, Outcome::Done, GAP + 10, 0.0), Completion::Final(t) if t.len() == 2)
        );
        // Two writes with one key: two jobs, each with its own payload.
        assert_eq!(payload(&mut s, 2 * GAP), ("first prolong", 0));
        let id = JobId(s.in_flight.as_ref().map(|e| e.id.0).unwrap());
        s.complete(id, Outcome::Done, 2 * GAP + 10, 0.0);
        assert_eq!(payload(&mut s, 3 * GAP), ("second prolong", 0));
    }

    #[track_caller]
    fn done(s: &mut Scheduler, job: &Job, now: u64) -> Vec<Ticket> {
        match s.complete(job.id, Outcome::Done, now, 0.0) {
            Completion::Final(t) => t,
            other => panic!("expected final, got {other:?}"),
        }
    }

    #[test]
    fn idle_when_empty_and_first_send_is_immediate() {
        let mut s = sched();
        assert_eq!(s.poll(0), Next::Idle);
        let t = s.submit("orders", Kind::Read, Priority::User, ());
        let job = send(&mut s, 10);
        assert_eq!((job.key.as_str(), job.kind, job.attempt), ("orders", Kind::Read, 0));
        assert_eq!(done(&mut s, &job, 20), vec![t]);
        assert_eq!(s.poll(20), Next::Idle);
    }

    #[test]
    fn gap_between_starts() {
        let mut s = sched();
        s.submit("a", Kind::Read, Priority::User, ());
        s.submit("b", Kind::Read, Priority::User, ());
        let a = send(&mut s, 1000);
        done(&mut s, &a, 1200);
        assert_eq!(s.poll(1200), Next::WaitUntil(1000 + GAP));
        assert_eq!(s.poll(1000 + GAP - 1), Next::WaitUntil(1000 + GAP));
        assert_eq!(send(&mut s, 1000 + GAP).key, "b");
    }

    #[test]
    fn gap_is_configurable_and_counts_from_start_not_end() {
        let mut s = Scheduler::new(Config { min_gap_ms: 500, ..Config::default() });
        s.submit("a", Kind::Read, Priority::User, ());
        s.submit("b", Kind::Read, Priority::User, ());
        let a = send(&mut s, 0);
        done(&mut s, &a, 700); // a slow request already used up the gap
        assert_eq!(send(&mut s, 700).key, "b");
    }

    #[test]
    fn one_in_flight() {
        let mut s = sched();
        s.submit("a", Kind::Read, Priority::User, ());
        s.submit("b", Kind::Write, Priority::User, ());
        let a = send(&mut s, 0);
        assert!(s.in_flight());
        assert_eq!(s.poll(GAP * 10), Next::Busy);
        done(&mut s, &a, GAP * 10);
        assert!(!s.in_flight());
        assert_eq!(send(&mut s, GAP * 10).key, "b");
    }

    #[test]
    fn user_before_background_and_fifo_within_each() {
        let mut s = sched();
        s.submit("bg1", Kind::Read, Priority::Background, ());
        s.submit("u1", Kind::Read, Priority::User, ());
        s.submit("bg2", Kind::Read, Priority::Background, ());
        s.submit("u2", Kind::Write, Priority::User, ());
        let mut order = Vec::new();
        let mut now = 0;
        while let Next::Send(job) = s.poll(now) {
            order.push(job.key.clone());
            done(&mut s, &job, now);
            now += GAP;
        }
        assert_eq!(order, ["u1", "u2", "bg1", "bg2"]);
    }

    #[test]
    fn queued_reads_merge() {
        let mut s = sched();
        let t1 = s.submit("sms&id=1", Kind::Read, Priority::Background, ());
        let t2 = s.submit("sms&id=1", Kind::Read, Priority::Background, ());
        assert_ne!(t1, t2);
        assert_eq!(s.queued(), 1);
        let job = send(&mut s, 0);
        assert_eq!(done(&mut s, &job, 1), vec![t1, t2]);
        assert_eq!(s.poll(GAP), Next::Idle);
    }

    #[test]
    fn in_flight_read_merges() {
        let mut s = sched();
        let t1 = s.submit("orders", Kind::Read, Priority::Background, ());
        let job = send(&mut s, 0);
        let t2 = s.submit("orders", Kind::Read, Priority::User, ());
        assert_eq!(s.queued(), 0);
        assert_eq!(done(&mut s, &job, 1), vec![t1, t2]);
        assert_eq!(s.poll(GAP), Next::Idle);
    }

    #[test]
    fn a_read_after_completion_is_a_new_request() {
        let mut s = sched();
        s.submit("orders", Kind::Read, Priority::User, ());
        let job = send(&mut s, 0);
        done(&mut s, &job, 1);
        let t = s.submit("orders", Kind::Read, Priority::User, ());
        let again = send(&mut s, GAP);
        assert_ne!(again.id, job.id);
        assert_eq!(done(&mut s, &again, GAP), vec![t]);
    }

    #[test]
    fn writes_never_merge() {
        let mut s = sched();
        let t1 = s.submit("prolong&id=7", Kind::Write, Priority::User, ());
        let t2 = s.submit("prolong&id=7", Kind::Write, Priority::User, ());
        assert_eq!(s.queued(), 2);
        let first = send(&mut s, 0);
        // Nor does a write join an in-flight one.
        let t3 = s.submit("prolong&id=7", Kind::Write, Priority::User, ());
        assert_eq!(done(&mut s, &first, 1), vec![t1]);
        let second = send(&mut s, GAP);
        assert_eq!(done(&mut s, &second, GAP), vec![t2]);
        let third = send(&mut s, 2 * GAP);
        assert_eq!(done(&mut s, &third, 2 * GAP), vec![t3]);
        assert_eq!(s.poll(3 * GAP), Next::Idle);
    }

    #[test]
    fn a_read_and_a_write_with_one_key_stay_apart() {
        let mut s = sched();
        s.submit("k", Kind::Write, Priority::User, ());
        s.submit("k", Kind::Read, Priority::User, ());
        assert_eq!(s.queued(), 2);
    }

    #[test]
    fn writes_are_never_retried() {
        let mut s = sched();
        let t = s.submit("create", Kind::Write, Priority::User, ());
        let job = send(&mut s, 0);
        assert_eq!(s.complete(job.id, Outcome::Retryable, 1, 0.5), Completion::Final(vec![t]));
        assert_eq!(s.poll(GAP * 100), Next::Idle);
    }

    #[test]
    fn backoff_grows_caps_and_jitters() {
        let cfg = Config { base_backoff_ms: 1000, max_backoff_ms: 5000, ..Config::default() };
        let full: Vec<u64> = (1..=5).map(|r| cfg.backoff_ms(r, 0.999_999)).collect();
        let low: Vec<u64> = (1..=5).map(|r| cfg.backoff_ms(r, 0.0)).collect();
        assert_eq!(low, [500, 1000, 2000, 2500, 2500]);
        assert_eq!(full, [999, 1999, 3999, 4999, 4999]);
        assert_eq!(cfg.backoff_ms(2, 0.5), 1500);
        // Huge retry counts and bad jitter values stay in range.
        assert_eq!(cfg.backoff_ms(u32::MAX, 0.0), 2500);
        assert_eq!(cfg.backoff_ms(3, f64::NAN), 2000);
        assert_eq!(cfg.backoff_ms(3, -1.0), 2000);
        assert!(cfg.backoff_ms(3, 7.0) <= 5000);
    }

    #[test]
    fn retried_read_waits_its_backoff_then_goes() {
        let mut s = sched();
        let t = s.submit("orders", Kind::Read, Priority::User, ());
        let job = send(&mut s, 0);
        let c = s.complete(job.id, Outcome::Retryable, 100, 0.0);
        // First retry: base 2000, equal jitter at 0 → 1000 ms.
        assert_eq!(c, Completion::Retry { attempt: 1, at_ms: 1100 });
        assert_eq!(s.queued(), 1);
        // The gap (from 0) ends at 4000, after the backoff.
        assert_eq!(s.poll(1100), Next::WaitUntil(GAP));
        let retry = send(&mut s, GAP);
        assert_eq!((retry.id, retry.attempt), (job.id, 1));
        let c = s.complete(retry.id, Outcome::Retryable, GAP, 0.0);
        assert_eq!(c, Completion::Retry { attempt: 2, at_ms: GAP + 2000 });
        let c = s.complete(retry.id, Outcome::Done, GAP, 0.0);
        assert_eq!(c, Completion::Final(vec![]), "not in flight: ignored");
        let retry = send(&mut s, 2 * GAP);
        assert_eq!(retry.attempt, 2);
        assert_eq!(done(&mut s, &retry, 2 * GAP), vec![t]);
    }

    #[test]
    fn hurry_ends_a_backoff_but_not_the_gap() {
        let slow = Config { base_backoff_ms: 10_000, max_backoff_ms: 60_000, ..Config::default() };
        let mut s = Scheduler::new(slow);
        s.submit("orders", Kind::Read, Priority::Background, ());
        let job = send(&mut s, 0);
        let c = s.complete(job.id, Outcome::Retryable, 100, 0.999);
        let Completion::Retry { at_ms, .. } = c else { panic!("{c:?}") };
        assert!(at_ms > GAP, "the backoff outlasts the gap here: {at_ms}");
        assert_eq!(s.poll(GAP + 1), Next::WaitUntil(at_ms));
        assert!(s.hurry(GAP + 1));
        assert_eq!(send(&mut s, GAP + 1).id, job.id);
        // Nothing waiting: nothing to hurry.
        assert!(!s.hurry(GAP + 2));
        // Within the gap, hurrying still waits for it.
        let mut s = sched();
        s.submit("a", Kind::Read, Priority::User, ());
        let a = send(&mut s, 0);
        s.complete(a.id, Outcome::Retryable, 10, 0.999);
        s.hurry(20);
        assert_eq!(s.poll(20), Next::WaitUntil(GAP));
    }

    #[test]
    fn backoff_does_not_block_ready_jobs() {
        let cfg = Config { base_backoff_ms: 40_000, max_backoff_ms: 60_000, ..Config::default() };
        let mut s = Scheduler::new(cfg);
        s.submit("orders", Kind::Read, Priority::User, ());
        let job = send(&mut s, 0);
        assert!(matches!(
            s.complete(job.id, Outcome::Retryable, 10, 0.0),
            Completion::Retry { .. }
        ));
        s.submit("bg", Kind::Read, Priority::Background, ());
        // The user-priority retry waits 20 s; the background job goes first.
        assert_eq!(send(&mut s, GAP).key, "bg");
        assert_eq!(s.complete(JobId(u64::MAX), Outcome::Done, GAP, 0.0), Completion::Final(vec![]));
        assert_eq!(s.poll(GAP + 1), Next::Busy);
    }

    #[test]
    fn wait_until_the_earliest_backoff() {
        let cfg = Config { min_gap_ms: 0, ..Config::default() };
        let mut s = Scheduler::new(cfg);
        s.submit("a", Kind::Read, Priority::User, ());
        let a = send(&mut s, 0);
        s.complete(a.id, Outcome::Retryable, 0, 0.0); // back at 1000
        assert_eq!(s.poll(0), Next::WaitUntil(1000));
        assert_eq!(send(&mut s, 1000).attempt, 1);
    }

    #[test]
    fn retries_run_out_then_final() {
        let mut s = sched();
        let t = s.submit("orders", Kind::Read, Priority::User, ());
        let mut now = 0;
        let mut sends = 0;
        let last = loop {
            let job = match s.poll(now) {
                Next::Send(job) => job,
                Next::WaitUntil(t) => {
                    now = t;
                    continue;
                }
                other => panic!("unexpected {other:?}"),
            };
            sends += 1;
            match s.complete(job.id, Outcome::Retryable, now, 0.3) {
                Completion::Retry { attempt, .. } => assert_eq!(attempt, job.attempt + 1),
                Completion::Final(tickets) => break tickets,
            }
        };
        assert_eq!(sends, 1 + Config::default().max_retries);
        assert_eq!(last, vec![t]);
        assert_eq!(s.poll(now + 1_000_000), Next::Idle);
    }

    #[test]
    fn user_read_lifts_a_queued_background_read() {
        let mut s = sched();
        s.submit("other-bg", Kind::Read, Priority::Background, ());
        s.submit("orders", Kind::Read, Priority::Background, ());
        s.submit("u1", Kind::Read, Priority::User, ());
        let t_user = s.submit("orders", Kind::Read, Priority::User, ());
        assert_eq!(s.queued(), 3);
        let mut order = Vec::new();
        let mut now = 0;
        while let Next::Send(job) = s.poll(now) {
            let tickets = done(&mut s, &job, now);
            if job.key == "orders" {
                assert_eq!(tickets.len(), 2);
                assert!(tickets.contains(&t_user));
            }
            order.push(job.key);
            now += GAP;
        }
        // Lifted to user priority, behind the user job queued before.
        assert_eq!(order, ["u1", "orders", "other-bg"]);
    }

    #[test]
    fn background_read_joining_a_user_read_keeps_it_user() {
        let mut s = sched();
        s.submit("u1", Kind::Read, Priority::User, ());
        s.submit("orders", Kind::Read, Priority::User, ());
        s.submit("orders", Kind::Read, Priority::Background, ());
        s.submit("u2", Kind::Read, Priority::User, ());
        let keys: Vec<String> = (0..3)
            .map(|i| {
                let job = send(&mut s, i * GAP);
                done(&mut s, &job, i * GAP);
                job.key
            })
            .collect();
        assert_eq!(keys, ["u1", "orders", "u2"]);
    }

    #[test]
    fn lifted_priority_survives_a_retry() {
        let mut s = sched();
        s.submit("orders", Kind::Read, Priority::Background, ());
        let job = send(&mut s, 0);
        s.submit("orders", Kind::Read, Priority::User, ());
        s.complete(job.id, Outcome::Retryable, 0, 0.0);
        s.submit("bg", Kind::Read, Priority::Background, ());
        assert_eq!(send(&mut s, GAP).key, "orders");
    }

    #[test]
    fn cancel() {
        let mut s = sched();
        let a1 = s.submit("a", Kind::Read, Priority::Background, ());
        let a2 = s.submit("a", Kind::Read, Priority::Background, ());
        let b = s.submit("b", Kind::Write, Priority::User, ());
        // A write not yet sent can be withdrawn.
        assert!(s.cancel(b));
        assert!(!s.cancel(b), "already gone");
        assert_eq!(s.queued(), 1);
        // A merged job stays while one ticket is left.
        assert!(s.cancel(a1));
        assert_eq!(s.queued(), 1);
        let job = send(&mut s, 0);
        assert_eq!(done(&mut s, &job, 1), vec![a2]);
        assert!(!s.cancel(a2), "already resolved");
        // The last ticket gone: the job is dropped.
        let c = s.submit("c", Kind::Read, Priority::Background, ());
        assert!(s.cancel(c));
        assert_eq!(s.poll(GAP), Next::Idle);
    }

    #[test]
    fn cancel_in_flight_runs_to_the_end_and_is_not_retried() {
        let mut s = sched();
        let t = s.submit("orders", Kind::Read, Priority::Background, ());
        let job = send(&mut s, 0);
        assert!(s.cancel(t));
        assert!(s.in_flight());
        assert_eq!(s.poll(GAP), Next::Busy);
        assert_eq!(s.complete(job.id, Outcome::Retryable, 1, 0.0), Completion::Final(vec![]));
        assert_eq!(s.poll(GAP), Next::Idle);
    }

    // Random drives of the scheduler, checked against the rules.

    #[derive(Debug, Clone)]
    enum Op {
        SubmitRead {
            key: u8,
            user: bool,
        },
        SubmitWrite {
            user: bool,
        },
        /// Let time pass, then poll.
        Poll {
            after_ms: u64,
        },
        /// Complete the in-flight job, if any.
        Complete {
            retryable: bool,
            jitter: f64,
            after_ms: u64,
        },
        /// Cancel the n-th ticket issued so far (modulo).
        Cancel {
            nth: usize,
        },
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            3 => (0u8..4, any::<bool>()).prop_map(|(key, user)| Op::SubmitRead { key, user }),
            1 => any::<bool>().prop_map(|user| Op::SubmitWrite { user }),
            4 => (0u64..6000).prop_map(|after_ms| Op::Poll { after_ms }),
            3 => (any::<bool>(), 0.0..1.0f64, 0u64..3000)
                .prop_map(|(retryable, jitter, after_ms)| Op::Complete { retryable, jitter, after_ms }),
            1 => any::<usize>().prop_map(|nth| Op::Cancel { nth }),
        ]
    }

    /// Test-side bookkeeping: what was sent, resolved and cancelled.
    #[derive(Default)]
    struct World {
        now: u64,
        sends: Vec<(u64, Job)>,
        in_flight: Option<Job>,
        tickets: Vec<(Ticket, String, Kind)>,
        resolved: Vec<Ticket>,
        cancelled: HashSet<Ticket>,
        /// Write keys withdrawn before their request went out.
        unsent_cancelled_writes: HashSet<String>,
    }

    impl World {
        fn poll(&mut self, s: &mut Scheduler) -> Result<Next, TestCaseError> {
            let next = s.poll(self.now);
            match &next {
                Next::Send(job) => {
                    prop_assert!(self.in_flight.is_none(), "two in flight");
                    prop_assert!(job.attempt <= s.config().max_retries);
                    if let Some((last, _)) = self.sends.last() {
                        prop_assert!(self.now >= last + s.config().min_gap_ms, "gap broken");
                    }
                    self.sends.push((self.now, job.clone()));
                    self.in_flight = Some(job.clone());
                }
                Next::Busy => prop_assert!(self.in_flight.is_some()),
                Next::WaitUntil(t) => prop_assert!(*t > self.now, "waiting for the past"),
                Next::Idle => prop_assert_eq!(s.queued(), 0),
            }
            prop_assert_eq!(s.in_flight(), self.in_flight.is_some());
            Ok(next)
        }

        fn complete(&mut self, s: &mut Scheduler, outcome: Outcome, jitter: f64) {
            if let Some(job) = self.in_flight.take()
                && let Completion::Final(tickets) = s.complete(job.id, outcome, self.now, jitter)
            {
                self.resolved.extend(tickets);
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn random_drives_keep_the_rules(ops in prop::collection::vec(op(), 0..80)) {
            let mut s = sched();
            let mut w = World::default();
            let mut writes = 0;
            for op in ops {
                match op {
                    Op::SubmitRead { key, user } => {
                        let p = if user { Priority::User } else { Priority::Background };
                        let key = format!("read{key}");
                        let t = s.submit(key.clone(), Kind::Read, p, ());
                        w.tickets.push((t, key, Kind::Read));
                    }
                    Op::SubmitWrite { user } => {
                        let p = if user { Priority::User } else { Priority::Background };
                        writes += 1;
                        let key = format!("write{writes}");
                        let t = s.submit(key.clone(), Kind::Write, p, ());
                        w.tickets.push((t, key, Kind::Write));
                    }
                    Op::Poll { after_ms } => {
                        w.now += after_ms;
                        w.poll(&mut s)?;
                    }
                    Op::Complete { retryable, jitter, after_ms } => {
                        w.now += after_ms;
                        let outcome = if retryable { Outcome::Retryable } else { Outcome::Done };
                        w.complete(&mut s, outcome, jitter);
                    }
                    Op::Cancel { nth } => {
                        if w.tickets.is_empty() {
                            continue;
                        }
                        let (t, key, kind) = w.tickets[nth % w.tickets.len()].clone();
                        let sent = w.sends.iter().any(|(_, j)| j.key == key);
                        if s.cancel(t) {
                            prop_assert!(!w.resolved.contains(&t));
                            w.cancelled.insert(t);
                            if kind == Kind::Write && !sent {
                                w.unsent_cancelled_writes.insert(key);
                            }
                        } else {
                            prop_assert!(w.resolved.contains(&t) || w.cancelled.contains(&t));
                        }
                    }
                }
                // Never more jobs than distinct read keys plus write tickets.
                let pending: HashSet<&String> = w
                    .tickets
                    .iter()
                    .filter(|(t, _, _)| !w.resolved.contains(t) && !w.cancelled.contains(t))
                    .map(|(_, k, _)| k)
                    .collect();
                prop_assert!(s.queued() <= pending.len());
            }

            // Drain: everything still pending ends, successfully.
            for _ in 0..10_000 {
                match w.poll(&mut s)? {
                    Next::Send(_) | Next::Busy => w.complete(&mut s, Outcome::Done, 0.0),
                    Next::WaitUntil(t) => w.now = t,
                    Next::Idle => break,
                }
            }
            prop_assert_eq!(s.poll(w.now), Next::Idle);
            prop_assert!(!s.in_flight());

            // Every ticket resolved exactly once, or cancelled before that.
            let mut seen = HashSet::new();
            for t in &w.resolved {
                prop_assert!(seen.insert(*t), "{:?} resolved twice", t);
                prop_assert!(!w.cancelled.contains(t), "{:?} resolved after cancel", t);
            }
            for (t, _, _) in &w.tickets {
                prop_assert!(seen.contains(t) || w.cancelled.contains(t), "{:?} never resolved", t);
            }

            // Each write submit sent exactly once (unless withdrawn unsent).
            let mut write_sends: HashMap<&str, usize> = HashMap::new();
            for (_, job) in &w.sends {
                prop_assert!(job.attempt == 0 || job.kind == Kind::Read, "write retried");
                if job.kind == Kind::Write {
                    *write_sends.entry(job.key.as_str()).or_default() += 1;
                }
            }
            for (_, key, kind) in &w.tickets {
                if *kind == Kind::Write {
                    let want = usize::from(!w.unsent_cancelled_writes.contains(key));
                    prop_assert_eq!(write_sends.get(key.as_str()).copied().unwrap_or(0), want);
                }
            }

            // The gap between every two starts.
            for pair in w.sends.windows(2) {
                prop_assert!(pair[1].0 >= pair[0].0 + s.config().min_gap_ms);
            }
        }
    }
}
