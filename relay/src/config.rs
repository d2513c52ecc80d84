//! Command-line flags.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::Parser;

/// Known rent API hosts; any other upstream needs `--allow-custom-upstream`.
pub const KNOWN_UPSTREAM_HOSTS: &[&str] = &["smspva.com", "simsms.org"];

/// Largest upstream answer forwarded, in bytes (4 MiB).
pub const DEFAULT_UPSTREAM_BODY_LIMIT: usize = 4 * 1024 * 1024;

/// CORS relay for the smsrent app: forwards GET /api/rent.php?QUERY to the
/// SMSPVA rent API (or hosts the built-in simulator), optionally serves the
/// built app on the same origin. It is not an open proxy: every other path,
/// method and target is refused with a JSON error in the API's envelope.
///
/// Logs go to stderr (level from RUST_LOG, e.g. `info` or
/// `smsrent_relay=debug`; default info); the `apikey` value is redacted
/// everywhere.
#[derive(Debug, Clone, Parser)]
#[command(name = "smsrent-relay", version, max_term_width = 100)]
pub struct Config {
    /// Address to listen on. Port 0 picks a free port; the start-up line
    /// (`smsrent-relay listening on http://ADDR`) shows the real one.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8787")]
    pub listen: SocketAddr,

    /// Rent API host to forward to: https://smspva.com or https://simsms.org.
    /// Any other host (or plain http) needs --allow-custom-upstream. TLS
    /// certificates are always verified.
    #[arg(
        long,
        value_name = "URL",
        default_value = "https://smspva.com",
        conflicts_with = "simulate"
    )]
    pub upstream: String,

    /// Accept an upstream that is not a known host, over http too (a
    /// self-hosted mirror, a local fake for tests).
    #[arg(long)]
    pub allow_custom_upstream: bool,

    /// Seconds to wait for the upstream's whole answer; past that the app
    /// gets 504 in the API envelope. Fractions allowed.
    #[arg(long, value_name = "SECS", default_value_t = 20.0, value_parser = parse_secs)]
    pub upstream_timeout_secs: f64,

    /// Largest upstream answer forwarded, in bytes; a bigger one becomes 502
    /// in the API envelope.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_UPSTREAM_BODY_LIMIT)]
    pub upstream_body_limit: usize,

    /// Also serve the built app (a Trunk dist/ folder) on the same origin, so
    /// it needs no CORS. Hashed assets are cached for a year; index.html,
    /// sw.js and the manifest are revalidated; unknown paths without an
    /// extension fall back to index.html (deep links).
    #[arg(long, value_name = "DIR")]
    pub serve: Option<PathBuf>,

    /// With --serve: an extra origin the app may call (its Content-Security-
    /// Policy allows this origin, the known providers and the relay itself;
    /// repeatable), for users whose endpoint is a relay elsewhere.
    #[arg(long = "connect-src", value_name = "ORIGIN")]
    pub connect_src: Vec<String>,

    /// Mount the app and the API under this prefix, e.g. /smsrent/ (the app
    /// then calls /smsrent/api/rent.php). /healthz stays at the root too.
    #[arg(long, value_name = "PATH", default_value = "/", value_parser = parse_base_path)]
    pub base_path: String,

    /// Origin allowed to call the API from another origin (repeatable; `*`
    /// allows any). Default: http://127.0.0.1:8080, http://localhost:8080 and
    /// http://[::1]:8080 (trunk serve) and the same three hosts on the
    /// relay's own port.
    #[arg(long = "allow-origin", value_name = "ORIGIN")]
    pub allow_origins: Vec<String>,

    /// Host name accepted in the Host header besides the loopback names and
    /// the listen address (repeatable; `*` accepts any). Needed behind a
    /// reverse proxy or a DNS name. When listening on an unspecified address
    /// (0.0.0.0) without this flag, any Host is accepted.
    #[arg(long = "allow-host", value_name = "HOST")]
    pub allow_hosts: Vec<String>,

    /// Most API calls forwarded (or simulated) at once; more wait their
    /// turn. The app's files, /healthz and refusals never wait behind them.
    #[arg(long, value_name = "N", default_value_t = 32, value_parser = clap::value_parser!(u32).range(1..))]
    pub max_concurrency: u32,

    /// Most API calls in flight from one client IP; past that the app gets
    /// 429 in the API envelope at once (one client cannot hold every slot).
    #[arg(long, value_name = "N", default_value_t = 8, value_parser = clap::value_parser!(u32).range(1..))]
    pub max_concurrency_per_client: u32,

    /// Seconds a client has to send a request's headers, counted from the
    /// connection's opening or from the previous answer (so it is also the
    /// idle keep-alive timeout); past that the connection is closed.
    #[arg(long, value_name = "SECS", default_value_t = 10.0, value_parser = parse_secs)]
    pub header_timeout_secs: f64,

    /// Most connections open at once; more wait in the system's backlog
    /// until one closes.
    #[arg(long, value_name = "N", default_value_t = 512, value_parser = clap::value_parser!(u32).range(1..))]
    pub max_connections: u32,

    /// API requests allowed per client IP and minute (a token bucket holding
    /// one minute's worth); past that the app gets 429 in the API envelope.
    /// 0 turns the limit off. Static files are not counted.
    #[arg(long, value_name = "N", default_value_t = 120)]
    pub rate_per_minute: u32,

    /// Host the built-in simulator of the rent API instead of forwarding to
    /// an upstream (starts from the simulator's test settings).
    #[arg(long, help_heading = "Simulator")]
    pub simulate: bool,

    /// Simulator: random seed (default: the settings' own).
    #[arg(long, value_name = "N", requires = "simulate", help_heading = "Simulator")]
    pub seed: Option<u64>,

    /// Simulator: answer with the known real-world drifts (strings for
    /// numbers and so on).
    #[arg(long, requires = "simulate", help_heading = "Simulator")]
    pub drift: bool,

    /// Simulator: share of requests answered with a failure, 0 to 1.
    #[arg(long, value_name = "F", requires = "simulate", value_parser = parse_rate, help_heading = "Simulator")]
    pub fail_rate: Option<f64>,

    /// Simulator: milliseconds to wait before each answer.
    #[arg(long, value_name = "MS", requires = "simulate", help_heading = "Simulator")]
    pub latency_ms: Option<u64>,

    /// Simulator: start from the demo settings (real-time activation and
    /// SMS) instead of the test settings.
    #[arg(long, requires = "simulate", help_heading = "Simulator")]
    pub demo_clock: bool,

    /// Simulator: turn on the test control surface, GET /_sim/ACTION?QUERY.
    /// Off by default (404); never use it on a shared host.
    #[arg(long, requires = "simulate", help_heading = "Simulator")]
    pub control: bool,
}

