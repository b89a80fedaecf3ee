//! A local stand-in for an OpenSandbox deployment, for development and tests.
//!
//! `opensandbox-devserver` serves the three OpenSandbox APIs from one process on a
//! loopback port:
//!
//! - the **lifecycle** API (`/v1/...`, also mounted at `/` like the real server):
//!   create, list, get, delete, pause, resume, renew, metadata patch, snapshots,
//!   endpoints and diagnostics;
//! - one **execd** per sandbox (port `44772`): commands with execd's real streaming
//!   format, background commands and their logs, bash sessions, Python code contexts,
//!   files, directories and metrics;
//! - one **egress sidecar** per sandbox (port `18080`): policy reads and edits and the
//!   whole credential vault.
//!
//! Requests and responses are (de)serialized with the generated types of
//! `opensandbox-lifecycle-api`, `opensandbox-execd-api` and `opensandbox-egress-api`, so
//! the devserver follows the project's specs and cannot drift from them silently.
//!
//! # Not a sandbox
//!
//! **There is no isolation.** A sandbox is a working directory under a temporary root
//! and its processes are ordinary host processes running as the user that started the
//! devserver; the image is recorded but never pulled; network policy is recorded but
//! **not enforced**. Use it for development and tests only, never to run untrusted
//! code. For the same reason it binds loopback addresses only, unless
//! [`DevServerBuilder::allow_non_loopback`] is set explicitly.
//!
//! # Example
//!
//! ```no_run
//! # async fn demo() -> Result<(), opensandbox_devserver::Error> {
//! let server = opensandbox_devserver::DevServer::builder()
//!     .api_key(Some("secret".to_owned()))
//!     .bind("127.0.0.1:0")
//!     .start()
//!     .await?;
//! // Point an OpenSandbox client at the lifecycle base URL (it ends in `/v1`).
//! println!("lifecycle API at {}", server.url());
//! server.shutdown().await;
//! # Ok(())
//! # }
//! ```
//!
//! # Reaching execd and egress
//!
//! `GET /v1/sandboxes/{id}/endpoints/{port}` answers like a Docker bridge deployment:
//! an endpoint without scheme that carries a path prefix, plus headers to send on every
//! request:
//!
//! | request | `endpoint` |
//! |---|---|
//! | plain | `127.0.0.1:{port}/proxy/{id}/{sandboxPort}` |
//! | `use_server_proxy=true` | `{host of the request}/sandboxes/{id}/proxy/{sandboxPort}` |
//! | `expires=<unix seconds>` | `127.0.0.1:{port}/signed/{id}-{sandboxPort}-{expires base36}-{signature}` |
//!
//! For port `44772` the headers hold `X-EXECD-ACCESS-TOKEN`, for `18080`
//! `OPENSANDBOX-EGRESS-AUTH`; both tokens are random per sandbox and enforced. Any other
//! port is reverse-proxied (HTTP/1.1) to `127.0.0.1:{sandboxPort}`, where the sandbox's
//! own processes listen, since they share the host network.
#![deny(missing_docs)]
#![deny(unsafe_code)]
// Handlers return early with ready-made HTTP error responses; boxing them buys nothing.
#![allow(clippy::result_large_err)]

mod egress;
mod execd;
mod lifecycle;
mod process;
mod proxy;
mod state;
mod util;

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::state::{AppState, Config};

/// Header carrying the lifecycle API key.
pub const API_KEY_HEADER: &str = "OPEN-SANDBOX-API-KEY";
/// The environment variable the devserver binary reads its API key from. It is removed
/// from every sandbox process's environment, like `OPEN_SANDBOX_API_KEY`.
pub const DEVSERVER_API_KEY_ENV: &str = "OPEN_SANDBOX_DEVSERVER_API_KEY";
/// Header carrying a sandbox's execd access token (returned by the endpoint lookup).
pub const EXECD_TOKEN_HEADER: &str = "X-EXECD-ACCESS-TOKEN";
/// Header carrying a sandbox's egress sidecar token (returned by the endpoint lookup).
pub const EGRESS_TOKEN_HEADER: &str = "OPENSANDBOX-EGRESS-AUTH";
/// Port of execd inside a sandbox.
pub const EXECD_PORT: u16 = 44772;
/// Port of the egress sidecar inside a sandbox.
pub const EGRESS_PORT: u16 = 18080;

