//! Browser test of the account epoch: an answer asked for one account is
//! dropped when another is current by the time it comes.

use crate::common::{self, settle, storage};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use rentapi::schedule::Priority;
use smsrent::api::{Api, use_api};
use smsrent::store::settings::{SettingsStore, use_settings};
use wasm_bindgen_test::*;

const KEY: &str = "sk_live_ABCDEF0123456789";

/// Reads asked for one account are dropped when their answer comes after
/// another became current (the demo started over, a key saved), and kept
/// while it did not.
#[wasm_bindgen_test]
async fn an_answer_for_a_previous_account_is_dropped() {
    storage().clear().unwrap();
    let found: Rc<Cell<Option<(Api, SettingsStore)>>> = Rc::new(Cell::new(None));
    let slot = found.clone();
    common::mount(move || {
        slot.set(Some((use_api(), use_settings())));
    });
    settle().await;
    let (api, settings) = found.get().expect("mounted");
    let orders = move || api.for_account(|c| async move { c.orders(Priority::User).await });
    assert!(matches!(orders().await, Some(Ok(_))), "the same account: kept");

    // Asked, in flight, then the account changes under it.
    let in_flight = |change: Box<dyn FnOnce()>| async move {
        let got = Rc::new(RefCell::new(None));
        let into = got.clone();
        let request = orders();
        leptos::task::spawn_local(async move { *into.borrow_mut() = Some(request.await) });
        leptos::task::tick().await;
        change();
        assert!(common::wait_until(5_000, || got.borrow().is_some()).await, "answered");
        got.take().unwrap()
    };
    assert!(in_flight(Box::new(move || api.reset_demo())).await.is_none(), "demo started over");
    assert!(api.is_demo_untracked());
    let saved = in_flight(Box::new(move || assert!(settings.save_key(KEY)))).await;
    assert!(saved.is_none(), "asked in demo mode, answered once the key was saved");
    settle().await;
    assert!(!api.is_demo_untracked());
    storage().clear().unwrap();
}
