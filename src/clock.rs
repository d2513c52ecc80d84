//! The one clock of the app: the browser's, in UTC; shown in its time zone.

use chrono::{DateTime, Local, Utc};

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

pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(now_ms() as i64).unwrap_or_default()
}

/// A date and time in the browser's time zone (chrono reads its offset).
pub fn local(t: DateTime<Utc>) -> String {
    t.with_timezone(&Local).format("%Y-%m-%d %H:%M").to_string()
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

/// "12 s ago" / "3 min ago" / "2 h ago".
pub fn ago(i18n: crate::i18n::I18n, then: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let secs = (now - then).num_seconds().max(0);
    let (key, n) = match secs {
        0..60 => ("ago-seconds", secs),
        60..3600 => ("ago-minutes", secs / 60),
        _ => ("ago-hours", secs / 3600),
    };
    i18n.fmt(key, &[("n", &n.to_string())])
}
