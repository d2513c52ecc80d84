//! How many API calls are in flight at once: `--max-concurrency` in all
//! (more wait their turn) and `--max-concurrency-per-client` per client IP
//! (more are refused with 429 at once), so a slow upstream holds only API
//! calls, and one client cannot hold every permit. The app's files,
//! `/healthz` and refusals never come here.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// The shared permits and the per-client counts.
#[derive(Debug)]
pub struct ApiLimit {
    global: Arc<Semaphore>,
    per_client: u32,
    in_flight: Arc<Mutex<HashMap<IpAddr, u32>>>,
}

/// Held while one API call runs; gives its permits back when dropped.
#[derive(Debug)]
pub struct Ticket {
    _global: OwnedSemaphorePermit,
    client: ClientSlot,
}

#[derive(Debug)]
struct ClientSlot {
    ip: IpAddr,
    in_flight: Arc<Mutex<HashMap<IpAddr, u32>>>,
}

impl Drop for ClientSlot {
    fn drop(&mut self) {
        let mut map = self.in_flight.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(n) = map.get_mut(&self.ip) {
            *n -= 1;
            if *n == 0 {
                map.remove(&self.ip);
            }
        }
    }
}

impl ApiLimit {
    pub fn new(global: u32, per_client: u32) -> Self {
        Self {
            global: Arc::new(Semaphore::new(global as usize)),
            per_client: per_client.max(1),
            in_flight: Arc::default(),
        }
    }

    /// Takes a slot for `ip`, then waits for a shared permit; `None` when
    /// `ip` already has its share in flight.
    pub async fn enter(&self, ip: IpAddr) -> Option<Ticket> {
        let client = {
            let mut map = self.in_flight.lock().unwrap_or_else(|e| e.into_inner());
            let n = map.entry(ip).or_insert(0);
            if *n >= self.per_client {
                return None;
            }
            *n += 1;
            ClientSlot { ip, in_flight: self.in_flight.clone() }
        };
        // The semaphore is never closed.
        let global = self.global.clone().acquire_owned().await.ok()?;
        Some(Ticket { _global: global, client })
    }

    /// Calls in flight for `ip` (for tests).
    pub fn in_flight(&self, ip: IpAddr) -> u32 {
        let map = self.in_flight.lock().unwrap_or_else(|e| e.into_inner());
        map.get(&ip).copied().unwrap_or(0)
    }
}

impl Ticket {
    /// The client this ticket counts against.
    pub fn ip(&self) -> IpAddr {
        self.client.ip
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn per_client_share_and_release() {
        let limit = ApiLimit::new(4, 2);
        let a: IpAddr = "127.0.0.1".parse().unwrap();
        let b: IpAddr = "127.0.0.2".parse().unwrap();
        let t1 = limit.enter(a).await.unwrap();
        let t2 = limit.enter(a).await.unwrap();
        assert!(limit.enter(a).await.is_none(), "a third call from one client is refused");
        let t3 = limit.enter(b).await.unwrap();
        assert_eq!(t3.ip(), b);
        drop(t1);
        assert_eq!(limit.in_flight(a), 1);
        let _t4 = limit.enter(a).await.unwrap();
        drop((t2, t3));
        assert_eq!(limit.in_flight(b), 0);
        assert!(limit.in_flight.lock().unwrap().len() == 1, "idle clients leave no entry");
    }
}
