//! [`Sandbox`] and [`SandboxManager`]: the high-level API.
//!
//! A [`Sandbox`] is one running sandbox: create it (it waits until the sandbox is
//! `Running` and execd answers), or connect to an existing one, then run commands and
//! code, move files, read metrics, adjust the network policy and fill the credential
//! vault. Execd (port 44772) and the egress sidecar (port 18080) are reached through the
//! endpoints the lifecycle API returns: their headers go on every request, and the
//! lifecycle API key never leaves for the sandbox.
//!
//! ```no_run
//! # async fn demo() -> opensandbox::Result<()> {
//! use opensandbox::{ConnectionConfig, Sandbox, SandboxCreateOptions};
//!
//! let config = ConnectionConfig::from_env()?;
//! let sandbox = Sandbox::create(&config, SandboxCreateOptions::new("python:3.12")).await?;
//! let run = sandbox.commands().run("python3 -c 'print(6 * 7)'").await?;
//! print!("{}", run.stdout);
//! sandbox.kill().await?;
//! # Ok(()) }
//! ```
//!
//! A [`SandboxManager`] manages sandboxes by id (list, pause, kill, snapshots,
//! diagnostics) without holding a `Sandbox`.

mod background;
mod create;
mod handles;
mod manager;

use std::fmt;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};

use crate::config::ClientOptions;
use crate::connection::ConnectionConfig;
use crate::egress::EgressClient;
use crate::error::{Error, Result};
use crate::execd::ExecdClient;
use crate::lifecycle::{LifecycleClient, types as lt};
use crate::vault::{self, CredentialVault, CredentialVaultPatch};

pub use background::{BackgroundCommand, ExitStatus, Follow, FollowOptions};
pub use create::{
    Action, DEFAULT_ENTRYPOINT, DEFAULT_POLL_INTERVAL, DEFAULT_READY_TIMEOUT,
    DEFAULT_RESOURCE_LIMITS, DEFAULT_TIMEOUT, MIN_TIMEOUT, NetworkPolicy, POOL_REF_EXTENSION,
    SandboxCreateOptions,
};
pub use handles::{Code, Commands, Egress, Files, Session};
pub use manager::{MAX_LIST_PAGES, SandboxManager};

/// The port execd listens on inside every sandbox.
pub const EXECD_PORT: u16 = 44772;
/// The port the egress sidecar listens on.
pub const EGRESS_PORT: u16 = 18080;

/// The lifecycle view of a sandbox (id, state, image, metadata, expiry, …).
pub type SandboxInfo = lt::Sandbox;

/// States a sandbox cannot leave on its own towards `Running`.
const DEAD_STATES: [&str; 3] = ["Failed", "Terminated", "Stopping"];

/// A resolved sandbox endpoint: the base URL (scheme added, path kept) and the headers
/// to send on every request to it. `Debug` shows header names only.
#[derive(Clone)]
#[non_exhaustive]
pub struct SandboxEndpoint {
    /// The base URL, e.g. `http://10.0.0.5:40123/proxy/44772` (no trailing slash).
    pub url: String,
    /// Headers to send on every request (values are marked sensitive).
    pub headers: HeaderMap,
}

impl fmt::Debug for SandboxEndpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SandboxEndpoint")
            .field("url", &self.url)
            .field("headers", &self.headers.keys().collect::<Vec<_>>())
            .finish()
    }
}

/// Options for [`Sandbox::connect_with`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ConnectOptions {
    /// Wait until the sandbox is `Running` and execd answers ping (default `true`).
    pub health_check: bool,
    /// How long to wait for that (default 30 s).
    pub ready_timeout: Duration,
}

impl Default for ConnectOptions {
    fn default() -> Self {
        ConnectOptions {
            health_check: true,
            ready_timeout: Duration::from_secs(30),
        }
    }
}

impl ConnectOptions {
    /// The defaults.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets whether to check health.
    pub fn health_check(mut self, enabled: bool) -> Self {
        self.health_check = enabled;
        self
    }

    /// Sets how long to wait for health.
    pub fn ready_timeout(mut self, timeout: Duration) -> Self {
        self.ready_timeout = timeout;
        self
    }
}

