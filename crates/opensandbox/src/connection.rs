//! [`ConnectionConfig`]: where the lifecycle server is and how to talk to it, for the
//! high-level API (`Sandbox`, `SandboxManager`) and for building clients.
//!
//! ```no_run
//! # async fn demo() -> opensandbox::Result<()> {
//! use std::time::Duration;
//! use opensandbox::{ClientOptions, ConnectionConfig, RetryPolicy};
//! let config = ConnectionConfig::new()
//!     .domain("sandbox.example.com:8443")
//!     .protocol("https")
//!     .api_key("my-key")
//!     .options(
//!         ClientOptions::new()
//!             .request_timeout(Duration::from_secs(60))
//!             .retry(RetryPolicy::new()),
//!     );
//! assert_eq!(config.lifecycle_base_url()?, "https://sandbox.example.com:8443/v1");
//! let lifecycle = config.lifecycle_client()?;
//! # let _ = lifecycle; Ok(()) }
//! ```

use std::fmt;
use std::sync::Arc;

use crate::config::ClientOptions;
use crate::error::{Error, Result};
use crate::lifecycle::LifecycleClient;
use crate::secret::Secret;

/// Environment variable holding the lifecycle API key.
pub const ENV_API_KEY: &str = "OPEN_SANDBOX_API_KEY";
/// Environment variable holding the lifecycle server's domain (`host:port` or a URL).
pub const ENV_DOMAIN: &str = "OPEN_SANDBOX_DOMAIN";
/// Environment variable holding the protocol (`http` or `https`).
pub const ENV_PROTOCOL: &str = "OPEN_SANDBOX_PROTOCOL";
/// The domain used when none is configured or in the environment.
pub const DEFAULT_DOMAIN: &str = "localhost:8080";
/// The protocol used when none is configured or in the environment.
pub const DEFAULT_PROTOCOL: &str = "http";

/// Rewrites the address of a sandbox endpoint: receives the `host[:port]` the server
/// returned (e.g. a pod IP or a Docker-internal address) and returns the `host[:port]`
/// to connect to instead. Scheme and path are kept.
pub type EndpointHostRewrite = Arc<dyn Fn(&str) -> String + Send + Sync>;

/// Where the lifecycle server is and how to talk to it.
///
/// Unset values fall back to the environment when they are used, then to defaults:
/// the domain to `OPEN_SANDBOX_DOMAIN` then `localhost:8080`, the protocol to
/// `OPEN_SANDBOX_PROTOCOL` then `http`, the API key to `OPEN_SANDBOX_API_KEY` then none.
/// [`ConnectionConfig::from_env`] reads them once, up front, and checks them.
///
/// The domain is `host[:port]`, optionally with a path prefix, or a full URL whose
/// scheme wins over the protocol and whose path prefix is kept; `/v1` is appended once
/// (never twice): `localhost:8080` → `http://localhost:8080/v1`,
/// `https://gw.example.com/opensandbox/` → `https://gw.example.com/opensandbox/v1`,
/// `http://h/v1` → `http://h/v1`.
///
/// Timeouts, headers, retries, TLS and the HTTP client are [`ClientOptions`], set with
/// [`ConnectionConfig::options`]: one type holds them for every client.
///
/// HTTP(S) proxies from the environment (`HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY`,
/// `NO_PROXY`) are used by default; turn that off in the options'
/// [`TransportConfig`](crate::TransportConfig). The API key is a [`Secret`]: `Debug` shows `***`,
/// and it is sent only to the lifecycle server, never to sandbox endpoints.
#[derive(Clone, Default)]
#[non_exhaustive]
pub struct ConnectionConfig {
    domain: Option<String>,
    protocol: Option<String>,
    api_key: Option<Secret>,
    options: ClientOptions,
    use_server_proxy: bool,
    endpoint_host_rewrite: Option<EndpointHostRewrite>,
    execd_access_token: Option<Secret>,
    egress_auth_token: Option<Secret>,
    /// Tests read a fake environment instead of the process's.
    #[cfg(test)]
    fake_env: Option<std::collections::HashMap<String, String>>,
}

