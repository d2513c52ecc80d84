//! Online or offline, as the browser sees it: `navigator.onLine` at start,
//! then its `online` and `offline` events. The header shows a banner while
//! offline; actions that need the network read [`Network::is_online`].

use leptos::ev;
use leptos::prelude::*;

/// Provided by the app; read with [`use_network`].
#[derive(Debug, Clone, Copy)]
pub struct Network {
    /// The browser has a network connection (it may still fail to reach us).
    pub online: RwSignal<bool>,
}

impl Network {
    pub fn provide() -> Self {
        let online = RwSignal::new(window().navigator().on_line());
        let up = window_event_listener(ev::online, move |_| online.set(true));
        let down = window_event_listener(ev::offline, move |_| online.set(false));
        on_cleanup(move || {
            up.remove();
            down.remove();
        });
        let me = Self { online };
        provide_context(me);
        me
    }

    /// Online (tracked).
    pub fn is_online(&self) -> bool {
        self.online.get()
    }
}

/// The app's network state, or a fresh one outside of it (tests of parts).
pub fn use_network() -> Network {
    use_context::<Network>().unwrap_or_else(Network::provide)
}