/// How to wait for a sandbox to be ready.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Readiness {
    pub(crate) timeout: Duration,
    pub(crate) health_check: bool,
    pub(crate) poll_interval: Duration,
}

/// One running sandbox. Cheap to clone (clones share endpoints).
///
/// See the [module documentation](self) for an example.
#[derive(Clone)]
pub struct Sandbox {
    inner: Arc<Inner>,
}

pub(crate) struct Inner {
    id: String,
    config: ConnectionConfig,
    lifecycle: LifecycleClient,
    endpoints: RwLock<Endpoints>,
}

struct Endpoints {
    execd: ExecdClient,
    egress: Option<EgressClient>,
    /// Bumped on every re-resolution, so a lazily resolved egress client of an older
    /// generation is not stored.
    generation: u64,
}

impl fmt::Debug for Sandbox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sandbox")
            .field("id", &self.inner.id)
            .field("execd", &self.execd().base_url())
            .finish_non_exhaustive()
    }
}

/// Where a handle gets its execd client: fixed, or the sandbox's current one (which
/// changes when the sandbox is resumed).
#[derive(Clone)]
pub(crate) enum ExecdSource {
    Fixed(ExecdClient),
    Sandbox(Arc<Inner>),
}

impl ExecdSource {
    pub(crate) fn get(&self) -> ExecdClient {
        match self {
            ExecdSource::Fixed(c) => c.clone(),
            ExecdSource::Sandbox(inner) => inner.read().execd.clone(),
        }
    }
}

impl Inner {
    fn read(&self) -> std::sync::RwLockReadGuard<'_, Endpoints> {
        self.endpoints.read().unwrap_or_else(|e| e.into_inner())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, Endpoints> {
        self.endpoints.write().unwrap_or_else(|e| e.into_inner())
    }
}

impl Sandbox {
    /// Creates a sandbox and waits until it is ready: its state is `Running` (polled
    /// with backoff) and, unless [`SandboxCreateOptions::health_check`] is off, execd
    /// answers ping, within [`SandboxCreateOptions::ready_timeout`].
    ///
    /// If it does not become ready, the sandbox is deleted (unless
    /// [`SandboxCreateOptions::delete_on_failure`] is off) and the error says what was
    /// awaited and the last state seen. The create request itself is never retried
    /// once it may have reached the server.
    ///
    /// If the returned future is dropped while waiting, the sandbox is not deleted: it
    /// lives until its timeout ([`SandboxCreateOptions::timeout`]) or until killed
    /// (find it with [`SandboxManager::list_all`]).
    pub async fn create(
        config: &ConnectionConfig,
        options: SandboxCreateOptions,
    ) -> Result<Sandbox> {
        let request = options.to_request()?;
        let lifecycle = lifecycle_client(config)?;
        let created = lifecycle.create_sandbox(request).await?;
        let id = created.id;
        tracing::debug!(sandbox = %id, state = %created.status.state.0, "sandbox created; waiting for readiness");
        let readiness = options.readiness();
        match wait_ready(
            &lifecycle,
            config,
            &id,
            readiness,
            Some(created.status.state.0),
            false,
        )
        .await
        {
            Ok(execd) => Ok(Sandbox::assemble(id, config, lifecycle, execd)),
            Err(e) => {
                if options.delete_on_failure {
                    match lifecycle.delete_sandbox(&id).await {
                        Ok(()) => {
                            tracing::info!(sandbox = %id, "deleted the sandbox that did not become ready")
                        }
                        Err(de) if de.is_not_found() => {}
                        Err(de) => {
                            tracing::warn!(sandbox = %id, error = %de, "could not delete the sandbox that did not become ready")
                        }
                    }
                }
                Err(e)
            }
        }
    }

    /// Connects to an existing sandbox by id, checking that it is `Running` and that
    /// execd answers (see [`Sandbox::connect_with`] to skip the check).
    pub async fn connect(config: &ConnectionConfig, sandbox_id: &str) -> Result<Sandbox> {
        Self::connect_with(config, sandbox_id, ConnectOptions::default()).await
    }

