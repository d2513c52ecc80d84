//! The hits of a history search: a page at a time, each with its number,
//! service, sender, time, text (as text) and code, and a way to the
//! number when it is still rented.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use rentapi::history::Entry;

use crate::i18n::use_i18n;
use crate::screen::orders::CodeButton;
use crate::store::focus::Focus;
use crate::store::memory::use_memory;
use crate::store::orders::use_orders;
use crate::ui::sms_meta::{ServiceLabel, SmsMeta};

use super::PAGE;

#[component]
pub fn Hits(hits: Memo<Vec<usize>>) -> impl IntoView {
    let i18n = use_i18n();
    let memory = use_memory();
    let limit = RwSignal::new(PAGE);
    // A new search starts at its first page.
    Effect::new(move |_| {
        hits.track();
        limit.set(PAGE);
    });
    let page = Memo::new(move |_| hits.with(|h| memory.entries(&h[..h.len().min(limit.get())])));
    let left = move || hits.with(Vec::len).saturating_sub(limit.get());
    let nothing = move || hits.with(Vec::is_empty);
    view! {
        <Show when=nothing>
            <p class="empty">
                {move || if memory.stored() == 0 { i18n.t("history-empty") } else { i18n.t("history-nothing") }}
            </p>
        </Show>
        <ol class="hits" data-testid="history-hits">
            <For each=move || page.get() key=|e: &Entry| e.id.clone() let(entry)>
                <Hit entry />
            </For>
        </ol>
        <Show when=move || { left() > 0 }>
            <button type="button" class="more" on:click=move |_| limit.update(|l| *l += PAGE)>
                {move || i18n.fmt("history-more", &[("n", &left().to_string())])}
            </button>
        </Show>
    }
}

#[component]
fn Hit(entry: Entry) -> impl IntoView {
    let i18n = use_i18n();
    let orders = use_orders();
    let focus = expect_context::<Focus>();
    let navigate = use_navigate();
    let id = entry.order;
    let rented = move || orders.orders.with(|l| l.iter().any(|o| o.id.0 == id));
    let digits: String = entry.number.chars().filter(char::is_ascii_digit).collect();
    let sms = entry.sms();
    view! {
        <li class="sms hit">
            <div class="hit-head">
                <strong class="hit-number">{entry.number.clone()}</strong>
                " "
                <ServiceLabel service=entry.service.clone() />
                <Show when=rented>
                    " "
                    <button type="button" class="link hit-order" on:click={
                        let (digits, navigate) = (digits.clone(), navigate.clone());
                        move |_| {
                            focus.ask(digits.clone());
                            navigate("/", Default::default());
                        }
                    }>{move || i18n.t("history-open-order")}</button>
                </Show>
            </div>
            <div class="sms-meta">
                <SmsMeta sms />
            </div>
            // Untrusted text from whoever sent the SMS: a text node, never HTML.
            <p class="sms-text" dir="auto">{entry.text.clone()}</p>
            {entry.code.clone().map(|code| view! { <CodeButton code /> })}
        </li>
    }
}
