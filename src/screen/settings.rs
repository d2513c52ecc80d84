//! Settings: where the API lives, the user's key (masked, show, forget),
//! a connection test that says in words what happened, the currency
//! prices are shown in and how a number is copied.

use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::store::choice::Choice;
use crate::store::memory::{MemoryStore, use_memory};
use crate::store::network::use_network;
use crate::store::orders::use_orders;
use crate::store::settings::{
    CurrencyChoice, NumberCopy, RELAY_ENDPOINT, SIMSMS_ENDPOINT, SMSPVA_ENDPOINT, use_settings,
};
use crate::store::theme::{Theme, use_theme};
use crate::ui::error::ErrorNotice;
use crate::ui::money::{Currency, money};

#[component]
pub fn SettingsScreen() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="screen settings">
            <h1>{move || i18n.t("settings-title")}</h1>
            <EndpointField />
            <KeyField />
            <ConnectionTest />
            <CurrencyField />
            <NumberCopyField />
            <ThemeField />
            <HistoryField />
        </section>
    }
}

#[component]
fn EndpointField() -> impl IntoView {
    let i18n = use_i18n();
    let settings = use_settings();
    let presets = [
        (RELAY_ENDPOINT, "settings-endpoint-relay"),
        (SMSPVA_ENDPOINT, "settings-endpoint-smspva"),
        (SIMSMS_ENDPOINT, "settings-endpoint-simsms"),
    ];
    let is_custom = move || !presets.iter().any(|(url, _)| *url == settings.endpoint());
    let initial = settings.endpoint_untracked();
    let custom = RwSignal::new(if presets.iter().any(|(url, _)| *url == initial) {
        String::new()
    } else {
        initial
    });
    view! {
        <fieldset class="field">
            <legend>{move || i18n.t("settings-endpoint")}</legend>
            {presets
                .into_iter()
                .map(|(url, label)| {
                    view! {
                        <label class="choice">
                            <input
                                type="radio"
                                name="endpoint"
                                prop:checked=move || settings.endpoint() == url
                                on:change=move |_| settings.set_endpoint(url)
                            />
                            {move || i18n.t(label)}
                            <small class="muted">" " {url}</small>
                        </label>
                    }
                })
                .collect_view()}
            <label class="choice">
                <input
                    type="radio"
                    name="endpoint"
                    prop:checked=is_custom
                    on:change=move |_| {
                        if !custom.get_untracked().trim().is_empty() {
                            settings.set_endpoint(&custom.get_untracked());
                        }
                    }
                />
                {move || i18n.t("settings-endpoint-custom")}
            </label>
            <input
                type="url"
                class="wide"
                placeholder="https://relay.example/api/rent.php"
                aria-label=move || i18n.t("settings-endpoint-custom-url")
                bind:value=custom
                on:change=move |_| {
                    if !custom.get_untracked().trim().is_empty() {
                        settings.set_endpoint(&custom.get_untracked());
                    }
                }
            />
            <p class="help">{move || i18n.t("settings-endpoint-help")}</p>
        </fieldset>
    }
}

#[component]
fn KeyField() -> impl IntoView {
    let i18n = use_i18n();
    let settings = use_settings();
    let draft = RwSignal::new(String::new());
    let reveal = RwSignal::new(false);
    let said = RwSignal::new(None::<&'static str>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if settings.save_key(&draft.get_untracked()) {
            draft.set(String::new());
            reveal.set(false);
            said.set(Some("settings-key-stored"));
        }
    };
    let saved = move || {
        settings.key().map(|key| {
            let shown = move || {
                if reveal.get() { key.expose().to_owned() } else { key.masked() }
            };
            view! {
                <p class="saved-key">
                    {move || i18n.t("settings-key-saved")} ": "
                    <code data-testid="saved-key">{shown}</code>
                    " "
                    <button type="button" on:click=move |_| reveal.update(|r| *r = !*r)>
                        {move || if reveal.get() { i18n.t("settings-key-hide") } else { i18n.t("settings-key-show") }}
                    </button>
                    " "
                    <button
                        type="button"
                        class="danger"
                        on:click=move |_| {
                            // The memory's name comes from the key: gone first.
                            if let Some(memory) = use_context::<MemoryStore>() {
                                memory.forget_live();
                            }
                            settings.forget_key();
                            reveal.set(false);
                            said.set(Some("settings-key-forgotten"));
                        }
                    >
                        {move || i18n.t("settings-key-forget")}
                    </button>
                </p>
            }
        })
    };
    view! {
        <form class="field" on:submit=save>
            <label for="apikey">{move || i18n.t("settings-key")}</label>
            {saved}
            <Show when=move || settings.key().is_none()>
                <p class="muted">{move || i18n.t("settings-key-none")}</p>
            </Show>
            <div class="row">
                <input
                    id="apikey"
                    name="apikey"
                    type="password"
                    autocomplete="off"
                    spellcheck="false"
                    bind:value=draft
                />
                <button type="submit" disabled=move || draft.get().trim().is_empty()>
                    {move || i18n.t("settings-key-save")}
                </button>
            </div>
            <p class="help">{move || i18n.t("settings-key-help")}</p>
            <p class="status" role="status">{move || said.get().map(|k| i18n.t(k))}</p>
        </form>
    }
}

