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
mod endpoint;
mod handles;
mod manager;
mod options;
mod readiness;
mod scope;
mod volume;

use std::fmt;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::connection::ConnectionConfig;
use crate::egress::EgressClient;
use crate::error::{Error, Result};
use crate::execd::ExecdClient;
use crate::lifecycle::LifecycleClient;
use crate::model::{SandboxInfo, SnapshotInfo};
use endpoint::{execd_client, resolve, sandbox_options};
use readiness::wait_ready;

pub use crate::lifecycle::{DiagnosticScope, ListOptions, MAX_PAGE_SIZE, SnapshotListOptions};
pub use background::{BackgroundCommand, ExitStatus, Follow, FollowOptions};
pub use create::{
    DEFAULT_ENTRYPOINT, DEFAULT_POLL_INTERVAL, DEFAULT_READY_TIMEOUT, DEFAULT_RESOURCE_LIMITS,
    DEFAULT_TIMEOUT, MIN_TIMEOUT, POOL_REF_EXTENSION, SandboxCreateOptions,
};
pub use endpoint::SandboxEndpoint;
pub(crate) use endpoint::lifecycle_client;
pub use handles::{Code, Commands, Egress, Files, Session, Vault};
pub use manager::{LIST_ALL_PAGE_SIZE, MAX_LIST_PAGES, SandboxManager};
pub use options::{ConnectOptions, EndpointOptions, SnapshotOptions};
pub use volume::{Platform, Volume};

