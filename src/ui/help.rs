//! Short help next to the control it concerns: a "?" that opens a few
//! sentences of the provider's rules (a native `<details>`, so it works
//! with keyboard and screen readers; Escape closes it).

use leptos::html;
use leptos::prelude::*;

use crate::i18n::use_i18n;

#[component]
pub fn Help(
    /// The accessible name of the "?", e.g. "About activation".
    #[prop(into)]
    label: Signal<String>,
    /// Translation keys, one short paragraph each.
    keys: &'static [&'static str],
) -> impl IntoView {
    let i18n = use_i18n();
    let details = NodeRef::<html::Details>::new();
    // The text is made only when opened: a long list has many of these.
    let open = RwSignal::new(false);
    let on_toggle = move |_| open.set(details.get_untracked().is_some_and(|d| d.open()));
    let close_on_escape = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape"
            && let Some(d) = details.get_untracked()
            && d.open()
        {
            ev.stop_propagation();
            d.set_open(false);
        }
    };
    view! {
        <details class="help-tip" node_ref=details on:keydown=close_on_escape on:toggle=on_toggle>
            <summary aria-label=move || label.get() title=move || label.get()>
                "?"
            </summary>
            <Show when=move || open.get()>
                <div class="help-pop" role="note">
                    {keys.iter().map(|k| view! { <p>{move || i18n.t(k)}</p> }).collect_view()}
                </div>
            </Show>
        </details>
    }
}
