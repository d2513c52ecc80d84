//! Shared by the browser tests: mounting with every provider the app has
//! (`store::provide_all`; demo mode: the simulator in the page, as the
//! runner serves no worker script; no network), sample orders, and small
//! DOM helpers.
//!
//! All tests share one page, so each starts as a fresh one: mounting (or
//! clearing the storage) first unmounts what the previous test mounted.
//! That disposes its owner, so its effects, intervals, listeners and
//! polls stop, and nothing it left runs into the next test.
#![allow(dead_code)]

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use chrono::{DateTime, Duration, Utc};
use leptos::prelude::*;
use rentapi::model::{Order, OrderState};
use rentapi::sim::DemoSession;
use rentapi::transport::LocalFuture;
use rentapi::{OrderId, RawResponse, TransportError};
use smsrent::api::{Engine, Start, run_demo_on};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlElement;

/// The demo account, as the worker (and `InPage`) saves it.
use smsrent::store::keys::DEMO as DEMO_STATE;

thread_local! {
    /// The last mount: its host element and its unmount handle.
    static MOUNTED: RefCell<Option<(HtmlElement, Box<dyn Any>)>> = const { RefCell::new(None) };
}

/// Unmounts what the last test mounted, if anything, takes its host out
/// of the page, and goes back to the page's first address (the app's
/// router starts from the address, as on a visit).
pub fn unmount() {
    thread_local! {
        static FIRST_URL: String = web_sys::window().unwrap().location().href().unwrap();
    }
    if let Some((host, handle)) = MOUNTED.with(|m| m.borrow_mut().take()) {
        drop(handle);
        host.remove();
    }
    let history = web_sys::window().unwrap().history().unwrap();
    FIRST_URL.with(|url| history.replace_state_with_url(&JsValue::NULL, "", Some(url))).unwrap();
}

pub fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Lets effects and the DOM catch up after an event.
pub async fn settle() {
    leptos::task::tick().await;
    sleep(10).await;
    leptos::task::tick().await;
}

/// A fresh start, as a first visit: nothing mounted, no key (demo mode),
/// no seen SMS, no cached orders, no SMS memory. (The delete is queued
/// before any open the app makes, and IndexedDB runs them in order.)
pub fn clear_storage() {
    unmount();
    storage().clear().unwrap();
    let idb = js_sys::Reflect::get(&web_sys::window().unwrap(), &"indexedDB".into()).unwrap();
    let delete = js_sys::Reflect::get(&idb, &"deleteDatabase".into()).unwrap();
    let delete: js_sys::Function = delete.into();
    delete.call1(&idb, &"smsrent.history.demo".into()).unwrap();
}

pub fn storage_get(key: &str) -> Option<String> {
    storage().get_item(key).unwrap()
}

/// What the demo simulator was asked, from the state it saves after each request.
pub fn calls_of(method: &str) -> u64 {
    let saved = storage_get(DEMO_STATE).expect("demo state saved");
    serde_json::from_str::<rentapi::sim::Simulator>(&saved).unwrap().counters().calls_of(method)
}

/// The language tables the app fetches when chosen, at hand as if fetched
/// (the test runner serves no files): a switch then takes effect at once.
pub fn install_languages() {
    use smsrent::i18n::{Lang, tables};
    for (lang, json) in [
        (Lang::Ru, include_str!("../../assets/i18n/ru.json")),
        (Lang::ZhHans, include_str!("../../assets/i18n/zh-Hans.json")),
        (Lang::ZhHant, include_str!("../../assets/i18n/zh-Hant.json")),
    ] {
        tables::install(lang, json).unwrap();
    }
}

/// Demo mode's simulator in the page, saving as the worker's does.
struct InPage(RefCell<DemoSession>);

impl Engine for InPage {
    fn call(&self, query: String) -> LocalFuture<'static, Result<RawResponse, TransportError>> {
        let raw = self.0.borrow_mut().call(&query, now());
        self.save();
        Box::pin(async move { Ok(raw) })
    }

    fn reset(&self) {
        self.0.borrow_mut().reset(now());
        self.save();
    }
}

/// Demo mode's simulator in the page (what `mount` and `mount_app` use),
/// for an engine that wraps it.
pub fn in_page() -> Rc<dyn Engine> {
    InPage::start()
}

