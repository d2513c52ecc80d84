// Demo mode's Web Worker (started by src/api/demo/worker.rs): loads the
// simulator that Trunk builds from crates/demo-worker (demo.js, the
// wasm-bindgen glue, and demo_bg.wasm), which then says "ready". A failed
// load is told to the page, which would otherwise wait for "ready".
'use strict';
const failed = (e) => postMessage(['failed', String(e && e.message || e)]);
try {
  importScripts('./demo.js');
  wasm_bindgen({ module_or_path: './demo_bg.wasm' }).catch(failed);
} catch (e) {
  failed(e);
}
