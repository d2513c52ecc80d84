//! The installable app: where it is hosted, its service worker and the
//! banners that go with them.
//!
//! - **Base path.** The service worker's scope is the path the app is
//!   served under ([`crate::route::base_path`]).
//! - **Service worker.** `sw.js` is written by the build (see
//!   `scripts/sw-manifest.cjs`); release builds register it with the base
//!   path as scope. When a new build has installed and waits, the app shows
//!   "A new version is ready" with a Reload button: the click asks the
//!   waiting worker to take over, and the page reloads once it has.
//! - **Offline.** A banner while the browser is offline (see
//!   [`crate::store::network`]).

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    RegistrationOptions, ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration,
    ServiceWorkerState,
};

use crate::i18n::use_i18n;
use crate::route::base_path;
use crate::store::network::{OFFLINE_REASON_ID, use_network};

/// How often an open app asks the server for a new build.
const UPDATE_CHECK_MS: u32 = 60 * 60 * 1000;
/// After Reload is clicked, reload anyway if the new worker has not taken
/// over by then.
const HANDOVER_TIMEOUT_MS: u32 = 5_000;

/// Whether a new build waits to take over; provided by the app.
#[derive(Clone, Copy)]
pub struct AppUpdate {
    /// A new version is installed and this page runs an older one.
    ready: RwSignal<bool>,
    /// The installed worker that waits, while it waits.
    waiting: StoredValue<Option<ServiceWorker>, LocalStorage>,
    /// Reload was clicked: reload when the new worker takes over.
    reloading: RwSignal<bool>,
}

impl AppUpdate {
    /// Provides the state and, in release builds, registers the service
    /// worker (debug builds, `trunk serve` and the browser tests, run
    /// without one, so nothing is ever served stale during development).
    pub fn provide() -> Self {
        let me = Self {
            ready: RwSignal::new(false),
            waiting: StoredValue::new_local(None),
            reloading: RwSignal::new(false),
        };
        provide_context(me);
        if !cfg!(debug_assertions) {
            register(me);
        }
        me
    }

    /// A new version is ready (tracked).
    pub fn is_ready(&self) -> bool {
        self.ready.get()
    }

    fn offer(&self, worker: ServiceWorker) {
        self.waiting.set_value(Some(worker));
        self.ready.set(true);
    }

    /// Hands over to the new version and reloads into it.
    pub fn apply(&self) {
        self.reloading.set(true);
        let waiting =
            self.waiting.get_value().filter(|w| w.state() == ServiceWorkerState::Installed);
        match waiting {
            // The page reloads on `controllerchange` (see `register`).
            Some(worker) if worker.post_message(&JsValue::from_str("skipWaiting")).is_ok() => {
                gloo_timers::callback::Timeout::new(HANDOVER_TIMEOUT_MS, reload).forget();
            }
            // Already taken over (Reload clicked in another tab): just reload.
            _ => reload(),
        }
    }
}

fn reload() {
    let _ = window().location().reload();
}

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = window().navigator();
    // Only in secure contexts (https, or http on loopback).
    js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker"))
        .unwrap_or(false)
        .then(|| navigator.service_worker())
}

fn register(update: AppUpdate) {
    let Some(container) = container() else { return };
    let base = base_path();
    let options = RegistrationOptions::new();
    options.set_scope(&base);
    let registering = container.register_with_options(&format!("{base}sw.js"), &options);

    // The new worker took over: reload if that is what the person asked for
    // (not on the very first install, nor after a click in another tab).
    let on_change = Closure::<dyn FnMut()>::new(move || {
        if update.reloading.get_untracked() {
            reload();
        }
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();

    leptos::task::spawn_local(async move {
        let registration = match JsFuture::from(registering).await {
            Ok(r) => r.unchecked_into::<ServiceWorkerRegistration>(),
            Err(e) => {
                leptos::logging::warn!("service worker not registered: {e:?}");
                return;
            }
        };
        watch(update, &container, &registration);
        gloo_timers::callback::Interval::new(UPDATE_CHECK_MS, move || check(&registration))
            .forget();
    });
}

/// Offers a worker that waits now, and any that installs later, as an
/// update: only when this page already runs under a worker (the first
/// install is no update).
fn watch(
    update: AppUpdate,
    container: &ServiceWorkerContainer,
    registration: &ServiceWorkerRegistration,
) {
    let is_update = {
        let container = container.clone();
        move || container.controller().is_some()
    };
    if let Some(worker) = registration.waiting()
        && is_update()
    {
        update.offer(worker);
    }
    let follow = move |worker: ServiceWorker| {
        let is_update = is_update.clone();
        let watched = worker.clone();
        let on_state = Closure::<dyn FnMut()>::new(move || {
            if watched.state() == ServiceWorkerState::Installed && is_update() {
                update.offer(watched.clone());
            }
        });
        worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
        on_state.forget();
    };
    if let Some(worker) = registration.installing() {
        follow(worker);
    }
    let found = registration.clone();
    let on_found = Closure::<dyn FnMut()>::new(move || {
        if let Some(worker) = found.installing() {
            follow(worker);
        }
    });
    registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
    on_found.forget();
}

/// Asks the service worker to keep `rel`, a file it caches only once used
/// (a language table, demo mode's simulator), for offline use. A first
/// visit loads them before the worker controls it, so the worker never saw
/// those requests.
/// Nothing happens without a worker (debug builds, the browser tests).
pub fn keep(rel: &str) {
    if cfg!(debug_assertions) {
        return;
    }
    let Some(ready) = container().and_then(|c| c.ready().ok()) else { return };
    let message = JsValue::from_str(&format!("keep:{rel}"));
    // Not leptos::task: this may run before the app is mounted.
    wasm_bindgen_futures::spawn_local(async move {
        let active = JsFuture::from(ready)
            .await
            .ok()
            .and_then(|r| r.unchecked_into::<ServiceWorkerRegistration>().active());
        if let Some(worker) = active {
            let _ = worker.post_message(&message);
        }
    });
}

/// Asks the server for a new `sw.js`; offline or failing, it just waits for
/// the next check.
fn check(registration: &ServiceWorkerRegistration) {
    if let Ok(promise) = registration.update() {
        leptos::task::spawn_local(async move {
            let _ = JsFuture::from(promise).await;
        });
    }
}

/// "A new version is ready" with its Reload button, while one is.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let i18n = use_i18n();
    let update = use_context::<AppUpdate>();
    let ready = move || update.is_some_and(|u| u.is_ready());
    view! {
        <div class="app-status" role="status">
            <Show when=ready>
                <div class="update-banner" data-testid="update-banner">
                    <span>{move || i18n.t("update-ready")}</span>
                    <button
                        type="button"
                        class="primary"
                        disabled=move || update.is_some_and(|u| u.reloading.get())
                        on:click=move |_| {
                            if let Some(u) = update {
                                u.apply();
                            }
                        }
                    >
                        {move || i18n.t("update-reload")}
                    </button>
                </div>
            </Show>
        </div>
    }
}

/// "You are offline" while the browser is.
#[component]
pub fn OfflineBanner() -> impl IntoView {
    let i18n = use_i18n();
    let network = use_network();
    view! {
        <div class="app-status" role="status">
            <Show when=move || !network.is_online()>
                <div class="offline-banner" data-testid="offline-banner">
                    <span>{move || i18n.t("offline-banner")}</span>
                    // What disabled actions point at (aria-describedby).
                    <Show when=move || network.blocked()>
                        <span id=OFFLINE_REASON_ID>{move || i18n.t("offline-actions")}</span>
                    </Show>
                </div>
            </Show>
        </div>
    }
}
