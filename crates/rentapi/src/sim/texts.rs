//! The SMS that arrive by themselves: realistic texts with fresh codes, and
//! now and then one meant for another service (the page's "other SMS").

use serde::{Deserialize, Serialize};

use super::catalog::{self, SERVICES};
use super::rng::Rng;

/// One SMS as stored: `service` is the service it was meant for, which
/// decides whether `sms` lists it as the order's own or as "other".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Sms {
    pub text: String,
    pub sender: String,
    pub date: i64,
    pub service: String,
}

/// Replaces each `#` with a random digit.
pub(crate) fn fill(template: &str, rng: &mut Rng) -> String {
    template
        .chars()
        .map(|c| if c == '#' { char::from(b'0' + rng.below(10) as u8) } else { c })
        .collect()
}

/// The SMS `service` sends, received at `date`.
pub(crate) fn from_service(service: &str, date: i64, rng: &mut Rng) -> Sms {
    match catalog::service(service) {
        Some(s) => Sms {
            text: fill(s.template, rng),
            sender: s.sender.to_owned(),
            date,
            service: s.code.to_owned(),
        },
        None => Sms {
            text: fill("Your code: ######", rng),
            sender: "INFO".to_owned(),
            date,
            service: service.to_owned(),
        },
    }
}

/// An SMS arriving at a number rented for `own`: three times in four for
/// that service, otherwise for some other one.
pub(crate) fn arrival(own: &str, date: i64, rng: &mut Rng) -> Sms {
    let service = if rng.chance(0.25) {
        let others: Vec<&str> = SERVICES.iter().map(|s| s.code).filter(|c| *c != own).collect();
        *rng.pick(&others)
    } else {
        own
    };
    from_service(service, date, rng)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_filled_and_services_kept() {
        let mut rng = Rng::new(5, 0);
        let sms = from_service("opt16", 10, &mut rng);
        assert!(sms.text.starts_with("Code Instagram: ") && !sms.text.contains('#'));
        assert_eq!(
            (sms.sender.as_str(), sms.service.as_str(), sms.date),
            ("FACEBOOK", "opt16", 10)
        );
        let foreign =
            (0..50).map(|_| arrival("opt20", 0, &mut rng)).filter(|s| s.service != "opt20");
        assert!(foreign.count() > 0);
    }
}
