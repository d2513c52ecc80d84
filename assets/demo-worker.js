// Demo mode's Web Worker (started by assets/early.js or src/api/demo/worker.rs):
// loads the simulator that Trunk builds from crates/demo-worker (demo.js,
// the wasm-bindgen glue, and demo_bg.wasm), which then says "ready". The
// wasm is asked for before the glue, so the two come in one round trip. A
// failed load is told to the page, which would otherwise wait for "ready".
'use strict';
const failed = (e) => postMessage(['failed', String((e && e.message) || e)]);
try {
  const wasm = fetch('./demo_bg.wasm');
  wasm.catch(() => {}); // told below, once the glue awaits it
  importScripts('./demo.js');
  wasm_bindgen({ module_or_path: wasm }).catch(failed);
} catch (e) {
  failed(e);
}
