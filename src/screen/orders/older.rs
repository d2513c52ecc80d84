//! Under a number's SMS panel: what the number received before, from the
//! app's memory (earlier orders of the same number, SMS the provider no
//! longer lists), after the provider's current ones.

use leptos::prelude::*;
use rentapi::history::Entry;
use rentapi::model::SmsBundle;

use crate::i18n::use_i18n;
use crate::store::memory::MemoryStore;
use crate::ui::sms_meta::{ServiceLabel, SmsMeta};

use super::sms::CodeButton;

/// Whether `e` is one of the SMS the provider lists now.
fn listed(e: &Entry, bundle: Option<&SmsBundle>) -> bool {
    let Some(b) = bundle else { return false };
    b.own.iter().chain(&b.other).any(|s| {
        s.text == e.text && s.sender.trim() == e.sender && s.date.is_none_or(|d| d == e.at)
    })
}

#[component]
pub fn OlderSms(
    #[prop(into)] number: Signal<String>,
    #[prop(into)] bundle: Signal<Option<SmsBundle>>,
) -> impl IntoView {
    let memory: Option<MemoryStore> = use_context();
    let Some(memory) = memory else { return ().into_any() };
    let i18n = use_i18n();
    let stored = LocalResource::new(move || {
        memory.revision.track();
        memory.of_number(number.get())
    });
    let older = Memo::new(move |_| {
        let all = stored.get().unwrap_or_default();
        bundle.with(|b| all.into_iter().filter(|e| !listed(e, b.as_ref())).collect::<Vec<_>>())
    });
    view! {
        <Show when=move || !older.with(Vec::is_empty)>
            <section class="sms-before" data-testid="sms-before">
                <h4>{move || i18n.fmt("sms-before", &[("n", &older.with(Vec::len).to_string())])}</h4>
                <ol class="sms-list">
                    <For each=move || older.get() key=|e: &Entry| e.id.clone() let(entry)>
                        <Before entry />
                    </For>
                </ol>
            </section>
        </Show>
    }
    .into_any()
}

#[component]
fn Before(entry: Entry) -> impl IntoView {
    let sms = entry.sms();
    view! {
        <li class="sms">
            <div class="sms-meta">
                <ServiceLabel service=entry.service.clone() />
                <SmsMeta sms />
            </div>
            <p class="sms-text" dir="auto">{entry.text.clone()}</p>
            {entry.code.clone().map(|code| view! { <CodeButton code /> })}
        </li>
    }
}
