//! Short help next to the control it concerns: a "?" button that opens a
//! few sentences of the provider's rules below it (Escape or a second
//! click closes them).
//!
//! A long list shows two of these per row, so each is as light as it can
//! be: one button whose name is fixed when it is made (the list is rebuilt
//! when the language changes), and the sentences made only when opened.

use leptos::prelude::*;

use crate::i18n::use_i18n;

#[component]
pub fn Help(
    /// The accessible name of the "?", e.g. "About activation", already
    /// in the current language.
    #[prop(into)]
    label: String,
    /// Translation keys, one short paragraph each.
    keys: &'static [&'static str],
) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let close_on_escape = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            ev.stop_propagation();
            open.set(false);
        }
    };
    // One binding for the button's state and the rules below it: toggling
    // patches the same button (focus stays) and adds or drops the rules.
    view! {
        <span class="help-tip" on:keydown=close_on_escape>
            {move || {
                let shown = open.get();
                view! {
                    <button
                        type="button"
                        class="help-q"
                        aria-expanded=shown.to_string()
                        aria-label=label.clone()
                        on:click=move |_| open.update(|o| *o = !*o)
                    >
                        "?"
                    </button>
                    {shown.then(|| view! {
                        <div class="help-pop" role="note">
                            {keys.iter().map(|k| view! { <p>{move || i18n.t(k)}</p> }).collect_view()}
                        </div>
                    })}
                }
            }}
        </span>
    }
}
