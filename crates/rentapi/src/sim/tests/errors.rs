//! Every error text, word for word, and the plain-text key error.

use super::*;
use crate::sim::{DEMO_KEY, demo, msg};

#[test]
fn unknown_key_is_plain_text_like_the_real_service() {
    let mut s = sim();
    for q in [
        "method=orders&apikey=nope",
        "method=orders",
        "method=sms&apikey=&id=1",
        "method=create&apikey=other-user",
    ] {
        let r = s.handle(q, t0());
        assert_eq!(
            (r.status, r.content_type.as_str(), r.text().as_str()),
            (200, "text/html; charset=UTF-8", "API KEY NOT FOUND!"),
            "{q}"
        );
    }
    // The public lists need no key at all.
    ok(&mut s, "method=getcountries&apikey=nope");
}

#[test]
fn unknown_and_missing_method() {
    let mut s = sim();
    assert_eq!(err(&mut s, "method=balance&apikey=demo"), msg::UNKNOWN_METHOD);
    assert_eq!(err(&mut s, "apikey=demo"), "Missing parameter: method");
}

#[test]
fn missing_parameters_are_named() {
    let mut s = sim();
    let cases = [
        ("method=getdata", "country"),
        ("method=create&apikey=test1&dtype=week&dcount=1&country=RU", "service"),
        ("method=create&apikey=test1&dcount=1&country=RU&service=opt16", "dtype"),
        ("method=create_multi&apikey=test1&dtype=week&dcount=1&country=RU", "services"),
        ("method=create_multi&apikey=test1&dtype=week&dcount=1&country=RU&services=,", "services"),
        ("method=sms&apikey=demo", "id"),
        ("method=prolong&apikey=demo&id=40304&dtype=week", "dcount"),
        ("method=add_service_to_order&apikey=demo&id=40300&service=opt2", "pnumber"),
        ("method=restore_user&apikey=demo", "id"),
    ];
    for (q, name) in cases {
        assert_eq!(err(&mut s, q), format!("Missing parameter: {name}"), "{q}");
    }
}

#[test]
fn wrong_period() {
    let mut s = sim();
    for period in [
        "dtype=day&dcount=1",
        "dtype=week&dcount=0",
        "dtype=week&dcount=x",
        "dtype=month&dcount=-1",
    ] {
        let q = format!("method=create&apikey=test1&{period}&country=RU&service=opt16");
        assert_eq!(err(&mut s, &q), msg::WRONG_PERIOD, "{q}");
        assert_eq!(err(&mut s, &format!("method=getdata&country=RU&{period}")), msg::WRONG_PERIOD);
    }
    let q = format!(
        "method=prolong&apikey={DEMO_KEY}&id={}&dtype=year&dcount=1",
        demo::GOOGLE_EXPIRING
    );
    assert_eq!(err(&mut s, &q), msg::WRONG_PERIOD);
    let q = "method=create&apikey=test1&dtype=month&dcount=4&country=RU&service=opt16";
    assert_eq!(err(&mut s, q), msg::MAX_PERIOD);
}

#[test]
fn unknown_country_service_and_sold_out() {
    let mut s = sim();
    assert_eq!(err(&mut s, "method=getdata&country=XX"), msg::COUNTRY_NOT_FOUND);
    let q = |c: &str, sv: &str| {
        format!("method=create&apikey=test1&dtype=week&dcount=1&country={c}&service={sv}")
    };
    assert_eq!(err(&mut s, &q("XX", "opt16")), msg::COUNTRY_NOT_FOUND);
    assert_eq!(err(&mut s, &q("UK", "opt59")), msg::SERVICE_NOT_FOUND);
    assert_eq!(err(&mut s, &q("UK", "opt29")), msg::NO_NUMBERS);
    assert_eq!(err(&mut s, &format!("{}&provider=Beeline", q("RU", "opt48"))), msg::NO_NUMBERS);
    assert_eq!(err(&mut s, &format!("{}&provider=Nobody", q("RU", "opt16"))), msg::NO_NUMBERS);
    assert_eq!(
        err(
            &mut s,
            "method=create_multi&apikey=test1&dtype=week&dcount=1&country=DE&services=opt16,opt20"
        ),
        msg::NO_NUMBERS
    );
}

