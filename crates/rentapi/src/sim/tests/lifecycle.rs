//! The order state machine on the injected clock: activation queue, active
//! window, SMS only while active, `hasnewsms`, expiry into the archive.

use super::*;
use crate::sim::{DEMO_KEY, demo, msg};

fn state(s: &mut Simulator, id: u64) -> i64 {
    order(s, DEMO_KEY, id).unwrap()["state"].as_i64().unwrap()
}

fn sms_of(s: &mut Simulator, id: u64) -> Vec<Value> {
    ok(s, &format!("method=sms&apikey={DEMO_KEY}&id={id}")).as_array().unwrap().clone()
}

#[test]
fn activation_delay_then_active_window_then_inactive() {
    let mut s = sim(); // activation 10 s, active window 60 s
    let id = demo::WHATSAPP_INACTIVE;
    assert_eq!(state(&mut s, id), 0);
    ok(&mut s, &format!("method=activate&apikey={DEMO_KEY}&id={id}"));
    let asked = now(&s);
    assert_eq!(state(&mut s, id), 2);
    advance(&mut s, 9);
    assert_eq!(state(&mut s, id), 2);
    ok(&mut s, &format!("method=activate&apikey={DEMO_KEY}&id={id}")); // asking again changes nothing
    advance(&mut s, 1);
    let o = order(&mut s, DEMO_KEY, id).unwrap();
    assert_eq!((o["state"].as_i64(), o["lastonline"].as_i64()), (Some(1), Some(asked + 10)));
    advance(&mut s, 59);
    assert_eq!(state(&mut s, id), 1);
    advance(&mut s, 1);
    let o = order(&mut s, DEMO_KEY, id).unwrap();
    assert_eq!((o["state"].as_i64(), o["lastonline"].as_i64()), (Some(0), Some(asked + 70)));
}

#[test]
fn the_seeded_activating_order_comes_online_by_itself() {
    let mut s = sim();
    assert_eq!(state(&mut s, demo::TELEGRAM_ACTIVATING), 2);
    advance(&mut s, 5); // it was asked for 5 s before the start
    assert_eq!(state(&mut s, demo::TELEGRAM_ACTIVATING), 1);
}

#[test]
fn auto_sms_arrive_only_while_active() {
    let mut s = sim();
    ctl(&mut s, "config", "auto_sms=1&active_window_secs=600");
    let id = demo::WHATSAPP_INACTIVE;
    let before = sms_of(&mut s, id).len();
    advance(&mut s, 3600);
    assert_eq!(sms_of(&mut s, id).len(), before, "nothing arrives while inactive");
    ok(&mut s, &format!("method=activate&apikey={DEMO_KEY}&id={id}"));
    let asked = now(&s);
    advance(&mut s, 9);
    assert_eq!(sms_of(&mut s, id).len(), before, "nothing arrives while activating");
    advance(&mut s, 1 + 600);
    assert_eq!(state(&mut s, id), 0);
    // One or two arrived, for this number (own, or to the sibling order, or as other SMS).
    let all: usize = [demo::WHATSAPP_INACTIVE, demo::TELEGRAM_SAME_NUMBER]
        .iter()
        .map(|id| s.world.accounts[DEMO_KEY].orders[id].sms.len())
        .sum();
    assert!((4..=5).contains(&all), "{all}");
    for id in [demo::WHATSAPP_INACTIVE, demo::TELEGRAM_SAME_NUMBER] {
        for sms in &s.world.accounts[DEMO_KEY].orders[&id].sms {
            assert!(sms.date < asked || (asked + 10..asked + 610).contains(&sms.date), "{sms:?}");
        }
    }
    advance(&mut s, 7200);
    let later: usize = [demo::WHATSAPP_INACTIVE, demo::TELEGRAM_SAME_NUMBER]
        .iter()
        .map(|id| s.world.accounts[DEMO_KEY].orders[id].sms.len())
        .sum();
    assert_eq!(later, all, "nothing arrives after the window");
}

