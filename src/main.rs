fn main() {
    console_error_panic_hook::set_once();
    smsrent::interned::intern_common();
    // The first paint waits (briefly) for its language's table: see i18n.
    wasm_bindgen_futures::spawn_local(async {
        smsrent::i18n::prepare().await;
        leptos::mount::mount_to_body(smsrent::App);
    });
}
