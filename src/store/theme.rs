//! Light, dark, or as the system says: the user's choice, remembered, and
//! applied as `data-theme` on `<html>`. The stylesheet sets `color-scheme`
//! from it, and every colour follows through CSS `light-dark()`, so the
//! choice costs one attribute and no second palette.

use leptos::prelude::*;

use crate::store::choice::Choice;
use crate::store::storage;

const THEME_STORAGE: &str = crate::store::keys::THEME;

/// The appearance setting; "system" follows `prefers-color-scheme`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Choice for Theme {
    const ALL: &'static [Self] = &[Theme::System, Theme::Light, Theme::Dark];

    /// As stored, and as the `data-theme` value (none for "system").
    fn value(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

impl Theme {
    /// Its name's translation key.
    pub fn label_key(self) -> &'static str {
        match self {
            Theme::System => "theme-system",
            Theme::Light => "theme-light",
            Theme::Dark => "theme-dark",
        }
    }
}

/// Provided by the app; read with [`use_theme`].
#[derive(Debug, Clone, Copy)]
pub struct ThemeStore {
    choice: RwSignal<Theme>,
}

impl ThemeStore {
    pub fn provide() -> Self {
        let choice =
            RwSignal::new(Theme::from_value(&storage::get(THEME_STORAGE).unwrap_or_default()));
        Effect::new(move |_| apply(choice.get()));
        let me = Self { choice };
        provide_context(me);
        me
    }

    /// The current choice (tracked).
    pub fn get(&self) -> Theme {
        self.choice.get()
    }

    /// Switches at once and remembers it.
    pub fn choose(&self, theme: Theme) {
        storage::set(THEME_STORAGE, theme.value());
        self.choice.set(theme);
    }
}

fn apply(theme: Theme) {
    let Some(root) = document().document_element() else { return };
    let _ = match theme {
        Theme::System => root.remove_attribute("data-theme"),
        other => root.set_attribute("data-theme", other.value()),
    };
}

/// The app's theme store (provided at the root, like [`use_network`]'s).
///
/// [`use_network`]: crate::store::network::use_network
pub fn use_theme() -> ThemeStore {
    expect_context::<ThemeStore>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anything_else_follows_the_system() {
        assert_eq!(Theme::from_value("sepia"), Theme::System);
        assert_eq!(Theme::from_value(" dark "), Theme::Dark);
    }
}
