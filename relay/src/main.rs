//! `smsrent-relay`: see `--help` and the library docs.

use std::process::ExitCode;

use clap::Parser;
use smsrent_relay::{Config, redact};

#[tokio::main]
async fn main() -> ExitCode {
    let config = Config::parse();
    smsrent_relay::init_tracing();
    redact::install_panic_hook();
    let listener = match tokio::net::TcpListener::bind(config.listen).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("smsrent-relay: cannot listen on {}: {e}", config.listen);
            return ExitCode::FAILURE;
        }
    };
    match smsrent_relay::run(config, listener).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("smsrent-relay: {}", redact::redact(&e.to_string()));
            ExitCode::FAILURE
        }
    }
}
