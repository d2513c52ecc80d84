fn main() {
    console_error_panic_hook::set_once();
    smsrent::interned::intern_common();
    // The first paint waits (briefly) for its language's table: see i18n.
    wasm_bindgen_futures::spawn_local(async {
        smsrent::i18n::prepare().await;
        // The mount (and the stores' first effects, which run at the end of
        // its task) in a task of its own, not at the end of the wasm's
        // instantiation: two shorter tasks block input less than one long
        // one (BENCHMARKS.md, "Lighthouse").
        gloo_timers::future::TimeoutFuture::new(0).await;
        leptos::mount::mount_to_body(smsrent::App);
    });
}