/// The port execd listens on inside every sandbox.
pub const EXECD_PORT: u16 = 44772;
/// The port the egress sidecar listens on.
pub const EGRESS_PORT: u16 = 18080;

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
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for options the API cannot take, the server's refusal
    /// ([`Error::Api`]), a transport failure, or [`Error::NotReady`] naming what was
    /// awaited.
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
    ///
    /// # Errors
    ///
    /// As [`Sandbox::connect_with`].
    pub async fn connect(config: &ConnectionConfig, sandbox_id: &str) -> Result<Sandbox> {
        Self::connect_with(config, sandbox_id, ConnectOptions::default()).await
    }

    /// Connects to an existing sandbox by id with options.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for an empty id, [`Error::Api`] (404 for an unknown
    /// sandbox), or [`Error::NotReady`] for a sandbox that is paused, gone, or not ready
    /// in time.
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
            let ep = resolve(
                &lifecycle,
                config,
                sandbox_id,
                EXECD_PORT,
                &EndpointOptions::default(),
            )
            .await?;
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
    #[must_use]
    pub fn id(&self) -> &str {
        &self.inner.id
    }

    /// The lifecycle view of the sandbox: state, image, metadata, expiry.
    ///
    /// # Errors
    ///
    /// [`Error::Api`] (404 once it is gone) or a transport failure.
    pub async fn info(&self) -> Result<SandboxInfo> {
        Ok(self
            .inner
            .lifecycle
            .get_sandbox(&self.inner.id)
            .await?
            .into())
    }

    /// Asks the server to pause the sandbox (it goes through `Pausing` to `Paused`);
    /// returns once the request is accepted.
    ///
    /// # Errors
    ///
    /// The server's refusal ([`Error::Api`]) or a transport failure.
    pub async fn pause(&self) -> Result<()> {
        self.inner.lifecycle.pause_sandbox(&self.inner.id).await
    }

    /// Resumes a paused sandbox and waits until it is `Running` and execd answers
    /// (up to [`DEFAULT_READY_TIMEOUT`]). The endpoints are resolved again, and every
    /// handle taken before ([`Sandbox::files`], [`Sandbox::commands`], …) follows.
    ///
    /// # Errors
    ///
    /// As [`Sandbox::resume_with`].
    pub async fn resume(&self) -> Result<()> {
        self.resume_with(ConnectOptions::new()).await
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
            let ep = resolve(
                &inner.lifecycle,
                &inner.config,
                &inner.id,
                EXECD_PORT,
                &EndpointOptions::default(),
            )
            .await?;
            execd_client(&inner.config, &ep)?
        };
        let mut endpoints = inner.write();
        endpoints.execd = execd;
        endpoints.egress = None;
        endpoints.generation += 1;
        Ok(())
    }

    /// Moves the expiry to `duration` from now; returns the new expiry.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a duration too large for a date, the server's
    /// refusal ([`Error::Api`]) or a transport failure.
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
    ///
    /// # Errors
    ///
    /// The server's refusal ([`Error::Api`]; 404 if it is already gone) or a transport
    /// failure.
    pub async fn kill(&self) -> Result<()> {
        self.inner.lifecycle.delete_sandbox(&self.inner.id).await
    }

    /// Resolves the endpoint of `port` inside the sandbox (through the server proxy if
    /// the connection config says so).
    ///
    /// # Errors
    ///
    /// As [`Sandbox::endpoint_with`].
    pub async fn endpoint(&self, port: u16) -> Result<SandboxEndpoint> {
        self.endpoint_with(port, EndpointOptions::new()).await
    }

    /// Resolves the endpoint of `port` with options: through the server proxy or not,
    /// signed until a time (OSEP-0011).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for port 0 or an expiry before 1970, the server's answer
    /// ([`Error::Api`]), or [`Error::Decode`] for an endpoint that is not a usable URL.
    pub async fn endpoint_with(
        &self,
        port: u16,
        options: EndpointOptions,
    ) -> Result<SandboxEndpoint> {
        let inner = &self.inner;
        resolve(&inner.lifecycle, &inner.config, &inner.id, port, &options).await
    }

    /// Checks that execd answers.
    ///
    /// # Errors
    ///
    /// Whatever stopped the ping: a transport failure, a timeout, an error status.
    pub async fn ping(&self) -> Result<()> {
        self.execd().ping().await
    }

    /// Shell commands: run (collected, streamed, with a handler), background runs,
    /// status, logs, interrupts and bash sessions.
    #[must_use]
    pub fn commands(&self) -> Commands {
        Commands::new(self.source())
    }

    /// Code contexts and code runs.
    #[must_use]
    pub fn code(&self) -> Code {
        Code::new(self.source())
    }

    /// Files and directories.
    #[must_use]
    pub fn files(&self) -> Files {
        Files::new(self.source())
    }

    /// Interactive terminals (PTY sessions over WebSocket).
    #[must_use]
    pub fn pty(&self) -> crate::pty::Pty {
        crate::pty::Pty::from_source(self.source())
    }

    /// A port inside the sandbox, reached through execd's `/proxy/{port}/`: its base URL
    /// and headers, an HTTP client and WebSocket connections.
    #[must_use]
    pub fn port(&self, port: u16) -> crate::port::SandboxPort {
        crate::port::SandboxPort::from_source(self.source(), port)
    }

    /// The network policy, through the egress sidecar.
    #[must_use]
    pub fn egress(&self) -> Egress {
        Egress::new(self.clone())
    }

    /// The credential vault, through the egress sidecar (the sandbox needs the
    /// credential proxy: [`SandboxCreateOptions::credential_proxy`]).
    #[must_use]
    pub fn vault(&self) -> Vault {
        Vault::new(self.clone())
    }

    /// One CPU and memory sample.
    ///
    /// # Errors
    ///
    /// A transport failure, an error status, or an undecodable answer.
    pub async fn metrics(&self) -> Result<crate::stream::Metrics> {
        self.execd().metrics().await
    }

    /// A live feed of CPU and memory samples, one a second, until dropped.
    ///
    /// # Errors
    ///
    /// A transport failure or an error status before the feed starts.
    pub async fn watch_metrics(&self) -> Result<crate::stream::MetricsStream> {
        self.execd().watch_metrics().await
    }

    /// The execd client of this sandbox (the current one: it changes on resume), for
    /// anything the handles do not cover.
    #[must_use]
    pub fn execd(&self) -> ExecdClient {
        self.inner.read().execd.clone()
    }

    /// The egress client of this sandbox, resolving its endpoint on first use (and
    /// again after a resume).
    ///
    /// # Errors
    ///
    /// The endpoint could not be resolved, or the client could not be built from it.
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
            &EndpointOptions::default(),
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
    #[must_use]
    pub fn lifecycle(&self) -> &LifecycleClient {
        &self.inner.lifecycle
    }

    /// Snapshots the sandbox (the snapshot becomes `Ready` asynchronously: poll it with
    /// [`SandboxManager::get_snapshot`]).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a name the API refuses, the server's refusal
    /// ([`Error::Api`]) or a transport failure.
    pub async fn snapshot(&self, options: SnapshotOptions) -> Result<SnapshotInfo> {
        let request = options.to_request()?;
        Ok(self
            .inner
            .lifecycle
            .create_snapshot(&self.inner.id, request)
            .await?
            .into())
    }

    fn source(&self) -> ExecdSource {
        ExecdSource::Sandbox(self.inner.clone())
    }
}

/// `now + duration` as a UTC timestamp.
pub(crate) fn expiry_after(duration: Duration) -> Result<DateTime<Utc>> {
    chrono::Duration::from_std(duration)
        .ok()
        .and_then(|d| Utc::now().checked_add_signed(d))
        .ok_or_else(|| Error::InvalidInput(format!("renewal by {duration:?} is too large")))
}
