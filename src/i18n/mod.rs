//! The translation layer: every user-visible string is looked up here by key.
//! English is the reference table; other languages fall back to it key by key
//! (the tests below make sure nothing actually falls back).
//!
//! The language is chosen once from the browser's preferred languages, can be
//! switched in the header, is remembered in localStorage (`smsrent.lang`) and
//! is mirrored to `<html lang>`. Dates and prices read it through
//! [`current_lang`] (see `crate::clock::local` and `crate::ui::money`).

mod en;
mod ru;
mod zh_hans;
mod zh_hant;

use std::cell::Cell;

use leptos::prelude::*;

/// Where the user's explicit choice is remembered.
pub const STORAGE_KEY: &str = crate::store::keys::LANG;

/// The languages the UI speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    ZhHans,
    ZhHant,
    Ru,
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::En, Lang::ZhHans, Lang::ZhHant, Lang::Ru];

    fn table(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Lang::En => en::TABLE,
            Lang::ZhHans => zh_hans::TABLE,
            Lang::ZhHant => zh_hant::TABLE,
            Lang::Ru => ru::TABLE,
        }
    }

    /// The BCP 47 tag: `<html lang>`, the stored choice, the `<option>` value.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhHans => "zh-Hans",
            Lang::ZhHant => "zh-Hant",
            Lang::Ru => "ru",
        }
    }

    /// The language's name in itself, as the switcher lists it.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::ZhHans => "简体中文",
            Lang::ZhHant => "繁體中文",
            Lang::Ru => "Русский",
        }
    }

    /// The language of one of our own tags ([`tag`](Self::tag)).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        Self::ALL.into_iter().find(|l| l.tag().eq_ignore_ascii_case(tag.trim()))
    }

    /// The UI language for one of the browser's language tags, if we speak
    /// it: Chinese written in Traditional characters (an explicit `Hant`
    /// script, or Taiwan, Hong Kong, Macau without a script) or in Simplified
    /// ones (everything else Chinese); Russian for `ru`; English for `en`.
    pub fn for_browser_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
        let mut parts = tag.split('-');
        match parts.next()? {
            "en" => Some(Lang::En),
            "ru" => Some(Lang::Ru),
            "zh" => {
                let rest: Vec<&str> = parts.collect();
                let traditional = if rest.contains(&"hant") {
                    true
                } else if rest.contains(&"hans") {
                    false
                } else {
                    rest.iter().any(|p| matches!(*p, "tw" | "hk" | "mo"))
                };
                Some(if traditional { Lang::ZhHant } else { Lang::ZhHans })
            }
            _ => None,
        }
    }

    /// The first of the browser's languages (most preferred first) that we
    /// speak; English when none is.
    pub fn negotiate<'a>(browser: impl IntoIterator<Item = &'a str>) -> Lang {
        browser.into_iter().find_map(Lang::for_browser_tag).unwrap_or_default()
    }

    /// The locale dates are formatted for: the browser's own tag when it is
    /// a variant of this language (`en-GB`, `zh-HK`, `ru-RU`), else ours.
    pub fn format_locale<'a>(self, browser: impl IntoIterator<Item = &'a str>) -> String {
        browser
            .into_iter()
            .find(|t| Lang::for_browser_tag(t) == Some(self))
            .map_or_else(|| self.tag().to_owned(), |t| t.trim().replace('_', "-"))
    }

    /// The text of `key`, or the English one, or nothing (logged).
    pub fn text(self, key: &str) -> &'static str {
        let find = |table: &'static [(&'static str, &'static str)]| {
            table.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
        };
        find(self.table()).or_else(|| find(en::TABLE)).unwrap_or_else(|| {
            leptos::logging::warn!("missing translation: {key}");
            ""
        })
    }
}

/// The current language, provided through context.
#[derive(Debug, Clone, Copy)]
pub struct I18n {
    pub lang: RwSignal<Lang>,
}

thread_local! {
    /// The app's I18n, for formatting code that runs outside any component
    /// (event handlers, tasks) and for the free functions `clock::local`
    /// and `ui::money`.
    static ACTIVE: Cell<Option<I18n>> = const { Cell::new(None) };
}

impl I18n {
    /// Starts in the remembered language, else the browser's; keeps
    /// `<html lang>` in step with the signal.
    pub fn provide() -> Self {
        let initial = browser::stored().and_then(|s| Lang::from_tag(&s)).unwrap_or_else(|| {
            let tags = browser::languages();
            Lang::negotiate(tags.iter().map(String::as_str))
        });
        let me = Self { lang: RwSignal::new(initial) };
        provide_context(me);
        ACTIVE.set(Some(me));
        browser::set_html_lang(initial);
        #[cfg(target_arch = "wasm32")]
        Effect::new(move |_| browser::set_html_lang(me.lang.get()));
        me
    }

