//! One request per deliberate action: while a write for something (an
//! order, the wizard's rental) is on its way, another for the same thing is
//! not sent. A claim is held for as long as its request is out and let go
//! when dropped, however the write ends (answer, error or a dropped task).

use std::cell::RefCell;
use std::collections::HashSet;
use std::hash::Hash;
use std::rc::Rc;

/// What has a write in flight.
#[derive(Debug)]
pub struct InFlight<K>(Rc<RefCell<HashSet<K>>>);

impl<K> Default for InFlight<K> {
    fn default() -> Self {
        Self(Rc::default())
    }
}

impl<K: Hash + Eq + Clone> InFlight<K> {
    /// The right to send a write for `key`, or `None` when one is out already.
    pub fn claim(&self, key: K) -> Option<Claim<K>> {
        self.0.borrow_mut().insert(key.clone()).then(|| Claim { set: self.0.clone(), key })
    }

    /// A write for `key` is on its way.
    pub fn holds(&self, key: &K) -> bool {
        self.0.borrow().contains(key)
    }
}

/// Held while a write is out; dropping it lets the next one go.
#[derive(Debug)]
pub struct Claim<K: Hash + Eq> {
    set: Rc<RefCell<HashSet<K>>>,
    key: K,
}

impl<K: Hash + Eq> Drop for Claim<K> {
    fn drop(&mut self) {
        self.set.borrow_mut().remove(&self.key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_claim_while_the_first_is_held_gets_nothing() {
        let f = InFlight::default();
        let first = f.claim(7).expect("the first goes");
        assert!(f.claim(7).is_none(), "a double click sends nothing");
        assert!(f.holds(&7));
        drop(first);
        assert!(!f.holds(&7));
        assert!(f.claim(7).is_some(), "a later, deliberate action goes again");
    }

    #[test]
    fn other_keys_are_not_held_up() {
        let f = InFlight::default();
        let _a = f.claim(1).unwrap();
        let _b = f.claim(2).expect("another order's write goes");
        assert!(f.holds(&1) && f.holds(&2) && !f.holds(&3));
    }
}
