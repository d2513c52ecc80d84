//! Browser test: once the user turned them on, a new SMS gives exactly one
//! desktop notification naming the service and the code (the browser's
//! Notification is replaced by a recorder).

use crate::common::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

const SPY: &str = "window.__notes = []; \
    window.Notification = class { constructor(title, options) { window.__notes.push([title, options.body, options.tag]); } }; \
    window.Notification.permission = 'granted'; \
    window.Notification.requestPermission = () => Promise.resolve('granted');";

fn notes() -> Vec<String> {
    let notes =
        js_sys::Reflect::get(&web_sys::window().unwrap(), &JsValue::from_str("__notes")).unwrap();
    js_sys::Array::from(&notes).iter().map(|n| js_sys::Array::from(&n).join(" | ").into()).collect()
}

#[wasm_bindgen_test]
async fn one_notification_per_new_sms_with_service_and_code() {
    clear_storage();
    js_sys::Function::new_no_args(SPY).call0(&JsValue::NULL).unwrap();
    let storage = storage();
    storage.set_item("smsrent.notify", "1").unwrap();
    let host = mount_app();

    assert!(wait_until(10_000, || !notes().is_empty()).await, "no notification");
    assert!(try_button(&host, "Desktop notifications: on").is_some(), "{}", text(&host));
    // Polls and SMS fetches go on: still one notification for that SMS.
    sleep(3000).await;
    // The body says a click copies the code (the notification does it).
    let one =
        "Instagram: code 671094 | +7 9096068511 — from FACEBOOK\nClick to copy the code. | 40300";
    assert_eq!(notes(), [one]);

    // A new demo account has that new SMS again: one more, not two.
    button(&host, "Reset demo").click();
    assert!(wait_until(10_000, || notes().len() > 1).await);
    sleep(3000).await;
    assert_eq!(notes(), [one, one]);
    host.remove();
}