#[component]
fn ConnectionTest() -> impl IntoView {
    let i18n = use_i18n();
    let network = use_network();
    let orders = use_orders();
    let settings = use_settings();
    let test = Action::new_local(move |_: &()| orders.test_read());
    let error = Signal::derive(move || test.value().get().and_then(Result::err));
    view! {
        <div class="field">
            <button
                type="button"
                disabled=move || test.pending().get() || settings.key().is_none() || network.blocked()
                aria-describedby=network.described_by(None)
                on:click=move |_| {
                    test.dispatch(());
                }
            >
                {move || if test.pending().get() { i18n.t("settings-testing") } else { i18n.t("settings-test") }}
            </button>
            <Show when=move || settings.key().is_none()>
                <span class="muted">" " {move || i18n.t("settings-test-needs-key")}</span>
            </Show>
            <p class="status" role="status">
                {move || match test.value().get() {
                    Some(Ok(orders)) => i18n.fmt("settings-test-ok", &[("n", &orders.rows.len().to_string())]),
                    _ => String::new(),
                }}
            </p>
            <ErrorNotice error />
        </div>
    }
}

fn currency_name_key(currency: Currency) -> &'static str {
    match currency {
        Currency::Usd => "settings-currency-usd",
        Currency::Rub => "settings-currency-rub",
    }
}

/// "Automatic" (from the endpoint), or a fixed currency for a relay whose
/// upstream the app cannot see.
#[component]
fn CurrencyField() -> impl IntoView {
    let i18n = use_i18n();
    let settings = use_settings();
    let label = move |choice: CurrencyChoice| match choice {
        CurrencyChoice::Auto => {
            i18n.fmt("settings-currency-auto", &[("currency", settings.auto_currency().code())])
        }
        CurrencyChoice::Fixed(c) => i18n.t(currency_name_key(c)).to_owned(),
    };
    view! {
        <fieldset class="field" data-testid="currency">
            <legend>{move || i18n.t("settings-currency")}</legend>
            {radios(
                "currency",
                move || settings.currency_choice(),
                move |c| settings.set_currency_choice(c),
                label,
            )}
            <p class="help">{move || i18n.t("settings-currency-help")}</p>
            <p class="help" data-testid="currency-example">
                {move || i18n.fmt("settings-currency-example", &[("example", &money(1234.5))])}
            </p>
        </fieldset>
    }
}

/// The whole number or the number without its country code, each shown
/// as it would be pasted.
#[component]
fn NumberCopyField() -> impl IntoView {
    let i18n = use_i18n();
    let settings = use_settings();
    let label = move |choice: NumberCopy| {
        let key = match choice {
            NumberCopy::International => "settings-copy-international",
            NumberCopy::Local => "settings-copy-local",
        };
        let sample = rentapi::model::Order::sample(chrono::DateTime::default());
        i18n.fmt(key, &[("example", &choice.of(&sample))])
    };
    view! {
        <fieldset class="field" data-testid="copy-number">
            <legend>{move || i18n.t("settings-copy-number")}</legend>
            {radios(
                "copy-number",
                move || settings.number_copy(),
                move |c| settings.set_number_copy(c),
                label,
            )}
            <p class="help">{move || i18n.t("settings-copy-help")}</p>
        </fieldset>
    }
}