    /// Connects to an existing sandbox by id with options.
    pub async fn connect_with(
        config: &ConnectionConfig,
        sandbox_id: &str,
        options: ConnectOptions,
    ) -> Result<Sandbox> {
        crate::lifecycle::check_id("sandbox id", sandbox_id)?;
        let lifecycle = lifecycle_client(config)?;
        let execd = if options.health_check {
            let readiness = Readiness {
                timeout: options.ready_timeout,
                health_check: true,
                poll_interval: DEFAULT_POLL_INTERVAL,
            };
            wait_ready(&lifecycle, config, sandbox_id, readiness, None, true).await?
        } else {
            let ep = resolve(&lifecycle, config, sandbox_id, EXECD_PORT, None).await?;
            execd_client(config, &ep)?
        };
        Ok(Sandbox::assemble(
            sandbox_id.to_string(),
            config,
            lifecycle,
            execd,
        ))
    }

    fn assemble(
        id: String,
        config: &ConnectionConfig,
        lifecycle: LifecycleClient,
        execd: ExecdClient,
    ) -> Sandbox {
        Sandbox {
            inner: Arc::new(Inner {
                id,
                config: config.clone(),
                lifecycle,
                endpoints: RwLock::new(Endpoints {
                    execd,
                    egress: None,
                    generation: 0,
                }),
            }),
        }
    }

    /// The sandbox id.
    pub fn id(&self) -> &str {
        &self.inner.id
    }

    /// The lifecycle view of the sandbox: state, image, metadata, expiry.
    pub async fn info(&self) -> Result<SandboxInfo> {
        self.inner.lifecycle.get_sandbox(&self.inner.id).await
    }

    /// Asks the server to pause the sandbox (it goes through `Pausing` to `Paused`);
    /// returns once the request is accepted.
    pub async fn pause(&self) -> Result<()> {
        self.inner.lifecycle.pause_sandbox(&self.inner.id).await
    }

    /// Resumes a paused sandbox and waits until it is `Running` and execd answers
    /// (up to [`DEFAULT_READY_TIMEOUT`]); the endpoints are resolved again, since they
    /// may have changed.
    pub async fn resume(&self) -> Result<()> {
        self.resume_with(ConnectOptions::new().ready_timeout(DEFAULT_READY_TIMEOUT))
            .await
    }

    /// [`Sandbox::resume`] with options: whether to wait for `Running` and a ping
    /// (`health_check`, default on) and for how long (`ready_timeout`). Without the
    /// health check the call returns once the server accepted the resume and the
    /// endpoint is resolved again.
    ///
    /// # Errors
    ///
    /// The server's refusal ([`Error::Api`]), or
    /// [`Error::NotReady`] when the health check runs out of time.
    pub async fn resume_with(&self, options: ConnectOptions) -> Result<()> {
        let inner = &self.inner;
        inner.lifecycle.resume_sandbox(&inner.id).await?;
        let execd = if options.health_check {
            let readiness = Readiness {
                timeout: options.ready_timeout,
                health_check: true,
                poll_interval: DEFAULT_POLL_INTERVAL,
            };
            wait_ready(
                &inner.lifecycle,
                &inner.config,
                &inner.id,
                readiness,
                None,
                false,
            )
            .await?
        } else {
            let ep = resolve(&inner.lifecycle, &inner.config, &inner.id, EXECD_PORT, None).await?;
            execd_client(&inner.config, &ep)?
        };
        let mut endpoints = inner.write();
        endpoints.execd = execd;
        endpoints.egress = None;
        endpoints.generation += 1;
        Ok(())
    }

    /// Moves the expiry to `duration` from now; returns the new expiry.
    pub async fn renew(&self, duration: Duration) -> Result<DateTime<Utc>> {
        let expires_at = expiry_after(duration)?;
        Ok(self
            .inner
            .lifecycle
            .renew_expiration(&self.inner.id, expires_at)
            .await?
            .expires_at)
    }

    /// Deletes the sandbox.
    pub async fn kill(&self) -> Result<()> {
        self.inner.lifecycle.delete_sandbox(&self.inner.id).await
    }

    /// Resolves the endpoint of `port` inside the sandbox (through the server proxy if
    /// the connection config says so).
    pub async fn endpoint(&self, port: u16) -> Result<SandboxEndpoint> {
        resolve(
            &self.inner.lifecycle,
            &self.inner.config,
            &self.inner.id,
            port,
            None,
        )
        .await
    }

