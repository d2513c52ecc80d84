//! Browser test of the languages: the header's switcher changes what is
//! shown at once, is remembered in localStorage and sets `<html lang>`; a
//! remembered choice wins on the next visit; dates and prices follow the
//! language, prices the currency setting.

use crate::common::{self, find, fire, sleep, storage, wait_until};
use leptos::prelude::*;
use smsrent::i18n::Lang;
use smsrent::screen::settings::SettingsScreen;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn html_lang() -> String {
    document().document_element().unwrap().get_attribute("lang").unwrap_or_default()
}

fn browser_languages() -> Vec<String> {
    web_sys::window()
        .unwrap()
        .navigator()
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect()
}

fn texts(root: &web_sys::Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default().trim().to_owned())
        .collect()
}

/// Chooses `tag` in the header's language select, as a person would.
async fn choose(host: &HtmlElement, tag: &str) {
    let select: web_sys::HtmlSelectElement = find(host, "header select[data-testid=lang]")
        .expect("the language select")
        .unchecked_into();
    select.set_value(tag);
    fire(&select, "change");
    leptos::task::tick().await;
    sleep(10).await;
}

#[wasm_bindgen_test]
async fn the_header_switches_the_language_remembers_it_and_sets_html_lang() {
    storage().clear().unwrap();
    let host = common::mount_app();
    // The app draws its screens in the task after it starts.
    assert!(wait_until(3000, || find(&host, "header select").is_some()).await, "no header");

    // First visit: the browser's languages decide.
    let detected = Lang::negotiate(browser_languages().iter().map(String::as_str));
    assert_eq!(html_lang(), detected.tag());
    assert_eq!(storage().get_item("smsrent.lang").unwrap(), None, "nothing stored before a choice");

    // The select is labelled and lists each language in its own name.
    let select = find(&host, "header label select[data-testid=lang]").expect("a labelled select");
    let label = select.parent_element().unwrap().text_content().unwrap();
    assert!(label.contains(detected.text("lang-label")), "label: {label}");
    assert_eq!(texts(&select, "option"), ["English", "简体中文", "繁體中文", "Русский"]);

    choose(&host, "en").await;
    find(&host, "header nav a[href$='/archive']").unwrap().click();
    assert!(
        wait_until(3000, || texts(&host, "th").contains(&"Start".to_owned())).await,
        "archive columns: {:?}",
        texts(&host, "th")
    );
    assert!(texts(&host, "th").contains(&"Closed".to_owned()));

    choose(&host, "zh-Hans").await;
    let columns = texts(&host, "th");
    assert!(
        columns.contains(&"开始".to_owned()) && columns.contains(&"关闭".to_owned()),
        "{columns:?}"
    );
    assert!(columns.contains(&"服务".to_owned()), "{columns:?}");
    assert!(texts(&host, "header nav a").contains(&"存档".to_owned()));
    assert_eq!(html_lang(), "zh-Hans");
    assert_eq!(storage().get_item("smsrent.lang").unwrap().as_deref(), Some("zh-Hans"));

    choose(&host, "zh-Hant").await;
    assert!(texts(&host, "th").contains(&"開始".to_owned()), "{:?}", texts(&host, "th"));
    assert!(texts(&host, "th").contains(&"電話號碼".to_owned()));
    assert_eq!(html_lang(), "zh-Hant");
    assert_eq!(storage().get_item("smsrent.lang").unwrap().as_deref(), Some("zh-Hant"));

    choose(&host, "ru").await;
    assert!(texts(&host, "th").contains(&"Начало".to_owned()), "{:?}", texts(&host, "th"));
    assert_eq!(html_lang(), "ru");
    let selected: web_sys::HtmlSelectElement = select.unchecked_into();
    assert_eq!(selected.value(), "ru");

    choose(&host, "en").await;
    assert!(texts(&host, "th").contains(&"Start".to_owned()));
    assert_eq!(html_lang(), "en");
    assert_eq!(storage().get_item("smsrent.lang").unwrap().as_deref(), Some("en"));

    host.remove();
    storage().clear().unwrap();
}

