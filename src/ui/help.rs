//! Short help next to what it concerns: a "?" button (or a captioned one,
//! "About activation ?") that opens a few sentences of the provider's
//! rules below it (Escape or a second click closes them).
//!
//! Each is light: one button whose name is fixed when it is made (callers
//! remake it when the language changes), the sentences made only when
//! opened. Rules that hold for every order are shown once above the list,
//! not in each of its thousand rows.

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
    /// Show the label on the button (followed by the "?") rather than
    /// only a "?" named by it.
    #[prop(optional)]
    captioned: bool,
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
                        class=if captioned { "help-q captioned" } else { "help-q" }
                        aria-expanded=shown.to_string()
                        aria-label=(!captioned).then(|| label.clone())
                        on:click=move |_| open.update(|o| *o = !*o)
                    >
                        // Captioned: its words, the "?" drawn after them by CSS.
                        {if captioned { label.clone() } else { "?".to_owned() }}
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