    /// Resolves a signed endpoint of `port`, valid until `expires` (OSEP-0011).
    pub async fn signed_endpoint(
        &self,
        port: u16,
        expires: DateTime<Utc>,
    ) -> Result<SandboxEndpoint> {
        let secs = u64::try_from(expires.timestamp())
            .map_err(|_| Error::InvalidInput(format!("expiry {expires} is before 1970")))?;
        resolve(
            &self.inner.lifecycle,
            &self.inner.config,
            &self.inner.id,
            port,
            Some(secs),
        )
        .await
    }

    /// Checks that execd answers.
    pub async fn ping(&self) -> Result<()> {
        self.execd().ping().await
    }

    /// Shell commands: run (collected, streamed, with a handler), background runs,
    /// status, logs, interrupts and bash sessions.
    pub fn commands(&self) -> Commands {
        Commands::new(self.source())
    }

    /// Code contexts and code runs.
    pub fn code(&self) -> Code {
        Code::new(self.execd())
    }

    /// Files and directories.
    pub fn files(&self) -> Files {
        Files::new(self.execd())
    }

    /// Interactive terminals (PTY sessions over WebSocket).
    pub fn pty(&self) -> crate::pty::Pty {
        crate::pty::Pty::new(self.execd())
    }

    /// A port inside the sandbox, reached through execd's `/proxy/{port}/`: its base URL
    /// and headers, an HTTP client and WebSocket connections.
    pub fn port(&self, port: u16) -> crate::port::SandboxPort {
        crate::port::SandboxPort::new(self.execd(), port)
    }

    /// The network policy, through the egress sidecar.
    pub fn egress(&self) -> Egress {
        Egress::new(self.clone())
    }

    /// One CPU and memory sample.
    pub async fn metrics(&self) -> Result<crate::stream::Metrics> {
        self.execd().metrics().await
    }

    /// A live feed of CPU and memory samples, one a second, until dropped.
    pub async fn watch_metrics(&self) -> Result<crate::stream::MetricsStream> {
        self.execd().watch_metrics().await
    }

    /// The execd client of this sandbox (the current one: it changes on resume), for
    /// anything the handles do not cover.
    pub fn execd(&self) -> ExecdClient {
        self.inner.read().execd.clone()
    }

    /// The egress client of this sandbox, resolving its endpoint on first use.
    pub async fn egress_client(&self) -> Result<EgressClient> {
        let generation = {
            let e = self.inner.read();
            if let Some(c) = &e.egress {
                return Ok(c.clone());
            }
            e.generation
        };
        let inner = &self.inner;
        let ep = resolve(
            &inner.lifecycle,
            &inner.config,
            &inner.id,
            EGRESS_PORT,
            None,
        )
        .await?;
        let client = EgressClient::with_headers(
            &ep.url,
            inner.config.egress_token(),
            ep.headers,
            sandbox_options(&inner.config)?,
        )?;
        let mut e = inner.write();
        if e.generation == generation {
            e.egress = Some(client.clone());
        }
        Ok(client)
    }

    /// The lifecycle client the sandbox was created or connected with.
    pub fn lifecycle(&self) -> &LifecycleClient {
        &self.inner.lifecycle
    }

    /// Snapshots the sandbox (the snapshot becomes `Ready` asynchronously).
    pub async fn snapshot(&self, name: Option<&str>) -> Result<lt::Snapshot> {
        let name = name
            .map(|n| {
                n.parse()
                    .map_err(|e| Error::InvalidInput(format!("snapshot name {n:?}: {e}")))
            })
            .transpose()?;
        self.inner
            .lifecycle
            .create_snapshot(&self.inner.id, lt::CreateSnapshotRequest { name })
            .await
    }

    fn source(&self) -> ExecdSource {
        ExecdSource::Sandbox(self.inner.clone())
    }

    // --- credential vault ---------------------------------------------------------

