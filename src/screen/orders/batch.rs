//! Prolonging several numbers at once: the numbers whose prolong window is
//! open (all ticked that can be), one period for all, each number's price
//! or why it cannot take that period, the total, one confirmation; then
//! the progress, each number's outcome and what it all cost. The sending
//! is the batch store's (`store::batch`).
//!
//! A number whose price is not known is left out of the total and not
//! sent (the user confirms an amount, and a price never shown is never
//! paid); while a ticked number's price is still loading the confirmation
//! waits, so the total it names is the one that will be spent.

use leptos::prelude::*;
use rentapi::CountryCode;
use rentapi::model::Order;
use rentapi::rules::{
    BatchLine, batch_candidates, batch_choices, batch_quote, batch_ticked, batch_to_send,
    batch_total, batch_waits, prolong_room,
};
use wasm_bindgen::JsCast;

use crate::clock;
use crate::i18n::{I18n, use_i18n};
use crate::store::batch::{BatchItem, BatchRun, ItemOutcome, Summary, use_batch};
use crate::store::catalog::{CatalogStore, Prices, use_catalog};
use crate::store::orders::use_orders;
use crate::ui::announce::use_announcer;
use crate::ui::dialog::{Dialog, DialogButtons};
use crate::ui::error::RetryButton;
use crate::ui::money;

use super::period::{PeriodChoice, PeriodPicker};
use super::prolong::block_text;

/// The dialog: the choice, then (below it, so nothing moves under a
/// second click) the progress and outcome. Opened again while a batch
/// runs, or after one ended with the dialog closed, it shows that batch.
#[component]
pub fn BatchDialog(on_close: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let batch = use_batch();
    let title = Signal::derive(move || i18n.t("batch-title").to_owned());
    // A finished batch is forgotten once read; a running one goes on.
    let close = Callback::new(move |()| {
        batch.clear();
        on_close.run(());
    });
    let resumed = batch.run.with_untracked(Option::is_some);
    view! {
        <Dialog title on_close=close class="batch-dialog">
            {if resumed {
                view! {
                    <BatchProgress />
                    <CloseButton on_close=close />
                }
                .into_any()
            } else {
                view! { <BatchChoose on_close=close /> }.into_any()
            }}
        </Dialog>
    }
}

