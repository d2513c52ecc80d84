//! Browser test of prolonging several at once, in demo mode (the simulator
//! in the page): the expiring note opens the dialog, the number in the
//! window is ticked with its price, and two clicks on confirm in a row send
//! one `prolong` per number, then say what was done.

use crate::common::*;
use rentapi::sim::demo::GOOGLE_EXPIRING;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

fn confirm(root: &web_sys::Element) -> Option<web_sys::HtmlElement> {
    find_all(root, ".dialog-buttons button")
        .into_iter()
        .find(|b| text(b).starts_with("Prolong 1 for"))
}

#[wasm_bindgen_test]
async fn a_double_click_prolongs_each_number_once() {
    clear_storage();
    let host = mount_app();
    let note = wait_until(10_000, || {
        find(&host, "[data-testid=expiring-note]")
            .is_some_and(|n| try_button(&n, "Prolong several…").is_some())
    })
    .await;
    assert!(note, "{}", text(&host));
    let note = find(&host, "[data-testid=expiring-note]").unwrap();
    button(&note, "Prolong several…").click();

    let dialog = wait_until(5000, || find(&host, "[role=dialog]").is_some()).await;
    assert!(dialog, "{}", text(&host));
    let dialog = find(&host, "[role=dialog]").unwrap();
    // The demo's one number in the window, ticked, its price loaded.
    let line = find(&dialog, &format!("li[data-order-id='{GOOGLE_EXPIRING}']")).expect("its line");
    let tick: web_sys::HtmlInputElement =
        find(&line, "input[type=checkbox]").unwrap().unchecked_into();
    assert!(tick.checked(), "ticked by default");
    let priced =
        wait_until(20_000, || confirm(&dialog).is_some_and(|b| !b.has_attribute("disabled"))).await;
    assert!(priced, "{}", text(&dialog));
    assert!(text(&line).contains(", until "), "{}", text(&line));

    let before = calls_of("prolong");
    let button = confirm(&dialog).unwrap();
    button.click();
    button.click();
    let done = wait_until(20_000, || {
        find(&dialog, "[data-testid=batch-summary]")
            .is_some_and(|s| text(&s).starts_with("Prolonged: 1. Not prolonged: 0."))
    })
    .await;
    assert!(done, "{}", text(&dialog));
    assert_eq!(calls_of("prolong"), before + 1, "one request per number, the second click none");
    let result =
        find(&dialog, &format!(".batch-results li.prolonged[data-order-id='{GOOGLE_EXPIRING}']"));
    assert!(result.is_some_and(|r| text(&r).contains("prolonged until")), "{}", text(&dialog));
    host.remove();
}
