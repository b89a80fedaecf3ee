//! Client configuration: [`ClientOptions`] for the three low-level clients and
//! [`ConnectionConfig`](crate::connection::ConnectionConfig) for the high-level API. The one place a `reqwest::Client` is built
//! is `transport::http`.

use std::fmt;
use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};

use crate::error::{Error, Result};
use crate::transport::retry::RetryPolicy;
use crate::transport::tls::TransportConfig;

/// The default whole-request timeout of unary calls.
pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// The default connect timeout.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// The default idle limit of streams (execd pings every 3 s).
pub const DEFAULT_STREAM_IDLE_TIMEOUT: Duration = Duration::from_secs(60);
/// The default largest unary response body (a larger one fails while it is read).
pub const DEFAULT_MAX_RESPONSE_BODY: u64 = 64 * 1024 * 1024;
pub use crate::stream::DEFAULT_MAX_EVENT_SIZE;

/// Options of every client: the high-level API ([`ConnectionConfig::options`](crate::ConnectionConfig::options))
/// and the typed clients of [`crate::api`]. Every default is a constant of this module.
///
/// Setters never fail: a header name or value that cannot be sent is reported as
/// [`Error::Config`] when a client is built from the options.
///
/// Unary calls get a whole-request timeout; streams (command output, downloads, metrics)
/// get none: they are bounded by the connect timeout and an idle watchdog instead.
///
/// If you pass your own `reqwest::Client` ([`ClientOptions::http_client`]), its TLS
/// configuration is yours: the SDK's key-strength policy and connect timeout apply only
/// to clients the SDK builds.
#[derive(Clone)]
#[non_exhaustive]
pub struct ClientOptions {
    pub(crate) http_client: Option<reqwest::Client>,
    pub(crate) request_timeout: Duration,
    pub(crate) connect_timeout: Duration,
    pub(crate) stream_idle_timeout: Duration,
    pub(crate) max_event_size: usize,
    pub(crate) max_response_body: u64,
    pub(crate) headers: HeaderMap,
    pub(crate) auth_header: Option<HeaderName>,
    pub(crate) user_agent: String,
    pub(crate) retry: RetryPolicy,
    pub(crate) transport: TransportConfig,
    /// Problems found by setters, reported when a client is built.
    invalid: Vec<String>,
}

impl Default for ClientOptions {
    fn default() -> Self {
        ClientOptions {
            http_client: None,
            request_timeout: DEFAULT_REQUEST_TIMEOUT,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            stream_idle_timeout: DEFAULT_STREAM_IDLE_TIMEOUT,
            max_event_size: DEFAULT_MAX_EVENT_SIZE,
            max_response_body: DEFAULT_MAX_RESPONSE_BODY,
            headers: HeaderMap::new(),
            auth_header: None,
            user_agent: format!("opensandbox-rust/{}", env!("CARGO_PKG_VERSION")),
            retry: RetryPolicy::default(),
            transport: TransportConfig::default(),
            invalid: Vec::new(),
        }
    }
}

impl fmt::Debug for ClientOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientOptions")
            .field(
                "http_client",
                &self.http_client.as_ref().map(|_| "caller-supplied"),
            )
            .field("request_timeout", &self.request_timeout)
            .field("connect_timeout", &self.connect_timeout)
            .field("stream_idle_timeout", &self.stream_idle_timeout)
            .field("max_event_size", &self.max_event_size)
            .field("headers", &self.headers.keys().collect::<Vec<_>>())
            .field("auth_header", &self.auth_header)
            .field("user_agent", &self.user_agent)
            .field("retry", &self.retry)
            .field("transport", &self.transport)
            .finish()
    }
}

impl ClientOptions {
    /// Default options.
    pub fn new() -> Self {
        Self::default()
    }

