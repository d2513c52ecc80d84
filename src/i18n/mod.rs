//! The translation layer: every user-visible string is looked up here by key.
//! English is the reference table; other languages fall back to it key by key.

mod en;

use leptos::prelude::*;

/// The languages the UI speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
}

impl Lang {
    pub const ALL: [Lang; 1] = [Lang::En];

    fn table(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Lang::En => en::TABLE,
        }
    }

    /// The text of `key`, or the key itself so a gap shows instead of crashing.
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

impl I18n {
    pub fn provide() -> Self {
        let me = Self { lang: RwSignal::new(Lang::default()) };
        provide_context(me);
        me
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
    use_context::<I18n>().unwrap_or_else(I18n::provide)
}

pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    args.iter()
        .fold(template.to_owned(), |s, (name, value)| s.replace(&format!("{{{name}}}"), value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn keys_are_unique_and_present_in_every_language() {
        let reference: HashSet<&str> = en::TABLE.iter().map(|(k, _)| *k).collect();
        assert_eq!(reference.len(), en::TABLE.len(), "duplicate key in en");
        for lang in Lang::ALL {
            let keys: HashSet<&str> = lang.table().iter().map(|(k, _)| *k).collect();
            let missing: Vec<_> = reference.difference(&keys).collect();
            assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
        }
    }

    #[test]
    fn every_error_kind_has_a_sentence() {
        use rentapi::{ErrorKind, RestoreCode};
        let mut kinds = vec![
            ErrorKind::Network,
            ErrorKind::Timeout,
            ErrorKind::Http(429),
            ErrorKind::Http(502),
            ErrorKind::Http(404),
            ErrorKind::NotJson,
            ErrorKind::BadShape,
            ErrorKind::BadKey,
            ErrorKind::LowBalance,
            ErrorKind::NoNumbers,
            ErrorKind::OrderNotFound,
            ErrorKind::ProlongNotAllowed,
            ErrorKind::Rejected,
        ];
        kinds.extend(RestoreCode::ALL.map(ErrorKind::Restore));
        for kind in kinds {
            assert!(!Lang::En.text(kind.message_key()).is_empty(), "{kind:?}");
        }
    }

    #[test]
    fn placeholders() {
        assert_eq!(fill("{n} s ago", &[("n", "5")]), "5 s ago");
    }
}
