//! Where the API lives and the user's key, kept in localStorage.

use codee::string::FromToStringCodec;
use leptos::prelude::*;
use leptos_use_storage::use_local_storage;
use rentapi::ApiKey;

/// The endpoint presets; a custom URL covers self-hosted relays.
pub const RELAY_ENDPOINT: &str = "api/rent.php";
pub const SMSPVA_ENDPOINT: &str = "https://smspva.com/api/rent.php";
pub const SIMSMS_ENDPOINT: &str = "https://simsms.org/api/rent.php";

const KEY_STORAGE: &str = "smsrent.apikey";
const ENDPOINT_STORAGE: &str = "smsrent.endpoint";

#[derive(Clone, Copy)]
pub struct SettingsStore {
    key_raw: Signal<String>,
    set_key_raw: WriteSignal<String>,
    endpoint_raw: Signal<String>,
    set_endpoint_raw: WriteSignal<String>,
}

impl SettingsStore {
    pub fn provide() -> Self {
        let (key_raw, set_key_raw, _) = use_local_storage::<String, FromToStringCodec>(KEY_STORAGE);
        let (endpoint_raw, set_endpoint_raw, _) =
            use_local_storage::<String, FromToStringCodec>(ENDPOINT_STORAGE);
        let me = Self { key_raw, set_key_raw, endpoint_raw, set_endpoint_raw };
        provide_context(me);
        me
    }

    /// The saved key; `None` means demo mode.
    pub fn key(&self) -> Option<ApiKey> {
        ApiKey::new(&self.key_raw.get())
    }

    pub fn key_untracked(&self) -> Option<ApiKey> {
        ApiKey::new(&self.key_raw.get_untracked())
    }

    pub fn save_key(&self, key: &str) -> bool {
        match ApiKey::new(key) {
            Some(k) => {
                self.set_key_raw.set(k.expose().to_owned());
                true
            }
            None => false,
        }
    }

    /// One click, and the key is gone from this browser.
    pub fn forget_key(&self) {
        self.set_key_raw.set(String::new());
    }

    /// The `rent.php` URL requests go to (the relay's by default).
    pub fn endpoint(&self) -> String {
        endpoint_or_relay(&self.endpoint_raw.get())
    }

    pub fn endpoint_untracked(&self) -> String {
        endpoint_or_relay(&self.endpoint_raw.get_untracked())
    }

    pub fn set_endpoint(&self, url: &str) {
        self.set_endpoint_raw.set(url.trim().to_owned());
    }
}

fn endpoint_or_relay(saved: &str) -> String {
    if saved.trim().is_empty() { RELAY_ENDPOINT.to_owned() } else { saved.trim().to_owned() }
}

pub fn use_settings() -> SettingsStore {
    expect_context()
}
