//! In-memory state: sandboxes, snapshots, signed routes.

use std::collections::{HashMap, HashSet};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use axum::Router;
use chrono::{DateTime, Utc};
use opensandbox_lifecycle_api::types as lt;

use crate::{egress, execd, process, util};

/// Lifecycle states, as the spec spells them.
pub(crate) mod states {
    pub(crate) const PENDING: &str = "Pending";
    pub(crate) const RUNNING: &str = "Running";
    pub(crate) const PAUSING: &str = "Pausing";
    pub(crate) const PAUSED: &str = "Paused";
    pub(crate) const RESUMING: &str = "Resuming";
    pub(crate) const STOPPING: &str = "Stopping";
    pub(crate) const TERMINATED: &str = "Terminated";
    pub(crate) const FAILED: &str = "Failed";

    pub(crate) const SNAP_CREATING: &str = "Creating";
    pub(crate) const SNAP_READY: &str = "Ready";
    pub(crate) const SNAP_FAILED: &str = "Failed";
}

/// Lock a mutex, recovering the data if a panicking thread poisoned it.
pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Server configuration fixed at start.
#[derive(Debug)]
pub(crate) struct Config {
    pub(crate) api_key: Option<String>,
    pub(crate) root: PathBuf,
    pub(crate) addr: SocketAddr,
}

/// Everything the server knows.
#[derive(Debug)]
pub(crate) struct AppState {
    pub(crate) cfg: Config,
    pub(crate) sandboxes: Mutex<HashMap<String, Arc<Sandbox>>>,
    pub(crate) snapshots: Mutex<HashMap<String, SnapshotRecord>>,
    pub(crate) signed: Mutex<HashMap<String, SignedRoute>>,
    seq: AtomicU64,
}

impl AppState {
    pub(crate) fn new(cfg: Config) -> Self {
        Self {
            cfg,
            sandboxes: Mutex::new(HashMap::new()),
            snapshots: Mutex::new(HashMap::new()),
            signed: Mutex::new(HashMap::new()),
            seq: AtomicU64::new(1),
        }
    }

    /// A monotonically increasing number, for stable listing order.
    pub(crate) fn next_seq(&self) -> u64 {
        self.seq.fetch_add(1, Ordering::Relaxed)
    }

    pub(crate) fn sandbox(&self, id: &str) -> Option<Arc<Sandbox>> {
        lock(&self.sandboxes).get(id).cloned()
    }

    pub(crate) fn sandbox_dir(&self, id: &str) -> PathBuf {
        self.cfg.root.join("sandboxes").join(id)
    }

    pub(crate) fn state_dir(&self, id: &str) -> PathBuf {
        self.cfg.root.join("state").join(id)
    }

    pub(crate) fn snapshot_dir(&self, id: &str) -> PathBuf {
        self.cfg.root.join("snapshots").join(id)
    }

    /// Kill the processes of every sandbox (shutdown path; synchronous).
    pub(crate) fn kill_everything(&self) {
        let all: Vec<Arc<Sandbox>> = lock(&self.sandboxes).values().cloned().collect();
        for sb in all {
            sb.core.kill_all();
        }
    }
}

/// A snapshot: a copy of a sandbox's working directory.
#[derive(Debug, Clone)]
pub(crate) struct SnapshotRecord {
    pub(crate) id: String,
    pub(crate) seq: u64,
    pub(crate) sandbox_id: String,
    pub(crate) name: Option<String>,
    pub(crate) created_at: DateTime<Utc>,
    pub(crate) status: lt::SnapshotStatus,
    pub(crate) env: HashMap<String, String>,
}

impl SnapshotRecord {
    pub(crate) fn state(&self) -> &str {
        self.status.state.as_str()
    }

    pub(crate) fn to_api(&self) -> lt::Snapshot {
        lt::Snapshot {
            created_at: self.created_at,
            id: self.id.clone(),
            name: self.name.clone(),
            sandbox_id: self.sandbox_id.clone(),
            status: self.status.clone(),
        }
    }
}

