//! The clipboard: one for the app (provided at the root), and the buttons
//! that copy a number or a code with it.
//!
//! One shared clipboard instead of one per button: a list of a thousand
//! orders has a thousand copy buttons, and each only needs to know whether
//! the last text copied, a moment ago, was its own.

use leptos::prelude::*;
use leptos_use_clipboard::{UseClipboardReturn, use_clipboard};

use crate::i18n::use_i18n;
use crate::ui::announce::use_announcer;

#[derive(Clone, Copy)]
pub struct Clipboard {
    copy: Callback<String>,
    /// The last copy succeeded a moment ago (leptos-use resets it after 1.5 s).
    copied: Signal<bool>,
    /// The last text copied.
    last: Signal<Option<String>>,
}

impl Clipboard {
    /// Made once at the root; says "Copied" through the app's announcer.
    pub fn provide() -> Self {
        let UseClipboardReturn { copied, copy, text, .. } = use_clipboard();
        let me = Self { copy: Callback::new(move |t: String| copy(&t)), copied, last: text };
        let i18n = use_i18n();
        if let Some(announcer) = use_announcer() {
            Effect::new(move |_| {
                if copied.get() {
                    announcer.say(i18n.t("copied"));
                }
            });
        }
        provide_context(me);
        me
    }

    pub fn copy(self, text: String) {
        self.copy.run(text);
    }

    /// `text` was copied a moment ago (tracked).
    pub fn just_copied(self, text: &str) -> bool {
        self.copied.get() && self.last.with(|t| t.as_deref() == Some(text))
    }
}

pub fn use_clipboard_store() -> Clipboard {
    expect_context()
}

#[component]
pub fn CopyButton(
    /// What lands on the clipboard.
    #[prop(into)]
    text: String,
    /// The accessible name, e.g. "Copy +7 9096068511".
    #[prop(into)]
    label: String,
    #[prop(optional, into)] class: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let clipboard = use_clipboard_store();
    let copied = {
        let text = text.clone();
        move || clipboard.just_copied(&text)
    };
    view! {
        <button type="button" class=format!("copy {class}") aria-label=label on:click=move |_| clipboard.copy(text.clone())>
            {move || if copied() { i18n.t("copied") } else { i18n.t("copy") }}
        </button>
    }
}