    /// Creates the credential vault (the sandbox needs the credential proxy). Returns
    /// the vault's sanitized state. See [`crate::vault`].
    pub async fn create_credential_vault(
        &self,
        vault: CredentialVault,
    ) -> Result<vault::types::CredentialVaultState> {
        let request = vault.to_request()?;
        let secrets = vault.secrets();
        let egress = self.egress_client().await?;
        egress
            .create_credential_vault(request)
            .await
            .map_err(|e| vault::scrub_write_error(e, &secrets))
    }

    /// The vault's revision and the metadata of every credential and binding (never
    /// values).
    pub async fn credential_vault(&self) -> Result<vault::types::CredentialVaultState> {
        self.egress_client().await?.get_credential_vault().await
    }

    /// Applies an atomic change; a stale expected revision is refused with 409
    /// ([`Error::is_conflict`]).
    pub async fn patch_credential_vault(
        &self,
        patch: CredentialVaultPatch,
    ) -> Result<vault::types::CredentialVaultState> {
        let request = patch.to_request()?;
        let secrets = patch.secrets();
        let egress = self.egress_client().await?;
        egress
            .patch_credential_vault(request)
            .await
            .map_err(|e| vault::scrub_write_error(e, &secrets))
    }

    /// Deletes the vault.
    pub async fn delete_credential_vault(&self) -> Result<()> {
        self.egress_client().await?.delete_credential_vault().await
    }

    /// Metadata of every credential.
    pub async fn credentials(&self) -> Result<vault::types::CredentialListResponse> {
        self.egress_client().await?.list_credentials().await
    }

    /// Metadata of one credential.
    pub async fn credential(&self, name: &str) -> Result<vault::types::CredentialMetadata> {
        self.egress_client().await?.get_credential(name).await
    }

    /// Every binding (matcher and kind of auth).
    pub async fn bindings(&self) -> Result<vault::types::CredentialBindingListResponse> {
        self.egress_client().await?.list_bindings().await
    }

    /// One binding.
    pub async fn binding(&self, name: &str) -> Result<vault::types::CredentialBindingMetadata> {
        self.egress_client().await?.get_binding(name).await
    }
}

/// `now + duration` as a UTC timestamp.
pub(crate) fn expiry_after(duration: Duration) -> Result<DateTime<Utc>> {
    chrono::Duration::from_std(duration)
        .ok()
        .and_then(|d| Utc::now().checked_add_signed(d))
        .ok_or_else(|| Error::InvalidInput(format!("renewal by {duration:?} is too large")))
}

/// The lifecycle client for a connection config.
pub(crate) fn lifecycle_client(config: &ConnectionConfig) -> Result<LifecycleClient> {
    config.lifecycle_client()
}

/// Options for clients of sandbox endpoints: the connection's options without anything
/// that carries the lifecycle API key.
fn sandbox_options(config: &ConnectionConfig) -> Result<ClientOptions> {
    let mut options = config.client_options();
    // The config's headers are meant for the lifecycle server: keep the harmless ones
    // (tracing, routing), drop anything that looks like a credential.
    let headers = std::mem::take(&mut options.headers);
    options.headers = headers
        .iter()
        .filter(|(name, _)| {
            !crate::config::is_sensitive(name) && name.as_str() != "open-sandbox-api-key"
        })
        .map(|(n, v)| (n.clone(), v.clone()))
        .collect();
    options.auth_header = None;
    Ok(options)
}

/// The execd client for a resolved endpoint.
fn execd_client(config: &ConnectionConfig, ep: &SandboxEndpoint) -> Result<ExecdClient> {
    ExecdClient::with_headers(
        &ep.url,
        config.execd_token(),
        ep.headers.clone(),
        sandbox_options(config)?,
    )
}

/// Resolves the endpoint of `port`: a signed one when `expires` is set, else through the
/// server proxy if the config says so.
async fn resolve(
    lifecycle: &LifecycleClient,
    config: &ConnectionConfig,
    id: &str,
    port: u16,
    expires: Option<u64>,
) -> Result<SandboxEndpoint> {
    let ep = match expires {
        Some(e) => lifecycle.get_signed_endpoint(id, port, e).await?,
        None => {
            lifecycle
                .get_endpoint(id, port, config.use_server_proxy())
                .await?
        }
    };
    endpoint_from(config, &ep)
}

