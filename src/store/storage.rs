//! localStorage, tolerant of its absence (private windows, quotas, tests).

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn get(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

/// Best effort: a full or missing storage must not break the app.
pub fn set(key: &str, value: &str) {
    if let Some(s) = local() {
        let _ = s.set_item(key, value);
    }
}

pub fn remove(key: &str) {
    if let Some(s) = local() {
        let _ = s.remove_item(key);
    }
}

/// A JSON value saved with [`save_json`], if it still decodes.
pub fn load_json<T: serde::de::DeserializeOwned>(key: &str) -> Option<T> {
    serde_json::from_str(&get(key)?).ok()
}

pub fn save_json<T: serde::Serialize>(key: &str, value: &T) {
    save_json_sized(key, value, 0);
}

/// [`save_json`] into a buffer of about `hint` bytes (the size it had last
/// time), so a long list is not grown by doubling through a chain of
/// ever larger copies; returns the size written (0 when nothing was).
pub fn save_json_sized<T: serde::Serialize>(key: &str, value: &T, hint: usize) -> usize {
    let mut json = Vec::with_capacity(hint + hint / 8);
    if serde_json::to_writer(&mut json, value).is_err() {
        return 0;
    }
    // serde_json writes UTF-8 only.
    let Ok(json) = std::str::from_utf8(&json) else { return 0 };
    set(key, json);
    json.len()
}
