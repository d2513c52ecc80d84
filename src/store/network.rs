//! Online or offline, as the browser sees it: `navigator.onLine` at start,
//! then its `online` and `offline` events. The header shows a banner while
//! offline, and every action that needs the provider asks
//! [`Network::blocked`] and stays disabled, pointing at the banner's reason.

use leptos::ev;
use leptos::prelude::*;

/// The offline banner's reason, which disabled actions point at
/// (`aria-describedby`).
pub const OFFLINE_REASON_ID: &str = "offline-reason";

/// Provided by the app; read with [`use_network`].
#[derive(Debug, Clone, Copy)]
pub struct Network {
    /// The browser has a network connection (it may still fail to reach us).
    pub online: RwSignal<bool>,
    /// Demo mode: the simulator runs on this device (in a worker), so
    /// nothing needs the network once its files are cached.
    demo: Signal<bool>,
    /// A write's outcome is being checked: no write may go until it is
    /// known (set by the checks store, see `store::checks`).
    pub checking: RwSignal<bool>,
}

/// The note of a check under way, which disabled writes point at.
pub const CHECKING_REASON_ID: &str = "checking-reason";

impl Network {
    /// `demo` tells whether the API is the simulator (in its worker, here).
    pub fn provide(demo: Signal<bool>) -> Self {
        let online = RwSignal::new(window().navigator().on_line());
        let up = window_event_listener(ev::online, move |_| online.set(true));
        let down = window_event_listener(ev::offline, move |_| online.set(false));
        on_cleanup(move || {
            up.remove();
            down.remove();
        });
        let me = Self { online, demo, checking: RwSignal::new(false) };
        provide_context(me);
        me
    }

    /// Online (tracked).
    pub fn is_online(&self) -> bool {
        self.online.get()
    }

    /// An action that asks the provider cannot run now: the browser is
    /// offline and the API is not the simulator (tracked).
    pub fn blocked(&self) -> bool {
        !self.online.get() && !self.demo.get()
    }

    /// A write (rent, prolong, restore, …) cannot be sent now: offline, or
    /// an earlier write's outcome is still being checked (tracked).
    pub fn writes_blocked(&self) -> bool {
        self.blocked() || self.checking.get()
    }

    /// [`described_by`](Self::described_by) for a write: also the check's note.
    pub fn write_described_by(&self) -> impl Fn() -> Option<String> + Copy + use<> {
        let me = *self;
        move || {
            if me.blocked() {
                Some(OFFLINE_REASON_ID.to_owned())
            } else {
                me.checking.get().then(|| CHECKING_REASON_ID.to_owned())
            }
        }
    }

    /// For a disabled action's `aria-describedby`: the banner's reason while
    /// [`blocked`](Self::blocked), otherwise `other` (the action's own
    /// description, if any).
    pub fn described_by(&self, other: Option<String>) -> impl Fn() -> Option<String> + use<> {
        let me = *self;
        move || if me.blocked() { Some(OFFLINE_REASON_ID.to_owned()) } else { other.clone() }
    }
}

/// The app's network state. Provided once at the root (by the app, or the
/// browser tests' mount): one made inside a component would die with it
/// while others still read it.
pub fn use_network() -> Network {
    expect_context::<Network>()
}