/// Why the devserver could not start.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The bind address could not be parsed or resolved.
    #[error("invalid bind address {address:?}: {reason}")]
    InvalidAddress {
        /// The address as given.
        address: String,
        /// What was wrong with it.
        reason: String,
    },
    /// The bind address is not a loopback address and
    /// [`DevServerBuilder::allow_non_loopback`] was not set.
    #[error(
        "refusing to bind {0}: the devserver runs sandbox code as host processes without \
         isolation, so it only binds loopback addresses unless non-loopback binding is \
         allowed explicitly (--allow-non-loopback)"
    )]
    NonLoopback(SocketAddr),
    /// Binding the listener failed.
    #[error("cannot bind {addr}: {source}")]
    Bind {
        /// The address that could not be bound.
        addr: SocketAddr,
        /// The operating-system error.
        #[source]
        source: std::io::Error,
    },
    /// Preparing the root directory failed.
    #[error("cannot prepare root directory {path}: {source}")]
    Root {
        /// The root directory.
        path: PathBuf,
        /// The operating-system error.
        #[source]
        source: std::io::Error,
    },
}

/// Configures and starts a [`DevServer`]. Obtain one with [`DevServer::builder`].
#[derive(Debug, Clone)]
pub struct DevServerBuilder {
    api_key: Option<String>,
    bind: String,
    root: Option<PathBuf>,
    allow_non_loopback: bool,
}

impl Default for DevServerBuilder {
    fn default() -> Self {
        Self {
            api_key: None,
            bind: "127.0.0.1:0".to_owned(),
            root: None,
            allow_non_loopback: false,
        }
    }
}

impl DevServerBuilder {
    /// Require this lifecycle API key in `OPEN-SANDBOX-API-KEY` (`None`, the default,
    /// disables the check, like a real server without a configured key).
    pub fn api_key(mut self, key: Option<String>) -> Self {
        self.api_key = key.filter(|k| !k.trim().is_empty());
        self
    }

    /// Address to listen on, `host:port`; port `0` picks a free port. Defaults to
    /// `127.0.0.1:0`. Host names are resolved; the first address is used.
    pub fn bind(mut self, addr: impl Into<String>) -> Self {
        self.bind = addr.into();
        self
    }

    /// Directory under which sandbox working directories, snapshots and logs are kept.
    /// Defaults to a fresh directory under the system temporary directory, removed on
    /// shutdown. A directory given here is kept; only what the devserver created inside
    /// it is removed on shutdown.
    pub fn root(mut self, dir: impl Into<PathBuf>) -> Self {
        self.root = Some(dir.into());
        self
    }

    /// Allow binding an address that is not loopback. The devserver provides **no
    /// isolation**: anyone who can reach it can run arbitrary commands as the user
    /// running it. Off by default.
    pub fn allow_non_loopback(mut self, allow: bool) -> Self {
        self.allow_non_loopback = allow;
        self
    }

    /// Bind the listener and start serving.
    pub async fn start(self) -> Result<DevServer, Error> {
        let addr = resolve(&self.bind).await?;
        if !is_loopback(addr.ip()) && !self.allow_non_loopback {
            return Err(Error::NonLoopback(addr));
        }
        let (root, owned_root) = match self.root {
            Some(root) => (root, false),
            None => (
                std::env::temp_dir().join(format!("opensandbox-devserver-{}", util::short_id())),
                true,
            ),
        };
        let mut created = vec![];
        for sub in ["sandboxes", "state", "snapshots"] {
            let dir = root.join(sub);
            if !dir.exists() {
                created.push(sub);
            }
            std::fs::create_dir_all(&dir).map_err(|source| Error::Root {
                path: dir.clone(),
                source,
            })?;
        }
        let root = std::fs::canonicalize(&root).map_err(|source| Error::Root {
            path: root.clone(),
            source,
        })?;
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|source| Error::Bind { addr, source })?;
        let local = listener
            .local_addr()
            .map_err(|source| Error::Bind { addr, source })?;

