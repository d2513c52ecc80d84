//! A short chime when a new SMS arrives: off until the user turns it on,
//! remembered in localStorage. Made with Web Audio (two short tones), so
//! there is no sound file to download or cache.
//!
//! Browsers let a page make sound only after the user has interacted with
//! it. Turning the chime on is such a click; after a reload the audio is
//! (re)started on the user's first click or key press on the page.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{AudioContext, AudioContextState, OscillatorType};

use crate::i18n::use_i18n;
use crate::store::storage;

pub const STORAGE_KEY: &str = crate::store::keys::SOUND;

#[derive(Clone, Copy)]
pub struct Chime {
    wanted: RwSignal<bool>,
    audio: StoredValue<Option<AudioContext>, LocalStorage>,
}

impl Chime {
    pub fn provide() -> Self {
        let me = Self {
            wanted: RwSignal::new(storage::get(STORAGE_KEY).as_deref() == Some("1")),
            audio: StoredValue::new_local(None),
        };
        me.wake_on_first_gesture();
        provide_context(me);
        me
    }

    /// The chime will sound (tracked).
    pub fn is_on(&self) -> bool {
        self.wanted.get()
    }

    /// From a click: on, with one chime so the user hears what it will be.
    pub fn turn_on(self) {
        self.wanted.set(true);
        storage::set(STORAGE_KEY, "1");
        self.play();
    }

    pub fn turn_off(self) {
        self.wanted.set(false);
        storage::set(STORAGE_KEY, "0");
        if let Some(audio) = self.audio.try_update_value(Option::take).flatten() {
            let _ = audio.close();
        }
    }

    /// One chime, if the user wants it. Never fails loudly: a browser
    /// without Web Audio simply stays silent.
    pub fn play(&self) {
        if !self.wanted.get_untracked() {
            return;
        }
        let Some(audio) = self.context() else { return };
        // Not allowed to sound yet (no click since the page loaded): stay
        // silent rather than queue a chime for the first click.
        if audio.state() != AudioContextState::Running {
            let _ = audio.resume();
            return;
        }
        let now = audio.current_time();
        for (i, freq) in [880.0_f32, 1318.5].into_iter().enumerate() {
            let _ = tone(&audio, freq, now + 0.14 * i as f64);
        }
    }

    fn context(&self) -> Option<AudioContext> {
        if let Some(audio) = self.audio.with_value(Clone::clone) {
            return Some(audio);
        }
        let audio = AudioContext::new().ok()?;
        self.audio.set_value(Some(audio.clone()));
        Some(audio)
    }

    /// After a reload the audio may start suspended (no gesture yet): the
    /// user's first click or key press resumes it.
    fn wake_on_first_gesture(self) {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        let wake = Closure::<dyn Fn()>::new(move || {
            // (`try_`: the listener outlives an unmounted app.)
            if self.wanted.try_get_untracked() == Some(true)
                && let Some(audio) = self.context()
            {
                let _ = audio.resume();
            }
        });
        let options = web_sys::AddEventListenerOptions::new();
        options.set_once(true);
        options.set_capture(true);
        for event in ["pointerdown", "keydown"] {
            let _ = document.add_event_listener_with_callback_and_add_event_listener_options(
                event,
                wake.as_ref().unchecked_ref(),
                &options,
            );
        }
        // Lives as long as the page (one closure, two one-shot listeners).
        wake.forget();
    }
}

/// One soft tone of 0.12 s starting at `at` (seconds on the audio clock).
fn tone(audio: &AudioContext, freq: f32, at: f64) -> Result<(), wasm_bindgen::JsValue> {
    let osc = audio.create_oscillator()?;
    osc.set_type(OscillatorType::Sine);
    osc.frequency().set_value(freq);
    let gain = audio.create_gain()?;
    let level = gain.gain();
    level.set_value_at_time(0.0001, at)?;
    level.exponential_ramp_to_value_at_time(0.2, at + 0.01)?;
    level.exponential_ramp_to_value_at_time(0.0001, at + 0.12)?;
    osc.connect_with_audio_node(&gain)?;
    gain.connect_with_audio_node(&audio.destination())?;
    osc.start_with_when(at)?;
    osc.stop_with_when(at + 0.13)?;
    Ok(())
}

pub fn use_chime() -> Option<Chime> {
    use_context()
}

/// "Sound for new SMS", a toggle button (pressed when on).
#[component]
pub fn SoundToggle() -> impl IntoView {
    let i18n = use_i18n();
    let Some(chime) = use_chime() else { return ().into_any() };
    view! {
        <button
            type="button"
            class="sound"
            aria-pressed=move || if chime.is_on() { "true" } else { "false" }
            on:click=move |_| if chime.is_on() { chime.turn_off() } else { chime.turn_on() }
        >
            {move || i18n.t("sound-toggle")}
        </button>
    }
    .into_any()
}