#[test]
fn hasnewsms_is_set_on_arrival_and_cleared_by_reading() {
    let mut s = sim();
    let id = demo::TIKTOK_ACTIVE;
    assert_eq!(order(&mut s, DEMO_KEY, id).unwrap()["hasnewsms"], false);
    let q = format!("key={DEMO_KEY}&id={id}&text=%5BTikTok%5D+123456+is+your+code&sender=TikTok");
    ctl(&mut s, "inject_sms", &q);
    assert_eq!(order(&mut s, DEMO_KEY, id).unwrap()["hasnewsms"], true);
    let list = sms_of(&mut s, id);
    assert_eq!(
        (list[0]["text"].as_str(), list[0]["sender"].as_str()),
        (Some("[TikTok] 123456 is your code"), Some("TikTok"))
    );
    assert_eq!(list[0]["date"], now(&s));
    assert_eq!(order(&mut s, DEMO_KEY, id).unwrap()["hasnewsms"], false);
}

#[test]
fn injected_sms_arrive_in_any_state_and_go_to_the_service_they_are_for() {
    let mut s = sim();
    let (whatsapp, telegram) = (demo::WHATSAPP_INACTIVE, demo::TELEGRAM_SAME_NUMBER);
    ctl(
        &mut s,
        "inject_sms",
        &format!("key={DEMO_KEY}&id={whatsapp}&text=Telegram+code%3A+11111&service=opt29"),
    );
    assert_eq!(order(&mut s, DEMO_KEY, telegram).unwrap()["hasnewsms"], true);
    assert_eq!(order(&mut s, DEMO_KEY, whatsapp).unwrap()["hasnewsms"], false);
    let own = sms_of(&mut s, telegram);
    assert_eq!(own.last().unwrap()["text"], "Telegram code: 11111");
    // For WhatsApp it is an SMS for another service: not in the plain list.
    assert!(sms_of(&mut s, whatsapp).iter().all(|m| m["text"] != "Telegram code: 11111"));
}

#[test]
fn expired_orders_move_to_the_archive() {
    let mut s = sim();
    let o = rent(&mut s, "test1", "RU", "opt16");
    let id = o["id"].as_u64().unwrap();
    advance(&mut s, 7 * 86_400 - 1);
    assert!(order(&mut s, "test1", id).is_some());
    advance(&mut s, 1);
    assert!(order(&mut s, "test1", id).is_none());
    let rows = ok(&mut s, "method=get_rent_history&apikey=test1&skip=0&take=10");
    let row = &rows.as_array().unwrap()[0];
    assert_eq!(
        (row["orderId"].as_u64(), row["closed"].as_i64(), row["end"].clone()),
        (Some(id), o["until"].as_i64(), o["until"].clone())
    );
    assert_eq!(row["number"], format!("7{}", o["pnumber"].as_str().unwrap()));
    assert_eq!((row["days"].as_i64(), row["haveSms"].as_bool()), (Some(7), Some(false)));
    assert_eq!(err(&mut s, &format!("method=sms&apikey=test1&id={id}")), msg::ORDER_NOT_FOUND);
}

#[test]
fn control_can_force_unknown_states_and_expire_now() {
    let mut s = sim();
    let id = demo::WHATSAPP_INACTIVE;
    ctl(&mut s, "set_state", &format!("key={DEMO_KEY}&id={id}&state=7"));
    assert_eq!(state(&mut s, id), 7);
    assert_eq!(
        err(&mut s, &format!("method=activate&apikey={DEMO_KEY}&id={id}")),
        msg::CANNOT_ACTIVATE
    );
    ctl(&mut s, "set_state", &format!("key={DEMO_KEY}&id={id}&state=1"));
    assert_eq!(state(&mut s, id), 1);
    advance(&mut s, 60);
    assert_eq!(state(&mut s, id), 0);
    ctl(&mut s, "expire", &format!("key={DEMO_KEY}&id={id}"));
    assert!(order(&mut s, DEMO_KEY, id).is_none());
    let rows = ok(&mut s, &format!("method=get_rent_history&apikey={DEMO_KEY}&skip=0&take=1"));
    assert_eq!(
        (rows[0]["orderId"].as_u64(), rows[0]["closed"].as_i64()),
        (Some(id), Some(now(&s)))
    );
}

#[test]
fn control_moves_an_orders_end_into_the_prolong_window() {
    let mut s = sim();
    let id = demo::WHATSAPP_INACTIVE;
    ctl(&mut s, "set_until", &format!("key={DEMO_KEY}&id={id}&secs=86400"));
    let o = order(&mut s, DEMO_KEY, id).unwrap();
    assert_eq!(o["until"].as_i64(), Some(now(&s) + 86_400), "{o}");
    assert_eq!(o["canprolong"].as_bool(), Some(true), "{o}");
}
