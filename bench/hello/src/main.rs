//! The baseline of `scripts/bench-app.sh`: a bare Leptos page of the same
//! toolchain, served the same way, showing one row of text where the app
//! shows its first order (same `tr.order-row` the benchmark waits for).

use leptos::prelude::*;

#[component]
fn Hello() -> impl IntoView {
    view! {
        <table>
            <tbody>
                <tr class="order-row">
                    <td>"Hello, world"</td>
                </tr>
            </tbody>
        </table>
    }
}

fn main() {
    leptos::mount::mount_to_body(Hello);
}
