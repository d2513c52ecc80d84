//! A number another screen asks the dashboard to show: the History
//! screen's "Show the number" fills the dashboard's filter with it.

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Focus(RwSignal<Option<String>>);

impl Focus {
    pub fn provide() -> Self {
        let me = Focus(RwSignal::new(None));
        provide_context(me);
        me
    }

    /// Asks the dashboard to show `text` in its filter when it opens next.
    pub fn ask(self, text: String) {
        self.0.set(Some(text));
    }

    /// What was asked, once.
    pub fn take(self) -> Option<String> {
        self.0.try_update(Option::take).flatten()
    }
}