impl fmt::Debug for ConnectionConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ConnectionConfig")
            .field(
                "domain",
                &self
                    .domain
                    .as_deref()
                    .map(crate::transport::redact_userinfo),
            )
            .field("protocol", &self.protocol)
            .field("api_key", &self.api_key)
            .field("options", &self.options)
            .field("use_server_proxy", &self.use_server_proxy)
            .field(
                "endpoint_host_rewrite",
                &self.endpoint_host_rewrite.as_ref().map(|_| "<fn>"),
            )
            .field("execd_access_token", &self.execd_access_token)
            .field("egress_auth_token", &self.egress_auth_token)
            .finish()
    }
}

impl ConnectionConfig {
    /// Nothing set: every value falls back to the environment, then to the defaults.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads `OPEN_SANDBOX_DOMAIN`, `OPEN_SANDBOX_PROTOCOL` and `OPEN_SANDBOX_API_KEY`
    /// now (unset or empty variables leave the value unset) and checks that they make a
    /// valid base URL.
    ///
    /// # Errors
    ///
    /// [`Error::Config`] when the variables do not make a valid base
    /// URL.
    pub fn from_env() -> Result<Self> {
        Self::from_lookup(&env)
    }

    fn from_lookup(lookup: &dyn Fn(&str) -> Option<String>) -> Result<Self> {
        let mut config = Self::new();
        config.domain = lookup(ENV_DOMAIN);
        config.protocol = lookup(ENV_PROTOCOL);
        config.api_key = lookup(ENV_API_KEY).map(Secret::new);
        config.lifecycle_base_url()?;
        Ok(config)
    }