impl Config {
    /// The upstream timeout as a duration.
    pub fn upstream_timeout(&self) -> std::time::Duration {
        std::time::Duration::from_secs_f64(self.upstream_timeout_secs)
    }

    /// The connection limits for the accept loop.
    pub fn listen_limits(&self) -> crate::listen::Limits {
        crate::listen::Limits {
            header_timeout: std::time::Duration::from_secs_f64(self.header_timeout_secs),
            max_connections: self.max_connections as usize,
        }
    }
}

/// `s` when it is exactly an http(s) origin (`scheme://host[:port]`, one
/// trailing `/` allowed and dropped); these values go into headers, so
/// anything else (a path, a quote, a space, a CR) is refused.
pub fn clean_origin(s: &str) -> Result<String, String> {
    let refuse = || format!("not a plain origin (scheme://host[:port]): {s:?}");
    let plain =
        |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-' | b':' | b'/' | b'[' | b']');
    if !s.bytes().all(plain) {
        return Err(refuse());
    }
    let trimmed = s.strip_suffix('/').unwrap_or(s);
    let url = reqwest::Url::parse(trimmed).map_err(|_| refuse())?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(refuse());
    }
    let origin = url.origin().ascii_serialization();
    if origin != trimmed.to_ascii_lowercase() {
        return Err(refuse());
    }
    Ok(origin)
}

fn parse_secs(s: &str) -> Result<f64, String> {
    let v: f64 = s.parse().map_err(|_| format!("not a number of seconds: {s}"))?;
    if v.is_finite() && v > 0.0 && v <= 3600.0 {
        Ok(v)
    } else {
        Err("must be more than 0 and at most 3600".into())
    }
}