        let state = Arc::new(AppState::new(Config {
            api_key: self.api_key,
            root: root.clone(),
            addr: local,
        }));
        let app = lifecycle::app(state.clone());
        let (stop_tx, mut stop_rx) = watch::channel(false);
        let server = tokio::spawn(async move {
            let service = app.into_make_service_with_connect_info::<SocketAddr>();
            let shutdown = async move {
                let _ = stop_rx.wait_for(|stop| *stop).await;
            };
            // Small writes (one event per stream frame) must not wait for delayed ACKs.
            let listener = axum::serve::ListenerExt::tap_io(listener, |tcp| {
                let _ = tcp.set_nodelay(true);
            });
            if let Err(err) = axum::serve(listener, service)
                .with_graceful_shutdown(shutdown)
                .await
            {
                tracing::error!("devserver stopped: {err}");
            }
        });
        let reaper = tokio::spawn(lifecycle::reaper(state.clone()));
        tracing::info!(
            "opensandbox-devserver listening on http://{local}/v1 (root {})",
            root.display()
        );
        Ok(DevServer {
            state,
            addr: local,
            root,
            cleanup: Cleanup {
                owned_root,
                created,
            },
            stop: stop_tx,
            server: Some(server),
            reaper: Some(reaper),
        })
    }
}

/// A running devserver. Dropping it stops it and kills the process groups of every
/// sandbox; [`DevServer::shutdown`] does the same and also waits for the listener to
/// close.
#[derive(Debug)]
pub struct DevServer {
    state: Arc<AppState>,
    addr: SocketAddr,
    root: PathBuf,
    cleanup: Cleanup,
    stop: watch::Sender<bool>,
    server: Option<JoinHandle<()>>,
    reaper: Option<JoinHandle<()>>,
}

impl DevServer {
    /// A builder with the defaults: loopback, free port, no API key, temporary root.
    pub fn builder() -> DevServerBuilder {
        DevServerBuilder::default()
    }

    /// Lifecycle base URL including `/v1`, e.g. `http://127.0.0.1:41234/v1`.
    pub fn url(&self) -> String {
        format!("http://{}/v1", self.addr)
    }

    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Domain in the form the SDK's connection configuration expects (`host:port`).
    pub fn domain(&self) -> String {
        self.addr.to_string()
    }

    /// The configured lifecycle API key, if any.
    pub fn api_key(&self) -> Option<&str> {
        self.state.cfg.api_key.as_deref()
    }

    /// Directory holding sandbox working directories, snapshots and logs.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Stop serving: kill every sandbox's processes, close the listener (waiting up to
    /// two seconds for open streams), and remove what the devserver created on disk.
    pub async fn shutdown(mut self) {
        self.state.kill_everything();
        let _ = self.stop.send(true);
        if let Some(reaper) = self.reaper.take() {
            reaper.abort();
        }
        if let Some(mut server) = self.server.take()
            && tokio::time::timeout(Duration::from_secs(2), &mut server)
                .await
                .is_err()
        {
            server.abort();
        }
        let work = self.cleanup_work();
        let _ = tokio::task::spawn_blocking(work).await;
    }

    /// What to delete on shutdown: the directories of live sandboxes and snapshots, the
    /// subdirectories this run created, or the whole root when it was a temporary one.
    fn cleanup_work(&self) -> impl FnOnce() + Send + 'static {
        let mut paths: Vec<PathBuf> = state::lock(&self.state.sandboxes)
            .values()
            .flat_map(|sb| [sb.core.dir.clone(), sb.core.state_dir.clone()])
            .collect();
        paths.extend(
            state::lock(&self.state.snapshots)
                .keys()
                .map(|id| self.state.snapshot_dir(id)),
        );
        let root = self.root.clone();
        let cleanup = self.cleanup.clone();
        move || cleanup.run(&root, &paths)
    }
}

/// Files a run created, removed on shutdown.
#[derive(Debug, Clone)]
struct Cleanup {
    /// The root is a temporary directory of this run.
    owned_root: bool,
    /// Subdirectories of a given root that did not exist before this run.
    created: Vec<&'static str>,
}

impl Cleanup {
    fn run(&self, root: &Path, paths: &[PathBuf]) {
        if self.owned_root {
            let _ = std::fs::remove_dir_all(root);
            return;
        }
        for p in paths {
            let _ = std::fs::remove_dir_all(p);
        }
        for sub in ["sandboxes", "state", "snapshots"] {
            let dir = root.join(sub);
            if self.created.contains(&sub) {
                let _ = std::fs::remove_dir_all(dir);
            } else {
                // Pre-existing: only removed when nothing else is left in it.
                let _ = std::fs::remove_dir(dir);
            }
        }
    }
}

