//! smsrent-relay: a small CORS relay for the smsrent app.
//!
//! It forwards `GET BASE/api/rent.php?QUERY` to the rent API (or answers it
//! from the core crate's simulator), optionally serves the built app on the
//! same origin, and refuses everything else so that it is never an open
//! proxy. See `--help` ([`Config`]) for every flag.
//!
//! Embedding (the integration tests do this on `127.0.0.1:0`):
//! ```no_run
//! # async fn demo() -> Result<(), smsrent_relay::Error> {
//! use clap::Parser;
//! let config = smsrent_relay::Config::parse_from(["smsrent-relay", "--simulate"]);
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
//! smsrent_relay::run(config, listener).await
//! # }
//! ```

pub mod config;
pub mod csp;
pub mod envelope;
pub mod guard;
pub mod harden;
pub mod limit;
pub mod listen;
pub mod proxy;
pub mod redact;
pub mod serve;
pub mod simulate;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{ConnectInfo, Path, Request, State};
use axum::http::{HeaderValue, Method, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::net::TcpListener;
use tower_http::compression::CompressionLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::trace::TraceLayer;
use tracing::Span;

pub use config::Config;
use guard::{HostPolicy, RateLimiter};
use limit::ApiLimit;
use proxy::Upstream;
use serve::StaticSite;
use simulate::SimHost;

/// Errors from start-up and serving.
pub type Error = Box<dyn std::error::Error + Send + Sync>;

/// Where API queries go.
#[derive(Debug)]
pub enum Backend {
    Upstream(Upstream),
    Simulator(SimHost),
}

/// Everything the handlers share.
#[derive(Debug)]
pub struct AppState {
    pub config: Config,
    /// The normalised base path, `/` or `/seg/`.
    pub base: String,
    pub backend: Backend,
    pub site: Option<StaticSite>,
    pub hosts: HostPolicy,
    pub limiter: RateLimiter,
    /// API calls in flight, in all and per client.
    pub api_limit: ApiLimit,
    /// Origins answered with `Access-Control-Allow-Origin` (`*` for any).
    pub origins: Vec<String>,
}

impl AppState {
    /// Checks the flags and builds the state for a relay bound to `local`
    /// (the real address, so port 0 has been resolved).
    pub fn new(config: Config, local: SocketAddr) -> Result<Arc<Self>, Error> {
        let mut config = config;
        let base = config::parse_base_path(&config.base_path)?;
        if config.control && !local.ip().is_loopback() {
            return Err(format!(
                "--control needs a loopback --listen address (127.0.0.1 or ::1), not {}",
                local.ip()
            )
            .into());
        }
        config.connect_src = config
            .connect_src
            .iter()
            .map(|o| config::clean_origin(o).map_err(|e| format!("--connect-src: {e}")))
            .collect::<Result<_, _>>()?;
        let backend = if config.simulate {
            Backend::Simulator(SimHost::new(&config))
        } else {
            Backend::Upstream(Upstream::new(&config)?)
        };
        let site = match &config.serve {
            Some(dir) => Some(StaticSite::new(dir, &base, &config.connect_src)?),
            None => None,
        };
        let origins = if config.allow_origins.is_empty() {
            default_origins(local.port())
        } else {
            let clean = |o: &String| match o.as_str() {
                "*" => Ok("*".to_owned()),
                o => config::clean_origin(o).map_err(|e| format!("--allow-origin: {e}")),
            };
            config.allow_origins.iter().map(clean).collect::<Result<_, _>>()?
        };
        let hosts = HostPolicy::new(local, &config.allow_hosts);
        let limiter = RateLimiter::new(config.rate_per_minute);
        let api_limit = ApiLimit::new(config.max_concurrency, config.max_concurrency_per_client);
        Ok(Arc::new(Self { config, base, backend, site, hosts, limiter, api_limit, origins }))
    }
}

/// The default CORS origins: `trunk serve` on 8080 and the relay's own port,
/// each as 127.0.0.1, localhost and [::1].
pub fn default_origins(own_port: u16) -> Vec<String> {
    let mut ports = vec![8080];
    if own_port != 8080 {
        ports.push(own_port);
    }
    ports
        .into_iter()
        .flat_map(|p| {
            ["127.0.0.1", "localhost", "[::1]"].into_iter().map(move |h| format!("http://{h}:{p}"))
        })
        .collect()
}

/// The whole HTTP surface. Layers, outermost first: request log (redacted,
/// long paths cut short), the headers that keep every answer but the app's
/// own files from being rendered as a page, request body limit, CORS
/// (answers preflights), compression, guard (refusals, rate limit). The
/// concurrency limit is the API handler's own (see `limit`).
pub fn router(state: Arc<AppState>) -> Router {
    let base = state.base.clone();
    let mut app = Router::new().route("/healthz", get(healthz));
    if base != "/" {
        app = app.route(&format!("{base}healthz"), get(healthz));
    }
    app = app
        .route(&format!("{base}{}", proxy::API_PATH), get(api))
        .route(&format!("{base}_sim/{{action}}"), get(sim_control))
        .fallback(fallback);

    let allow_origin = if state.origins.iter().any(|o| o == "*") {
        AllowOrigin::any()
    } else {
        AllowOrigin::list(state.origins.iter().filter_map(|o| HeaderValue::from_str(o).ok()))
    };
    let cors = CorsLayer::new()
        .allow_origin(allow_origin)
        .allow_methods([Method::GET, Method::HEAD, Method::OPTIONS])
        .allow_headers([header::ACCEPT, header::CONTENT_TYPE])
        .max_age(Duration::from_secs(600));
    let trace = TraceLayer::new_for_http()
        .make_span_with(|req: &Request| {
            let uri = req.uri().to_string();
            let peer = req
                .extensions()
                .get::<ConnectInfo<SocketAddr>>()
                .map(|ConnectInfo(a)| a.ip().to_string())
                .unwrap_or_default();
            tracing::info_span!(
                "request",
                method = %req.method(),
                path = %cut_short(&redact::redact(&uri), LOGGED_PATH_MAX),
                peer = %peer,
            )
        })
        .on_request(())
        .on_response(|res: &Response, latency: Duration, _span: &Span| {
            tracing::info!(
                status = res.status().as_u16(),
                latency_ms = format_args!("{:.1}", latency.as_secs_f64() * 1000.0),
                "done"
            );
        })
        .on_failure(());

    app.layer(axum::middleware::from_fn_with_state(state.clone(), guard::guard))
        .layer(CompressionLayer::new())
        .layer(cors)
        .layer(RequestBodyLimitLayer::new(16 * 1024))
        .layer(axum::middleware::map_response(harden::not_a_page))
        .layer(trace)
        .with_state(state)
}

async fn healthz() -> &'static str {
    "ok"
}

