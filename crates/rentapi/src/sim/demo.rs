//! The demo key's seeded world, and the ids in it that tests can rely on.
//!
//! Seven orders in every state the page knows (two active with SMS, one
//! inactive pair sharing one number, one activating, one close to expiry so
//! it can be prolonged, one `-1`), and an archive of 25 expired rentals with
//! a row for each restore error.

use super::catalog::{self, COUNTRIES};
use super::clock;
use super::config::SimConfig;
use super::rng::Rng;
use super::texts::Sms;
use super::world::{Account, Archived, DAY, Order, branch_id};

/// Active, with an unread SMS carrying a code (the documented sample's id).
pub const INSTAGRAM_ACTIVE: u64 = 40300;
/// Not active, with an old SMS; shares its number with
/// [`TELEGRAM_SAME_NUMBER`].
pub const WHATSAPP_INACTIVE: u64 = 40301;
/// Same number as [`WHATSAPP_INACTIVE`] (rented together with `create_multi`).
pub const TELEGRAM_SAME_NUMBER: u64 = 40302;
/// State 2: waiting in the activation queue.
pub const TELEGRAM_ACTIVATING: u64 = 40303;
/// 3 days and 5 hours left: inside the prolong window.
pub const GOOGLE_EXPIRING: u64 = 40304;
/// State `-1`: the number is not in the system.
pub const AVITO_NOT_IN_SYSTEM: u64 = 40305;
/// Active, in another country (US).
pub const TIKTOK_ACTIVE: u64 = 40306;
/// Expired two days ago: restorable for 6 × (2 + 30) = 192.
pub const ARCHIVE_RESTORABLE: u64 = 39924;
/// Archived; restoring it answers `NOAVAILDAYS`.
pub const ARCHIVE_NO_AVAIL_DAYS: u64 = 39921;
/// Archived without a country; restoring it answers `NOORDERCOUNTRY`.
pub const ARCHIVE_NO_COUNTRY: u64 = 39919;
/// Archived with an unknown service; restoring it answers `NOSERVICEDATA`.
pub const ARCHIVE_NO_SERVICE: u64 = 39917;
/// Expired 700 days ago: restoring costs more than the demo balance.
pub const ARCHIVE_TOO_EXPENSIVE: u64 = 39900;
/// In another user's archive (`NOTOWNER`).
pub const OTHER_OWNER_ARCHIVED: u64 = 38001;
/// In nobody's archive (`NOREMOTEDATA`).
pub const NOT_IN_ANY_ARCHIVE: u64 = 12345;
/// How many rows the demo archive starts with.
pub const ARCHIVE_LEN: usize = 25;
/// Ids of new orders start here.
pub const FIRST_NEW_ID: u64 = 41000;

/// The account owning [`OTHER_OWNER_ARCHIVED`]; not a key the API accepts.
pub(crate) const OTHER_OWNER_KEY: &str = "other-user";

fn order(
    id: u64,
    country: &str,
    service: &str,
    provider: &str,
    pnumber: &str,
    begin: i64,
    until: i64,
) -> Order {
    let c = catalog::country(country).expect("demo country");
    let s = catalog::service(service).expect("demo service");
    Order::new(id, c, s, pnumber.to_owned(), provider, begin, until)
}

fn sms(text: &str, sender: &str, date: i64, service: &str) -> Sms {
    Sms { text: text.to_owned(), sender: sender.to_owned(), date, service: service.to_owned() }
}

