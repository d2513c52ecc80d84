//! Desktop notifications for new codes: off until the user turns them on
//! with a click (the browser asks its permission then), remembered in
//! localStorage.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Notification, NotificationOptions, NotificationPermission};

use crate::i18n::use_i18n;
use crate::store::storage;

const STORAGE_KEY: &str = crate::store::keys::NOTIFY;

/// What the browser allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    Unsupported,
    Default,
    Granted,
    Denied,
}

#[derive(Clone, Copy)]
pub struct Notifier {
    /// The user turned notifications on.
    wanted: RwSignal<bool>,
    pub permission: RwSignal<Permission>,
}

impl Notifier {
    pub fn provide() -> Self {
        let me = Self {
            wanted: RwSignal::new(storage::get(STORAGE_KEY).as_deref() == Some("1")),
            permission: RwSignal::new(current_permission()),
        };
        provide_context(me);
        me
    }

    /// Notifications will be shown (tracked).
    pub fn is_on(&self) -> bool {
        self.wanted.get() && self.permission.get() == Permission::Granted
    }

    /// Asks the browser (only from a click) and turns them on if allowed.
    pub fn turn_on(self) {
        let Ok(promise) = Notification::request_permission() else { return };
        leptos::task::spawn_local(async move {
            let answer = wasm_bindgen_futures::JsFuture::from(promise).await.ok();
            let granted = answer.and_then(|v| v.as_string()).as_deref() == Some("granted");
            self.permission.set(current_permission());
            if granted {
                self.wanted.set(true);
                storage::set(STORAGE_KEY, "1");
            }
        });
    }

    pub fn turn_off(self) {
        self.wanted.set(false);
        storage::set(STORAGE_KEY, "0");
    }

    /// Shows one notification, replacing an earlier one with the same tag.
    pub fn notify(&self, title: &str, body: &str, tag: &str) {
        self.notify_code(title, body, tag, None);
    }

    /// The same; a click on it brings the app forward and, when `code` is
    /// given, copies it.
    pub fn notify_code(&self, title: &str, body: &str, tag: &str, code: Option<&str>) {
        if !(self.wanted.get_untracked() && self.permission.get_untracked() == Permission::Granted)
        {
            return;
        }
        let options = NotificationOptions::new();
        options.set_body(body);
        options.set_tag(tag);
        let Ok(shown) = Notification::new_with_options(title, &options) else { return };
        let code = code.map(str::to_owned);
        let on_click = Closure::once_into_js(move || {
            let Some(window) = web_sys::window() else { return };
            let _ = window.focus();
            if let Some(code) = code {
                copy_text(&window, &code);
            }
        });
        shown.set_onclick(Some(on_click.unchecked_ref()));
    }
}

/// `navigator.clipboard.writeText(text)`, best effort.
fn copy_text(window: &web_sys::Window, text: &str) {
    use js_sys::{Function, Reflect};
    let clipboard = Reflect::get(&window.navigator(), &"clipboard".into()).ok();
    let write = clipboard.as_ref().and_then(|c| Reflect::get(c, &"writeText".into()).ok());
    if let (Some(clipboard), Some(write)) =
        (clipboard, write.and_then(|w| w.dyn_into::<Function>().ok()))
    {
        let _ = write.call1(&clipboard, &JsValue::from_str(text));
    }
}

fn current_permission() -> Permission {
    let supported = web_sys::window().is_some_and(|w| {
        js_sys::Reflect::has(&w, &JsValue::from_str("Notification")).unwrap_or(false)
    });
    if !supported {
        return Permission::Unsupported;
    }
    match Notification::permission() {
        NotificationPermission::Granted => Permission::Granted,
        NotificationPermission::Denied => Permission::Denied,
        _ => Permission::Default,
    }
}

pub fn use_notifier() -> Option<Notifier> {
    use_context()
}

/// "Notify me of new codes" / "Notifications on", or why they can't be.
#[component]
pub fn NotifyToggle() -> impl IntoView {
    let i18n = use_i18n();
    let Some(notifier) = use_notifier() else { return ().into_any() };
    (move || match notifier.permission.get() {
        Permission::Unsupported => ().into_any(),
        Permission::Denied => {
            view! { <span class="muted notify-state">{i18n.t("notify-denied")}</span> }.into_any()
        }
        _ if notifier.is_on() => view! {
            <button type="button" class="notify" on:click=move |_| notifier.turn_off()>
                {i18n.t("notify-on")}
            </button>
        }
        .into_any(),
        _ => view! {
            <button type="button" class="notify" on:click=move |_| notifier.turn_on()>
                {i18n.t("notify-off")}
            </button>
        }
        .into_any(),
    })
    .into_any()
}
