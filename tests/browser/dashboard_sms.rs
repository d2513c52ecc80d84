//! Browser tests: the SMS panel shows SMS as text (a hostile SMS stays
//! literal text: no element made, nothing run), the code as a large copy
//! button, and the SMS for other services behind a hide/show toggle.

use crate::common::*;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use rentapi::model::{Sms, SmsBundle};
use smsrent::screen::orders::SmsView;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

fn at(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_764_000_000 + secs, 0).unwrap()
}

fn sms(text: &str, sender: &str, secs: i64) -> Sms {
    Sms { text: text.into(), sender: sender.into(), date: Some(at(secs)) }
}

fn mount_panel(bundle: SmsBundle) -> (web_sys::HtmlElement, RwSignal<Option<SmsBundle>>) {
    let signal = RwSignal::new(Some(bundle));
    let host = mount(move || {
        view! {
            <SmsView
                title=("+7 9096068511".to_owned(), "Instagram".to_owned())
                bundle=signal
                on_refresh=Callback::new(|()| {})
            />
        }
    });
    (host, signal)
}

const HOSTILE: &str =
    r#"<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> code 4821"#;

#[wasm_bindgen_test]
async fn a_hostile_sms_is_literal_text() {
    clear_storage();
    let (host, _) =
        mount_panel(SmsBundle { own: vec![sms(HOSTILE, "<b>EVIL</b>", 10)], ..Default::default() });
    leptos::task::tick().await;
    sleep(100).await;
    let t = text(&host);
    assert!(t.contains(r#"<img src=x onerror="window.__pwned=1">"#), "{t}");
    assert!(t.contains("<script>") && t.contains("<b>EVIL</b>"), "{t}");
    assert!(find(&host, "img").is_none(), "no img element was made");
    assert!(find(&host, "script").is_none() && find(&host, "b").is_none());
    let pwned =
        js_sys::Reflect::get(&web_sys::window().unwrap(), &JsValue::from_str("__pwned")).unwrap();
    assert!(pwned.is_undefined(), "nothing ran");
    host.remove();
}

#[wasm_bindgen_test]
async fn the_code_is_a_large_copy_button() {
    clear_storage();
    let (host, bundle) = mount_panel(SmsBundle {
        own: vec![
            sms("Code Instagram: 671 094.", "FACEBOOK", 20),
            sms("Welcome to the service", "INFO", 10),
        ],
        ..Default::default()
    });
    leptos::task::tick().await;
    let buttons = find_all(&host, "button.code-copy");
    assert_eq!(buttons.len(), 1, "only the SMS with a code gets one");
    let code = &buttons[0];
    // Its name is what it shows: the hint, then the code.
    assert_eq!(text(code).trim(), "Copy code 671094");
    assert!(code.get_attribute("aria-label").is_none());
    // Newest first, with sender and time.
    let items = find_all(&host, "li.sms");
    assert_eq!(items.len(), 2);
    assert!(text(&items[0]).contains("FACEBOOK") && text(&items[1]).contains("INFO"));
    assert!(
        find(&items[0], "time")
            .unwrap()
            .get_attribute("datetime")
            .unwrap()
            .starts_with("2025-11-24")
    );

    // A new SMS in the data appears without re-creating the others.
    let first = items[0].clone();
    bundle.update(|b| {
        if let Some(b) = b {
            b.own.insert(0, sms("Your code is 5521", "Uber", 30));
        }
    });
    leptos::task::tick().await;
    let items = find_all(&host, "li.sms");
    assert_eq!(items.len(), 3);
    assert!(text(&items[0]).contains("5521"));
    assert!(items[1].is_same_node(Some(&first)), "keyed: the old item is the same element");
    host.remove();
}

#[wasm_bindgen_test]
async fn sms_for_other_services_hide_and_show() {
    clear_storage();
    let (host, _) = mount_panel(SmsBundle {
        own: vec![sms("Code Instagram: 671 094.", "FACEBOOK", 20)],
        other: vec![sms("Your Uber code: 5521. Never share this code.", "Uber", 5)],
        ..Default::default()
    });
    leptos::task::tick().await;
    assert!(text(&host).contains("SMS sent to this number for other services (1)"));
    assert!(!text(&host).contains("Uber code"), "hidden at first");
    let toggle = find(&host, "button.sms-other-toggle").unwrap();
    assert_eq!(toggle.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert_eq!(text(&toggle).trim(), "Show");
    let controls = toggle.get_attribute("aria-controls").unwrap();
    assert!(document().get_element_by_id(&controls).is_some());

    toggle.click();
    leptos::task::tick().await;
    assert!(text(&host).contains("Uber code: 5521"));
    assert_eq!(toggle.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert_eq!(text(&toggle).trim(), "Hide");

    toggle.click();
    leptos::task::tick().await;
    assert!(!text(&host).contains("Uber code"));
    host.remove();
}

#[wasm_bindgen_test]
async fn no_sms_yet_says_so_and_reminds_to_activate() {
    clear_storage();
    let (host, _) = mount_panel(SmsBundle::default());
    leptos::task::tick().await;
    let t = text(&host);
    assert!(t.contains("No SMS yet.") && t.contains("active before sending"), "{t}");
    assert!(find(&host, ".sms-other").is_none(), "no other-services block without such SMS");
    assert!(try_button(&host, "Refresh SMS").is_some());
    assert!(
        find(&host, "button.help-q[aria-label='About receiving SMS']").is_some(),
        "help next to the panel"
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn an_sms_without_sender_or_date_and_an_unreadable_one() {
    clear_storage();
    let bare = Sms { text: "Code 7788".into(), sender: String::new(), date: None };
    let (host, _) = mount_panel(SmsBundle {
        own: vec![sms("Code 1234", "BANK", 20), bare],
        skipped: vec![r#"{"text":{"x":1},"date":"<b>x</b>"}"#.into()],
        ..Default::default()
    });
    leptos::task::tick().await;
    let t = text(&host);
    assert!(t.contains("sender unknown") && t.contains("time unknown"), "{t}");
    assert!(t.contains("Code 1234") && t.contains("Code 7788"), "the rest is shown: {t}");
    assert!(t.contains("Entries that could not be read: 1"), "{t}");
    assert!(t.contains(r#""date":"<b>x</b>""#), "the raw entry, as text: {t}");
    assert!(find(&host, "b").is_none(), "no element made from it");
    host.remove();
}
