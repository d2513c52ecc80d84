//! The one clock of the app: the browser's, in UTC; shown in its time zone.

use chrono::{DateTime, Utc};
use rentapi::time_left::Ago;

/// Milliseconds since the UNIX epoch, from the browser (or the host in tests).
pub fn now_ms() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    }
}

/// Milliseconds since the epoch on a clock that never jumps: the page's
/// time origin plus the monotonic `performance.now()`. The request queue's
/// gap is measured on it, so a wall clock set forward (NTP, a VM resuming)
/// can never let two requests go closer than the gap.
pub fn monotonic_ms() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        match web_sys::window().and_then(|w| w.performance()) {
            Some(p) => p.time_origin() + p.now(),
            None => now_ms(),
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        now_ms()
    }
}

pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(now_ms() as i64).unwrap_or_default()
}

/// A date and time to the minute, in the browser's time zone, written the
/// way the current language writes it; the year only when it is not this
/// one ("Dec 18, 1:04 PM", "12月18日 13:04", "18 дек., 13:04";
/// "Nov 14, 2023, 10:13 PM").
pub fn local(t: DateTime<Utc>) -> String {
    known(t, Style::Minutes)
}

/// Like [`local`], to the second (when an SMS arrived).
pub fn local_precise(t: DateTime<Utc>) -> String {
    known(t, Style::Seconds)
}

/// The time of day only, to the second ("10:44:05 AM", "10:44:05").
pub fn time_of_day(t: DateTime<Utc>) -> String {
    known(t, Style::TimeOfDay)
}

/// A timestamp of 0 (or before) is the API not knowing: shown as a dash,
/// never as a date in 1970.
fn known(t: DateTime<Utc>, style: Style) -> String {
    if t.timestamp() <= 0 { UNKNOWN_TIME.to_owned() } else { format(style, t) }
}

pub const UNKNOWN_TIME: &str = "—";

/// Makes the date formatter of the current language before it is needed.
/// The browser's first `Intl.DateTimeFormat` loads its locale data, which
/// takes tens of milliseconds: `assets/early.js` does that while the wasm
/// downloads; this makes the app's own formatter (and runs the code that
/// formats) once the first requests are on their way.
pub fn warm_up() {
    let _ = local(now());
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Minutes,
    Seconds,
    TimeOfDay,
}

/// In the browser: `Intl.DateTimeFormat` for the current language, in the
/// browser's own time zone (no `timeZone` option), one formatter per
/// language, style and "this year or not", made on first use.
#[cfg(target_arch = "wasm32")]
fn format(style: Style, t: DateTime<Utc>) -> String {
    use std::cell::RefCell;
    use wasm_bindgen::JsValue;

    type Key = (crate::i18n::Lang, Style, bool);
    thread_local! {
        static FORMATTERS: RefCell<Vec<(Key, js_sys::Function)>> = const { RefCell::new(Vec::new()) };
        /// This year in the browser's time zone, as [start, end) in ms.
        static THIS_YEAR: std::cell::Cell<(f64, f64)> = const { std::cell::Cell::new((0.0, 0.0)) };
    }
    // A list formats a date per row: one call into Intl each (the
    // formatter takes the time as a number), the year's bounds cached.
    let ms = t.timestamp_millis() as f64;
    let (start, end) = THIS_YEAR.with(|cell| {
        let (start, end) = cell.get();
        let now = js_sys::Date::now();
        if start <= now && now < end {
            return (start, end);
        }
        let year = js_sys::Date::new_0().get_full_year();
        let bounds = (
            js_sys::Date::new_with_year_month_day(year, 0, 1).get_time(),
            js_sys::Date::new_with_year_month_day(year + 1, 0, 1).get_time(),
        );
        cell.set(bounds);
        bounds
    });
    let this_year = start <= ms && ms < end;
    let key = (crate::i18n::current_lang(), style, this_year);
    let format = FORMATTERS.with_borrow_mut(|all| {
        if let Some((_, f)) = all.iter().find(|(k, _)| *k == key) {
            return f.clone();
        }
        let options = js_sys::Object::new();
        let set = |k: &str, v: &str| {
            let _ = js_sys::Reflect::set(&options, &k.into(), &v.into());
        };
        if style != Style::TimeOfDay {
            if !this_year {
                set("year", "numeric");
            }
            set("month", "short");
            set("day", "numeric");
        }
        set("hour", "numeric");
        set("minute", "2-digit");
        if style != Style::Minutes {
            set("second", "2-digit");
        }
        let locales = js_sys::Array::of1(&crate::i18n::format_locale(key.0).into());
        let f = js_sys::Intl::DateTimeFormat::new(&locales, &options).format();
        all.push((key, f.clone()));
        f
    });
    format
        .call1(&JsValue::UNDEFINED, &JsValue::from_f64(ms))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

/// On the host (cargo test): the same instant, deterministic, ISO-like.
#[cfg(not(target_arch = "wasm32"))]
fn format(style: Style, t: DateTime<Utc>) -> String {
    let pattern = match style {
        Style::Minutes => "%Y-%m-%d %H:%M",
        Style::Seconds => "%Y-%m-%d %H:%M:%S",
        Style::TimeOfDay => "%H:%M:%S",
    };
    t.with_timezone(&chrono::Local).format(pattern).to_string()
}

/// A once-a-second tick shared by every live countdown and "N s ago".
#[derive(Clone, Copy)]
pub struct Ticker(pub leptos::prelude::RwSignal<DateTime<Utc>>);

impl Ticker {
    pub fn provide() -> Self {
        use leptos::prelude::*;
        let ticker = Ticker(RwSignal::new(now()));
        leptos_use_interval_fn::use_interval_fn(move || ticker.0.set(now()), 1000);
        provide_context(ticker);
        ticker
    }
}

pub fn use_ticker() -> Ticker {
    leptos::prelude::use_context().unwrap_or_else(Ticker::provide)
}

/// The clock to the minute: countdowns and the prolong window show no
/// seconds, so a thousand rows re-run once a minute, not every second.
/// A signal set by an effect on the ticker, not a memo of it: a memo
/// would still mark its two thousand readers for a check every second
/// (time and a transient buffer of that size each tick), a signal set
/// only when the minute turns touches them once a minute.
#[derive(Clone, Copy)]
pub struct MinuteClock(pub leptos::prelude::ReadSignal<DateTime<Utc>>);

impl MinuteClock {
    pub fn provide() -> Self {
        use leptos::prelude::*;
        let ticker = use_ticker();
        let to_minute = |t: DateTime<Utc>| {
            let now = t.timestamp();
            DateTime::from_timestamp(now - now.rem_euclid(60), 0).unwrap_or_default()
        };
        let (minute, set_minute) = signal(to_minute(ticker.0.get_untracked()));
        Effect::new(move |_| {
            let now = to_minute(ticker.0.get());
            if minute.get_untracked() != now {
                set_minute.set(now);
            }
        });
        let me = Self(minute);
        provide_context(me);
        me
    }
}

pub fn use_minute() -> MinuteClock {
    leptos::prelude::use_context().unwrap_or_else(MinuteClock::provide)
}

/// "12 s ago" / "3 min ago" / "2 h ago".
pub fn ago(i18n: crate::i18n::I18n, then: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let (key, n) = match Ago::of(then, now) {
        Ago::Seconds(n) => ("ago-seconds", n),
        Ago::Minutes(n) => ("ago-minutes", n),
        Ago::Hours(n) => ("ago-hours", n),
    };
    i18n.fmt(key, &[("n", &n.to_string())])
}
