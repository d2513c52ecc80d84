//! Demo mode's simulator, in a Web Worker, so that a visit with a real key
//! never downloads it and its work never blocks the page.
//!
//! The page (`src/api/demo/worker.rs`) speaks to it by messages, as fetch speaks to
//! the network. Every message is an array:
//!
//! - page → worker: `[op, id, now_ms, text]`, where `op` is `"start"` (`text`:
//!   the saved state, or null), `"call"` (`text`: the GET query) or `"reset"`;
//! - worker → page: `"ready"` once, when it listens; then for each call and
//!   reset `[id, status, content_type, body bytes, state to save]`.
//!
//! Messages are handled in the order sent, so a call sent after a reset sees
//! the new account. A call before `"start"` gets a fresh account.

fn main() {
    #[cfg(target_arch = "wasm32")]
    worker::listen();
}

#[cfg(target_arch = "wasm32")]
mod worker {
    use std::cell::RefCell;

    use chrono::{DateTime, Utc};
    use js_sys::{Array, Uint8Array};
    use rentapi::sim::DemoSession;
    use wasm_bindgen::prelude::*;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    thread_local! {
        static SESSION: RefCell<Option<DemoSession>> = const { RefCell::new(None) };
    }

    pub fn listen() {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let reply_to = scope.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            if let Some(reply) = handle(&Array::from(&event.data())) {
                let _ = reply_to.post_message(&reply);
            }
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let _ = scope.post_message(&JsValue::from_str("ready"));
    }

    fn handle(msg: &Array) -> Option<JsValue> {
        let op = msg.get(0).as_string()?;
        let id = msg.get(1).as_f64()?;
        let now = DateTime::<Utc>::from_timestamp_millis(msg.get(2).as_f64()? as i64)?;
        let text = msg.get(3).as_string();
        SESSION.with_borrow_mut(|session| {
            if op == "start" {
                *session = Some(DemoSession::resume(text.as_deref(), now));
                return None;
            }
            let session = session.get_or_insert_with(|| DemoSession::resume(None, now));
            let answer = match op.as_str() {
                "call" => Some(session.call(&text?, now)),
                "reset" => {
                    session.reset(now);
                    None
                }
                _ => return None,
            };
            let state = session.saved();
            let (status, content_type, body) = match answer {
                Some(raw) => (raw.status, raw.content_type, raw.body),
                None => (0, String::new(), Vec::new()),
            };
            let reply = Array::of5(
                &id.into(),
                &status.into(),
                &content_type.into(),
                &Uint8Array::from(body.as_slice()),
                &state.map_or(JsValue::NULL, JsValue::from),
            );
            Some(reply.into())
        })
    }
}
