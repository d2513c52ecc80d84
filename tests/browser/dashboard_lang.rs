//! Browser test of the dashboard's rows across languages (demo mode, the
//! whole app): the rules above the list open and Escape closes them, and
//! no row repeats them; another language makes every row anew in it, the
//! list keeping its length, and the rules follow.

use crate::common::*;
use smsrent::i18n::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn rows_are_made_anew_in_a_new_language_and_their_help_opens() {
    clear_storage();
    let host = mount_app();
    assert!(wait_until(10_000, || find(&host, "tr[data-order-id='40301']").is_some()).await);
    let rows = find_all(&host, "tr.order-row").len();

    // "About activation ?" above the list: the rules below it, Escape
    // closes them; the rows do not repeat it.
    let whatsapp = row_group(&host, 40301);
    assert!(find(&whatsapp, ".help-q").is_none(), "a row has no rules of its own");
    let bar = find(&host, ".list-bar").unwrap();
    let help = try_button(&bar, "About activation").expect("the activation rules' button");
    assert!(help.get_attribute("aria-label").is_none(), "named by its visible words");
    assert_eq!(help.get_attribute("aria-expanded").as_deref(), Some("false"));
    help.click();
    leptos::task::tick().await;
    assert_eq!(help.get_attribute("aria-expanded").as_deref(), Some("true"));
    let pop = find(&bar, ".help-pop").expect("the rules");
    assert!(text(&pop).contains(Lang::En.text("help-activate-queue")), "{}", text(&pop));
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    help.dispatch_event(
        &web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap(),
    )
    .unwrap();
    leptos::task::tick().await;
    assert!(find(&bar, ".help-pop").is_none(), "Escape closes");

    // Another language: every row says its words in it (the rows write them
    // once and are made anew), and the list keeps its length.
    let select = find(&host, "header select[data-testid=lang]").unwrap();
    select.unchecked_ref::<web_sys::HtmlSelectElement>().set_value("ru");
    fire(&select, "change");
    let prolong_ru = Lang::Ru.text("action-prolong");
    assert!(
        wait_until(3000, || find_all(&host, "tr.order-row")
            .iter()
            .all(|r| try_button(r, prolong_ru).is_some()))
        .await,
        "{}",
        text(&host)
    );
    assert_eq!(find_all(&host, "tr.order-row").len(), rows);
    let whatsapp = row_group(&host, 40301);
    assert!(
        try_button(&find(&host, ".list-bar").unwrap(), Lang::Ru.text("help-activate-label"))
            .is_some()
    );
    assert_eq!(text(&find(&whatsapp, ".state").unwrap()), Lang::Ru.text("state-not-active"));
    select.unchecked_ref::<web_sys::HtmlSelectElement>().set_value("en");
    fire(&select, "change");
    assert!(wait_until(3000, || try_button(&row_group(&host, 40301), "Prolong").is_some()).await);
    host.remove();
    clear_storage();
}