    /// An environment variable (the fake environment in tests).
    fn lookup(&self, name: &str) -> Option<String> {
        #[cfg(test)]
        if let Some(fake) = &self.fake_env {
            return fake
                .get(name)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty());
        }
        env(name)
    }

    /// Sets the lifecycle server: `host[:port][/prefix]` or a full URL.
    pub fn domain(mut self, domain: impl Into<String>) -> Self {
        self.domain = Some(domain.into());
        self
    }

    /// Sets the protocol, `http` or `https` (a scheme in the domain wins). Read the
    /// protocol in effect with [`ConnectionConfig::effective_protocol`].
    #[must_use]
    pub fn protocol(mut self, protocol: impl Into<String>) -> Self {
        self.protocol = Some(protocol.into());
        self
    }

    /// Sets the lifecycle API key (an empty key sends none, for servers without auth).
    pub fn api_key(mut self, key: impl Into<Secret>) -> Self {
        self.api_key = Some(key.into());
        self
    }

    /// Sets the execd access token (`X-EXECD-ACCESS-TOKEN`) for deployments that give it
    /// out of band. It is sent to execd endpoints only; a token the endpoint API returns
    /// in the endpoint's headers takes precedence.
    pub fn execd_access_token(mut self, token: impl Into<Secret>) -> Self {
        self.execd_access_token = Some(token.into());
        self
    }

    /// Sets the egress sidecar token (`OPENSANDBOX-EGRESS-AUTH`) for deployments that give
    /// it out of band. It is sent to egress endpoints only; a token the endpoint API
    /// returns in the endpoint's headers takes precedence.
    pub fn egress_auth_token(mut self, token: impl Into<Secret>) -> Self {
        self.egress_auth_token = Some(token.into());
        self
    }

    /// The configured execd access token (empty when none).
    pub(crate) fn execd_token(&self) -> Secret {
        self.execd_access_token.clone().unwrap_or_default()
    }

    /// The configured egress token (empty when none).
    pub(crate) fn egress_token(&self) -> Secret {
        self.egress_auth_token.clone().unwrap_or_default()
    }

    /// Sets the client options: timeouts, headers, retries, TLS, limits (headers go to
    /// the lifecycle server; sandbox endpoints get the harmless ones only).
    #[must_use]
    pub fn options(mut self, options: ClientOptions) -> Self {
        self.options = options;
        self
    }

    /// Reaches sandbox endpoints through the lifecycle server's proxy (default off).
    /// Read it with [`ConnectionConfig::uses_server_proxy`].
    #[must_use]
    pub fn server_proxy(mut self, on: bool) -> Self {
        self.use_server_proxy = on;
        self
    }

    /// Rewrites the `host[:port]` of every sandbox endpoint the server returns.
    pub fn endpoint_host_rewrite<F>(mut self, rewrite: F) -> Self
    where
        F: Fn(&str) -> String + Send + Sync + 'static,
    {
        self.endpoint_host_rewrite = Some(Arc::new(rewrite));
        self
    }

    /// The domain in effect (configured, else `OPEN_SANDBOX_DOMAIN`, else
    /// `localhost:8080`).
    pub fn effective_domain(&self) -> String {
        self.domain
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .map(str::to_owned)
            .or_else(|| self.lookup(ENV_DOMAIN))
            .unwrap_or_else(|| DEFAULT_DOMAIN.to_string())
    }

    fn configured_protocol(&self) -> Option<String> {
        self.protocol
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_owned)
            .or_else(|| self.lookup(ENV_PROTOCOL))
    }

    /// The protocol in effect: the domain's scheme when it has one, else the configured
    /// protocol, else `OPEN_SANDBOX_PROTOCOL`, else `http`. Sandbox endpoints (which come
    /// without a scheme) are reached with it. An invalid value reads as `http` here and
    /// is reported by [`ConnectionConfig::lifecycle_base_url`].
    #[must_use]
    pub fn effective_protocol(&self) -> &'static str {
        let domain = self.effective_domain();
        let chosen = match domain.split_once("://") {
            Some((scheme, _)) => Some(scheme.to_string()),
            None => self.configured_protocol(),
        };
        match chosen.map(|p| p.to_ascii_lowercase()).as_deref() {
            Some("https") => "https",
            _ => "http",
        }
    }

    /// The lifecycle API key in effect (configured, else `OPEN_SANDBOX_API_KEY`, else
    /// empty: no key is sent).
    pub fn api_key_secret(&self) -> Secret {
        self.api_key
            .clone()
            .or_else(|| self.lookup(ENV_API_KEY).map(Secret::new))
            .unwrap_or_default()
    }

    /// Whether sandbox endpoints are reached through the server proxy.
    #[must_use]
    pub fn uses_server_proxy(&self) -> bool {
        self.use_server_proxy
    }

    /// The lifecycle API's base URL, `…/v1`.
    ///
    /// # Errors
    ///
    /// [`Error::Config`] for a domain or protocol that does not make
    /// an http(s) URL, or a domain with credentials, a query or a fragment.
    pub fn lifecycle_base_url(&self) -> Result<String> {
        let raw = self.effective_domain();
        let domain = crate::transport::redact_userinfo(&raw);
        let full = if raw.contains("://") {
            raw.clone()
        } else {
            let protocol = self
                .configured_protocol()
                .unwrap_or_else(|| DEFAULT_PROTOCOL.to_string())
                .to_ascii_lowercase();
            if protocol != "http" && protocol != "https" {
                return Err(Error::Config(format!(
                    "protocol must be http or https, not {protocol:?}"
                )));
            }
            format!("{protocol}://{raw}")
        };
        let mut url = url::Url::parse(&full)
            .map_err(|e| Error::Config(format!("invalid domain {domain:?}: {e}")))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(Error::Config(format!(
                "domain {domain:?} must use http or https"
            )));
        }
        if url.host_str().is_none_or(str::is_empty) {
            return Err(Error::Config(format!("domain {domain:?} has no host")));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(Error::Config(format!(
                "domain {domain:?} must not carry credentials; use ConnectionConfig::api_key \
                 or a header"
            )));
        }
        if url.query().is_some() || url.fragment().is_some() {
            return Err(Error::Config(format!(
                "domain {domain:?} must not have a query or fragment"
            )));
        }
        let prefix = url.path().trim_end_matches('/').to_string();
        let path = if prefix.ends_with("/v1") {
            prefix
        } else {
            format!("{prefix}/v1")
        };
        url.set_path(&path);
        Ok(url.as_str().trim_end_matches('/').to_string())
    }

    /// Options for building clients: timeouts, headers, TLS policy, retries (and the
    /// caller's HTTP client, if any). The API key is not among them: pass
    /// [`ConnectionConfig::api_key_secret`] to the lifecycle client only.
    #[must_use]
    pub fn client_options(&self) -> ClientOptions {
        self.options.clone()
    }

    /// A lifecycle client for this configuration.
    ///
    /// # Errors
    ///
    /// [`Error::Config`] for an invalid domain, protocol, header or option.
    pub fn lifecycle_client(&self) -> Result<LifecycleClient> {
        LifecycleClient::with_options(
            &self.lifecycle_base_url()?,
            self.api_key_secret(),
            self.client_options(),
        )
    }

    /// Applies the endpoint host rewrite to `url` (`scheme://host[:port][/path]`);
    /// returns it unchanged without a rewrite.
    ///
    /// # Errors
    ///
    /// [`Error::Config`] when `url` has no scheme or the rewrite
    /// returns something other than `host[:port]`.
    pub fn rewrite_endpoint_url(&self, url: &str) -> Result<String> {
        let Some(rewrite) = &self.endpoint_host_rewrite else {
            return Ok(url.to_string());
        };
        let (scheme, rest) = url
            .split_once("://")
            .ok_or_else(|| Error::Config(format!("endpoint {url:?} has no scheme")))?;
        let split = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let (authority, tail) = rest.split_at(split);
        let host = rewrite(authority);
        let host = host.trim().trim_end_matches('/');
        if host.is_empty() || host.contains(['/', '?', '#', ' ']) {
            return Err(Error::Config(format!(
                "the endpoint host rewrite returned {host:?} for {authority:?}; expected host[:port]"
            )));
        }
        Ok(format!("{scheme}://{host}{tail}"))
    }
}