#[test]
fn balance_is_not_enough() {
    let mut s = sim();
    // A fresh test key has 100; a week of WhatsApp in the US costs 14.4 × 7 = 100.8.
    let q = "method=create&apikey=test1&dtype=week&dcount=1&country=US&service=opt20";
    assert_eq!(err(&mut s, q), msg::BALANCE);
    assert_eq!(balance(&s, "test1"), 100.0);
    ctl(&mut s, "set_balance", "key=demo&amount=1");
    let q = format!(
        "method=prolong&apikey={DEMO_KEY}&id={}&dtype=week&dcount=1",
        demo::GOOGLE_EXPIRING
    );
    assert_eq!(err(&mut s, &q), msg::BALANCE);
    let q = format!(
        "method=add_service_to_order&apikey={DEMO_KEY}&id={}&service=opt2&pnumber=79096068511",
        demo::INSTAGRAM_ACTIVE
    );
    assert_eq!(err(&mut s, &q), msg::BALANCE);
}

#[test]
fn order_not_found_on_every_order_method() {
    let mut s = sim();
    for m in ["sms", "activate", "delete"] {
        for id in ["999", "abc"] {
            assert_eq!(
                err(&mut s, &format!("method={m}&apikey={DEMO_KEY}&id={id}")),
                msg::ORDER_NOT_FOUND,
                "{m} {id}"
            );
        }
        // An order of someone else is not found either.
        assert_eq!(
            err(&mut s, &format!("method={m}&apikey=test1&id={}", demo::INSTAGRAM_ACTIVE)),
            msg::ORDER_NOT_FOUND
        );
    }
    let q = format!("method=prolong&apikey={DEMO_KEY}&id=999&dtype=week&dcount=1");
    assert_eq!(err(&mut s, &q), msg::ORDER_NOT_FOUND);
    let q = format!(
        "method=add_service_to_order&apikey={DEMO_KEY}&id=999&service=opt2&pnumber=79096068511"
    );
    assert_eq!(err(&mut s, &q), msg::ORDER_NOT_FOUND);
}

#[test]
fn add_service_checks_the_number_and_service() {
    let mut s = sim();
    let q = |sv: &str, n: &str| {
        format!(
            "method=add_service_to_order&apikey={DEMO_KEY}&id={}&service={sv}&pnumber={n}",
            demo::INSTAGRAM_ACTIVE
        )
    };
    assert_eq!(
        err(&mut s, &q("opt2", "9096068511")),
        msg::INCORRECT_ORDER,
        "country digits are required"
    );
    assert_eq!(err(&mut s, &q("opt2", "79096068512")), msg::INCORRECT_ORDER);
    assert_eq!(err(&mut s, &q("opt999", "79096068511")), msg::SERVICE_NOT_FOUND);
    assert_eq!(err(&mut s, &q("opt16", "79096068511")), msg::SERVICE_ALREADY_ADDED);
}

#[test]
fn activate_refuses_a_number_not_in_the_system() {
    let mut s = sim();
    let q = format!("method=activate&apikey={DEMO_KEY}&id={}", demo::AVITO_NOT_IN_SYSTEM);
    assert_eq!(err(&mut s, &q), msg::CANNOT_ACTIVATE);
}

#[test]
fn prolong_window_and_cap_texts() {
    let mut s = sim();
    let q = format!(
        "method=prolong&apikey={DEMO_KEY}&id={}&dtype=week&dcount=1",
        demo::INSTAGRAM_ACTIVE
    );
    assert_eq!(
        err(&mut s, &q),
        "You can prolong number only if before expiring date left less 7 days"
    );
    let q = format!(
        "method=prolong&apikey={DEMO_KEY}&id={}&dtype=month&dcount=3",
        demo::GOOGLE_EXPIRING
    );
    assert_eq!(err(&mut s, &q), "The maximum rental period is 90 days");
}