    /// The user's choice: shown at once and remembered in this browser.
    pub fn choose(self, lang: Lang) {
        self.lang.set(lang);
        browser::store(lang);
        browser::set_html_lang(lang);
    }

    /// The current language (reactive).
    pub fn lang(self) -> Lang {
        self.lang.get()
    }

    /// The translation of `key` in the current language (reactive).
    pub fn t(self, key: &str) -> &'static str {
        self.lang.get().text(key)
    }

    /// Like [`t`](Self::t), with `{name}` placeholders filled in.
    pub fn fmt(self, key: &str, args: &[(&str, &str)]) -> String {
        fill(self.t(key), args)
    }
}

/// The I18n of the app, or English outside of it (unit tests of parts).
pub fn use_i18n() -> I18n {
    use_context::<I18n>().or_else(active).unwrap_or_else(I18n::provide)
}

fn active() -> Option<I18n> {
    ACTIVE.get().filter(|i| i.lang.try_get_untracked().is_some())
}

/// The language of the mounted app (reactive), English when there is none
/// (host tests): what dates and prices are formatted for.
pub fn current_lang() -> Lang {
    ACTIVE.get().and_then(|i| i.lang.try_get()).unwrap_or_default()
}

/// The locale tag dates are formatted for (see [`Lang::format_locale`]).
pub fn format_locale(lang: Lang) -> String {
    let tags = browser::languages();
    lang.format_locale(tags.iter().map(String::as_str))
}

pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    args.iter()
        .fold(template.to_owned(), |s, (name, value)| s.replace(&format!("{{{name}}}"), value))
}

/// The browser's side: its languages, localStorage, `<html lang>`. On the
/// host (cargo test) there is no browser: nothing stored, no languages.
mod browser {
    use super::{Lang, STORAGE_KEY};

