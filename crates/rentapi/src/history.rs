//! The app's memory of SMS and orders: what one entry holds, its stable
//! key (so that reading the same SMS twice, in one tab or two, stores it
//! once), and the search over many entries (one box, filters, newest
//! first). The storage itself (IndexedDB) is the app's; everything here is
//! plain data.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::code::extract_code;
use crate::model::{Order, Sms};

/// Kept this long unless the user chose otherwise.
pub const DEFAULT_KEEP_DAYS: u32 = 90;
/// The most SMS kept; beyond it the oldest go first.
pub const MAX_ENTRIES: usize = 100_000;
/// The choices of how long to keep SMS, in days.
pub const KEEP_DAYS_CHOICES: [u32; 5] = [7, 30, 90, 365, 3650];

/// One remembered SMS, with enough of its order to stay meaningful after
/// the order is gone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Stable key: the same SMS read again has the same one ([`entry_key`]).
    pub id: String,
    /// The order it was read for.
    pub order: u64,
    /// The number as people write it (`+7 9096068511`).
    pub number: String,
    /// The order's service name, as shown.
    pub service: String,
    /// The order's service code.
    #[serde(default)]
    pub scode: String,
    /// False for an SMS the number got for another service than the order's.
    #[serde(default = "yes")]
    pub own: bool,
    /// The country code (`RU`); empty when unknown.
    #[serde(default)]
    pub country: String,
    /// Who sent it; empty when unknown.
    #[serde(default)]
    pub sender: String,
    /// The text as sent: untrusted.
    pub text: String,
    /// When it arrived, when the provider said; else when it was first read.
    pub at: DateTime<Utc>,
    /// The code in it, if any.
    #[serde(default)]
    pub code: Option<String>,
}

fn yes() -> bool {
    true
}

impl Entry {
    /// The SMS as the panels show one: text, sender and time.
    pub fn sms(&self) -> Sms {
        Sms { text: self.text.clone(), sender: self.sender.clone(), date: Some(self.at) }
    }
}

/// One remembered order: its last known state, for an SMS whose order is
/// gone and for the export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderEntry {
    /// The order's id.
    pub id: u64,
    /// The number as people write it.
    pub number: String,
    /// The service name, as shown.
    pub service: String,
    /// The country code.
    pub country: String,
    /// When the rental ends (or ended).
    pub until: DateTime<Utc>,
    /// The provider's last state code.
    pub state: i64,
    /// When the app first saw it.
    pub first_seen: DateTime<Utc>,
    /// When the app last saw it in the orders list.
    pub last_seen: DateTime<Utc>,
}

impl OrderEntry {
    /// `order` as seen at `now`; `first_seen` is kept from `before`.
    pub fn of(order: &Order, now: DateTime<Utc>, before: Option<&OrderEntry>) -> Self {
        OrderEntry {
            id: order.id.0,
            number: order.display_number(),
            service: order.service_name(),
            country: order.country.to_string(),
            until: order.until,
            state: order.state.code(),
            first_seen: before.map_or(now, |b| b.first_seen),
            last_seen: now,
        }
    }

    /// Whether storing `self` over `old` would change more than the time seen.
    pub fn differs(&self, old: &OrderEntry) -> bool {
        OrderEntry { last_seen: old.last_seen, first_seen: old.first_seen, ..self.clone() } != *old
    }
}

/// The key of an SMS of `order`: its order, time (or none), sender and
/// text. Two reads of one SMS give one key; two SMS differ in one of these.
pub fn entry_key(order: u64, sms: &Sms) -> String {
    // FNV-1a: stable across builds and platforms (std's hasher is not
    // promised to be), and the key must not change while it is stored.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in sms.sender.bytes().chain([0]).chain(sms.text.bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    let at = sms.date.map_or_else(|| "-".to_owned(), |d| d.timestamp().to_string());
    format!("{order}:{at}:{h:016x}")
}

/// The entries to remember from one read of `order`'s SMS at `now`.
pub fn entries(order: &Order, own: &[Sms], other: &[Sms], now: DateTime<Utc>) -> Vec<Entry> {
    let one = |sms: &Sms, own: bool| Entry {
        id: entry_key(order.id.0, sms),
        order: order.id.0,
        number: order.display_number(),
        service: if own { order.service_name() } else { String::new() },
        scode: if own { order.scode.to_string() } else { String::new() },
        own,
        country: order.country.to_string(),
        sender: sms.sender.trim().to_owned(),
        text: sms.text.clone(),
        at: sms.date.unwrap_or(now),
        code: extract_code(&sms.text),
    };
    own.iter().map(|s| one(s, true)).chain(other.iter().map(|s| one(s, false))).collect()
}

/// The oldest time kept when SMS are kept `days` days.
pub fn cutoff(now: DateTime<Utc>, days: u32) -> DateTime<Utc> {
    now - Duration::days(i64::from(days))
}

