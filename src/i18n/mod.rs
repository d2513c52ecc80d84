//! The translation layer: every user-visible string is looked up here by key.
//! English is the reference table; other languages fall back to it key by key
//! (the tests below make sure nothing actually falls back). The tables are
//! JSON files in `assets/i18n/`; only English is built into the wasm, the
//! others are fetched when their language is wanted ([`tables`]).
//!
//! The language is chosen once from the browser's preferred languages, can be
//! switched in the header, is remembered in localStorage (`smsrent.lang`) and
//! is mirrored to `<html lang>`. Dates and prices read it through
//! [`current_lang`] (see `crate::clock::local` and `crate::ui::money`).
//!
//! Writing a table: `\u00a0` keeps a number with its unit. Russian counts
//! are written so no plural form is needed ("Номеров: 3", "7 дн.", "5 мин
//! назад"). Where the provider's own Chinese pages say the same thing, their
//! wording is kept (the archive's 开始 / 关闭 / 行动, 没有找到匹配的记录;
//! the orders columns 地位 / 電話號碼 / 服務 / 到期時間, 需要更換, 簡訊), so
//! the app reads like the site its users know.

pub mod tables;

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

    /// The text of `key`, or the English one (this language's table is not
    /// loaded, or lacks the key), or nothing (logged).
    pub fn text(self, key: &str) -> &'static str {
        tables::find(self, key).or_else(|| tables::find(Lang::En, key)).unwrap_or_else(|| {
            leptos::logging::warn!("missing translation: {key}");
            ""
        })
    }
}

/// The current language, provided through context.
#[derive(Debug, Clone, Copy)]
pub struct I18n {
    /// The language shown: its table is at hand.
    pub lang: RwSignal<Lang>,
    /// The language last asked for (it may still be on its way).
    wanted: StoredValue<Lang>,
    /// A language asked for whose table could not be had (offline before it
    /// was ever used): shown with a way to try again.
    failed: RwSignal<Option<Lang>>,
}

thread_local! {
    /// The app's I18n, for formatting code that runs outside any component
    /// (event handlers, tasks) and for the free functions `clock::local`
    /// and `ui::money`.
    static ACTIVE: Cell<Option<I18n>> = const { Cell::new(None) };
}

/// How long the first paint waits for its language's table before it
/// shows English and switches when the table comes.
#[cfg(target_arch = "wasm32")]
const FIRST_PAINT_WAIT_MS: u32 = 2_500;

/// The language a visit starts in: the remembered one, else the browser's.
pub fn initial() -> Lang {
    browser::stored().and_then(|s| Lang::from_tag(&s)).unwrap_or_else(|| {
        let tags = browser::languages();
        Lang::negotiate(tags.iter().map(String::as_str))
    })
}

/// Before the app mounts: fetches the table of the language it will start
/// in (a short wait), so the first paint is in that language, not English
/// and then the switch.
pub async fn prepare() {
    // On the host every table is built in.
    #[cfg(target_arch = "wasm32")]
    {
        let lang = initial();
        if tables::get(lang).is_none() {
            let load = std::pin::pin!(tables::load(lang));
            let wait = gloo_timers::future::TimeoutFuture::new(FIRST_PAINT_WAIT_MS);
            let _ = futures::future::select(load, wait).await;
        }
    }
}

impl I18n {
    /// Starts in [`initial`] (English until its table is at hand); keeps
    /// `<html lang>` in step with the language shown.
    pub fn provide() -> Self {
        let me = Self::fixed(Lang::En);
        provide_context(me);
        ACTIVE.set(Some(me));
        me.switch(initial());
        browser::set_html_lang(me.lang.get_untracked());
        #[cfg(target_arch = "wasm32")]
        Effect::new(move |_| browser::set_html_lang(me.lang.get()));
        me
    }

    /// One language, not provided as the app's (tests of parts).
    pub fn fixed(lang: Lang) -> Self {
        Self {
            lang: RwSignal::new(lang),
            wanted: StoredValue::new(lang),
            failed: RwSignal::new(None),
        }
    }

