//! How much time is left, or has passed, counted the way the screens say
//! it: a rental's countdown, whole days left, seconds to the next try, and
//! how long ago something was read. The words are the app's.

use chrono::{DateTime, Utc};

/// The time left on a rental, to the minute, for its countdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeLeft {
    /// The API gave no expiry: no countdown rather than a false one.
    Unknown,
    /// Over.
    Expired,
    /// A day or more: whole days, and the hours past them.
    Days {
        /// Whole days.
        days: i64,
        /// Whole hours past the days.
        hours: i64,
    },
    /// Under a day: whole hours, and the minutes past them.
    Hours {
        /// Whole hours.
        hours: i64,
        /// Whole minutes past the hours.
        minutes: i64,
    },
    /// Under an hour: whole minutes, at least 1 (under a minute is still
    /// time left, not "expired").
    Minutes(i64),
}

impl TimeLeft {
    /// What is left until `until` at `now`.
    pub fn of(until: DateTime<Utc>, now: DateTime<Utc>) -> Self {
        if until.timestamp() <= 0 {
            return TimeLeft::Unknown;
        }
        let left = until - now;
        if left.num_seconds() <= 0 {
            return TimeLeft::Expired;
        }
        let (days, hours, minutes) =
            (left.num_days(), left.num_hours() % 24, left.num_minutes() % 60);
        if days > 0 {
            TimeLeft::Days { days, hours }
        } else if hours > 0 {
            TimeLeft::Hours { hours, minutes }
        } else {
            TimeLeft::Minutes(minutes.max(1))
        }
    }
}

/// Whole days left until `until` (a started day counts; none once past).
pub fn days_left(until: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
    let secs = (until - now).num_seconds().max(0);
    (secs + 86_399) / 86_400
}

/// Whole seconds until `at`, at least 1, or `None` once it has come.
pub fn seconds_until(at: DateTime<Utc>, now: DateTime<Utc>) -> Option<i64> {
    (at > now).then(|| (at - now).num_seconds().max(1))
}

/// How long ago something happened, in the largest unit under the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ago {
    /// Under a minute (0 for a time still to come).
    Seconds(i64),
    /// Under an hour.
    Minutes(i64),
    /// An hour or more.
    Hours(i64),
}

impl Ago {
    /// How long before `now` `then` was.
    pub fn of(then: DateTime<Utc>, now: DateTime<Utc>) -> Self {
        match (now - then).num_seconds().max(0) {
            secs @ 0..60 => Ago::Seconds(secs),
            secs @ 60..3600 => Ago::Minutes(secs / 60),
            secs => Ago::Hours(secs / 3600),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(secs: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_700_000_000 + secs, 0).unwrap()
    }

    #[test]
    fn a_countdown_to_the_minute() {
        let left = |secs| TimeLeft::of(at(secs), at(0));
        assert_eq!(left(5 * 86_400 + 3 * 3600 + 59 * 60), TimeLeft::Days { days: 5, hours: 3 });
        assert_eq!(left(86_400), TimeLeft::Days { days: 1, hours: 0 });
        assert_eq!(left(4 * 3600 + 10 * 60 + 30), TimeLeft::Hours { hours: 4, minutes: 10 });
        assert_eq!(left(3600), TimeLeft::Hours { hours: 1, minutes: 0 });
        assert_eq!(left(42 * 60 + 5), TimeLeft::Minutes(42));
        assert_eq!(left(20), TimeLeft::Minutes(1), "under a minute still reads as time left");
        assert_eq!(left(1), TimeLeft::Minutes(1));
        assert_eq!(left(0), TimeLeft::Expired);
        assert_eq!(left(-3600), TimeLeft::Expired);
    }

    #[test]
    fn no_expiry_no_countdown() {
        let unset = DateTime::from_timestamp(0, 0).unwrap();
        assert_eq!(TimeLeft::of(unset, at(0)), TimeLeft::Unknown);
        let before_1970 = DateTime::from_timestamp(-5, 0).unwrap();
        assert_eq!(TimeLeft::of(before_1970, at(0)), TimeLeft::Unknown);
    }

    #[test]
    fn a_started_day_counts() {
        assert_eq!(days_left(at(86_400 * 3), at(0)), 3);
        assert_eq!(days_left(at(86_400 * 3 + 1), at(0)), 4);
        assert_eq!(days_left(at(1), at(0)), 1);
        assert_eq!(days_left(at(0), at(0)), 0);
        assert_eq!(days_left(at(-5), at(0)), 0, "none once past");
    }

    #[test]
    fn seconds_to_the_next_try() {
        assert_eq!(seconds_until(at(30), at(0)), Some(30));
        assert_eq!(seconds_until(at(0), at(-1)), Some(1));
        let soon = at(0) + chrono::Duration::milliseconds(200);
        assert_eq!(seconds_until(soon, at(0)), Some(1), "under a second reads as 1 s");
        assert_eq!(seconds_until(at(0), at(0)), None, "come: no countdown");
        assert_eq!(seconds_until(at(-5), at(0)), None);
    }

    #[test]
    fn how_long_ago() {
        assert_eq!(Ago::of(at(0), at(0)), Ago::Seconds(0));
        assert_eq!(Ago::of(at(0), at(59)), Ago::Seconds(59));
        assert_eq!(Ago::of(at(0), at(60)), Ago::Minutes(1));
        assert_eq!(Ago::of(at(0), at(3599)), Ago::Minutes(59));
        assert_eq!(Ago::of(at(0), at(3600)), Ago::Hours(1));
        assert_eq!(Ago::of(at(0), at(50 * 3600)), Ago::Hours(50));
        assert_eq!(Ago::of(at(10), at(0)), Ago::Seconds(0), "a clock behind: just now");
    }
}