/// Light or dark, or as the system says.
#[component]
fn ThemeField() -> impl IntoView {
    let i18n = use_i18n();
    let theme = use_theme();
    view! {
        <fieldset class="field" data-testid="theme">
            <legend>{move || i18n.t("settings-theme")}</legend>
            {radios(
                "theme",
                move || theme.get(),
                move |t| theme.choose(t),
                move |t: Theme| i18n.t(t.label_key()).to_owned(),
            )}
        </fieldset>
    }
}

/// One radio button per choice (a setting's fieldset body): checked while
/// it is `current`, `choose`n when picked, named by `label`.
fn radios<T: Choice>(
    name: &'static str,
    current: impl Fn() -> T + Copy + Send + Sync + 'static,
    choose: impl Fn(T) + Copy + Send + Sync + 'static,
    label: impl Fn(T) -> String + Copy + Send + Sync + 'static,
) -> impl IntoView {
    T::ALL
        .iter()
        .map(|&choice| {
            view! {
                <label class="choice">
                    <input
                        type="radio"
                        name=name
                        value=choice.value()
                        prop:checked=move || current() == choice
                        on:change=move |_| choose(choice)
                    />
                    {move || label(choice)}
                </label>
            }
        })
        .collect_view()
}

/// "1.5 MB": bytes as people read them.
fn size_text(bytes: f64) -> String {
    let units = ["B", "KB", "MB", "GB"];
    let mut v = bytes.max(0.0);
    let mut unit = 0;
    while v >= 1000.0 && unit + 1 < units.len() {
        v /= 1000.0;
        unit += 1;
    }
    if unit == 0 { format!("{v:.0} {}", units[0]) } else { format!("{v:.1} {}", units[unit]) }
}

/// How long SMS are kept, how much is stored, and "Clear history".
#[component]
fn HistoryField() -> impl IntoView {
    let i18n = use_i18n();
    let memory = use_memory();
    memory.measure();
    let confirming = RwSignal::new(false);
    let said = RwSignal::new(false);
    let count = move || memory.stats.get().map_or(0, |s| s.sms);
    view! {
        <fieldset class="field" data-testid="history-settings">
            <legend>{move || i18n.t("settings-history")}</legend>
            <label class="filter-field">
                <span>{move || i18n.t("settings-history-keep")}</span>
                <select
                    data-testid="keep-days"
                    prop:value=move || memory.keep_days.get().to_string()
                    on:change:target=move |ev| {
                        if let Ok(days) = ev.target().value().parse() {
                            memory.keep_days.set(days);
                        }
                    }
                >
                    {rentapi::history::KEEP_DAYS_CHOICES
                        .map(|days| {
                            let key = match days {
                                7 => "keep-7",
                                30 => "keep-30",
                                90 => "keep-90",
                                365 => "keep-365",
                                _ => "keep-3650",
                            };
                            view! {
                                <option value=days.to_string() selected=move || memory.keep_days.get() == days>
                                    {move || i18n.t(key)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <p class="help" data-testid="history-stored">
                {move || memory.stats.get().map(|s| {
                    let max = rentapi::history::MAX_ENTRIES.to_string();
                    let mut text = i18n.fmt("settings-history-stored", &[("n", &s.sms.to_string()), ("max", &max)]);
                    if let Some(bytes) = s.bytes {
                        text = format!("{text} {}", i18n.fmt("settings-history-bytes", &[("size", &size_text(bytes))]));
                    }
                    text
                })}
            </p>
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <button
                        type="button"
                        class="danger"
                        data-testid="history-clear"
                        disabled=move || count() == 0
                        on:click=move |_| {
                            said.set(false);
                            confirming.set(true);
                        }
                    >
                        {move || i18n.t("settings-history-clear")}
                    </button>
                }
            >
                <p class="confirm" role="alert">
                    {move || i18n.fmt("settings-history-clear-confirm", &[("n", &count().to_string())])}
                    " "
                    <button
                        type="button"
                        class="danger"
                        data-testid="history-clear-confirm"
                        on:click=move |_| {
                            memory.clear();
                            confirming.set(false);
                            said.set(true);
                        }
                    >
                        {move || i18n.t("settings-history-clear")}
                    </button>
                    " "
                    <button type="button" on:click=move |_| confirming.set(false)>{move || i18n.t("cancel")}</button>
                </p>
            </Show>
            <p class="status" role="status">{move || said.get().then(|| i18n.t("settings-history-cleared"))}</p>
            {move || memory.error.get().map(|_| view! { <p class="notice error">{i18n.t("history-failed")}</p> })}
        </fieldset>
    }
}
