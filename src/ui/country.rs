//! Country names in the user's language. The provider names countries in
//! Russian ("Россия") whatever the interface says; the browser's
//! `Intl.DisplayNames` knows every region in every language at no cost to
//! the bundle, and `Intl.Locale` which language a region speaks (so
//! "deutschland" finds Germany from any interface).

use rentapi::CountryCode;

use crate::i18n::Lang;

/// What a country is shown and found by.
#[derive(Debug, Clone, PartialEq)]
pub struct CountryNames {
    /// In the interface's language, or the provider's name where the
    /// browser knows none.
    pub shown: String,
    /// The provider's own name, when it says something else.
    pub provider: Option<String>,
    /// Every name it answers to, folded (see [`fold`]), one per line.
    search: String,
}

impl CountryNames {
    pub fn new(lang: Lang, code: &CountryCode, provider_name: &str) -> Self {
        let region = region(code);
        let region = region.as_deref();
        let shown = region.and_then(|r| display_name(lang.tag(), r));
        let own = region.and_then(|r| display_name(&likely_language(r)?, r));
        let english = region.and_then(|r| display_name("en", r));
        let provider = provider_name.trim();
        let keys = [
            Some(code.as_str()),
            Some(provider),
            shown.as_deref(),
            own.as_deref(),
            english.as_deref(),
        ];
        let search = keys.into_iter().flatten().map(fold).collect::<Vec<_>>().join("\n");
        let shown = shown.unwrap_or_else(|| provider.to_owned());
        let provider =
            (!provider.is_empty() && fold(provider) != fold(&shown)).then(|| provider.to_owned());
        Self { shown, provider, search }
    }

    /// Whether a search (already folded) finds this country.
    pub fn matches(&self, folded_query: &str) -> bool {
        folded_query.is_empty() || self.search.contains(folded_query)
    }
}

/// The region subtag for a provider's code: it says `UK` for Britain.
fn region(code: &CountryCode) -> Option<String> {
    let c = code.as_str().trim().to_ascii_uppercase();
    match c.as_str() {
        "UK" | "EN" => Some("GB".into()),
        _ if c.len() == 2 && c.chars().all(|ch| ch.is_ascii_alphabetic()) => Some(c),
        _ => None,
    }
}

/// Lower case without accents: "México" and "mexico" are one search.
pub fn fold(text: &str) -> String {
    let decomposed = decompose(text);
    decomposed
        .chars()
        // Combining marks (U+0300..U+036F) are what accents decompose into.
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .flat_map(char::to_lowercase)
        // ё is е with a mark in Russian searches too.
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect()
}

#[cfg(target_arch = "wasm32")]
fn decompose(text: &str) -> String {
    js_sys::JsString::from(text).normalize("NFD").into()
}

#[cfg(not(target_arch = "wasm32"))]
fn decompose(text: &str) -> String {
    text.to_owned()
}

/// `Intl.DisplayNames` of type region in `locale`, one made per locale.
#[cfg(target_arch = "wasm32")]
fn display_name(locale: &str, region: &str) -> Option<String> {
    use std::cell::RefCell;

    use js_sys::{Array, Function, Object, Reflect};
    use wasm_bindgen::{JsCast, JsValue};

    thread_local! {
        static NAMES: RefCell<Vec<(String, Option<Object>)>> = const { RefCell::new(Vec::new()) };
    }
    let names = NAMES.with_borrow_mut(|all| {
        if let Some((_, n)) = all.iter().find(|(l, _)| l == locale) {
            return n.clone();
        }
        let made = (|| {
            let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
            let ctor: Function =
                Reflect::get(&intl, &"DisplayNames".into()).ok()?.dyn_into().ok()?;
            let options = Object::new();
            Reflect::set(&options, &"type".into(), &"region".into()).ok()?;
            Reflect::set(&options, &"fallback".into(), &"none".into()).ok()?;
            let args = Array::of2(&Array::of1(&locale.into()), &options);
            Reflect::construct(&ctor, &args).ok()?.dyn_into::<Object>().ok()
        })();
        all.push((locale.to_owned(), made.clone()));
        made
    })?;
    let of: Function = Reflect::get(&names, &"of".into()).ok()?.dyn_into().ok()?;
    let name = of.call1(&names, &JsValue::from_str(region)).ok()?.as_string()?;
    (!name.is_empty() && name != region).then_some(name)
}

/// The language most likely spoken in `region` (`DE` → `de`), from the
/// browser's likely-subtags data (`Intl.Locale("und-DE").maximize()`).
#[cfg(target_arch = "wasm32")]
fn likely_language(region: &str) -> Option<String> {
    use js_sys::{Array, Function, Reflect};
    use wasm_bindgen::JsCast;

    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let ctor: Function = Reflect::get(&intl, &"Locale".into()).ok()?.dyn_into().ok()?;
    let locale = Reflect::construct(&ctor, &Array::of1(&format!("und-{region}").into())).ok()?;
    let maximize: Function = Reflect::get(&locale, &"maximize".into()).ok()?.dyn_into().ok()?;
    let full = maximize.call0(&locale).ok()?;
    Reflect::get(&full, &"language".into()).ok()?.as_string()
}

// On the host (cargo test) there is no Intl: the provider's name is shown.
#[cfg(not(target_arch = "wasm32"))]
fn display_name(_locale: &str, _region: &str) -> Option<String> {
    None
}

#[cfg(not(target_arch = "wasm32"))]
fn likely_language(_region: &str) -> Option<String> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_and_yo() {
        assert_eq!(fold("РОССИЯ"), "россия");
        assert_eq!(fold("Ёлка"), "елка");
    }

    #[test]
    fn without_intl_the_providers_name_is_shown_and_found() {
        let n = CountryNames::new(Lang::En, &CountryCode::new("RU"), "Россия");
        assert_eq!((n.shown.as_str(), n.provider.as_deref()), ("Россия", None));
        assert!(n.matches(&fold("россия")) && n.matches(&fold("ru")));
        assert!(!n.matches(&fold("germany")));
    }

    #[test]
    fn britain_is_gb() {
        assert_eq!(region(&CountryCode::new("UK")).as_deref(), Some("GB"));
        assert_eq!(region(&CountryCode::new("de")).as_deref(), Some("DE"));
        assert_eq!(region(&CountryCode::new("R1")), None);
    }
}
