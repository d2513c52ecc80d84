fn main() {
    console_error_panic_hook::set_once();
    smsrent::interned::intern_common();
    leptos::mount::mount_to_body(smsrent::App);
}