/// Which numbers, which period, each price and the total.
#[component]
fn BatchChoose(on_close: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let orders = use_orders();
    let catalog = use_catalog();
    let batch = use_batch();
    // The numbers, their room and the periods are fixed when the dialog
    // opens: a poll does not reshuffle the list under the pointer.
    let opened_at = clock::now();
    let list: Vec<Order> = orders
        .orders
        .with_untracked(|l| batch_candidates(l, opened_at).into_iter().cloned().collect());
    let mut countries: Vec<CountryCode> = Vec::new();
    for o in &list {
        if !countries.contains(&o.country) {
            catalog.ensure(&o.country);
            countries.push(o.country.clone());
        }
    }
    let choice = PeriodChoice::new(batch_choices(&list, opened_at));
    let has_choices = !choice.is_empty();
    // "All expiring": every number that can be prolonged at all, ticked.
    let ticked = RwSignal::new(batch_ticked(&list, opened_at));
    let empty = list.is_empty();
    let started = Memo::new(move |_| batch.run.with(Option::is_some));
    let finished = Memo::new(move |_| batch.run.with(|r| r.as_ref().is_some_and(|r| !r.running)));
    let list = StoredValue::new(list);
    let countries = StoredValue::new(countries);
    let lines = Memo::new(move |_| {
        let period = choice.get();
        list.with_value(|l| batch_quote(l, period, |o| price_day(catalog, o), opened_at))
    });
    let chosen = Memo::new(move |_| {
        lines.with(|ls| ticked.with(|t| batch_total(ls.iter().filter(|l| t.contains(&l.id)))))
    });
    // A ticked number that can take the period waits for its price.
    let loading =
        move |o: &Order| matches!(catalog.prices(&o.country), None | Some(Prices::Loading));
    let waiting = Memo::new(move |_| {
        list.with_value(|l| lines.with(|ls| ticked.with(|t| batch_waits(l, ls, t, loading))))
    });
    let failed = Memo::new(move |_| {
        countries.with_value(|cs| {
            cs.iter()
                .filter(|c| matches!(catalog.prices(c), Some(Prices::Failed(_))))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let confirm = Callback::new(move |()| {
        let period = choice.get_untracked();
        let items = list.with_value(|l| {
            lines.with_untracked(|ls| {
                ticked.with_untracked(|t| {
                    let send = batch_to_send(l, ls, t);
                    send.into_iter().map(|(o, line)| item(o, line)).collect::<Vec<_>>()
                })
            })
        });
        if batch.start(items, period) {
            // Focus on the progress (read out, and no button under a
            // second press of Enter); it is there after the next render.
            request_animation_frame(|| {
                let el = document().get_element_by_id(PROGRESS_ID);
                if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = el.focus();
                }
            });
        }
    });
    let rows = list.with_value(|l| {
        l.iter()
            .enumerate()
            .map(|(i, o)| {
                let id = o.id;
                let can = prolong_room(o, opened_at).is_ok();
                let (number, service, country) =
                    (o.display_number(), o.service_name(), o.country.clone());
                let text = move || {
                    let prices = catalog.prices(&country);
                    lines.with(|ls| ls.get(i).map(|line| line_text(i18n, line, prices)))
                };
                let sendable = move || lines.with(|ls| ls.get(i).is_some_and(BatchLine::sendable));
                view! {
                    <li data-order-id=id.to_string()>
                        <label>
                            <input
                                type="checkbox"
                                disabled=!can
                                prop:checked=move || ticked.with(|t| t.contains(&id))
                                on:change:target=move |ev| {
                                    let on = ev.target().checked();
                                    ticked.update(|t| {
                                        if on { t.insert(id); } else { t.remove(&id); }
                                    });
                                }
                            />
                            <span class="pnumber">{number}</span>
                            <span class="service">{service}</span>
                        </label>
                        <span class="batch-line" class:sendable=sendable>{text}</span>
                    </li>
                }
            })
            .collect_view()
    });

    view! {
        {empty.then(|| view! { <p class="muted">{move || i18n.t("batch-none")}</p> })}
        <Show when=move || has_choices>
            <PeriodPicker choice name="batch-unit" disabled=started />
        </Show>
        <fieldset class="batch-pick" disabled=move || started.get()>
            <legend>{move || i18n.t("batch-numbers")}</legend>
            <ul class="batch-list">{rows}</ul>
        </fieldset>
        {move || {
            let c = failed.get();
            (!c.is_empty() && !started.get()).then(|| view! {
                <RetryButton
                    label="price-retry"
                    on_retry=Callback::new(move |()| c.iter().for_each(|c| catalog.ensure(c)))
                />
            })
        }}
        <p class="batch-total" data-testid="batch-total">
            {move || {
                let (n, total) = chosen.get();
                i18n.fmt("batch-total", &[("n", &n.to_string()), ("total", &money(total))])
            }}
            {move || waiting.get().then(|| view! { " " <span class="muted">{i18n.t("price-loading")}</span> })}
        </p>
        <p class="help">{move || i18n.t("help-prolong-window")} " " {move || i18n.t("help-prolong-max")}</p>
        // Added above the buttons once confirmed: they move down, so the
        // second click of a double click lands on this text, not on them.
        <Show when=move || started.get()>
            <BatchProgress />
        </Show>
        // Once it is over there is nothing to confirm: only "Close".
        <Show when=move || !finished.get() fallback=move || view! { <CloseButton on_close /> }>
            <DialogButtons
                label=Signal::derive(move || match chosen.get() {
                    (0, _) => i18n.t("prolong-confirm").to_owned(),
                    (n, total) => i18n.fmt("batch-confirm", &[("n", &n.to_string()), ("total", &money(total))]),
                })
                pending=Signal::derive(move || batch.running())
                ready=Signal::derive(move || chosen.with(|(n, _)| *n > 0) && !waiting.get())
                on_confirm=confirm
                on_close
                cancel_label=Signal::derive(move || {
                    if started.get() { i18n.t("close") } else { i18n.t("cancel") }.to_owned()
                })
            />
        </Show>
    }
}

/// The one button left once nothing can be confirmed.
#[component]
fn CloseButton(on_close: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="dialog-buttons">
            <button type="button" on:click=move |_| on_close.run(())>{move || i18n.t("close")}</button>
        </div>
    }
}

/// Where the progress line is, for focus.
const PROGRESS_ID: &str = "batch-progress-text";
/// Where the summary is, for focus once the progress line goes.
const SUMMARY_ID: &str = "batch-summary-text";

/// Where the batch is, each outcome so far, and at the end what it did.
#[component]
fn BatchProgress() -> impl IntoView {
    let i18n = use_i18n();
    let batch = use_batch();
    let announcer = use_announcer();
    let count = move || batch.run.with(|r| r.as_ref().map_or(0, |r| r.items.len()));
    let done = move || batch.run.with(|r| r.as_ref().map_or(0, BatchRun::done));
    let running = move || batch.running();
    let summary = move || batch.run.with(|r| r.as_ref().map(|r| summary_text(i18n, r.summary())));
    // The end is said once to screen readers, as other actions' outcomes are.
    Effect::new(move |was_running: Option<bool>| {
        let now = running();
        if was_running == Some(true)
            && !now
            && let (Some(announcer), Some(text)) = (announcer, untrack(summary))
        {
            announcer.say(&text);
        }
        if was_running == Some(true) && !now {
            // The progress line had the focus and is gone: the summary takes it.
            request_animation_frame(|| {
                let doc = document();
                let lost =
                    doc.active_element().is_none_or(|a| a.tag_name().eq_ignore_ascii_case("body"));
                let summary = doc.get_element_by_id(SUMMARY_ID);
                if let Some(el) = summary.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                    && lost
                {
                    let _ = el.focus();
                }
            });
        }
        now
    });
    view! {
        <Show when=running>
            <p id=PROGRESS_ID class="batch-progress" data-testid="batch-progress" tabindex="-1">
                {move || i18n.fmt("batch-progress", &[("done", &done().to_string()), ("n", &count().to_string())])}
            </p>
            <progress
                max=move || count().to_string()
                prop:value=move || done() as f64
                aria-labelledby=PROGRESS_ID
            ></progress>
            <p class="help">{move || i18n.t("batch-running-help")}</p>
        </Show>
        <ul class="batch-results" data-testid="batch-results">
            <For each=move || 0..done() key=|i| *i let(i)>
                <BatchResult index=i />
            </For>
        </ul>
        <Show when=move || !running()>
            <p id=SUMMARY_ID class="batch-summary" data-testid="batch-summary" tabindex="-1">{summary}</p>
        </Show>
    }
}

/// One number's outcome.
#[component]
fn BatchResult(index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let batch = use_batch();
    let answered = move || {
        batch.run.with(|r| {
            r.as_ref().and_then(|r| r.answered().nth(index).map(|(i, o)| (i.clone(), o.clone())))
        })
    };
    move || {
        answered().map(|(item, outcome)| {
            let (class, text) = result_text(i18n, &item, &outcome);
            view! { <li class=class data-order-id=item.id.to_string()>{text}</li> }
        })
    }
}

/// "Prolonged: 3. Not prolonged: 1. Cost: $136.50." (and how many are
/// not known yet, when some are).
fn summary_text(i18n: I18n, s: Summary) -> String {
    let (ok, refused, unclear) =
        (s.prolonged.to_string(), s.refused.to_string(), s.unclear.to_string());
    let args = [
        ("ok", ok.as_str()),
        ("refused", &refused),
        ("unclear", &unclear),
        ("cost", &money(s.cost)),
    ];
    if s.unclear == 0 {
        i18n.fmt("batch-summary", &args)
    } else {
        i18n.fmt("batch-summary-unclear", &args)
    }
}

/// One outcome in words, and its class (how it looks).
fn result_text(i18n: I18n, item: &BatchItem, outcome: &ItemOutcome) -> (&'static str, String) {
    let (number, service) = (item.number.as_str(), item.service.as_str());
    let about = |key: &str, extra: &[(&str, &str)]| {
        let mut args = vec![("number", number), ("service", service)];
        args.extend_from_slice(extra);
        i18n.fmt(key, &args)
    };
    match outcome {
        ItemOutcome::Prolonged { until } => (
            "prolonged",
            about("batch-done", &[("until", &clock::local(*until)), ("price", &money(item.cost))]),
        ),
        ItemOutcome::Refused(err) => {
            ("refused", about("batch-refused", &[("reason", i18n.t(err.kind.message_key()))]))
        }
        // Not a clear no: it may have gone through; never sent again, but
        // checked (store::checks says what happened once it knows).
        ItemOutcome::Unclear(_) => ("unclear", about("batch-unclear", &[])),
        ItemOutcome::NotSent => ("refused", about("batch-not-sent", &[])),
    }
}

/// The daily price of `order`'s service in its country, when known (tracked).
fn price_day(catalog: CatalogStore, order: &Order) -> Option<f64> {
    catalog.prices(&order.country).and_then(|p| p.price_day(&order.scode))
}

/// What one line says: its price and new expiry, or why it is left out.
fn line_text(i18n: I18n, line: &BatchLine, prices: Option<Prices>) -> String {
    match (&line.until, line.cost, prices) {
        (Err(block), ..) => block_text(i18n, *block),
        (Ok(until), Some(cost), _) => {
            i18n.fmt("batch-line", &[("price", &money(cost)), ("until", &clock::local(*until))])
        }
        (Ok(_), None, None | Some(Prices::Loading)) => i18n.t("price-loading").to_owned(),
        (Ok(_), None, Some(Prices::Failed(_))) => i18n.t("price-failed").to_owned(),
        (Ok(_), None, Some(Prices::Ready(_))) => i18n.t("price-unlisted").to_owned(),
    }
}

/// What the store sends for a sendable line.
fn item(order: &Order, line: &BatchLine) -> BatchItem {
    BatchItem {
        id: order.id,
        number: order.display_number(),
        service: order.service_name(),
        until: order.until,
        cost: line.cost.unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, Utc};
    use rentapi::rules::ProlongBlock;
    use rentapi::{ApiError, ErrorKind, OrderId};

    use crate::i18n::Lang;

    fn t(days: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_700_000_000 + days * 86_400, 0).unwrap()
    }

    fn line(until: Result<DateTime<Utc>, ProlongBlock>, cost: Option<f64>) -> BatchLine {
        BatchLine { id: OrderId(1), until, cost }
    }

    #[test]
    fn each_line_says_its_price_or_why_it_is_left_out() {
        let i18n = I18n::fixed(Lang::En);
        let ready = Some(Prices::Ready(Vec::new()));
        let priced = line_text(i18n, &line(Ok(t(10)), Some(45.5)), ready.clone());
        assert!(priced.starts_with("$45.50, until "), "{priced}");
        assert_eq!(line_text(i18n, &line(Ok(t(10)), None), None), "Loading the price…");
        assert_eq!(
            line_text(i18n, &line(Ok(t(10)), None), Some(Prices::Loading)),
            "Loading the price…"
        );
        let failed = Some(Prices::Failed(ApiError::new(ErrorKind::Timeout, "")));
        assert_eq!(
            line_text(i18n, &line(Ok(t(10)), None), failed),
            "The price could not be loaded."
        );
        assert_eq!(
            line_text(i18n, &line(Ok(t(10)), None), ready.clone()),
            "This service's price is not listed now: it cannot be prolonged from here."
        );
        assert_eq!(
            line_text(i18n, &line(Err(ProlongBlock::Refused), None), ready),
            "The provider does not allow prolonging this number."
        );
    }

    #[test]
    fn each_outcome_and_the_summary_in_words() {
        let i18n = I18n::fixed(Lang::En);
        let item = BatchItem {
            id: OrderId(7),
            number: "+7 9096068511".into(),
            service: "Instagram".into(),
            until: t(3),
            cost: 42.0,
        };
        let (class, text) = result_text(i18n, &item, &ItemOutcome::Prolonged { until: t(10) });
        assert_eq!(class, "prolonged");
        assert!(text.starts_with("+7 9096068511 (Instagram): prolonged until "), "{text}");
        assert!(text.ends_with(", $42.00."), "{text}");
        let low = ApiError::new(ErrorKind::LowBalance, "Balance is not enough");
        assert_eq!(
            result_text(i18n, &item, &ItemOutcome::Refused(low)),
            (
                "refused",
                "+7 9096068511 (Instagram): not prolonged. Your balance is too low for this."
                    .into()
            )
        );
        let (class, text) =
            result_text(i18n, &item, &ItemOutcome::Unclear(ApiError::new(ErrorKind::Timeout, "")));
        assert_eq!(class, "unclear");
        assert_eq!(
            text,
            "+7 9096068511 (Instagram): no clear answer. It may have been prolonged: the orders are read again to find out."
        );
        let (class, text) = result_text(i18n, &item, &ItemOutcome::NotSent);
        assert_eq!(class, "refused");
        assert!(text.contains("not sent"), "{text}");

        let s = Summary { prolonged: 3, refused: 1, unclear: 0, cost: 136.5 };
        assert_eq!(summary_text(i18n, s), "Prolonged: 3. Not prolonged: 1. Cost: $136.50.");
        let s = Summary { prolonged: 1, refused: 2, unclear: 1, cost: 42.0 };
        assert_eq!(
            summary_text(i18n, s),
            "Prolonged: 1. Not prolonged: 2. Not known yet: 1. Cost of those prolonged: $42.00."
        );
    }
}