    /// The user's choice: remembered in this browser, shown at once if its
    /// table is at hand, else as soon as it has been fetched.
    pub fn choose(self, lang: Lang) {
        browser::store(lang);
        self.switch(lang);
    }

    /// The language asked for whose table could not be had (tracked).
    pub fn failed(self) -> Option<Lang> {
        self.failed.get()
    }

    fn switch(self, lang: Lang) {
        self.wanted.set_value(lang);
        self.failed.set(None);
        if tables::get(lang).is_some() {
            self.show(lang);
        } else {
            self.fetch(lang);
        }
    }

    /// Shows `lang` once its table has come, or says it could not (on the
    /// host every table is built in).
    fn fetch(self, lang: Lang) {
        #[cfg(not(target_arch = "wasm32"))]
        let _ = lang;
        #[cfg(target_arch = "wasm32")]
        leptos::task::spawn_local(async move {
            let outcome = tables::load(lang).await;
            // A later choice, or an app gone, wins over this one.
            if self.wanted.try_get_value() != Some(lang) {
                return;
            }
            match outcome {
                Ok(()) => self.show(lang),
                Err(e) => {
                    leptos::logging::warn!("language table not loaded: {e}");
                    self.failed.set(Some(lang));
                }
            }
        });
    }

    fn show(self, lang: Lang) {
        self.lang.set(lang);
        browser::set_html_lang(lang);
    }

    /// Asks again for the language that could not be had.
    pub fn retry(self) {
        if let Some(lang) = self.failed.get_untracked() {
            self.switch(lang);
        }
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

    /// The keys of a table file, in order, duplicates kept: one entry a line
    /// is the files' format (a JSON parser would keep the last silently).
    fn keys_in_file(lang: Lang) -> Vec<String> {
        let path = format!("{}/assets/i18n/{}.json", env!("CARGO_MANIFEST_DIR"), lang.tag());
        let json = std::fs::read_to_string(&path).unwrap();
        json.lines()
            .map(str::trim)
            .filter(|l| !matches!(*l, "{" | "}"))
            .map(|line| {
                let entry = format!("{{{}}}", line.trim_end_matches(','));
                let one: std::collections::HashMap<String, String> = serde_json::from_str(&entry)
                    .unwrap_or_else(|e| panic!("{path}: not one entry a line: {line:?}: {e}"));
                one.into_keys().next().unwrap()
            })
            .collect()
    }

    fn table(lang: Lang) -> &'static tables::Table {
        tables::get(lang).unwrap()
    }

    #[test]
    fn keys_are_unique_and_present_in_every_language() {
        let reference: HashSet<&str> = table(Lang::En).iter().map(|(k, _)| *k).collect();
        for lang in Lang::ALL {
            let in_file = keys_in_file(lang);
            let unique: HashSet<&str> = in_file.iter().map(String::as_str).collect();
            assert_eq!(unique.len(), in_file.len(), "duplicate key in {lang:?}");
            let keys: HashSet<&str> = table(lang).iter().map(|(k, _)| *k).collect();
            assert_eq!(keys, unique, "{lang:?}: the file and the built-in table differ");
            let mut missing: Vec<_> = reference.difference(&keys).collect();
            missing.sort();
            assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
            let mut extra: Vec<_> = keys.difference(&reference).collect();
            extra.sort();
            assert!(extra.is_empty(), "{lang:?} has keys English lacks: {extra:?}");
            for (key, text) in table(lang) {
                assert!(!text.trim().is_empty(), "{lang:?} {key} is empty");
            }
        }
    }

    #[test]
    fn a_table_that_is_not_an_object_of_strings_is_refused() {
        // What a static host answers for a missing file, among others.
        for bad in ["<!doctype html><title>404</title>", "[]", r#"{"a": 1}"#, "", r#"{"a": "b""#] {
            assert!(tables::parse(bad).is_err(), "{bad:?}");
        }
        let good = tables::parse(r#"{"a": "b\u00a0c"}"#).unwrap();
        assert_eq!(good, [("a".to_owned(), "b\u{a0}c".to_owned())]);
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
            for (key, text) in table(lang) {
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
            let untranslated: Vec<_> = table(lang)
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