    #[cfg(target_arch = "wasm32")]
    pub fn languages() -> Vec<String> {
        thread_local! {
            static TAGS: Vec<String> = web_sys::window()
                .map(|w| {
                    let nav = w.navigator();
                    let mut tags: Vec<String> =
                        nav.languages().iter().filter_map(|v| v.as_string()).collect();
                    if tags.is_empty() {
                        tags.extend(nav.language());
                    }
                    tags
                })
                .unwrap_or_default();
        }
        TAGS.with(Clone::clone)
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub fn languages() -> Vec<String> {
        Vec::new()
    }

    #[cfg(target_arch = "wasm32")]
    pub fn stored() -> Option<String> {
        crate::store::storage::get(STORAGE_KEY)
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub fn stored() -> Option<String> {
        None
    }

    #[cfg(target_arch = "wasm32")]
    pub fn store(lang: Lang) {
        crate::store::storage::set(STORAGE_KEY, lang.tag());
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub fn store(_: Lang) {
        let _ = STORAGE_KEY;
    }

    #[cfg(target_arch = "wasm32")]
    pub fn set_html_lang(lang: Lang) {
        let html = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element());
        if let Some(html) = html
            && html.get_attribute("lang").as_deref() != Some(lang.tag())
        {
            let _ = html.set_attribute("lang", lang.tag());
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub fn set_html_lang(_: Lang) {}
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeSet, HashSet};

    #[test]
    fn keys_are_unique_and_present_in_every_language() {
        let reference: HashSet<&str> = en::TABLE.iter().map(|(k, _)| *k).collect();
        assert_eq!(reference.len(), en::TABLE.len(), "duplicate key in en");
        for lang in Lang::ALL {
            let table = lang.table();
            let keys: HashSet<&str> = table.iter().map(|(k, _)| *k).collect();
            assert_eq!(keys.len(), table.len(), "duplicate key in {lang:?}");
            let mut missing: Vec<_> = reference.difference(&keys).collect();
            missing.sort();
            assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
            let mut extra: Vec<_> = keys.difference(&reference).collect();
            extra.sort();
            assert!(extra.is_empty(), "{lang:?} has keys English lacks: {extra:?}");
            for (key, text) in table {
                assert!(!text.trim().is_empty(), "{lang:?} {key} is empty");
            }
        }
    }

    /// `{name}` placeholders of a template.
    fn names_in(text: &str) -> BTreeSet<&str> {
        let mut found = BTreeSet::new();
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            let after = &rest[open + 1..];
            match after.find('}') {
                Some(close) => {
                    found.insert(&after[..close]);
                    rest = &after[close + 1..];
                }
                None => break,
            }
        }
        found
    }

    #[test]
    fn every_translation_keeps_the_placeholders_of_english() {
        for lang in Lang::ALL {
            for (key, text) in lang.table() {
                let english = names_in(Lang::En.text(key));
                assert_eq!(names_in(text), english, "{lang:?} {key}: {text:?}");
            }
        }
    }

    #[test]
    fn translations_are_not_left_in_english() {
        // Names, codes and a few words every language writes the same way.
        let same_everywhere = ["app-name", "col-sms", "sms-toggle", "export-csv", "export-json"];
        for lang in [Lang::ZhHans, Lang::ZhHant, Lang::Ru] {
            let untranslated: Vec<_> = lang
                .table()
                .iter()
                .filter(|(k, v)| !same_everywhere.contains(k) && *v == Lang::En.text(k))
                .map(|(k, _)| *k)
                .collect();
            assert!(untranslated.is_empty(), "{lang:?} still in English: {untranslated:?}");
        }
    }

    #[test]
    fn the_provider_page_wording_is_kept() {
        assert_eq!(Lang::ZhHans.text("archive-col-start"), "开始");
        assert_eq!(Lang::ZhHans.text("archive-col-closed"), "关闭");
        assert_eq!(Lang::ZhHans.text("archive-empty"), "没有找到匹配的记录");
        assert_eq!(Lang::ZhHant.text("col-state"), "地位");
        assert_eq!(Lang::ZhHant.text("col-number"), "電話號碼");
        assert_eq!(Lang::ZhHant.text("col-until"), "到期時間");
    }

    #[test]
    fn browser_languages_choose_the_ui_language() {
        let pick = |tags: &[&str]| Lang::negotiate(tags.iter().copied());
        assert_eq!(pick(&["zh-TW"]), Lang::ZhHant);
        assert_eq!(pick(&["zh-HK", "en"]), Lang::ZhHant);
        assert_eq!(pick(&["zh-MO"]), Lang::ZhHant);
        assert_eq!(pick(&["zh-Hant"]), Lang::ZhHant);
        assert_eq!(pick(&["zh-Hant-CN"]), Lang::ZhHant);
        assert_eq!(pick(&["zh_TW"]), Lang::ZhHant);
        assert_eq!(pick(&["zh-Hans-HK"]), Lang::ZhHans);
        assert_eq!(pick(&["zh-CN"]), Lang::ZhHans);
        assert_eq!(pick(&["zh-SG"]), Lang::ZhHans);
        assert_eq!(pick(&["zh"]), Lang::ZhHans);
        assert_eq!(pick(&["ru-RU", "en-US"]), Lang::Ru);
        assert_eq!(pick(&["ru"]), Lang::Ru);
        assert_eq!(pick(&["uk-UA"]), Lang::En, "Ukrainian is not Russian");
        assert_eq!(pick(&["be"]), Lang::En, "nor is Belarusian");
        assert_eq!(pick(&["uk", "ru"]), Lang::Ru, "the first language we speak wins");
        assert_eq!(pick(&["de-DE", "fr"]), Lang::En);
        assert_eq!(pick(&["en-GB", "zh-CN"]), Lang::En);
        assert_eq!(pick(&[]), Lang::En);
        assert_eq!(pick(&["zhx", "rus"]), Lang::En, "only whole subtags count");
    }

    #[test]
    fn tags_round_trip_and_format_locales_follow_the_browser() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
        }
        assert_eq!(Lang::from_tag("zh-hant"), Some(Lang::ZhHant));
        assert_eq!(Lang::from_tag("fr"), None);
        let browser = ["en-GB", "zh-HK", "ru-RU"];
        assert_eq!(Lang::En.format_locale(browser), "en-GB");
        assert_eq!(Lang::ZhHant.format_locale(browser), "zh-HK");
        assert_eq!(Lang::ZhHans.format_locale(browser), "zh-Hans");
        assert_eq!(Lang::Ru.format_locale(browser), "ru-RU");
    }

    #[test]
    fn every_error_kind_has_a_sentence() {
        use rentapi::ErrorKind;
        let kinds = ErrorKind::examples();
        for lang in Lang::ALL {
            for kind in &kinds {
                assert!(!lang.text(kind.message_key()).is_empty(), "{lang:?} {kind:?}");
            }
        }
    }

    #[test]
    fn placeholders() {
        assert_eq!(fill("{n} s ago", &[("n", "5")]), "5 s ago");
    }
}
