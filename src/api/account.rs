//! Which account the app talks to: one value that every store reads, to
//! start over when it changes and to drop answers meant for another one.

use rentapi::ApiKey;

/// Demo mode (the simulator in its worker), or a key at an endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Demo,
    Live { endpoint: String, key: KeyPrint },
}

/// A short fingerprint of a key: tells two keys apart without holding
/// either (the key itself stays in the settings and the client).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyPrint(u32);

impl KeyPrint {
    pub fn of(key: &ApiKey) -> Self {
        Self(fnv32(key.expose().as_bytes()))
    }
}

/// FNV-1a, 32 bits: stable across builds (std's hasher is not promised to
/// be), since the SMS memory's name is made from it; short, so it tells
/// keys apart and gives little to go on.
fn fnv32(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |h, b| (h ^ u32::from(*b)).wrapping_mul(0x0100_0193))
}

/// The current account, one epoch of it: saving a key (even the same one
/// again) or starting the demo over begins a new epoch, and whatever was
/// asked in the old one is no longer wanted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub mode: Mode,
    epoch: u64,
}

impl Account {
    /// The page's first account.
    pub fn first(key: Option<&ApiKey>, endpoint: &str) -> Self {
        Self { mode: Mode::of(key, endpoint), epoch: 0 }
    }

    /// The account after this one (a new key, endpoint, or the same again).
    pub fn next(&self, key: Option<&ApiKey>, endpoint: &str) -> Self {
        Self { mode: Mode::of(key, endpoint), epoch: self.epoch + 1 }
    }

    /// The same account started over (the demo reset).
    pub fn again(&self) -> Self {
        Self { mode: self.mode.clone(), epoch: self.epoch + 1 }
    }

    pub fn is_demo(&self) -> bool {
        self.mode == Mode::Demo
    }

    /// An answer asked for this account, kept only while `now` (`None`: the
    /// app is gone) is still this account.
    pub fn keep<T>(&self, now: Option<&Account>, answer: T) -> Option<T> {
        (now == Some(self)).then_some(answer)
    }
}

impl Mode {
    /// The name of this account's SMS memory (an IndexedDB database):
    /// one for the demo, one per endpoint and key.
    pub fn memory_name(&self) -> String {
        match self {
            Mode::Demo => format!("{}.demo", crate::store::keys::MEMORY),
            Mode::Live { endpoint, key } => {
                let at = fnv32(endpoint.as_bytes()) ^ key.0;
                format!("{}.live.{at:08x}", crate::store::keys::MEMORY)
            }
        }
    }

    fn of(key: Option<&ApiKey>, endpoint: &str) -> Self {
        match key {
            Some(key) => Mode::Live { endpoint: endpoint.to_owned(), key: KeyPrint::of(key) },
            None => Mode::Demo,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(k: &str) -> ApiKey {
        ApiKey::new(k).unwrap()
    }

    #[test]
    fn an_answer_for_a_previous_account_is_dropped() {
        let demo = Account::first(None, "api/rent.php");
        let live = demo.next(Some(&key("secret-one")), "api/rent.php");
        assert_eq!(demo.keep(Some(&demo), "orders"), Some("orders"));
        assert_eq!(demo.keep(Some(&live), "orders"), None, "asked in demo, answered live");
        assert_eq!(live.keep(Some(&live.again()), 1), None, "the same account started over");
        let same_key = live.next(Some(&key("secret-one")), "api/rent.php");
        assert_eq!(live.keep(Some(&same_key), 1), None, "the key saved again");
        assert_eq!(live.keep(None, 1), None, "the app is gone");
    }

    #[test]
    fn the_account_names_mode_endpoint_and_key_but_holds_no_key() {
        let a = Account::first(Some(&key("secret-one")), "https://smspva.com/api/rent.php");
        let b = a.next(Some(&key("secret-two")), "https://smspva.com/api/rent.php");
        assert!(!a.is_demo());
        assert_ne!(a.mode, b.mode, "two keys, two accounts");
        assert_eq!(a.mode, a.again().mode);
        let shown = format!("{a:?}");
        assert!(!shown.contains("secret"), "{shown}");
        assert!(Account::first(None, "x").is_demo());
    }

    #[test]
    fn each_account_has_its_own_memory() {
        let at = |k: &str, e: &str| Account::first(Some(&key(k)), e).mode.memory_name();
        let smspva = "https://smspva.com/api/rent.php";
        assert_eq!(Account::first(None, smspva).mode.memory_name(), "smsrent.history.demo");
        assert_eq!(at("secret-one", smspva), at("secret-one", smspva));
        assert_ne!(at("secret-one", smspva), at("secret-two", smspva));
        assert_ne!(at("secret-one", smspva), at("secret-one", "https://simsms.org/api/rent.php"));
        assert!(at("secret-one", smspva).starts_with("smsrent.history.live."));
        // Stored under this name: it must not change between builds.
        assert_eq!(at("secret-one", smspva), "smsrent.history.live.a0755100");
        assert!(!at("secret-one", smspva).contains("secret"));
    }
}