/// What the History screen asks for.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    /// Words to find, all of them, in number, service, sender, text or code.
    pub text: String,
    /// Only this service (its name as shown); empty for any.
    pub service: String,
    /// Only this country code; empty for any.
    pub country: String,
    /// Only SMS at or after this time.
    pub from: Option<DateTime<Utc>>,
    /// Only SMS before this time.
    pub to: Option<DateTime<Utc>>,
    /// Only SMS with a code.
    pub has_code: bool,
}

/// Many entries, ready to be searched: newest first, each with its text
/// folded once (lower case, the number's digits) so a search only compares.
#[derive(Debug, Default)]
pub struct Index {
    entries: Vec<Entry>,
    folded: Vec<String>,
}

/// Lower case in every script that has case; Chinese and digits stay.
fn fold(s: &str) -> String {
    s.to_lowercase()
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

impl Index {
    /// An index of `entries`, in any order.
    pub fn new(mut entries: Vec<Entry>) -> Self {
        entries.sort_by(|a, b| b.at.cmp(&a.at).then_with(|| b.id.cmp(&a.id)));
        entries.dedup_by(|a, b| a.id == b.id);
        let folded = entries.iter().map(Self::fold_entry).collect();
        Index { entries, folded }
    }

    fn fold_entry(e: &Entry) -> String {
        let code = e.code.as_deref().unwrap_or("");
        let number = digits(&e.number);
        fold(&format!(
            "{}\u{1}{number}\u{1}{}\u{1}{}\u{1}{}\u{1}{code}",
            e.number, e.service, e.sender, e.text
        ))
    }

    /// Adds entries not in the index yet (a poll's new SMS), each in its place.
    pub fn extend(&mut self, new: Vec<Entry>) {
        for e in new {
            if self.entries.iter().any(|o| o.id == e.id) {
                continue;
            }
            let at = self.entries.partition_point(|o| (o.at, &o.id) > (e.at, &e.id));
            self.folded.insert(at, Self::fold_entry(&e));
            self.entries.insert(at, e);
        }
    }

    /// How many entries it holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Entry `i` (as [`Index::search`] returns them).
    pub fn get(&self, i: usize) -> Option<&Entry> {
        self.entries.get(i)
    }

    /// The services and countries present, sorted, for the filters.
    pub fn facets(&self) -> (Vec<String>, Vec<String>) {
        let mut services: Vec<String> = self
            .entries
            .iter()
            .filter(|e| !e.service.is_empty())
            .map(|e| e.service.clone())
            .collect();
        let mut countries: Vec<String> = self
            .entries
            .iter()
            .filter(|e| !e.country.is_empty())
            .map(|e| e.country.clone())
            .collect();
        for v in [&mut services, &mut countries] {
            v.sort_unstable();
            v.dedup();
        }
        (services, countries)
    }

    /// The positions of the entries matching `q`, newest first.
    pub fn search(&self, q: &Query) -> Vec<usize> {
        let words: Vec<String> = q
            .text
            .split_whitespace()
            .map(|w| {
                // "+7 (909) 606" is typed as it is read; a word of digits and
                // phone punctuation is looked up by its digits.
                let d = digits(w);
                let phone =
                    !d.is_empty() && w.chars().all(|c| c.is_ascii_digit() || "+()-.".contains(c));
                if phone { d } else { fold(w) }
            })
            .filter(|w| !w.is_empty())
            .collect();
        (0..self.entries.len())
            .filter(|&i| {
                let e = &self.entries[i];
                (q.service.is_empty() || e.service == q.service)
                    && (q.country.is_empty() || e.country == q.country)
                    && q.from.is_none_or(|from| e.at >= from)
                    && q.to.is_none_or(|to| e.at < to)
                    && (!q.has_code || e.code.is_some())
                    && words.iter().all(|w| self.folded[i].contains(w.as_str()))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::OrderId;

    fn t(secs: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_700_000_000 + secs, 0).unwrap()
    }

    fn sms(text: &str, sender: &str, at: Option<i64>) -> Sms {
        Sms { text: text.into(), sender: sender.into(), date: at.map(t) }
    }

    fn order(id: u64) -> Order {
        Order { id: OrderId(id), ..Order::sample(t(86_400)) }
    }

    #[test]
    fn one_sms_read_twice_has_one_key() {
        let a = sms("Code 1234", "Telegram", Some(5));
        assert_eq!(entry_key(1, &a), entry_key(1, &a.clone()));
        assert_ne!(entry_key(1, &a), entry_key(2, &a), "another order");
        assert_ne!(entry_key(1, &a), entry_key(1, &sms("Code 1235", "Telegram", Some(5))));
        assert_ne!(entry_key(1, &a), entry_key(1, &sms("Code 1234", "Telegra", Some(5))));
        // The separator keeps "ab"+"c" apart from "a"+"bc".
        assert_ne!(entry_key(1, &sms("c", "ab", None)), entry_key(1, &sms("bc", "a", None)));
        assert_eq!(entry_key(1, &sms("x", "", None)), entry_key(1, &sms("x", "", None)));
        // Stored keys must never change: pinned.
        assert_eq!(entry_key(7, &sms("hi", "S", Some(0))), "7:1700000000:ea4aae22e3d06579");
    }

    #[test]
    fn entries_carry_their_order_and_code() {
        let got = entries(
            &order(9),
            &[sms("Your code: 483921", " WhatsApp ", Some(10))],
            &[sms("Telegram code 55555", "Telegram", None)],
            t(100),
        );
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].code.as_deref(), Some("483921"));
        assert_eq!(got[0].sender, "WhatsApp");
        assert_eq!(got[0].number, "+7 9096068511");
        assert_eq!(got[0].service, "Instagram");
        assert!(got[0].own && !got[1].own);
        assert_eq!(got[1].service, "", "another service's SMS: which one is unknown");
        assert_eq!(got[1].at, t(100), "no date: when first read");
        assert_eq!(got[0].country, "RU");
    }

    fn entry(id: &str, text: &str, at: i64) -> Entry {
        let mut e = entries(&order(1), &[sms(text, "Sender", Some(at))], &[], t(0)).remove(0);
        e.id = id.into();
        e
    }

    #[test]
    fn search_is_newest_first_and_needs_every_word() {
        let idx = Index::new(vec![
            entry("a", "Telegram code 11111", 1),
            entry("b", "Ваш код подтверждения: 22222", 3),
            entry("c", "您的验证码是 33333", 2),
            entry("a", "duplicate of a", 1),
        ]);
        assert_eq!(idx.len(), 3, "one entry per key");
        let find = |text: &str| -> Vec<String> {
            let q = Query { text: text.into(), ..Query::default() };
            idx.search(&q).into_iter().map(|i| idx.get(i).unwrap().id.clone()).collect()
        };
        assert_eq!(find(""), ["b", "c", "a"]);
        assert_eq!(find("TELEGRAM"), ["a"]);
        assert_eq!(find("КОД"), ["b"], "Cyrillic, case-insensitive");
        assert_eq!(find("验证码"), ["c"]);
        assert_eq!(find("code 11111"), ["a"]);
        assert_eq!(find("code 22222"), Vec::<String>::new());
        assert_eq!(find("sender"), ["b", "c", "a"]);
        assert_eq!(find("instagram"), ["b", "c", "a"], "the service");
        assert_eq!(find("+7 (909) 606"), ["b", "c", "a"], "the number as written");
        assert_eq!(find("79096068511"), ["b", "c", "a"], "the number's digits");
        assert_eq!(find("33333"), ["c"], "the code");
    }

    #[test]
    fn filters_narrow_the_search() {
        let mut other = entry("x", "no code here", 5);
        other.service = "Telegram".into();
        other.country = "KZ".into();
        let idx = Index::new(vec![entry("a", "code 12345", 1), entry("b", "code 23456", 3), other]);
        let ids = |q: Query| -> Vec<String> {
            idx.search(&q).into_iter().map(|i| idx.get(i).unwrap().id.clone()).collect()
        };
        assert_eq!(ids(Query { has_code: true, ..Query::default() }), ["b", "a"]);
        assert_eq!(ids(Query { service: "Telegram".into(), ..Query::default() }), ["x"]);
        assert_eq!(ids(Query { country: "RU".into(), ..Query::default() }), ["b", "a"]);
        assert_eq!(ids(Query { from: Some(t(3)), ..Query::default() }), ["x", "b"]);
        assert_eq!(ids(Query { to: Some(t(3)), ..Query::default() }), ["a"]);
        let (services, countries) = idx.facets();
        assert_eq!(services, ["Instagram", "Telegram"]);
        assert_eq!(countries, ["KZ", "RU"]);
    }

    #[test]
    fn extend_adds_only_what_is_new() {
        let mut idx = Index::new(vec![entry("a", "one", 1)]);
        idx.extend(vec![entry("a", "one", 1), entry("b", "two", 2)]);
        assert_eq!(idx.len(), 2);
        assert_eq!(idx.get(0).unwrap().id, "b");
        assert!(!idx.is_empty());
    }

    #[test]
    fn an_order_entry_changes_only_with_what_is_shown() {
        let o = order(3);
        let first = OrderEntry::of(&o, t(0), None);
        let later = OrderEntry::of(&o, t(60), Some(&first));
        assert_eq!(later.first_seen, t(0));
        assert!(!later.differs(&first));
        let moved = OrderEntry::of(&Order { until: t(99_999), ..o }, t(90), Some(&first));
        assert!(moved.differs(&first));
    }

    #[test]
    fn the_cutoff_is_days_before_now() {
        assert_eq!(cutoff(t(86_400 * 3), 2), t(86_400));
        assert!(KEEP_DAYS_CHOICES.contains(&DEFAULT_KEEP_DAYS));
    }
}
