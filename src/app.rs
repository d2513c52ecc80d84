//! Mount, router and layout: the header with the demo banner, and one
//! route per screen.

use leptos::prelude::*;
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::hooks::use_navigate;
use leptos_router::path;

use crate::api::use_api;
use crate::i18n::{Lang, use_i18n};
use crate::pwa::{OfflineBanner, UpdateBanner};
use crate::route::{app_href, router_base};
use crate::screen::archive::ArchiveScreen;
use crate::screen::history::HistoryScreen;
use crate::screen::orders::OrdersScreen;
use crate::screen::rent::RentScreen;
use crate::screen::settings::SettingsScreen;
use crate::store::seen::page_title;
use crate::ui::announce::LiveRegion;

/// Provides the stores, then lays out the screens.
#[component]
pub fn App() -> impl IntoView {
    let sms = crate::store::provide_all();
    // "(2) smsrent" while new SMS wait to be seen.
    let i18n = use_i18n();
    Effect::new(move |_| document().set_title(&page_title(i18n.t("app-name"), sms.unseen_total())));
    // While the first answers travel (the requests go out before timers run).
    set_timeout(crate::clock::warm_up, std::time::Duration::ZERO);
    // The screens are drawn in the next task: the stores' first requests
    // (their effects run as soon as this returns) are then on the network
    // while the shell is built, instead of leaving after it.
    let drawn = RwSignal::new(false);
    set_timeout(move || drawn.set(true), std::time::Duration::ZERO);
    view! {
        <Show when=move || drawn.get()>
            // Under a sub-path (`/smsrent/`) when Trunk's public URL says so.
            <Router base=router_base()>
                <Header />
                <main id="main">
                    <crate::ui::checks::ChecksNotice />
                    <Routes fallback=|| view! { <OrdersScreen /> }>
                        <Route path=path!("/") view=OrdersScreen />
                        <Route path=path!("/rent") view=RentScreen />
                        <Route path=path!("/archive") view=ArchiveScreen />
                        <Route path=path!("/history") view=HistoryScreen />
                        <Route path=path!("/settings") view=SettingsScreen />
                    </Routes>
                </main>
                <LiveRegion />
            </Router>
        </Show>
    }
}

#[component]
fn Header() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <header class="app-header">
            <a class="skip" href="#main">{move || i18n.t("skip-link")}</a>
            <span class="brand">{move || i18n.t("app-name")}</span>
            <nav>
                <A href=app_href("/") exact=true>{move || i18n.t("nav-orders")}</A>
                <A href=app_href("/rent")>{move || i18n.t("nav-rent")}</A>
                <A href=app_href("/archive")>{move || i18n.t("nav-archive")}</A>
                <A href=app_href("/history")>{move || i18n.t("nav-history")}</A>
                <A href=app_href("/settings")>{move || i18n.t("nav-settings")}</A>
            </nav>
            <LanguageSelect />
        </header>
        <DemoBanner />
        <LanguageBanner />
        <OfflineBanner />
        <UpdateBanner />
    }
}

/// Each language listed in its own name, so it can be found by someone who
/// cannot read the current one.
#[component]
fn LanguageSelect() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class="lang-pick">
            <span class="sr-only">{move || i18n.t("lang-label")}</span>
            <select
                data-testid="lang"
                // Back to the language shown when the one chosen could not be had.
                prop:value=move || {
                    i18n.failed();
                    i18n.lang().tag()
                }
                on:change:target=move |ev| {
                    if let Some(lang) = Lang::from_tag(&ev.target().value()) {
                        i18n.choose(lang);
                    }
                }
            >
                {Lang::ALL
                    .map(|lang| {
                        view! {
                            <option value=lang.tag() lang=lang.tag() prop:selected=move || i18n.lang() == lang>
                                {lang.endonym()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

/// A language chosen whose table could not be fetched (offline before it
/// was ever used): said in the language still shown, with a retry.
#[component]
fn LanguageBanner() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Show when=move || i18n.failed().is_some()>
            <div class="lang-banner" role="alert" data-testid="lang-banner">
                <span>
                    {move || {
                        let name = i18n.failed().map_or("", Lang::endonym);
                        i18n.fmt("lang-unavailable", &[("lang", name)])
                    }}
                </span>
                <button type="button" on:click=move |_| i18n.retry()>
                    {move || i18n.t("lang-retry")}
                </button>
            </div>
        </Show>
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