    /// Uses a caller-supplied `reqwest::Client` (its TLS policy and timeouts are yours).
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http_client = Some(client);
        self
    }

    /// Sets the whole-request timeout of unary calls (default 30 s).
    pub fn request_timeout(mut self, timeout: Duration) -> Self {
        self.request_timeout = timeout;
        self
    }

    /// Sets the connect timeout (default 10 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// Sets how long a stream may go without a byte before it fails (default 60 s).
    pub fn stream_idle_timeout(mut self, timeout: Duration) -> Self {
        self.stream_idle_timeout = timeout;
        self
    }

    /// Sets the largest single stream event accepted (default
    /// [`DEFAULT_MAX_EVENT_SIZE`]: 64 MiB of output plus its JSON envelope).
    pub fn max_event_size(mut self, bytes: usize) -> Self {
        self.max_event_size = bytes;
        self
    }

    /// Sets the largest body of a unary answer (JSON replies, command logs, line reads;
    /// default 64 MiB). A larger one fails with [`Error::Decode`] while it is read, never
    /// held whole; downloads and streams are not limited by it.
    pub fn max_response_body(mut self, bytes: u64) -> Self {
        self.max_response_body = bytes;
        self
    }

    /// Adds a header sent on every request. A name or value that cannot be sent (CR,
    /// LF, NUL, …) is reported as [`Error::Config`] when a client is built.
    #[must_use]
    pub fn header(mut self, name: &str, value: &str) -> Self {
        match header_pair(name, value) {
            Ok((n, v)) => {
                self.headers.insert(n, v);
            }
            Err(Error::Config(m)) => self.invalid.push(m),
            Err(e) => self.invalid.push(e.to_string()),
        }
        self
    }

    /// Adds headers sent on every request.
    pub fn headers(mut self, headers: HeaderMap) -> Self {
        self.headers.extend(headers);
        self
    }

    /// Overrides the name of the authentication header (an invalid name is reported
    /// when a client is built).
    #[must_use]
    pub fn auth_header(mut self, name: &str) -> Self {
        match HeaderName::from_bytes(name.as_bytes()) {
            Ok(n) => self.auth_header = Some(n),
            Err(_) => self
                .invalid
                .push(format!("invalid authentication header name {name:?}")),
        }
        self
    }

    /// Uses (`true`, the default) or ignores HTTP(S) proxies from the environment.
    #[must_use]
    pub fn use_env_proxy(mut self, use_it: bool) -> Self {
        self.transport.use_env_proxy = use_it;
        self
    }

    /// Sets the `User-Agent` (default `opensandbox-rust/<version>`).
    pub fn user_agent(mut self, ua: impl Into<String>) -> Self {
        self.user_agent = ua.into();
        self
    }

    /// Sets the retry policy. The default ([`RetryPolicy::new`]) retries what is safe to
    /// repeat up to 3 attempts in all; [`RetryPolicy::none`] turns retries off.
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Checks the settings a caller may have got wrong (when a client is built).
    pub(crate) fn validate(&self) -> Result<()> {
        if let Some(first) = self.invalid.first() {
            return Err(Error::Config(first.clone()));
        }
        for (what, d) in [
            ("connect timeout", self.connect_timeout),
            ("request timeout", self.request_timeout),
            ("stream idle timeout", self.stream_idle_timeout),
        ] {
            if d.is_zero() {
                return Err(Error::Config(format!(
                    "the {what} must be longer than zero (Duration::MAX means no limit)"
                )));
            }
        }
        if self.max_event_size == 0 {
            return Err(Error::Config(
                "the largest stream event cannot be 0 bytes".into(),
            ));
        }
        self.retry.validate().map_err(Error::Config)
    }

    /// The retry policy in force.
    pub fn retry_policy(&self) -> &RetryPolicy {
        &self.retry
    }

    /// Sets the TLS policy of SDK-built HTTP clients.
    pub fn transport(mut self, transport: TransportConfig) -> Self {
        self.transport = transport;
        self
    }
}

/// Parses a header name and value, with a clear error.
pub(crate) fn header_pair(name: &str, value: &str) -> Result<(HeaderName, HeaderValue)> {
    let n = HeaderName::from_bytes(name.as_bytes())
        .map_err(|_| Error::Config(format!("invalid header name {name:?}")))?;
    let mut v = HeaderValue::from_str(value)
        .map_err(|_| Error::Config(format!("invalid value for header {name:?}")))?;
    if is_sensitive(&n) {
        v.set_sensitive(true);
    }
    Ok((n, v))
}

/// Headers whose values are secrets (marked sensitive: `Debug` prints `Sensitive`, and
/// HTTP/2 never indexes them).
pub(crate) fn is_sensitive(name: &HeaderName) -> bool {
    let n = name.as_str();
    n == "authorization"
        || n == "proxy-authorization"
        || n.contains("key")
        || n.contains("token")
        || n.contains("auth")
        || n.contains("secret")
        || n.contains("cookie")
        || n.contains("access")
        || n.contains("credential")
        || n.contains("password")
        || n.contains("signature")
}
