//! The translation tables (`assets/i18n/<tag>.json`, see the README there).
//!
//! English is built into the app: the reference, what fills any gap, and
//! what shows if another table cannot be had. In the browser the others are
//! fetched when their language is first wanted, so a visit carries only its
//! own language; on the host (cargo test) every table is built in.

use std::cell::Cell;

use super::Lang;

/// A language's texts by key. A list searched in order, not a map: the app
/// already carries the code for that, and a map's would add to the wasm.
pub type Table = [(&'static str, &'static str)];

thread_local! {
    /// Parsed once and kept for the page's life: a few kilobytes a language,
    /// at most once each, so the texts can be lent out as `&'static str`.
    static LOADED: Cell<[Option<&'static Table>; 4]> = const { Cell::new([None; 4]) };
}

fn slot(lang: Lang) -> usize {
    Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)
}

/// The JSON of a table built into this binary, if it is.
fn built_in(lang: Lang) -> Option<&'static str> {
    match lang {
        Lang::En => Some(include_str!("../../assets/i18n/en.json")),
        #[cfg(not(target_arch = "wasm32"))]
        Lang::ZhHans => Some(include_str!("../../assets/i18n/zh-Hans.json")),
        #[cfg(not(target_arch = "wasm32"))]
        Lang::ZhHant => Some(include_str!("../../assets/i18n/zh-Hant.json")),
        #[cfg(not(target_arch = "wasm32"))]
        Lang::Ru => Some(include_str!("../../assets/i18n/ru.json")),
        #[cfg(target_arch = "wasm32")]
        _ => None,
    }
}

/// The table of `lang`, if it is built in or has been loaded.
pub fn get(lang: Lang) -> Option<&'static Table> {
    if let Some(table) = LOADED.get()[slot(lang)] {
        return Some(table);
    }
    let json = built_in(lang)?;
    Some(install(lang, json).expect("a built-in translation table is valid"))
}

/// The text of `key` in the table of `lang`, if both are at hand.
pub fn find(lang: Lang, key: &str) -> Option<&'static str> {
    get(lang)?.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

/// Takes `json` as the table of `lang` (a table already there stays).
pub fn install(lang: Lang, json: &str) -> Result<&'static Table, String> {
    if let Some(table) = LOADED.get()[slot(lang)] {
        return Ok(table);
    }
    let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    let table: Vec<_> = parse(json)?.into_iter().map(|(k, v)| (leak(k), leak(v))).collect();
    let table: &'static Table = Box::leak(table.into_boxed_slice());
    let mut loaded = LOADED.get();
    loaded[slot(lang)] = Some(table);
    LOADED.set(loaded);
    Ok(table)
}

/// A table file's texts by key. Anything but a JSON object of strings is
/// refused: a static host's HTML "not found" page must not become a
/// language. (Through `serde_json::Value`, which the API decoders already
/// bring into the wasm.)
pub fn parse(json: &str) -> Result<Vec<(String, String)>, String> {
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let serde_json::Value::Object(map) = value else { return Err("not an object".into()) };
    map.into_iter()
        .map(|(k, v)| match v {
            serde_json::Value::String(text) => Ok((k, text)),
            other => Err(format!("{k}: not a string: {other}")),
        })
        .collect()
}

/// Where the table of `lang` is served, relative to the app's base.
pub fn path(lang: Lang) -> String {
    format!("i18n/{}.json", lang.tag())
}

/// Fetches, checks and installs the table of `lang`; the service worker is
/// then asked to keep it for offline use.
#[cfg(target_arch = "wasm32")]
pub async fn load(lang: Lang) -> Result<(), String> {
    if get(lang).is_some() {
        return Ok(());
    }
    let path = path(lang);
    let answer = gloo_net::http::Request::get(&path).send().await.map_err(|e| e.to_string())?;
    if !answer.ok() {
        return Err(format!("{path}: HTTP {}", answer.status()));
    }
    let json = answer.text().await.map_err(|e| e.to_string())?;
    install(lang, &json).map_err(|e| format!("{path}: {e}"))?;
    crate::pwa::keep(&path);
    Ok(())
}
