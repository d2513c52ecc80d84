//! One polite live region for the whole app: what a screen reader should
//! hear after an action ("Copied", "Activation requested…") is said here,
//! instead of a live region in every row of a long list.

use leptos::prelude::*;

/// Provided at the root ([`Announcer::provide`]); rendered by [`LiveRegion`].
#[derive(Clone, Copy)]
pub struct Announcer(RwSignal<String>);

impl Announcer {
    pub fn provide() -> Self {
        let me = Self(RwSignal::new(String::new()));
        provide_context(me);
        me
    }

    /// Says `text`; the same text twice in a row is said twice (the region
    /// alternates a trailing no-break space so that its content changes).
    pub fn say(self, text: &str) {
        self.0.update(|now| {
            let again = now.trim_end_matches('\u{a0}') == text && !now.ends_with('\u{a0}');
            *now = if again { format!("{text}\u{a0}") } else { text.to_owned() };
        });
    }
}

/// The announcer, when the app provides one (a component mounted alone in
/// a test may have none: then nothing is said).
pub fn use_announcer() -> Option<Announcer> {
    use_context()
}

/// The region itself, once, at the root of the page.
#[component]
pub fn LiveRegion() -> impl IntoView {
    let said = use_announcer().map(|a| a.0);
    view! {
        <div class="sr-only" role="status" aria-live="polite" data-testid="announcer">
            {move || said.map(|s| s.get())}
        </div>
    }
}
