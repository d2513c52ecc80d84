//! Browser tests: an order's row says its state in words (all five,
//! unknown ones with their code), and Prolong is enabled only when the
//! rules allow it, otherwise disabled with the reason and the opening date;
//! its dialog is a labelled modal that Escape closes, giving focus back.

use crate::common::*;
use chrono::Duration;
use leptos::prelude::*;
use rentapi::model::{Order, OrderState};
use smsrent::interned::ROW_CLASSES;
use smsrent::screen::orders::OrderRow;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

fn mount_rows(orders: Vec<Order>) -> web_sys::HtmlElement {
    mount(move || {
        view! {
            <table>
                {orders.into_iter().map(|o| view! { <OrderRow order=RwSignal::new(o) /> }).collect_view()}
            </table>
        }
    })
}

fn row(host: &web_sys::HtmlElement, id: u64) -> web_sys::HtmlElement {
    find(host, &format!("tr[data-order-id='{id}']")).unwrap_or_else(|| panic!("no row {id}"))
}

#[wasm_bindgen_test]
async fn every_state_is_said_in_words_with_a_cue() {
    clear_storage();
    let host = mount_rows(vec![
        order(1, OrderState::NotActive, 20, false),
        order(2, OrderState::Active, 20, false),
        order(3, OrderState::Activating, 20, false),
        order(4, OrderState::NotInSystem, 20, false),
        order(5, OrderState::Unknown(7), 20, false),
    ]);
    leptos::task::tick().await;
    let cases = [
        (1, "Not active", "not-active"),
        (2, "Active", "active"),
        (3, "Activating", "activating"),
        (4, "Needs replacement", "not-in-system"),
        (5, "Unknown (7)", "unknown"),
    ];
    for (id, words, cue) in cases {
        let state = find(&row(&host, id), ".state").unwrap();
        assert_eq!(text(&state).trim(), words, "order {id}");
        assert!(state.class_list().contains(cue), "order {id}: class {}", state.class_name());
    }
    // The number in full with its operator and a copy button; the service; a countdown.
    let first = row(&host, 1);
    let t = text(&first);
    assert!(t.contains("+7 9096068511") && t.contains("MTS") && t.contains("Instagram"), "{t}");
    assert!(find(&first, "button[aria-label='Copy +7 9096068511']").is_some());
    assert!(text(&find(&first, ".countdown").unwrap()).contains("20 d 5 h left"));
    // Activate only where it makes sense; "activating" while queued.
    assert!(try_button(&first, "Activate").is_some());
    assert!(try_button(&row(&host, 2), "Activate").is_none());
    assert!(try_button(&row(&host, 3), "Activating…").unwrap().has_attribute("disabled"));
    host.remove();
}

#[wasm_bindgen_test]
async fn prolong_follows_the_rules_and_says_why_not() {
    clear_storage();
    let far = order(10, OrderState::Active, 20, false);
    let opens_at = far.until - Duration::days(7);
    let host = mount_rows(vec![
        far,
        order(11, OrderState::Active, 3, true),
        order(12, OrderState::Active, 3, false),
    ]);
    leptos::task::tick().await;

    let far_row = row(&host, 10);
    let prolong = button(&far_row, "Prolong");
    assert!(prolong.has_attribute("disabled"), "more than 7 days left");
    let why = find(&far_row, ".prolong-why").unwrap();
    assert_eq!(text(&why).trim(), format!("Prolonging opens {}.", smsrent::clock::local(opens_at)));
    assert_eq!(prolong.get_attribute("aria-describedby").as_deref(), Some(why.id().as_str()));

    let open_row = row(&host, 11);
    let prolong = button(&open_row, "Prolong");
    assert!(!prolong.has_attribute("disabled"), "inside the 7-day window");
    assert!(find(&open_row, ".prolong-why").is_none(), "no reason when there is none");
    assert!(!prolong.has_attribute("aria-describedby"), "and nothing to point at");

    let refused = row(&host, 12);
    assert!(button(&refused, "Prolong").has_attribute("disabled"));
    assert!(text(&refused).contains("does not allow prolonging"), "{}", text(&refused));
    host.remove();
}