/// An environment variable, `None` when unset, empty or not UTF-8.
fn env(name: &str) -> Option<String> {
    std::env::var(name)
        .ok()
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// A config reading a fake environment (nothing set by default).
    fn cfg(vars: &[(&str, &str)]) -> ConnectionConfig {
        let mut c = ConnectionConfig::new();
        c.fake_env = Some(
            vars.iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        );
        c
    }

    fn new() -> ConnectionConfig {
        cfg(&[])
    }

    fn base(c: ConnectionConfig) -> String {
        c.lifecycle_base_url().unwrap()
    }

    fn from_vars(vars: &[(&str, &str)]) -> Result<ConnectionConfig> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let lookup = move |n: &str| map.get(n).cloned().filter(|v| !v.is_empty());
        let mut c = ConnectionConfig::from_lookup(&lookup)?;
        c.fake_env = Some(HashMap::new());
        Ok(c)
    }

    #[test]
    fn host_port_gets_protocol_and_v1() {
        assert_eq!(base(new()), "http://localhost:8080/v1");
        assert_eq!(base(new().domain("h:9000")), "http://h:9000/v1");
        assert_eq!(
            base(new().domain("h:9000").protocol("HTTPS")),
            "https://h:9000/v1"
        );
        assert_eq!(
            base(new().domain("h:9000/prefix/")),
            "http://h:9000/prefix/v1"
        );
    }

    #[test]
    fn full_urls_keep_scheme_and_prefix_and_never_double_v1() {
        let c = new().domain("https://h/prefix").protocol("http");
        assert_eq!(c.lifecycle_base_url().unwrap(), "https://h/prefix/v1");
        assert_eq!(c.effective_protocol(), "https");
        assert_eq!(base(new().domain("http://h/v1")), "http://h/v1");
        assert_eq!(base(new().domain("http://h/v1/")), "http://h/v1");
        assert_eq!(base(new().domain("http://h:1//")), "http://h:1/v1");
        assert_eq!(
            base(new().domain("https://gw.example.com/a/b/")),
            "https://gw.example.com/a/b/v1"
        );
        assert_eq!(base(new().domain("  http://h/x/v1///  ")), "http://h/x/v1");
    }

    #[test]
    fn invalid_domains_and_protocols_are_config_errors() {
        for c in [
            new().domain("ftp://h"),
            new().domain("h").protocol("ftp"),
            new().domain("http://h/?a=1"),
            new().domain("http://"),
            new().domain("http://u:pw-secret@h"),
        ] {
            match c.lifecycle_base_url() {
                Err(Error::Config(m)) => assert!(!m.contains("pw-secret"), "{m}"),
                other => panic!("{c:?}: {other:?}"),
            }
        }
    }

    #[test]
    fn env_fallbacks_apply_when_unset() {
        let c = cfg(&[
            (ENV_DOMAIN, "env-host:1234"),
            (ENV_PROTOCOL, "https"),
            (ENV_API_KEY, "env-key"),
        ]);
        assert_eq!(c.lifecycle_base_url().unwrap(), "https://env-host:1234/v1");
        assert_eq!(c.effective_protocol(), "https");
        assert_eq!(c.api_key_secret().expose(), "env-key");
        // Configured values win.
        let c = c.domain("mine:1").protocol("http").api_key("mine");
        assert_eq!(c.lifecycle_base_url().unwrap(), "http://mine:1/v1");
        assert_eq!(c.api_key_secret().expose(), "mine");
        // An explicitly empty key means "no key", not "use the environment".
        let c = cfg(&[(ENV_API_KEY, "env-key")]).api_key("");
        assert!(c.api_key_secret().is_empty());
        // Empty variables count as unset.
        let c = cfg(&[(ENV_DOMAIN, " "), (ENV_PROTOCOL, "")]);
        assert_eq!(c.lifecycle_base_url().unwrap(), "http://localhost:8080/v1");
        // A URL in the environment: its scheme wins over the protocol variable.
        let c = cfg(&[(ENV_DOMAIN, "https://gw/os"), (ENV_PROTOCOL, "http")]);
        assert_eq!(c.lifecycle_base_url().unwrap(), "https://gw/os/v1");
        assert_eq!(c.effective_protocol(), "https");
    }

    #[test]
    fn from_env_reads_and_checks() {
        let c = from_vars(&[
            (ENV_DOMAIN, "https://env.example.com/os"),
            (ENV_API_KEY, "k"),
        ])
        .unwrap();
        assert_eq!(
            c.lifecycle_base_url().unwrap(),
            "https://env.example.com/os/v1"
        );
        assert_eq!(c.api_key_secret().expose(), "k");
        assert!(!format!("{c:?}").contains("\"k\""));
        assert!(matches!(
            from_vars(&[(ENV_PROTOCOL, "gopher")]),
            Err(Error::Config(_))
        ));
        let c = from_vars(&[(ENV_DOMAIN, "")]).unwrap();
        assert_eq!(c.lifecycle_base_url().unwrap(), "http://localhost:8080/v1");
        assert!(c.api_key_secret().is_empty());
    }

    /// The one test that changes the real process environment: the lookups are wired to
    /// it. Serialised by a mutex (any future test touching these variables must hold
    /// it), and the previous values are restored.
    #[test]
    fn real_environment_is_read() {
        static ENV_LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
        let _lock = ENV_LOCK.lock().unwrap_or_else(|e| e.into_inner());
        let saved: Vec<_> = [ENV_DOMAIN, ENV_API_KEY]
            .into_iter()
            .map(|n| (n, std::env::var_os(n)))
            .collect();
        // SAFETY: edition 2024 marks environment writes unsafe because another thread
        // may read the environment through libc at the same time. Only this test writes
        // these variables, under ENV_LOCK, and the rest of this crate's tests read them
        // through a fake environment.
        unsafe {
            std::env::set_var(ENV_DOMAIN, "real-env-host:9");
            std::env::set_var(ENV_API_KEY, "real-env-key");
        }
        let from_env = ConnectionConfig::from_env();
        let lazy = ConnectionConfig::new();
        let (lazy_url, lazy_key) = (lazy.lifecycle_base_url(), lazy.api_key_secret());
        for (name, value) in saved {
            // SAFETY: as above.
            unsafe {
                match value {
                    Some(v) => std::env::set_var(name, v),
                    None => std::env::remove_var(name),
                }
            }
        }
        let from_env = from_env.unwrap();
        assert_eq!(from_env.effective_domain(), "real-env-host:9");
        assert_eq!(from_env.api_key_secret().expose(), "real-env-key");
        assert_eq!(lazy_url.unwrap(), "http://real-env-host:9/v1");
        assert_eq!(lazy_key.expose(), "real-env-key");
    }

    #[test]
    fn endpoint_host_rewrite_keeps_scheme_and_path() {
        let c = new().endpoint_host_rewrite(|h| h.replace("172.17.0.2", "localhost"));
        assert_eq!(
            c.rewrite_endpoint_url("http://172.17.0.2:44772/proxy/8080")
                .unwrap(),
            "http://localhost:44772/proxy/8080"
        );
        assert_eq!(
            c.rewrite_endpoint_url("https://172.17.0.2").unwrap(),
            "https://localhost"
        );
        assert_eq!(
            new().rewrite_endpoint_url("http://a:1/x").unwrap(),
            "http://a:1/x"
        );
        let bad = new().endpoint_host_rewrite(|_| "a/b".into());
        assert!(bad.rewrite_endpoint_url("http://h/x").is_err());
        assert!(format!("{c:?}").contains("<fn>"));
    }

    #[test]
    fn client_options_carry_settings_but_not_the_key() {
        use crate::RetryPolicy;
        use std::time::Duration;
        let c = new().api_key("sekrit").options(
            ClientOptions::new()
                .header("X-Team", "a")
                .request_timeout(Duration::from_secs(5))
                .retry(RetryPolicy::new().max_attempts(2))
                .use_env_proxy(false),
        );
        let o = c.client_options();
        assert_eq!(o.request_timeout, Duration::from_secs(5));
        assert_eq!(o.retry.max_attempts, 2);
        assert!(!o.transport.use_env_proxy);
        assert_eq!(o.headers.get("x-team").unwrap(), "a");
        assert!(!format!("{o:?}").contains("sekrit"));
        let lc = c.lifecycle_client().unwrap();
        assert_eq!(lc.base_url(), "http://localhost:8080/v1");
        assert!(!format!("{lc:?} {c:?}").contains("sekrit"));
    }

    #[test]
    fn bad_headers_are_reported_when_a_client_is_built() {
        let c = new().options(ClientOptions::new().header("X-Team", "a\r\nX-Injected: 1"));
        match c.lifecycle_client() {
            Err(Error::Config(m)) => assert!(m.contains("X-Team"), "{m}"),
            other => panic!("{other:?}"),
        }
        let c = new().options(ClientOptions::new().auth_header("bad name"));
        assert!(matches!(c.lifecycle_client(), Err(Error::Config(_))));
    }
}