/// Turns the lifecycle API's endpoint (no scheme, maybe a path) into a base URL and a
/// header map, applying the config's host rewrite.
pub(crate) fn endpoint_from(
    config: &ConnectionConfig,
    ep: &lt::Endpoint,
) -> Result<SandboxEndpoint> {
    let bad = |message: String| Error::Decode {
        status: reqwest::StatusCode::OK,
        message,
        snippet: crate::error::truncate(&ep.endpoint, 256),
    };
    let raw = ep.endpoint.trim();
    if raw.is_empty() {
        return Err(bad("the server returned an empty endpoint".into()));
    }
    let with_scheme = if raw.contains("://") {
        raw.to_string()
    } else {
        format!("{}://{}", config.protocol(), raw)
    };
    let url = config.rewrite_endpoint_url(&with_scheme)?;
    let url = crate::transport::normalize_base(&url)
        .map_err(|e| bad(format!("the endpoint is not a valid base URL: {e}")))?;
    let mut headers = HeaderMap::new();
    for (name, value) in &ep.headers {
        let n = HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| bad(format!("invalid endpoint header name {name:?}")))?;
        let mut v = HeaderValue::from_str(value)
            .map_err(|_| bad(format!("invalid value for endpoint header {name:?}")))?;
        v.set_sensitive(true);
        headers.insert(n, v);
    }
    Ok(SandboxEndpoint { url, headers })
}

/// What readiness was waiting for when it gave up.
#[derive(Debug, Clone, Copy)]
enum Stage {
    State,
    Endpoint,
    Ping,
}

impl Stage {
    fn what(self, dead: bool) -> &'static str {
        match (self, dead) {
            (_, true) => "sandbox readiness: the sandbox stopped or failed before reaching Running",
            (Stage::State, false) => "sandbox readiness: waiting for state Running",
            (Stage::Endpoint, false) => "sandbox readiness: waiting for the execd endpoint",
            (Stage::Ping, false) => "sandbox readiness: waiting for execd to answer ping",
        }
    }
}

/// The longest one readiness ping may take.
const PING_TIMEOUT: Duration = Duration::from_secs(5);

/// The error of a sandbox whose execd never answered ping: names the address tried and
/// the likely fix.
fn ping_not_ready(
    id: &str,
    execd_url: &str,
    last_state: &str,
    last_error: Option<&Error>,
    after: Duration,
) -> Error {
    let mut err = not_ready(id, Stage::Ping, false, last_state, last_error, after);
    if let Error::NotReady { waiting_for, .. } = &mut err {
        *waiting_for = format!(
            "execd at {execd_url} to answer ping (the sandbox is {last_state}); if that \
             address is not reachable from this machine, reach sandboxes through the \
             server with ConnectionConfig::with_server_proxy(true) or map the address \
             with ConnectionConfig::endpoint_host_rewrite"
        );
    }
    err
}

/// The error of a sandbox that did not become ready.
fn not_ready(
    id: &str,
    stage: Stage,
    dead: bool,
    last_state: &str,
    last_error: Option<&Error>,
    after: Duration,
) -> Error {
    let what = stage.what(dead);
    tracing::warn!(sandbox = %id, last_state, elapsed = ?after, "{what}");
    Error::NotReady {
        sandbox_id: id.to_string(),
        waiting_for: what.trim_start_matches("sandbox readiness: ").to_string(),
        last_state: last_state.to_string(),
        last_error: last_error.map(|e| e.to_string()),
        after,
        terminal: dead,
    }
}

