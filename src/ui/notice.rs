//! A calm note in words that stays until the user dismisses it.

use leptos::prelude::*;

use crate::i18n::use_i18n;

#[component]
pub fn Dismissible(
    text: String,
    /// Extra classes beside `notice`.
    #[prop(default = "")]
    class: &'static str,
    on_dismiss: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class=format!("notice {class}") role="status">
            <span>{text}</span>
            " "
            <button type="button" class="link" on:click=move |_| on_dismiss.run(())>
                {move || i18n.t("dismiss")}
            </button>
        </p>
    }
}
