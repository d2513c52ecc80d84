//! Every localStorage key of the app, in one place, with what it holds:
//! "Forget key" deletes the account's and nothing else ([`forgotten`]).

/// What a key holds, and so whether forgetting the key deletes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The real account's: the key, or what was read from that account.
    Account,
    /// A choice made on this device; kept when the key is forgotten.
    Preference,
    /// The demo account's state (saved by the simulator's worker).
    Demo,
    /// Set only by the tests and benchmarks, against the simulator.
    TestKnob,
}

pub const API_KEY: &str = "smsrent.apikey";
pub const ENDPOINT: &str = "smsrent.endpoint";
pub const CURRENCY: &str = "smsrent.currency";
pub const COPY_NUMBER: &str = "smsrent.copy_number";
pub const LANG: &str = "smsrent.lang";
pub const THEME: &str = "smsrent.theme";
pub const NOTIFY: &str = "smsrent.notify";
pub const SOUND: &str = "smsrent.sound";
pub const RENT_COUNTRY: &str = "smsrent.rent.country";
pub const DEMO: &str = "smsrent.demo.v1";
pub const TIMEOUT_MS: &str = "smsrent.timeout_ms";
pub const POLL_MS: &str = "smsrent.poll_ms";
pub const MIN_GAP_MS: &str = "smsrent.min_gap_ms";
pub const WATCH_SECS: &str = "smsrent.watch_secs";

/// Every key with one name.
pub const FIXED: &[(&str, Kind)] = &[
    (API_KEY, Kind::Account),
    (ENDPOINT, Kind::Preference),
    (CURRENCY, Kind::Preference),
    (COPY_NUMBER, Kind::Preference),
    (LANG, Kind::Preference),
    (THEME, Kind::Preference),
    (NOTIFY, Kind::Preference),
    (SOUND, Kind::Preference),
    (KEEP_DAYS, Kind::Preference),
    (RENT_COUNTRY, Kind::Preference),
    (DEMO, Kind::Demo),
    (TIMEOUT_MS, Kind::TestKnob),
    (POLL_MS, Kind::TestKnob),
    (MIN_GAP_MS, Kind::TestKnob),
    (WATCH_SECS, Kind::TestKnob),
];

/// Data read from an account, kept apart for demo mode and the real
/// account: `smsrent.orders.demo`, `smsrent.orders.live`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PerAccount(&'static str);

pub const ORDERS: PerAccount = PerAccount("smsrent.orders");
pub const SEEN: PerAccount = PerAccount("smsrent.seen");
pub const REMINDERS: PerAccount = PerAccount("smsrent.reminders");
pub const UNKNOWN: PerAccount = PerAccount("smsrent.unknown");

pub const PER_ACCOUNT: &[PerAccount] = &[ORDERS, SEEN, REMINDERS, UNKNOWN];

impl PerAccount {
    /// The key for demo mode or the real account.
    pub fn of(self, demo: bool) -> String {
        format!("{}.{}", self.0, if demo { "demo" } else { "live" })
    }
}

/// The SMS memory's IndexedDB databases: `smsrent.history.demo` and one
/// `smsrent.history.live.<account>` per endpoint and key
/// ([`crate::api::account::Mode::memory_name`]). "Forget key" deletes the
/// live ones; the demo's goes with a demo reset.
pub const MEMORY: &str = "smsrent.history";
/// How many days the memory keeps SMS (a device choice).
pub const KEEP_DAYS: &str = "smsrent.history.keep_days";

/// What "Forget key" deletes: the key and the real account's data; the
/// demo's and the device's choices stay.
pub fn forgotten() -> Vec<String> {
    let fixed = FIXED.iter().filter(|(_, kind)| *kind == Kind::Account).map(|(k, _)| k.to_string());
    fixed.chain(PER_ACCOUNT.iter().map(|k| k.of(false))).collect()
}

/// Whether `name` is a key of this registry.
pub fn is_known(name: &str) -> bool {
    FIXED.iter().any(|(k, _)| *k == name)
        || PER_ACCOUNT.iter().any(|k| name == k.0 || name == k.of(true) || name == k.of(false))
        || name.strip_prefix(MEMORY).is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each string literal of `text` that starts with the app's prefix.
    fn literals(text: &str) -> Vec<String> {
        let needle = format!("\"{}.", "smsrent");
        text.match_indices(&needle)
            .map(|(at, _)| {
                let rest = &text[at + 1..];
                rest[..rest.find('"').unwrap_or(rest.len())].to_owned()
            })
            .collect()
    }

    fn sources(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push((path.display().to_string(), std::fs::read_to_string(&path).unwrap()));
            }
        }
    }

    #[test]
    fn every_storage_key_in_the_sources_is_registered() {
        let mut files = Vec::new();
        sources(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
        let mut seen = 0;
        for (path, text) in &files {
            for name in literals(text) {
                assert!(is_known(&name), "{path}: {name:?} is not in store/keys.rs");
                seen += 1;
            }
        }
        assert!(seen >= FIXED.len() + PER_ACCOUNT.len(), "the sources were read: {seen}");
    }

    #[test]
    fn forget_key_deletes_the_account_data_and_nothing_else() {
        let mut gone = forgotten();
        gone.sort();
        let mut want = vec![
            "smsrent.apikey",
            "smsrent.orders.live",
            "smsrent.reminders.live",
            "smsrent.seen.live",
            "smsrent.unknown.live",
        ];
        want.sort();
        assert_eq!(gone, want);
        for (name, kind) in FIXED {
            assert_eq!(gone.iter().any(|g| g == name), *kind == Kind::Account, "{name}");
        }
        assert!(PER_ACCOUNT.iter().all(|k| !gone.contains(&k.of(true))), "the demo's stay");
    }

    #[test]
    fn names_are_distinct() {
        let mut names: Vec<String> = FIXED.iter().map(|(k, _)| k.to_string()).collect();
        names.extend(PER_ACCOUNT.iter().flat_map(|k| [k.of(true), k.of(false)]));
        let n = names.len();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), n);
    }
}