/// Waits until the sandbox is `Running` and (with `health_check`) execd answers ping;
/// returns the execd client. `initial_state` is the state already known (from the
/// create response). With `paused_is_dead`, `Paused`/`Pausing` fail at once (connect).
async fn wait_ready(
    lifecycle: &LifecycleClient,
    config: &ConnectionConfig,
    id: &str,
    readiness: Readiness,
    initial_state: Option<String>,
    paused_is_dead: bool,
) -> Result<ExecdClient> {
    let started = Instant::now();
    let deadline = crate::deadline::after_std(started, readiness.timeout);
    let max_delay = Duration::from_secs(2);
    let mut delay = readiness.poll_interval.max(Duration::from_millis(10));
    let mut last_state = initial_state.unwrap_or_default();
    let mut last_detail = String::new();
    let mut last_error: Option<Error> = None;
    let mut first = last_state.is_empty();
    let is_dead =
        |s: &str| DEAD_STATES.contains(&s) || (paused_is_dead && (s == "Paused" || s == "Pausing"));

    // 1. State `Running`.
    loop {
        if last_state == "Running" {
            break;
        }
        let shown = if last_detail.is_empty() {
            last_state.clone()
        } else {
            format!("{last_state} ({last_detail})")
        };
        if is_dead(&last_state) {
            return Err(not_ready(
                id,
                Stage::State,
                true,
                &shown,
                last_error.as_ref(),
                started.elapsed(),
            ));
        }
        let now = Instant::now();
        if now >= deadline {
            return Err(not_ready(
                id,
                Stage::State,
                false,
                &shown,
                last_error.as_ref(),
                readiness.timeout,
            ));
        }
        if !first {
            tokio::time::sleep(delay.min(deadline - now)).await;
            delay = delay.min(max_delay).mul_f64(1.5).min(max_delay);
        }
        first = false;
        let remaining = deadline.saturating_duration_since(Instant::now());
        match tokio::time::timeout(remaining, lifecycle.get_sandbox(id)).await {
            Ok(Ok(info)) => {
                last_state = info.status.state.0;
                last_detail = [info.status.reason, info.status.message]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(": ");
                last_error = None;
            }
            Ok(Err(e)) if e.is_transient() => last_error = Some(e),
            Ok(Err(e)) => return Err(e),
            Err(_) => {}
        }
    }

    // 2. The execd endpoint.
    let execd = loop {
        let remaining = deadline.saturating_duration_since(Instant::now());
        match tokio::time::timeout(remaining, resolve(lifecycle, config, id, EXECD_PORT, None))
            .await
        {
            Ok(Ok(ep)) => break execd_client(config, &ep)?,
            Ok(Err(e)) if e.is_transient() && Instant::now() < deadline => {
                last_error = Some(e);
                tokio::time::sleep(delay.min(deadline.saturating_duration_since(Instant::now())))
                    .await;
                delay = delay.min(max_delay).mul_f64(1.5).min(max_delay);
            }
            Ok(Err(e)) if e.is_transient() => {
                return Err(not_ready(
                    id,
                    Stage::Endpoint,
                    false,
                    &last_state,
                    Some(&e),
                    readiness.timeout,
                ));
            }
            Ok(Err(e)) => return Err(e),
            Err(_) => {
                return Err(not_ready(
                    id,
                    Stage::Endpoint,
                    false,
                    &last_state,
                    last_error.as_ref(),
                    readiness.timeout,
                ));
            }
        }
    };
    if !readiness.health_check {
        return Ok(execd);
    }

    // 3. execd answers ping. Anything but success is retried until the deadline: execd
    // may not listen yet, and proxies answer 502/503 meanwhile.
    // Each ping is bounded on its own, so an execd that accepts connections but never
    // answers leaves a cause (a timeout) rather than nothing.
    let mut delay = readiness.poll_interval.max(Duration::from_millis(10));
    loop {
        let remaining = deadline.saturating_duration_since(Instant::now());
        let bound = remaining.min(PING_TIMEOUT);
        match tokio::time::timeout(bound, execd.ping()).await {
            Ok(Ok(())) => return Ok(execd),
            Ok(Err(e)) => {
                if matches!(
                    &e,
                    Error::Tls(_) | Error::Config(_) | Error::Redirect { .. }
                ) {
                    return Err(e);
                }
                last_error = Some(e);
            }
            Err(_) => {
                last_error = Some(Error::Timeout {
                    what: "ping",
                    after: bound,
                });
            }
        }
        let now = Instant::now();
        if now >= deadline {
            return Err(ping_not_ready(
                id,
                execd.base_url(),
                &last_state,
                last_error.as_ref(),
                readiness.timeout,
            ));
        }
        tokio::time::sleep(delay.min(deadline - now)).await;
        delay = delay.min(max_delay).mul_f64(1.5).min(max_delay);
    }
}
