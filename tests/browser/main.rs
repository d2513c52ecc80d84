//! The browser tests (wasm-bindgen-test in headless Chromium), one module
//! per part of the app. One crate, so one link and one runner start: each
//! test's page is made fresh by `common` (the previous mount is unmounted
//! and its storage cleared), not by a binary of its own.
#![cfg(target_arch = "wasm32")]

mod common;

mod account;
mod archive_rent;
mod dashboard_app;
mod dashboard_batch;
mod dashboard_cache;
mod dashboard_lang;
mod dashboard_list;
mod dashboard_notify;
mod dashboard_rows;
mod dashboard_sms;
mod i18n;
mod memory;
mod scheduled;
mod settings;
mod writes;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