fn parse_rate(s: &str) -> Result<f64, String> {
    let v: f64 = s.parse().map_err(|_| format!("not a number: {s}"))?;
    if (0.0..=1.0).contains(&v) { Ok(v) } else { Err("must be between 0 and 1".into()) }
}

/// Normalises a base path to `/` or `/seg/.../` (leading and trailing slash).
pub fn parse_base_path(s: &str) -> Result<String, String> {
    let trimmed = s.trim().trim_matches('/');
    if trimmed.is_empty() {
        return Ok("/".into());
    }
    let ok = trimmed.split('/').all(|seg| {
        !seg.is_empty()
            && seg != "."
            && seg != ".."
            && seg
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.' | b'~'))
    });
    if ok { Ok(format!("/{trimmed}/")) } else { Err(format!("not a plain path prefix: {s}")) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_consistent() {
        Config::command().debug_assert();
    }

    #[test]
    fn defaults() {
        let c = Config::try_parse_from(["smsrent-relay"]).unwrap();
        assert_eq!(c.listen.to_string(), "127.0.0.1:8787");
        assert_eq!(c.upstream, "https://smspva.com");
        assert_eq!(c.upstream_timeout_secs, 20.0);
        assert_eq!(c.upstream_body_limit, 4 << 20);
        assert_eq!(c.max_concurrency, 32);
        assert_eq!(c.max_concurrency_per_client, 8);
        assert_eq!(c.header_timeout_secs, 10.0);
        assert_eq!(c.max_connections, 512);
        assert_eq!(c.rate_per_minute, 120);
        assert_eq!(c.base_path, "/");
        assert!(!c.simulate && !c.control);
    }

    #[test]
    fn simulator_flags_need_simulate() {
        assert!(Config::try_parse_from(["r", "--control"]).is_err());
        assert!(Config::try_parse_from(["r", "--seed", "3"]).is_err());
        let c = Config::try_parse_from(["r", "--simulate", "--seed", "3", "--control", "--drift"])
            .unwrap();
        assert_eq!(c.seed, Some(3));
        assert!(Config::try_parse_from(["r", "--simulate", "--fail-rate", "1.5"]).is_err());
        assert!(
            Config::try_parse_from(["r", "--simulate", "--upstream", "https://simsms.org"])
                .is_err()
        );
    }

    #[test]
    fn base_paths() {
        assert_eq!(parse_base_path("/").unwrap(), "/");
        assert_eq!(parse_base_path("").unwrap(), "/");
        assert_eq!(parse_base_path("/smsrent/").unwrap(), "/smsrent/");
        assert_eq!(parse_base_path("smsrent").unwrap(), "/smsrent/");
        assert_eq!(parse_base_path("/a/b").unwrap(), "/a/b/");
        assert!(parse_base_path("/a/../b").is_err());
        assert!(parse_base_path("/a%2e").is_err());
        assert!(parse_base_path("/a//b").is_err());
    }

    #[test]
    fn timeouts() {
        assert!(Config::try_parse_from(["r", "--upstream-timeout-secs", "0"]).is_err());
        let c = Config::try_parse_from(["r", "--upstream-timeout-secs", "0.25"]).unwrap();
        assert_eq!(c.upstream_timeout().as_millis(), 250);
    }

    #[test]
    fn origins_must_be_clean() {
        assert_eq!(clean_origin("https://relay.example").unwrap(), "https://relay.example");
        assert_eq!(clean_origin("https://relay.example/").unwrap(), "https://relay.example");
        assert_eq!(clean_origin("http://127.0.0.1:8080").unwrap(), "http://127.0.0.1:8080");
        for bad in [
            "https://relay.example\r",
            "https://relay.example\r\n",
            " https://relay.example",
            "https://relay.example/path",
            "https://relay.example; script-src *",
            "https://relay.example'",
            "https://user@relay.example",
            "https://relay.example?x",
            "javascript:alert(1)",
            "relay.example",
            "*",
            "",
        ] {
            assert!(clean_origin(bad).is_err(), "{bad:?}");
        }
    }
}