#[wasm_bindgen_test]
async fn a_remembered_choice_wins_and_dates_and_prices_follow_it() {
    storage().clear().unwrap();
    storage().set_item("smsrent.lang", "ru").unwrap();
    let host = common::mount(|| view! { <SettingsScreen /> });
    leptos::task::tick().await;
    assert_eq!(html_lang(), "ru");
    assert!(find(&host, "h1").unwrap().text_content().unwrap().contains("Настройки"));

    // Demo mode: dollars, written the Russian way.
    let example = find(&host, "[data-testid=currency-example]").unwrap();
    assert!(
        example.text_content().unwrap().contains("1\u{a0}234,50\u{a0}$"),
        "{:?}",
        example.text_content()
    );
    let t = chrono::DateTime::from_timestamp(1_700_000_000, 0).unwrap(); // mid-November 2023
    assert!(smsrent::clock::local(t).contains("2023"), "{}", smsrent::clock::local(t));
    assert!(smsrent::clock::local(t).contains("нояб"), "{}", smsrent::clock::local(t));
    // This year's dates leave the year out.
    let now = smsrent::clock::now();
    let this_year = js_sys::Date::new_0().get_full_year().to_string();
    assert!(!smsrent::clock::local(now).contains(&this_year), "{}", smsrent::clock::local(now));

    // Roubles, chosen in the settings, are remembered.
    find(&host, "input[name=currency][value=RUB]").unwrap().click();
    leptos::task::tick().await;
    assert_eq!(storage().get_item("smsrent.currency").unwrap().as_deref(), Some("RUB"));
    assert!(
        example.text_content().unwrap().contains("1\u{a0}234,50\u{a0}₽"),
        "{:?}",
        example.text_content()
    );

    // Outside any component, `use_i18n` finds the mounted app's I18n.
    let i18n = smsrent::i18n::use_i18n();
    i18n.choose(Lang::ZhHans);
    leptos::task::tick().await;
    assert!(example.text_content().unwrap().contains("₽1,234.50"), "{:?}", example.text_content());
    assert!(smsrent::clock::local(t).contains("2023年11月"), "{}", smsrent::clock::local(t));

    i18n.choose(Lang::En);
    find(&host, "input[name=currency][value=USD]").unwrap().click();
    leptos::task::tick().await;
    assert_eq!(storage().get_item("smsrent.currency").unwrap().as_deref(), Some("USD"));
    assert!(example.text_content().unwrap().contains("$1,234.50"), "{:?}", example.text_content());
    assert!(smsrent::clock::local(t).contains("Nov"), "{}", smsrent::clock::local(t));

    storage().clear().unwrap();
    host.remove();
}

#[wasm_bindgen_test]
async fn automatic_currency_follows_the_endpoint() {
    storage().clear().unwrap();
    storage().set_item("smsrent.lang", "en").unwrap();
    storage().set_item("smsrent.endpoint", smsrent::store::settings::SIMSMS_ENDPOINT).unwrap();
    storage().set_item("smsrent.apikey", "sk_test_0123456789abcdef").unwrap();
    let host = common::mount(|| view! { <SettingsScreen /> });
    leptos::task::tick().await;
    let auto = find(&host, "input[name=currency][value=auto]").unwrap();
    let auto: web_sys::HtmlInputElement = auto.unchecked_into();
    assert!(auto.checked(), "auto by default");
    let fieldset = find(&host, "[data-testid=currency]").unwrap().text_content().unwrap();
    assert!(fieldset.contains("Automatic (now: RUB)"), "{fieldset}");
    let example = find(&host, "[data-testid=currency-example]").unwrap().text_content().unwrap();
    assert!(example.contains("₽1,234.50"), "{example}");
    host.remove();
    storage().clear().unwrap();
}
