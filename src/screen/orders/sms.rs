//! The SMS panel of one order: newest first, sender and time in the
//! browser's time zone, the text as text (never HTML), the code as a large
//! one-click copy button, a refresh button, and the SMS sent to this number
//! for other services behind a hide/show toggle.

use leptos::prelude::*;
use leptos_use_document_visibility::use_document_visibility;
use rentapi::code::extract_code;
use rentapi::model::{Order, Sms, SmsBundle};
use rentapi::schedule::Priority;
use rentapi::{ApiError, ErrorKind};
use web_sys::VisibilityState;

use crate::i18n::use_i18n;
use crate::store::network::use_network;
use crate::store::sms::use_sms;
use crate::ui::copy::use_clipboard_store;
use crate::ui::error::ErrorNotice;
use crate::ui::help::Help;
use crate::ui::skipped::Skipped;
use crate::ui::sms_meta::SmsMeta;

pub const HELP_SMS: &[&str] = &["help-activate-first", "help-proxy", "help-refund"];

/// The panel wired to the SMS store: fetched when it opens, marked seen
/// while it is open in a visible tab.
#[component]
pub fn SmsPanel(#[prop(into)] order: Signal<Order>) -> impl IntoView {
    let sms = use_sms();
    let id = order.with_untracked(|o| o.id);
    // Opening a number's SMS is waiting for a code: read now, then at the queue's pace.
    sms.watch(id, Priority::User, false);
    let slot = Memo::new(move |_| sms.slot(id).unwrap_or_default());
    let visibility = use_document_visibility();
    Effect::new(move |_| {
        let loaded = slot.with(|s| s.bundle.as_ref().map(|b| b.own.len()));
        if loaded.is_some() && visibility.get() == VisibilityState::Visible {
            sms.mark_seen(id);
        }
    });
    let title = Signal::derive(move || order.with(|o| (o.display_number(), o.service_name())));
    view! {
        <SmsView
            title
            bundle=Signal::derive(move || slot.with(|s| s.bundle.clone()))
            loading=Signal::derive(move || slot.with(|s| s.loading))
            error=Signal::derive(move || slot.with(|s| s.error.clone()))
            on_refresh=Callback::new(move |()| sms.fetch(id, Priority::User))
        >
            <super::older::OlderSms
                number=Signal::derive(move || order.with(|o| o.display_number()))
                bundle=Signal::derive(move || slot.with(|s| s.bundle.clone()))
            />
        </SmsView>
    }
}