/// Longest path (bytes) a log line shows; the rest is cut off.
pub const LOGGED_PATH_MAX: usize = 256;

/// `s` up to `max` bytes (on a character boundary), with a note of how much
/// was cut.
pub fn cut_short(s: &str, max: usize) -> std::borrow::Cow<'_, str> {
    if s.len() <= max {
        return s.into();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…[{} bytes cut]", &s[..end], s.len() - end).into()
}

async fn api(State(state): State<Arc<AppState>>, req: Request) -> Response {
    let ip = listen::peer(&req).map_or(std::net::IpAddr::from([0, 0, 0, 0]), |a| a.ip());
    let Some(_ticket) = state.api_limit.enter(ip).await else {
        return guard::too_many_in_flight();
    };
    let query = req.uri().query();
    match &state.backend {
        Backend::Upstream(up) => up.forward(query).await,
        Backend::Simulator(sim) => sim.handle(query.unwrap_or("")).await,
    }
}

async fn sim_control(
    State(state): State<Arc<AppState>>,
    Path(action): Path<String>,
    req: Request,
) -> Response {
    match &state.backend {
        Backend::Simulator(sim) if sim.control_enabled() => {
            if !simulate::control_allowed(&req) {
                return envelope::error(
                    axum::http::StatusCode::FORBIDDEN,
                    "relay: the control surface answers loopback clients only",
                );
            }
            sim.control(&action, req.uri().query().unwrap_or(""))
        }
        _ => envelope::not_found(),
    }
}

async fn fallback(State(state): State<Arc<AppState>>, req: Request) -> Response {
    match &state.site {
        Some(site) => site.serve(req).await,
        None => envelope::not_found(),
    }
    .into_response()
}

/// Serves until SIGINT or SIGTERM, then drains open requests.
pub async fn run(config: Config, listener: TcpListener) -> Result<(), Error> {
    run_until(config, listener, shutdown_signal()).await
}

/// Serves until `shutdown` completes. Prints the start-up line
/// `smsrent-relay listening on http://ADDR[BASE]` on stdout first.
pub async fn run_until(
    config: Config,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), Error> {
    let local = listener.local_addr()?;
    let state = AppState::new(config, local)?;
    let suffix = if state.base == "/" { String::new() } else { state.base.clone() };
    match &state.backend {
        Backend::Upstream(up) => {
            tracing::info!(upstream = %up.endpoint(), "forwarding");
        }
        Backend::Simulator(sim) => {
            tracing::info!(control = sim.control_enabled(), "hosting the simulator");
        }
    }
    let limits = state.config.listen_limits();
    println!("smsrent-relay listening on http://{local}{suffix}");
    listen::serve(listener, router(state), limits, shutdown).await;
    tracing::info!("stopped");
    Ok(())
}

/// Completes on SIGINT (Ctrl-C) or SIGTERM. The handlers are installed when
/// this is called (inside a Tokio runtime), not when the future is first
/// polled, so a signal sent right after the start-up line is never missed.
#[cfg(unix)]
pub fn shutdown_signal() -> impl Future<Output = ()> + Send + 'static {
    use tokio::signal::unix::{SignalKind, signal};
    let int = signal(SignalKind::interrupt());
    let term = signal(SignalKind::terminate());
    async move {
        match (int, term) {
            (Ok(mut int), Ok(mut term)) => {
                tokio::select! {
                    _ = int.recv() => {},
                    _ = term.recv() => {},
                }
            }
            _ => {
                tracing::warn!("cannot install signal handlers; stop with SIGKILL");
                std::future::pending::<()>().await;
            }
        }
        tracing::info!("shutting down");
    }
}

/// Completes on Ctrl-C.
#[cfg(not(unix))]
pub fn shutdown_signal() -> impl Future<Output = ()> + Send + 'static {
    async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
        tracing::info!("shutting down");
    }
}

/// Logs to stderr through the redacting writer; level from `RUST_LOG`
/// (`info`, `warn`, `smsrent_relay=debug`, ...; default `info`).
pub fn init_tracing() {
    use tracing_subscriber::filter::Targets;
    use tracing_subscriber::layer::SubscriberExt;
    use tracing_subscriber::util::SubscriberInitExt;
    let filter: Targets = std::env::var("RUST_LOG")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| Targets::new().with_default(tracing::Level::INFO));
    let fmt = tracing_subscriber::fmt::layer()
        .with_ansi(false)
        .with_writer(redact::RedactingMakeWriter::new(std::io::stderr));
    let _ = tracing_subscriber::registry().with(filter).with(fmt).try_init();
}
