//! An accessible modal dialog: `role="dialog"`, `aria-modal`, labelled by
//! its title; focus moves in and stays in (Tab wraps), Escape closes, and
//! focus goes back to the control that opened it.

use std::sync::atomic::{AtomicU32, Ordering};

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};

use crate::i18n::use_i18n;
use crate::store::network::use_network;

static NEXT_ID: AtomicU32 = AtomicU32::new(0);

const FOCUSABLE: &str = "button:not([disabled]), [href], input:not([disabled]), \
    select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex='-1'])";

/// Render it while open (inside a `<Show>`); `on_close` is asked to close
/// it (Escape, the backdrop). Mark the control to focus first with
/// `data-autofocus` (e.g. "Cancel" where a mistake would cost).
#[component]
pub fn Dialog(
    #[prop(into)] title: Signal<String>,
    on_close: Callback<()>,
    #[prop(optional, into)] class: String,
    children: Children,
) -> impl IntoView {
    let n = NEXT_ID.fetch_add(1, Ordering::Relaxed);
    let title_id = format!("dialog-title-{n}");
    let panel = NodeRef::<html::Div>::new();
    let opener = StoredValue::new_local(
        document().active_element().and_then(|e| e.dyn_into::<HtmlElement>().ok()),
    );
    Effect::new(move |_| {
        if let Some(panel) = panel.get() {
            let first = panel
                .query_selector("[data-autofocus]")
                .ok()
                .flatten()
                .or_else(|| focusables(&panel).into_iter().next().map(Into::into));
            match first.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
                Some(el) => _ = el.focus(),
                None => _ = panel.focus(),
            }
        }
    });
    on_cleanup(move || {
        if let Some(Some(el)) = opener.try_get_value() {
            let _ = el.focus();
        }
    });
    let on_keydown = move |ev: KeyboardEvent| match ev.key().as_str() {
        "Escape" => {
            ev.prevent_default();
            ev.stop_propagation();
            on_close.run(());
        }
        "Tab" => {
            if let Some(panel) = panel.get_untracked() {
                keep_focus_inside(&ev, &panel);
            }
        }
        _ => {}
    };
    let on_backdrop = move |ev: web_sys::MouseEvent| {
        if ev.target() == ev.current_target() {
            on_close.run(());
        }
    };
    view! {
        <div class="dialog-backdrop" on:click=on_backdrop>
            <div
                class=format!("dialog {class}")
                role="dialog"
                aria-modal="true"
                aria-labelledby=title_id.clone()
                tabindex="-1"
                node_ref=panel
                on:keydown=on_keydown
            >
                <h2 id=title_id.clone() class="dialog-title">
                    {move || title.get()}
                </h2>
                {children()}
            </div>
        </div>
    }
}

/// A confirmation's closing row: "Cancel", then the one button that sends
/// the request. The send button says "Sending…" and stays disabled while
/// `pending` (one click, one request), until `ready`, and while the provider
/// cannot be reached (offline, pointing at the banner's reason).
#[component]
pub fn DialogButtons(
    /// What the send button says (with the price, where there is one).
    #[prop(into)]
    label: Signal<String>,
    #[prop(into)] pending: Signal<bool>,
    on_confirm: Callback<()>,
    on_close: Callback<()>,
    /// Everything the request needs is chosen.
    #[prop(into, default = Signal::stored(true))]
    ready: Signal<bool>,
    /// The send button's look: `primary`, or `danger` where it cannot be
    /// undone (then "Cancel" gets the focus first).
    #[prop(default = "primary")]
    class: &'static str,
    /// What the first button says instead of "Cancel" (once there is
    /// nothing left to cancel, say "Close").
    #[prop(optional, into)]
    cancel_label: Option<Signal<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let network = use_network();
    let cancel_first = class == "danger";
    view! {
        <div class="dialog-buttons">
            <button type="button" data-autofocus=cancel_first.then_some("") on:click=move |_| on_close.run(())>
                {move || cancel_label.map_or_else(|| i18n.t("cancel").to_owned(), |l| l.get())}
            </button>
            <button
                type="button"
                class=class
                disabled=move || pending.get() || !ready.get() || network.writes_blocked()
                aria-describedby=network.write_described_by()
                on:click=move |_| on_confirm.run(())
            >
                {move || if pending.get() { i18n.t("action-sending").to_owned() } else { label.get() }}
            </button>
        </div>
    }
}

fn focusables(panel: &Element) -> Vec<HtmlElement> {
    let Ok(list) = panel.query_selector_all(FOCUSABLE) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into().ok()).collect()
}

/// Tab from the last control goes to the first, Shift+Tab from the first
/// to the last: focus never leaves an open dialog.
fn keep_focus_inside(ev: &KeyboardEvent, panel: &Element) {
    let items = focusables(panel);
    let (Some(first), Some(last)) = (items.first(), items.last()) else {
        ev.prevent_default();
        return;
    };
    let active = document().active_element();
    let is = |el: &HtmlElement| active.as_ref().is_some_and(|a| a == el.unchecked_ref::<Element>());
    let on_panel = active.as_ref().is_some_and(|a| a == panel);
    if ev.shift_key() && (is(first) || on_panel) {
        ev.prevent_default();
        let _ = last.focus();
    } else if !ev.shift_key() && is(last) {
        ev.prevent_default();
        let _ = first.focus();
    }
}