#[wasm_bindgen_test]
async fn the_prolong_dialog_is_a_labelled_modal_with_price_and_escape() {
    clear_storage();
    let host = mount_rows(vec![order(20, OrderState::Active, 3, true)]);
    leptos::task::tick().await;
    let opener = button(&row(&host, 20), "Prolong");
    opener.focus().unwrap();
    opener.click();
    leptos::task::tick().await;

    let dialog = find(&host, "[role=dialog]").expect("dialog open");
    assert_eq!(dialog.get_attribute("aria-modal").as_deref(), Some("true"));
    let title_id = dialog.get_attribute("aria-labelledby").unwrap();
    let title = document().get_element_by_id(&title_id).unwrap();
    assert!(text(&title).contains("Prolong +7 9096068511 (Instagram)"), "{}", text(&title));
    let active = document().active_element().unwrap();
    assert!(dialog.contains(Some(&active)), "focus moved into the dialog");

    // The price comes from the catalog (the demo simulator's getdata for RU).
    let price = find(&dialog, "[data-testid=prolong-price]").unwrap();
    assert!(wait_until(5000, || text(&price).contains("per day")).await, "price: {}", text(&price));
    assert!(text(&price).contains("× 7 days"), "one week by default: {}", text(&price));
    assert!(!text(&find(&dialog, "[data-testid=prolong-new-until]").unwrap()).is_empty());
    let confirm = find_all(&dialog, "button")
        .into_iter()
        .find(|b| text(b).starts_with("Prolong for"))
        .unwrap();
    assert!(!confirm.has_attribute("disabled"));

    let esc = web_sys::KeyboardEventInit::new();
    esc.set_key("Escape");
    esc.set_bubbles(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &esc).unwrap();
    document().active_element().unwrap().dispatch_event(&ev).unwrap();
    leptos::task::tick().await;
    assert!(find(&host, "[role=dialog]").is_none(), "Escape closes");
    let back = document().active_element().unwrap();
    assert_eq!(back, opener.unchecked_into::<web_sys::Element>(), "focus back on Prolong");
    host.remove();
}

#[wasm_bindgen_test]
async fn delete_asks_first_naming_the_number_and_service() {
    clear_storage();
    let host = mount_rows(vec![order(30, OrderState::Active, 10, false)]);
    leptos::task::tick().await;
    button(&row(&host, 30), "Delete").click();
    leptos::task::tick().await;
    let dialog = find(&host, "[role=dialog]").expect("confirmation");
    let t = text(&dialog);
    assert!(t.contains("+7 9096068511 (Instagram)") && t.contains("cannot be undone"), "{t}");
    // A mistake costs the order: Cancel has the focus.
    assert_eq!(text(&document().active_element().unwrap()).trim(), "Cancel");
    button(&dialog, "Cancel").click();
    leptos::task::tick().await;
    assert!(find(&host, "[role=dialog]").is_none());
    host.remove();
}

/// The interned class strings (`src/interned.rs`) are the ones rows set:
/// each class attribute of the usual rows is an interned string, or one
/// followed by toggled ones (`order has-new-sms`), and each interned one is
/// set by some row. A class added to a row, or one a row no longer sets,
/// fails here until the list says so.
#[wasm_bindgen_test]
async fn the_interned_class_strings_are_those_rows_set() {
    clear_storage();
    let news = Order { hasnewsms: true, ..order(43, OrderState::Active, 3, true) };
    let host = mount_rows(vec![
        order(40, OrderState::NotActive, 20, false),
        order(41, OrderState::Active, 3, true),
        order(42, OrderState::Activating, 20, false),
        news,
    ]);
    leptos::task::tick().await;
    let mut used = std::collections::BTreeSet::new();
    let mut strays = Vec::new();
    let groups = find_all(&host, "tbody.order");
    assert_eq!(groups.len(), 4);
    for group in groups {
        let inner = find_all(&group, "[class]").into_iter().map(JsCast::unchecked_into);
        for el in std::iter::once(group.unchecked_into::<web_sys::Element>()).chain(inner) {
            let class = el.get_attribute("class").unwrap();
            match as_interned(&class) {
                Some(parts) => used.extend(parts),
                None => strays.push(class),
            }
        }
    }
    assert!(strays.is_empty(), "rows set classes not interned: {strays:?}");
    let unused: Vec<_> = ROW_CLASSES.iter().filter(|c| !used.contains(*c)).collect();
    assert!(unused.is_empty(), "interned but no row sets them: {unused:?}");
    host.remove();
}

/// `class` as interned strings: one whole, or one and then toggled ones.
fn as_interned(class: &str) -> Option<Vec<&'static str>> {
    if let Some(whole) = ROW_CLASSES.iter().find(|c| **c == class) {
        return Some(vec![whole]);
    }
    class.match_indices(' ').find_map(|(i, _)| {
        let first = ROW_CLASSES.iter().find(|c| **c == &class[..i])?;
        let mut rest = as_interned(&class[i + 1..])?;
        rest.insert(0, first);
        Some(rest)
    })
}