/// A signed (expiring) route issued by the endpoint lookup.
#[derive(Debug, Clone)]
pub(crate) struct SignedRoute {
    pub(crate) sandbox_id: String,
    pub(crate) port: u16,
    pub(crate) expires: i64,
}

/// A sandbox as the lifecycle API sees it.
pub(crate) struct Sandbox {
    pub(crate) id: String,
    pub(crate) seq: u64,
    pub(crate) created_at: DateTime<Utc>,
    pub(crate) image: Option<lt::ImageSpec>,
    pub(crate) snapshot_id: Option<String>,
    pub(crate) platform: Option<lt::PlatformSpec>,
    pub(crate) entrypoint: Vec<String>,
    /// `access.renew.extend.seconds`: renew-on-access extension.
    pub(crate) renew_extend: Option<i64>,
    pub(crate) core: Arc<SandboxCore>,
    pub(crate) inner: Mutex<SandboxInner>,
    /// This sandbox's execd, reached through the proxy routes.
    pub(crate) execd: Router,
    /// This sandbox's egress sidecar, reached through the proxy routes.
    pub(crate) egress: Router,
}

impl std::fmt::Debug for Sandbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sandbox")
            .field("id", &self.id)
            .field("dir", &self.core.dir)
            .finish_non_exhaustive()
    }
}

/// Mutable lifecycle fields.
#[derive(Debug)]
pub(crate) struct SandboxInner {
    pub(crate) status: lt::SandboxStatus,
    pub(crate) metadata: HashMap<String, String>,
    pub(crate) expires_at: Option<DateTime<Utc>>,
    /// Lifecycle events, one line each (diagnostics).
    pub(crate) events: Vec<String>,
    /// Process group of the entrypoint, while it runs.
    pub(crate) main_pgid: Option<i32>,
}

/// Build a status value.
pub(crate) fn status(state: &str, reason: &str, message: impl Into<String>) -> lt::SandboxStatus {
    lt::SandboxStatus {
        last_transition_at: Some(Utc::now()),
        message: Some(message.into()),
        reason: Some(reason.to_owned()),
        state: lt::SandboxState::from(state.to_owned()),
    }
}

impl Sandbox {
    pub(crate) fn inner(&self) -> MutexGuard<'_, SandboxInner> {
        lock(&self.inner)
    }

    /// Current state name.
    pub(crate) fn state(&self) -> String {
        self.inner().status.state.as_str().to_owned()
    }

    /// Move to `state`, recording an event line.
    pub(crate) fn set_state(&self, state: &str, reason: &str, message: impl Into<String>) {
        let mut inner = self.inner();
        Self::set_state_locked(&mut inner, state, reason, message);
    }

    pub(crate) fn set_state_locked(
        inner: &mut SandboxInner,
        state: &str,
        reason: &str,
        message: impl Into<String>,
    ) {
        let message = message.into();
        inner.events.push(format!(
            "{} lifecycle {} {}: {}",
            util::rfc3339(Utc::now()),
            state,
            reason,
            message
        ));
        inner.status = status(state, reason, message);
    }

    /// Record a lifecycle event line without changing state.
    pub(crate) fn event(&self, text: impl AsRef<str>) {
        self.inner().events.push(format!(
            "{} lifecycle {}",
            util::rfc3339(Utc::now()),
            text.as_ref()
        ));
    }

    pub(crate) fn to_api(&self) -> lt::Sandbox {
        let inner = self.inner();
        lt::Sandbox {
            created_at: Some(self.created_at),
            entrypoint: self.entrypoint.clone(),
            expires_at: inner.expires_at,
            id: self.id.clone(),
            image: self.image.clone(),
            metadata: inner.metadata.clone(),
            platform: self.platform.clone(),
            snapshot_id: self.snapshot_id.clone(),
            status: inner.status.clone(),
        }
    }

    pub(crate) fn to_create_response(&self) -> lt::CreateSandboxResponse {
        let inner = self.inner();
        lt::CreateSandboxResponse {
            created_at: Some(self.created_at),
            entrypoint: self.entrypoint.clone(),
            expires_at: inner.expires_at,
            id: self.id.clone(),
            metadata: inner.metadata.clone(),
            platform: self.platform.clone(),
            status: inner.status.clone(),
        }
    }
}

