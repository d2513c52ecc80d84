//! Browser test: the settings screen saves the key in localStorage and never
//! shows it in clear until asked; forgetting it is one click.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use smsrent::screen::settings::SettingsScreen;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod common;

wasm_bindgen_test_configure!(run_in_browser);

const KEY: &str = "sk_live_ABCDEF0123456789";

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn click(host: &web_sys::HtmlElement, selector: &str) {
    let el: web_sys::HtmlElement = host.query_selector(selector).unwrap().unwrap().unchecked_into();
    el.click();
}

/// Lets effects and the DOM catch up after an event.
async fn settle() {
    leptos::task::tick().await;
    gloo_timers::future::TimeoutFuture::new(10).await;
    leptos::task::tick().await;
}

#[wasm_bindgen_test]
async fn key_is_saved_masked_and_forgotten() {
    storage().clear().unwrap();
    let host = common::mount(|| view! { <SettingsScreen /> });
    settle().await;
    assert!(host.text_content().unwrap().contains("demo mode"));

    let input: web_sys::HtmlInputElement =
        host.query_selector("#apikey").unwrap().unwrap().unchecked_into();
    assert_eq!(input.type_(), "password");
    input.set_value(&format!("  {KEY} "));
    common::fire(&input, "input");
    settle().await;
    click(&host, "button[type=submit]");
    settle().await;

    assert_eq!(storage().get_item("smsrent.apikey").unwrap().as_deref(), Some(KEY));
    let text = host.text_content().unwrap();
    assert!(!text.contains(KEY), "the key must be masked: {text}");
    assert!(text.contains("••••••••6789"));
    assert_eq!(input.value(), "", "the field is emptied after saving");

    common::button(&host, "Show").click();
    settle().await;
    assert!(host.text_content().unwrap().contains(KEY));
    common::button(&host, "Hide").click();
    settle().await;
    assert!(!host.text_content().unwrap().contains(KEY));

    storage().set_item("smsrent.orders.live", "[]").unwrap();
    common::button(&host, "Forget key").click();
    settle().await;
    assert_eq!(storage().get_item("smsrent.apikey").unwrap().unwrap_or_default(), "");
    assert!(!host.text_content().unwrap().contains("6789"));
    assert_eq!(
        storage().get_item("smsrent.orders.live").unwrap(),
        None,
        "cached account data goes too"
    );
    host.remove();
}
