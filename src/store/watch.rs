//! Waiting for a code: while an order is watched its SMS are read again as
//! soon as the last read is back, so the request queue's gap (about 4 s)
//! is the cadence; several watched orders take turns in the queue, behind
//! a person's requests. A watch ends when a code arrives, when the user
//! stops it, or after [`WATCH_MINUTES`].

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use leptos::prelude::*;
use rentapi::OrderId;
use rentapi::code::extract_code;
use rentapi::model::Sms;

/// How long a watch lasts without a code.
pub const WATCH_MINUTES: i64 = 5;

/// The end-to-end tests (against the simulator, never the provider)
/// shorten a watch via localStorage, like `smsrent.poll_ms`; 5 s .. 1 h.
const WATCH_STORAGE: &str = crate::store::keys::WATCH_SECS;

/// A watch's length in seconds: [`WATCH_MINUTES`], unless `smsrent.watch_secs` says otherwise.
pub fn watch_secs() -> i64 {
    let secs = crate::store::storage::get(WATCH_STORAGE).and_then(|v| v.trim().parse::<i64>().ok());
    secs.map_or(WATCH_MINUTES * 60, |s| s.clamp(5, 3600))
}

#[derive(Debug, Clone, PartialEq)]
pub struct Watch {
    /// When it began.
    pub since: DateTime<Utc>,
    pub until: DateTime<Utc>,
    /// The SMS known when it began: a code among any others ends it.
    /// `None` until the first read tells (its SMS are not new).
    known: Option<Vec<Sms>>,
}

/// Why a watch ended (shown until dismissed or watched again).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WatchEnd {
    Code,
    TimedOut,
    /// The order is gone.
    Gone,
}

/// What a read of a watched order means for its watch: `None` to go on.
pub fn after_read(
    watch: &Watch,
    own: Option<&[Sms]>,
    gone: bool,
    now: DateTime<Utc>,
) -> Option<WatchEnd> {
    // Not read before the watch: what the first read finds is new if it
    // came since the watch began (a minute's grace for the provider's clock).
    let is_new = |s: &Sms| match &watch.known {
        Some(known) => !known.contains(s),
        None => s.date.is_some_and(|d| d >= watch.since - Duration::seconds(60)),
    };
    let new_code =
        own.unwrap_or_default().iter().any(|s| is_new(s) && extract_code(&s.text).is_some());
    if new_code {
        Some(WatchEnd::Code)
    } else if gone {
        Some(WatchEnd::Gone)
    } else if now >= watch.until {
        Some(WatchEnd::TimedOut)
    } else {
        None
    }
}

/// The watched orders and how the last watches ended.
#[derive(Clone, Copy)]
pub struct Watches {
    active: RwSignal<HashMap<OrderId, Watch>>,
    ended: RwSignal<HashMap<OrderId, WatchEnd>>,
    /// How long a watch lasts ([`watch_secs`], read once).
    pub length_secs: i64,
}

impl Watches {
    pub fn new() -> Self {
        Self {
            active: RwSignal::new(HashMap::new()),
            ended: RwSignal::new(HashMap::new()),
            length_secs: watch_secs(),
        }
    }

    /// Watches `id` from `now` (again, if it was): `known` are its SMS so
    /// far, `None` when not read yet.
    pub fn start(&self, id: OrderId, known: Option<Vec<Sms>>, now: DateTime<Utc>) {
        let until = now + Duration::seconds(self.length_secs);
        self.ended.update(|e| {
            e.remove(&id);
        });
        self.active.update(|a| {
            a.insert(id, Watch { since: now, until, known });
        });
    }

    pub fn stop(&self, id: OrderId) {
        self.active.update(|a| {
            a.remove(&id);
        });
    }

    /// After a read of `id`: whether to read it again at once.
    pub fn go_on(&self, id: OrderId, own: Option<&[Sms]>, gone: bool, now: DateTime<Utc>) -> bool {
        let Some(end) =
            self.active.with_untracked(|a| a.get(&id).map(|w| after_read(w, own, gone, now)))
        else {
            return false;
        };
        // The first read of an order not read before is what was there.
        if let (None, Some(own)) = (end, own) {
            self.active.update_untracked(|a| {
                if let Some(w) = a.get_mut(&id) {
                    w.known.get_or_insert_with(|| own.to_vec());
                }
            });
        }
        match end {
            None => true,
            Some(end) => {
                self.stop(id);
                self.ended.update(|e| {
                    e.insert(id, end);
                });
                false
            }
        }
    }

    /// Some order is watched (tracked).
    pub fn any(&self) -> bool {
        self.active.with(|a| !a.is_empty())
    }

    /// The orders watched now.
    pub fn ids(&self) -> Vec<OrderId> {
        self.active.with_untracked(|a| a.keys().copied().collect())
    }

    /// When `id`'s watch ends, if it is watched (tracked).
    pub fn until(&self, id: OrderId) -> Option<DateTime<Utc>> {
        self.active.with(|a| a.get(&id).map(|w| w.until))
    }

    /// How `id`'s last watch ended (tracked).
    pub fn ended(&self, id: OrderId) -> Option<WatchEnd> {
        self.ended.with(|e| e.get(&id).copied())
    }

    pub fn dismiss(&self, id: OrderId) {
        self.ended.update(|e| {
            e.remove(&id);
        });
    }

    /// Another account: nothing is watched.
    pub fn clear(&self) {
        self.active.set(HashMap::new());
        self.ended.set(HashMap::new());
    }
}

impl Default for Watches {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(secs: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_700_000_000 + secs, 0).unwrap()
    }

    fn sms(text: &str) -> Sms {
        Sms { text: text.into(), sender: "S".into(), date: Some(t(0)) }
    }

    #[test]
    fn a_watch_ends_on_a_new_code_or_in_time() {
        let old = sms("Your code 111111");
        let w = Watch { since: t(0), until: t(300), known: Some(vec![old.clone()]) };
        assert_eq!(
            after_read(&w, Some(std::slice::from_ref(&old)), false, t(10)),
            None,
            "the old code is known"
        );
        let hello = sms("Welcome!");
        assert_eq!(
            after_read(&w, Some(&[hello, old.clone()]), false, t(10)),
            None,
            "no code in it"
        );
        let new = sms("Your code 222222");
        assert_eq!(after_read(&w, Some(&[new, old.clone()]), false, t(10)), Some(WatchEnd::Code));
        assert_eq!(after_read(&w, None, false, t(299)), None, "a failed read: go on");
        assert_eq!(after_read(&w, None, false, t(300)), Some(WatchEnd::TimedOut));
        assert_eq!(after_read(&w, None, true, t(10)), Some(WatchEnd::Gone));
        // Not read before the watch: the first read's old codes are old, one
        // that came since the watch began is the one awaited.
        let unread = Watch { since: t(600), until: t(900), known: None };
        assert_eq!(after_read(&unread, Some(std::slice::from_ref(&old)), false, t(610)), None);
        let fresh = Sms { date: Some(t(605)), ..sms("Your code 333333") };
        assert_eq!(after_read(&unread, Some(&[fresh, old]), false, t(610)), Some(WatchEnd::Code));
    }
}