/// What a sandbox's execd and egress sidecar share with the lifecycle side.
pub(crate) struct SandboxCore {
    pub(crate) id: String,
    /// The working directory: relative paths and default cwd resolve against it.
    pub(crate) dir: PathBuf,
    /// Private directory for logs and helper files (outside the working directory).
    pub(crate) state_dir: PathBuf,
    /// Environment from the create request, given to every process.
    pub(crate) env: HashMap<String, String>,
    pub(crate) execd_token: String,
    pub(crate) egress_token: String,
    /// Whether the sandbox was created with `credentialProxy.enabled`.
    pub(crate) credential_proxy: bool,
    /// Process groups currently alive in this sandbox.
    groups: Mutex<HashSet<i32>>,
    pub(crate) execd: execd::ExecdState,
    pub(crate) egress: egress::EgressState,
}

impl std::fmt::Debug for SandboxCore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SandboxCore")
            .field("id", &self.id)
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}

impl SandboxCore {
    pub(crate) fn new(
        id: String,
        dir: PathBuf,
        state_dir: PathBuf,
        env: HashMap<String, String>,
        credential_proxy: bool,
        policy: Option<opensandbox_egress_api::types::NetworkPolicy>,
    ) -> Self {
        Self {
            id,
            dir,
            state_dir,
            env,
            execd_token: util::new_token(),
            egress_token: util::new_token(),
            credential_proxy,
            groups: Mutex::new(HashSet::new()),
            execd: execd::ExecdState::default(),
            egress: egress::EgressState::new(policy),
        }
    }

    /// Environment for every process of the sandbox, on top of the devserver's own:
    /// the create request's `env`, `OPEN_SANDBOX_SANDBOX_ID` and `OPEN_SANDBOX_SANDBOX_DIR`.
    /// Callers also remove `OPEN_SANDBOX_API_KEY` and the devserver's own key variable
    /// ([`crate::DEVSERVER_API_KEY_ENV`]) so no API key leaks into a sandbox.
    pub(crate) fn process_env(&self) -> Vec<(String, String)> {
        let mut env: Vec<(String, String)> = self
            .env
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        env.push(("OPEN_SANDBOX_SANDBOX_ID".to_owned(), self.id.clone()));
        env.push((
            "OPEN_SANDBOX_SANDBOX_DIR".to_owned(),
            self.dir.to_string_lossy().into_owned(),
        ));
        env
    }

    /// Path of the entrypoint's combined output (diagnostics `container` scope).
    pub(crate) fn container_log(&self) -> PathBuf {
        self.state_dir.join("container.log")
    }

    /// Track a new process group.
    pub(crate) fn register(&self, pgid: i32) {
        lock(&self.groups).insert(pgid);
    }

    /// Forget groups with no process left (a group id can only be reused once empty).
    pub(crate) fn prune_groups(&self) {
        lock(&self.groups).retain(|pgid| process::group_alive(*pgid));
    }

    /// Signal every live process group.
    pub(crate) fn signal_all(&self, sig: i32) {
        let groups: Vec<i32> = lock(&self.groups).iter().copied().collect();
        for pgid in groups {
            process::signal_group(pgid, sig);
        }
    }

    /// Kill every live process group.
    pub(crate) fn kill_all(&self) {
        let groups: Vec<i32> = lock(&self.groups).drain().collect();
        for pgid in groups {
            process::kill_group(pgid);
        }
        self.execd.forget_processes();
    }
}
