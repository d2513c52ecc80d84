//! Mount, router and layout: the header with the demo banner, and one
//! route per screen.

use leptos::prelude::*;
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::hooks::use_navigate;
use leptos_router::path;

use crate::api::{Api, use_api};
use crate::clock::Ticker;
use crate::i18n::{I18n, use_i18n};
use crate::screen::archive::ArchiveScreen;
use crate::screen::orders::OrdersScreen;
use crate::screen::settings::SettingsScreen;
use crate::store::orders::OrdersStore;
use crate::store::settings::SettingsStore;

/// Provides the stores, then lays out the screens.
#[component]
pub fn App() -> impl IntoView {
    I18n::provide();
    Ticker::provide();
    let settings = SettingsStore::provide();
    let api = Api::provide(settings);
    OrdersStore::provide(api);
    view! {
        <Router>
            <Header />
            <main id="main">
                <Routes fallback=|| view! { <OrdersScreen /> }>
                    <Route path=path!("/") view=OrdersScreen />
                    <Route path=path!("/archive") view=ArchiveScreen />
                    <Route path=path!("/settings") view=SettingsScreen />
                </Routes>
            </main>
        </Router>
    }
}

#[component]
fn Header() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <header class="app-header">
            <a class="skip" href="#main">"Skip to content"</a>
            <span class="brand">{move || i18n.t("app-name")}</span>
            <nav>
                <A href="/">{move || i18n.t("nav-orders")}</A>
                <A href="/archive">{move || i18n.t("nav-archive")}</A>
                <A href="/settings">{move || i18n.t("nav-settings")}</A>
            </nav>
        </header>
        <DemoBanner />
    }
}

/// With no key saved the app runs against the simulator: say so, offer the
/// way out, and a fresh start.
#[component]
fn DemoBanner() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let navigate = use_navigate();
    let said = RwSignal::new(false);
    view! {
        <Show when=move || api.is_demo()>
            <div class="demo-banner" role="status" data-testid="demo-banner">
                <strong>{move || i18n.t("demo-banner")}</strong>
                <button type="button" on:click={
                    let navigate = navigate.clone();
                    move |_| navigate("/settings", Default::default())
                }>{move || i18n.t("demo-enter-key")}</button>
                <button type="button" on:click=move |_| {
                    api.reset_demo();
                    said.set(true);
                }>{move || i18n.t("demo-reset")}</button>
                <span aria-live="polite">{move || said.get().then(|| i18n.t("demo-reset-done"))}</span>
            </div>
        </Show>
    }
}
