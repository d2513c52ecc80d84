//! Browser tests of the archive's paging and the rental wizard's state, in
//! demo mode (the simulator runs in the page: no network).

use crate::common::*;
use smsrent::screen::archive::ArchiveScreen;
use smsrent::screen::rent::RentScreen;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

fn rows(host: &web_sys::Element) -> usize {
    find_all(host, "tbody tr[data-order-id]").len()
}

fn first_row_id(host: &web_sys::Element) -> String {
    find(host, "tbody tr[data-order-id]")
        .and_then(|r| r.get_attribute("data-order-id"))
        .unwrap_or_default()
}

/// No page is being loaded.
fn idle(host: &web_sys::Element) -> bool {
    find(host, "table[aria-busy=false]").is_some()
}

fn select(host: &web_sys::Element, selector: &str, value: &str) {
    let el: web_sys::HtmlSelectElement = find(host, selector).unwrap().unchecked_into();
    el.set_value(value);
    fire(&el, "change");
}

#[wasm_bindgen_test]
async fn archive_pages_through_the_history() {
    clear_storage();
    let host = mount(|| leptos::view! { <ArchiveScreen /> });
    assert!(wait_until(10_000, || rows(&host) == 10).await, "first page of 10: {}", text(&host));
    let first_id = first_row_id(&host);
    assert!(text(&host).contains("Page 1"));

    button(&host, "Next").click();
    assert!(
        wait_until(10_000, || idle(&host) && rows(&host) == 10 && first_row_id(&host) != first_id)
            .await,
        "page 2 shows other rentals"
    );
    assert!(text(&host).contains("Page 2"));
    button(&host, "Previous").click();
    assert!(
        wait_until(10_000, || idle(&host) && first_row_id(&host) == first_id).await,
        "back to page 1"
    );
    assert!(text(&host).contains("Page 1"));

    // The demo archive has 25 rentals: one page of 50 shows them all, and no next page.
    select(&host, "select", "50");
    assert!(wait_until(10_000, || rows(&host) == 25).await, "{}", text(&host));
    assert!(button(&host, "Next").has_attribute("disabled"));
    host.remove();
}

/// The archive names services by code only (`opt16`): the rows show their
/// names, from the orders or from price lists asked for one at a time, and
/// a code no list knows stays as it is.
#[wasm_bindgen_test]
async fn archive_names_its_services() {
    clear_storage();
    let host = mount(|| leptos::view! { <ArchiveScreen /> });
    assert!(wait_until(10_000, || rows(&host) == 10).await, "{}", text(&host));
    select(&host, "select", "50");
    assert!(wait_until(10_000, || rows(&host) == 25).await, "{}", text(&host));
    let by_code = || {
        find_all(&host, "tbody tr[data-order-id] td:nth-child(3)")
            .iter()
            .map(|td| text(td))
            .filter(|t| {
                t.strip_prefix("opt").is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
            })
            .collect::<Vec<_>>()
    };
    assert!(wait_until(15_000, || by_code() == ["opt999"]).await, "still by code: {:?}", by_code());
    let unknown = find(&host, "tr[data-order-id='39917']").unwrap();
    assert!(text(&unknown).contains("opt999"), "{}", text(&unknown));
    let lists = calls_of("getdata");
    assert!((1..=10).contains(&lists), "{lists} price lists for the names of one page");
    host.remove();
}

#[wasm_bindgen_test]
async fn wizard_keeps_choices_and_refuses_long_periods() {
    clear_storage();
    let host = mount(|| leptos::view! { <RentScreen /> });
    assert!(wait_until(10_000, || text(&host).contains("Россия")).await, "{}", text(&host));
    let russia = find_all(&host, "button.choice-card")
        .into_iter()
        .find(|b| text(b).contains("Россия"))
        .unwrap();
    russia.click();
    assert!(wait_until(2_000, || text(&host).contains("7 days in total.")).await);

    // 4 months is over the 90-day limit: said, and "Next" stays off.
    let months: web_sys::HtmlInputElement =
        find_all(&host, "input[type=radio]")[1].clone().unchecked_into();
    months.click();
    let count: web_sys::HtmlInputElement =
        find(&host, "input[type=number]").unwrap().unchecked_into();
    count.set_value("4");
    fire(&count, "input");
    assert!(
        wait_until(2_000, || text(&host).contains("120 days is too long")).await,
        "{}",
        text(&host)
    );
    assert!(button(&host, "Next").has_attribute("disabled"));
    count.set_value("1");
    fire(&count, "input");
    assert!(wait_until(2_000, || text(&host).contains("30 days in total.")).await);
    button(&host, "Next").click();

    // Two services on one number: the total adds both for the period.
    assert!(wait_until(10_000, || find(&host, "#svc-opt16").is_some()).await, "{}", text(&host));
    find(&host, "#svc-opt16").unwrap().click();
    find(&host, "#svc-opt29").unwrap().click();
    leptos::task::tick().await;
    button(&host, "Next").click();
    assert!(wait_until(2_000, || find(&host, "[data-testid=rent-total]").is_some()).await);
    let total = text(&find(&host, "[data-testid=rent-total]").unwrap());
    assert!(!total.trim().is_empty() && total.chars().any(|c| c.is_ascii_digit()), "{total}");

    // Going back keeps every choice.
    button(&host, "Back").click();
    assert!(wait_until(2_000, || find(&host, "#svc-opt16").is_some()).await);
    let chosen =
        |id: &str| find(&host, id).unwrap().unchecked_into::<web_sys::HtmlInputElement>().checked();
    assert!(chosen("#svc-opt16") && chosen("#svc-opt29"));
    host.remove();
}