/// The SMS themselves, from data: what tests mount.
#[component]
pub fn SmsView(
    /// The number and the service, for the heading.
    #[prop(into)]
    title: Signal<(String, String)>,
    #[prop(into)] bundle: Signal<Option<SmsBundle>>,
    #[prop(optional, into)] loading: Signal<bool>,
    #[prop(optional, into)] error: Signal<Option<ApiError>>,
    #[prop(optional)] on_refresh: Option<Callback<()>>,
    /// Shown last in the panel (what the number received before).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    let network = use_network();
    let show_other = RwSignal::new(false);
    let gone = Signal::derive(move || {
        error.with(|e| e.as_ref().is_some_and(|e| e.kind == ErrorKind::OrderNotFound))
    });
    let own =
        Memo::new(move |_| bundle.with(|b| b.as_ref().map(|b| b.own.clone()).unwrap_or_default()));
    let other = Memo::new(move |_| {
        bundle.with(|b| b.as_ref().map(|b| b.other.clone()).unwrap_or_default())
    });
    // Only a change of kind re-renders; new SMS go through the keyed list.
    let shown = Memo::new(move |_| match bundle.with(|b| b.as_ref().map(|b| b.own.is_empty())) {
        None => Shown::Nothing,
        Some(true) => Shown::Empty,
        Some(false) => Shown::List,
    });
    let other_id = format!(
        "sms-other-{}",
        title.with_untracked(|(n, _)| n.replace(|c: char| !c.is_ascii_digit(), ""))
    );
    view! {
        <section class="sms-panel" aria-label=move || title.with(|(n, s)| i18n.fmt("sms-heading", &[("number", n), ("service", s)]))>
            <header class="sms-head">
                <h3>{move || title.with(|(n, s)| i18n.fmt("sms-heading", &[("number", n), ("service", s)]))}</h3>
                <Help label=i18n.t("help-sms-label") keys=HELP_SMS />
                {on_refresh.map(|refresh| view! {
                    <button
                        type="button"
                        class="sms-refresh"
                        disabled=move || loading.get() || gone.get() || network.blocked()
                        aria-describedby=network.described_by(None)
                        on:click=move |_| refresh.run(())
                    >
                        // Said only until the first answer: a watched order is read
                        // every few seconds, and the label must not flicker with it.
                        {move || if loading.get() && bundle.with(Option::is_none) { i18n.t("sms-loading") } else { i18n.t("sms-refresh") }}
                    </button>
                })}
            </header>
            <ErrorNotice error />
            <Skipped rows=Signal::derive(move || bundle.with(|b| b.as_ref().map(|b| b.skipped.clone()).unwrap_or_default())) />
            {move || match shown.get() {
                Shown::Nothing => {
                    let text = if loading.get() { i18n.t("sms-loading") } else { i18n.t("sms-none") };
                    view! { <p class="muted">{text}</p> }.into_any()
                }
                Shown::Empty => view! {
                    <p class="muted sms-empty">{i18n.t("sms-none")} " " {i18n.t("help-activate-first")}</p>
                }
                .into_any(),
                Shown::List => view! { <SmsList list=own /> }.into_any(),
            }}
            <Show when=move || !other.with(Vec::is_empty)>
                <section class="sms-other">
                    <div class="sms-other-head">
                        <h4>{move || i18n.fmt("sms-other", &[("n", &other.with(Vec::len).to_string())])}</h4>
                        <button
                            type="button"
                            class="sms-other-toggle"
                            aria-expanded=move || show_other.get().to_string()
                            aria-controls=other_id.clone()
                            on:click=move |_| show_other.update(|v| *v = !*v)
                        >
                            {move || if show_other.get() { i18n.t("sms-other-hide") } else { i18n.t("sms-other-show") }}
                        </button>
                    </div>
                    <div id=other_id.clone() hidden=move || !show_other.get()>
                        <Show when=move || show_other.get()>
                            <SmsList list=other />
                        </Show>
                    </div>
                </section>
            </Show>
            {children.map(|c| c())}
        </section>
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shown {
    Nothing,
    Empty,
    List,
}

/// SMS newest first (the store keeps them sorted), keyed by content.
#[component]
pub fn SmsList(#[prop(into)] list: Signal<Vec<Sms>>) -> impl IntoView {
    view! {
        <ol class="sms-list">
            <For
                each=move || list.get()
                key=|s| (s.date, s.sender.clone(), s.text.clone())
                let(sms)
            >
                <SmsItem sms />
            </For>
        </ol>
    }
}

#[component]
fn SmsItem(sms: Sms) -> impl IntoView {
    let code = extract_code(&sms.text);
    view! {
        <li class="sms">
            <div class="sms-meta">
                <SmsMeta sms=sms.clone() />
            </div>
            // Untrusted text from whoever sent the SMS: a text node, never HTML.
            <p class="sms-text" dir="auto">{sms.text.clone()}</p>
            {code.map(|code| view! { <CodeButton code /> })}
        </li>
    }
}

/// The code, large, one click to the clipboard, then "copied".
#[component]
pub fn CodeButton(
    code: String,
    /// Smaller, beside the row's SMS button rather than in the panel.
    #[prop(optional)]
    compact: bool,
    /// Also run when it is clicked.
    #[prop(optional)]
    on_copy: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let clipboard = use_clipboard_store();
    let (text, mine) = (code.clone(), code.clone());
    let copied = move || clipboard.just_copied(&mine);
    let copy = move |_| {
        clipboard.copy(text.clone());
        if let Some(done) = on_copy {
            done.run(());
        }
    };
    view! {
        // The hint comes first in the name ("Copy code 483921") and is shown
        // under the code (column-reverse): what is read is what is seen.
        // "Copied" is said by the app's announcer.
        <button type="button" class="code-copy" class:compact=compact on:click=copy>
            <span class="code-hint">{move || if copied() { i18n.t("copied") } else { i18n.t("copy-code-hint") }}</span>
            " "
            <span class="code">{code}</span>
        </button>
    }
}