pub(crate) fn demo_account(cfg: &SimConfig, t: i64, rng: &mut Rng) -> Account {
    let mut acct = Account::new((cfg.demo_key_balance * 100.0).round() as i64);
    let since = t - (cfg.active_window_secs / 4).clamp(1, 30);

    let mut insta =
        order(INSTAGRAM_ACTIVE, "RU", "opt16", "MTS", "9096068511", t - 10 * DAY, t + 20 * DAY);
    clock::start_window(&mut insta, cfg, since, rng);
    insta.sms.push(sms("Code Instagram: 671 094.", "FACEBOOK", since + 1, "opt16"));
    insta.has_new_sms = true;

    let pair =
        |id, service| order(id, "RU", service, "Beeline", "9096037108", t - 6 * DAY, t + 24 * DAY);
    let mut whatsapp = pair(WHATSAPP_INACTIVE, "opt20");
    let mut telegram = pair(TELEGRAM_SAME_NUMBER, "opt29");
    let seen = t - 2 * DAY;
    whatsapp.sms.push(sms(
        "Your WhatsApp code 483-921\nDon't share this code with others",
        "WhatsApp",
        seen,
        "opt20",
    ));
    whatsapp.sms.push(sms(
        "Your Uber code: 5521. Never share this code.",
        "Uber",
        seen + 120,
        "opt89",
    ));
    telegram.sms.push(sms(
        "Telegram code: 52190. Do not give this code to anyone, even if they say they are from Telegram!",
        "Telegram",
        seen + 300,
        "opt29",
    ));
    whatsapp.last_online = seen + 600;
    telegram.last_online = seen + 600;

    let mut activating =
        order(TELEGRAM_ACTIVATING, "KZ", "opt29", "Kcell", "7071234567", t - DAY, t + 13 * DAY);
    activating.state = 2;
    activating.phase_start = t - 5;

    let mut google = order(
        GOOGLE_EXPIRING,
        "UK",
        "opt1",
        "EE_UK",
        "7700900123",
        t - 25 * DAY,
        t + 3 * DAY + 5 * 3600,
    );
    google.sms.push(sms(
        "G-482913 is your Google verification code.",
        "Google",
        t - 24 * DAY,
        "opt1",
    ));
    google.last_online = t - 24 * DAY;

    let mut avito =
        order(AVITO_NOT_IN_SYSTEM, "RU", "opt59", "Tele2", "9581234567", t - 5 * DAY, t + 25 * DAY);
    avito.state = -1;

    let mut tiktok =
        order(TIKTOK_ACTIVE, "US", "opt104", "T-Mobile", "2025550143", t - 2 * DAY, t + 12 * DAY);
    clock::start_window(&mut tiktok, cfg, since, rng);

    for o in [insta, whatsapp, telegram, activating, google, avito, tiktok] {
        acct.orders.insert(o.id, o);
    }
    for i in 0..ARCHIVE_LEN {
        acct.archive_insert(archive_row(i, t, rng));
    }
    acct
}

/// Row `i` of the demo archive (0 is the newest).
fn archive_row(i: usize, t: i64, rng: &mut Rng) -> Archived {
    let id = ARCHIVE_RESTORABLE - i as u64;
    let (c, s) = if id == ARCHIVE_RESTORABLE {
        (catalog::country("RU").expect("RU"), catalog::service("opt16").expect("opt16"))
    } else {
        let c = &COUNTRIES[i % COUNTRIES.len()];
        let services: Vec<_> = c.services().collect();
        (c, *rng.pick(&services))
    };
    let end = match id {
        ARCHIVE_RESTORABLE => t - 2 * DAY,
        ARCHIVE_TOO_EXPENSIVE => t - 700 * DAY,
        _ => t - (i as i64 + 1) * 4 * DAY - rng.range(0, 3600),
    };
    let days = *rng.pick(&[7i64, 14, 30, 60]);
    let provider = *rng.pick(c.providers);
    let pnumber = c.new_number(rng);
    Archived {
        id,
        service: if id == ARCHIVE_NO_SERVICE { "opt999".to_owned() } else { s.code.to_owned() },
        country: (id != ARCHIVE_NO_COUNTRY).then(|| c.code.to_owned()),
        number: format!("{}{pnumber}", c.dial_digits()),
        pnumber,
        provider: provider.to_owned(),
        branch_id: branch_id(c.code, provider),
        have_sms: rng.coin(),
        days,
        begin: end - days * DAY,
        end,
        closed: end + rng.range(60, 6 * 3600),
        restorable: !matches!(i, 3 | 11 | 17),
    }
}

/// Someone else's account, only there so [`OTHER_OWNER_ARCHIVED`] answers `NOTOWNER`.
pub(crate) fn other_owner(t: i64) -> Account {
    let mut acct = Account::new(0);
    let mut o =
        order(OTHER_OWNER_ARCHIVED, "RU", "opt20", "MTS", "9161234567", t - 40 * DAY, t - 10 * DAY);
    o.sms.push(sms("Your WhatsApp code 111-222", "WhatsApp", t - 39 * DAY, "opt20"));
    acct.archive_insert(Archived::from_order(o, t - 10 * DAY));
    acct
}
