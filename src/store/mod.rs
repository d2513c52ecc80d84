//! Small context-provided stores: each owns its signals, its refresh loop,
//! its stale/error state and its persistence. Screens only read them and
//! call their methods.

pub mod archive;
pub mod batch;
pub mod cache;
pub mod catalog;
pub mod checks;
pub mod choice;
pub mod focus;
pub mod guard;
pub mod keys;
pub mod memory;
pub mod network;
pub mod orders;
pub mod reminders;
pub mod rent;
pub mod seen;
pub mod settings;
pub mod sms;
pub mod storage;
pub mod theme;
pub mod watch;
pub mod write_state;
pub mod writes;

/// Provides every store and context the screens read, in the order they
/// need each other: the app calls this, and so do the browser tests, so
/// there is one list. Returns the SMS store (the app's title counts its
/// unseen SMS).
pub fn provide_all() -> sms::SmsStore {
    use leptos::prelude::Signal;

    crate::i18n::I18n::provide();
    crate::clock::Ticker::provide();
    let settings = settings::SettingsStore::provide();
    let api = crate::api::Api::provide(settings);
    network::Network::provide(Signal::derive(move || api.is_demo()));
    let sms = provide_dashboard(api);
    rent::RentStore::provide(api);
    theme::ThemeStore::provide();
    crate::pwa::AppUpdate::provide();
    crate::ui::announce::Announcer::provide();
    crate::ui::copy::Clipboard::provide();
    sms
}

/// The dashboard's stores (orders, seen SMS, SMS, catalog, the notifier,
/// the chime, reminders, the SMS memory, the writes, batch prolong) over
/// `api`.
fn provide_dashboard(api: crate::api::Api) -> sms::SmsStore {
    let orders = orders::OrdersStore::provide(api);
    let seen = seen::SeenStore::provide(api);
    let notifier = crate::ui::notify::Notifier::provide();
    catalog::CatalogStore::provide(api);
    let i18n = crate::i18n::use_i18n();
    let network = network::use_network();
    let checks = checks::Checks::provide(api, orders, network);
    reminders::RemindersStore::provide(api, orders, Some(notifier), i18n);
    let chime = crate::ui::sound::Chime::provide();
    memory::MemoryStore::provide(api, orders);
    focus::Focus::provide();
    let sms = sms::SmsStore::provide(api, orders, seen, Some(notifier), Some(chime));
    let writes = writes::OrderWrites::provide(api, orders, sms, checks);
    batch::BatchStore::provide(api, orders, network, writes);
    sms
}
