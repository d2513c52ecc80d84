//! Browser test: the settings screen saves the key in localStorage and never
//! shows it in clear until asked; forgetting it is one click.

use crate::common::{self, settle, storage};
use leptos::prelude::*;
use smsrent::screen::orders::OrdersScreen;
use smsrent::screen::settings::SettingsScreen;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

const KEY: &str = "sk_live_ABCDEF0123456789";

fn click(host: &web_sys::HtmlElement, selector: &str) {
    let el: web_sys::HtmlElement = host.query_selector(selector).unwrap().unwrap().unchecked_into();
    el.click();
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

/// "Without the country code" changes what every row's copy button copies,
/// at once and after a reload.
#[wasm_bindgen_test]
async fn numbers_are_copied_without_the_country_code_when_chosen() {
    storage().clear().unwrap();
    let host = common::mount(|| view! { <SettingsScreen /> <OrdersScreen /> });
    let whole = "button[aria-label='Copy +7 9096068511']";
    assert!(common::wait_until(5000, || common::find(&host, whole).is_some()).await);
    let choices = common::find(&host, "[data-testid=copy-number]").unwrap();
    let said = common::text(&choices);
    assert!(said.contains("The whole number: +79096068511"), "{said}");
    assert!(said.contains("Without the country code: 9096068511"), "{said}");

    let local: web_sys::HtmlInputElement = host
        .query_selector("input[name=copy-number][value=local]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    local.set_checked(true);
    common::fire(&local, "change");
    settle().await;
    let row = common::row_group(&host, 40300);
    assert!(
        common::find(&row, "button[aria-label='Copy 9096068511']").is_some(),
        "{}",
        row.inner_html()
    );
    assert!(common::find(&host, whole).is_none(), "no row copies the whole number any more");
    assert_eq!(storage().get_item("smsrent.copy_number").unwrap().as_deref(), Some("local"));
    host.remove();

    // Kept for the next visit.
    let host = common::mount(|| view! { <OrdersScreen /> });
    let local_only = "button[aria-label='Copy 9096068511']";
    assert!(common::wait_until(5000, || common::find(&host, local_only).is_some()).await);
    host.remove();
    storage().clear().unwrap();
}