impl InPage {
    fn start() -> Rc<dyn Engine> {
        Rc::new(Self(RefCell::new(DemoSession::resume(storage_get(DEMO_STATE).as_deref(), now()))))
    }

    fn save(&self) {
        if let Some(state) = self.0.borrow().saved() {
            storage().set_item(DEMO_STATE, &state).unwrap();
        }
    }
}

/// A new element in the page to mount into, with the language tables at
/// hand and demo mode answered by `engine`; the last mount is gone first.
fn new_host(engine: Start) -> HtmlElement {
    unmount();
    install_languages();
    run_demo_on(engine);
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    host
}

/// Mounts `view` in a new element, with the app's providers around it.
pub fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> HtmlElement {
    let host = new_host(InPage::start);
    let handle = leptos::mount::mount_to(host.clone(), move || {
        smsrent::store::provide_all();
        view()
    });
    keep(&host, handle);
    host
}

fn keep(host: &HtmlElement, handle: impl Any) {
    MOUNTED.with(|m| *m.borrow_mut() = Some((host.clone(), Box::new(handle))));
}

/// Mounts the whole app (it provides its own stores) in a new element.
pub fn mount_app() -> HtmlElement {
    mount_app_on(InPage::start)
}

/// [`mount_app`], with demo mode answered by `engine`.
pub fn mount_app_on(engine: Start) -> HtmlElement {
    let host = new_host(engine);
    keep(&host, leptos::mount::mount_to(host.clone(), smsrent::App));
    host
}

pub fn now() -> DateTime<Utc> {
    smsrent::clock::now()
}

/// [`Order::sample`] (Instagram on +7 9096068511 from MTS) as `id` in
/// `state`, ending `days_left` days (and a few hours) from now.
pub fn order(id: u64, state: OrderState, days_left: i64, canprolong: bool) -> Order {
    let until = now() + Duration::days(days_left) + Duration::minutes(5 * 60 + 30);
    let provider = Some("MTS".into());
    Order {
        id: OrderId(id),
        state,
        canprolong,
        canprolongmax: 60,
        provider,
        ..Order::sample(until)
    }
}

pub fn find(root: &web_sys::Element, selector: &str) -> Option<HtmlElement> {
    root.query_selector(selector).unwrap().map(JsCast::unchecked_into)
}

pub fn find_all(root: &web_sys::Element, selector: &str) -> Vec<HtmlElement> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).filter_map(|i| list.item(i)).map(JsCast::unchecked_into).collect()
}

pub fn text(el: &web_sys::Element) -> String {
    el.text_content().unwrap_or_default()
}

/// The button whose visible text (trimmed) is `label`.
pub fn button(root: &web_sys::Element, label: &str) -> HtmlElement {
    try_button(root, label).unwrap_or_else(|| panic!("no button {label:?} in {}", text(root)))
}

pub fn try_button(root: &web_sys::Element, label: &str) -> Option<HtmlElement> {
    find_all(root, "button").into_iter().find(|b| text(b).trim() == label)
}

pub async fn sleep(ms: u64) {
    gloo_timers_sleep(ms).await;
}

async fn gloo_timers_sleep(ms: u64) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits (up to `ms`) until `ready` says yes; false when it never did.
pub async fn wait_until(ms: u64, mut ready: impl FnMut() -> bool) -> bool {
    let mut waited = 0;
    while !ready() {
        if waited >= ms {
            return false;
        }
        sleep(50).await;
        leptos::task::tick().await;
        waited += 50;
    }
    true
}

/// Fires `kind` ("input", "change") at `el` as the browser does when a
/// person types or picks: bubbling, so the app's delegated handlers (Leptos
/// listens at the document) see it.
pub fn fire(el: &web_sys::Element, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let ev = web_sys::Event::new_with_event_init_dict(kind, &init).unwrap();
    el.dispatch_event(&ev).unwrap();
}

/// The `<tbody>` of order `id`: its row and, when open, its SMS panel.
pub fn row_group(host: &web_sys::HtmlElement, id: u64) -> web_sys::HtmlElement {
    find(host, &format!("tr[data-order-id='{id}']"))
        .and_then(|tr| tr.parent_element())
        .map(JsCast::unchecked_into)
        .unwrap_or_else(|| panic!("no order {id}"))
}