impl Drop for DevServer {
    fn drop(&mut self) {
        // `shutdown` already did all of this when `server` is `None`.
        if self.server.is_none() {
            return;
        }
        self.state.kill_everything();
        let _ = self.stop.send(true);
        if let Some(server) = self.server.take() {
            server.abort();
        }
        if let Some(reaper) = self.reaper.take() {
            reaper.abort();
        }
        (self.cleanup_work())();
    }
}

async fn resolve(bind: &str) -> Result<SocketAddr, Error> {
    if let Ok(addr) = bind.parse::<SocketAddr>() {
        return Ok(addr);
    }
    let invalid = |reason: String| Error::InvalidAddress {
        address: bind.to_owned(),
        reason,
    };
    let mut addrs = tokio::net::lookup_host(bind)
        .await
        .map_err(|e| invalid(e.to_string()))?;
    addrs
        .next()
        .ok_or_else(|| invalid("the name resolved to no address".to_owned()))
}

fn is_loopback(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => v4.is_loopback(),
        IpAddr::V6(v6) => {
            v6.is_loopback() || v6.to_ipv4_mapped().is_some_and(|v4| v4.is_loopback())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(flavor = "multi_thread")]
    async fn reaper_deletes_expired_sandboxes_and_kills_their_processes() {
        let server = DevServer::builder().start().await.unwrap();
        let http = reqwest::Client::new();
        let created: serde_json::Value = http
            .post(format!("{}/sandboxes", server.url()))
            .json(&serde_json::json!({
                "image": {"uri": "x"},
                "entrypoint": ["sleep", "3600"],
                "resourceLimits": {},
                "timeout": 3600,
            }))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let id = created["id"].as_str().unwrap().to_owned();
        let sb = server.state.sandbox(&id).unwrap();
        let mut pgid = None;
        for _ in 0..200 {
            pgid = sb.inner().main_pgid;
            if pgid.is_some() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        let pgid = pgid.expect("entrypoint started");
        // Pretend the hour is over.
        sb.inner().expires_at = Some(chrono::Utc::now() - chrono::Duration::seconds(1));
        let mut gone = false;
        for _ in 0..200 {
            let status = http
                .get(format!("{}/sandboxes/{id}", server.url()))
                .send()
                .await
                .unwrap()
                .status();
            if status == 404 {
                gone = true;
                break;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        assert!(gone, "expired sandbox was deleted");
        assert!(!process::group_alive(pgid), "its processes were killed");
        assert!(!sb.core.dir.exists(), "its directory was removed");
        server.shutdown().await;
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn shutdown_removes_only_what_it_created() {
        let root = std::env::temp_dir().join(format!("devserver-root-{}", util::short_id()));
        std::fs::create_dir_all(root.join("sandboxes")).unwrap();
        std::fs::write(root.join("sandboxes/keep.txt"), "mine").unwrap();
        let server = DevServer::builder().root(&root).start().await.unwrap();
        let created: serde_json::Value = reqwest::Client::new()
            .post(format!("{}/sandboxes", server.url()))
            .json(&serde_json::json!({
                "image": {"uri": "x"}, "entrypoint": ["sleep", "3600"], "resourceLimits": {},
            }))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let id = created["id"].as_str().unwrap();
        let dir = server.state.sandbox(id).unwrap().core.dir.clone();
        for _ in 0..200 {
            if dir.exists() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        assert!(dir.exists());
        server.shutdown().await;
        assert!(!dir.exists(), "sandbox directory removed");
        assert!(!root.join("state").exists(), "created subdirectory removed");
        assert_eq!(
            std::fs::read_to_string(root.join("sandboxes/keep.txt")).unwrap(),
            "mine",
            "pre-existing files kept"
        );
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn loopback_detection() {
        assert!(is_loopback("127.0.0.1".parse().unwrap()));
        assert!(is_loopback("127.8.9.10".parse().unwrap()));
        assert!(is_loopback("::1".parse().unwrap()));
        assert!(is_loopback("::ffff:127.0.0.1".parse().unwrap()));
        assert!(!is_loopback("0.0.0.0".parse().unwrap()));
        assert!(!is_loopback("192.168.1.4".parse().unwrap()));
        assert!(!is_loopback("::".parse().unwrap()));
    }
}
