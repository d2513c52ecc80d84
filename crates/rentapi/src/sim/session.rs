//! The demo account as demo mode keeps it: the simulator with the demo's
//! data, picked up from its saved state and saved again after every call.
//! One type for wherever demo mode runs it: the app's Web Worker, and the
//! browser tests' in-page stand-in.

use chrono::{DateTime, Utc};

use super::{SimConfig, Simulator};
use crate::transport::RawResponse;

/// A demo account between saves.
#[derive(Debug, Clone)]
pub struct DemoSession {
    sim: Simulator,
}

impl DemoSession {
    /// The account `saved` holds, or a fresh one when there is none or it
    /// no longer reads (an older build's state).
    pub fn resume(saved: Option<&str>, now: DateTime<Utc>) -> Self {
        let sim = saved.and_then(|s| serde_json::from_str(s).ok());
        Self { sim: sim.unwrap_or_else(|| Simulator::new(SimConfig::demo(), now)) }
    }

    /// Answers one GET query, as [`Simulator::handle`].
    pub fn call(&mut self, query: &str, now: DateTime<Utc>) -> RawResponse {
        self.sim.handle(query, now)
    }

    /// Starts the account over.
    pub fn reset(&mut self, now: DateTime<Utc>) {
        self.sim = Simulator::new(SimConfig::demo(), now);
    }

    /// The state to save, for [`DemoSession::resume`].
    pub fn saved(&self) -> Option<String> {
        serde_json::to_string(&self.sim).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::DEMO_KEY;

    fn now() -> DateTime<Utc> {
        DateTime::from_timestamp(1_780_000_000, 0).unwrap()
    }

    fn balance(s: &mut DemoSession) -> String {
        s.call(&format!("method=balance&apikey={DEMO_KEY}"), now()).text()
    }

    #[test]
    fn resumes_what_it_saved_and_starts_fresh_from_nothing_or_garbage() {
        let mut s = DemoSession::resume(None, now());
        let fresh = balance(&mut s);
        s.call(&format!("method=orders&apikey={DEMO_KEY}"), now());
        let saved = s.saved().unwrap();
        let again = DemoSession::resume(Some(&saved), now());
        assert_eq!(again.sim, s.sim, "resumed from the saved state");
        assert_eq!(again.sim.counters().calls_of("orders"), 1);
        let mut lost = DemoSession::resume(Some("{not a sim"), now());
        assert_eq!(balance(&mut lost), fresh, "unreadable state: a fresh account");
        assert_eq!(lost.sim.counters().calls_of("orders"), 0);
        assert_eq!(
            DemoSession::resume(Some("[]"), now()).sim,
            DemoSession::resume(None, now()).sim
        );
    }

    #[test]
    fn reset_forgets_the_calls() {
        let mut s = DemoSession::resume(None, now());
        s.call(&format!("method=orders&apikey={DEMO_KEY}"), now());
        assert_eq!(s.sim.counters().calls_of("orders"), 1);
        s.reset(now());
        assert_eq!(s.sim.counters().calls_of("orders"), 0);
        assert_eq!(s.sim, Simulator::new(SimConfig::demo(), now()));
    }
}
