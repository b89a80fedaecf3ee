//! Sandbox lifecycle: create, list, get, kill, pause, resume, renew, endpoints,
//! health and metrics.

use std::time::Duration;

use futures::{Stream, StreamExt};
use opensandbox::api::lifecycle::ListOptions;
use opensandbox::{ConnectOptions, NetworkPolicy, Sandbox, SandboxCreateOptions, SandboxState};
use serde_json::{Value, json};

use super::{Conn, OpResult};
use crate::exit::CliError;

/// A sandbox's lifetime, as asked for on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lifetime {
    /// The SDK's default.
    Default,
    /// Deleted after this long.
    After(Duration),
    /// Kept until killed.
    Manual,
}

/// What `osb sandbox create` asks for.
#[derive(Debug, Clone)]
pub struct CreateSpec {
    /// Container image (or none with `snapshot`).
    pub image: Option<String>,
    /// Snapshot to restore from.
    pub snapshot: Option<String>,
    /// Environment variables.
    pub env: Vec<(String, String)>,
    /// Resource limits (`cpu`, `memory`, …).
    pub resources: Vec<(String, String)>,
    /// Metadata labels.
    pub metadata: Vec<(String, String)>,
    /// Lifetime.
    pub lifetime: Lifetime,
    /// Hosts to allow (everything else is denied once any rule is given).
    pub allow: Vec<String>,
    /// Hosts to deny.
    pub deny: Vec<String>,
    /// The main process.
    pub entrypoint: Vec<String>,
    /// Start the credential proxy (for the vault).
    pub credential_proxy: bool,
    /// Protect the endpoints with an access token.
    pub secure_access: bool,
    /// Provider-specific settings.
    pub extensions: Vec<(String, String)>,
    /// Also wait until execd in the sandbox answers (else only until it is `Running`).
    pub wait: bool,
    /// How long to wait.
    pub ready_timeout: Option<Duration>,
}

/// Creates a sandbox; returns the server's view of it.
pub async fn create(conn: &Conn, spec: CreateSpec) -> OpResult<Value> {
    let mut opts = match (&spec.image, &spec.snapshot) {
        (Some(image), None) => SandboxCreateOptions::new(image.clone()),
        (None, Some(snap)) => SandboxCreateOptions::from_snapshot(snap.clone()),
        _ => {
            return Err(CliError::usage(
                "give an image, or --snapshot to restore one (not both)",
            ));
        }
    };
    for (k, v) in spec.env {
        opts = opts.env(k, v);
    }
    for (k, v) in spec.resources {
        opts = opts.resource_limit(k, v);
    }
    for (k, v) in spec.metadata {
        opts = opts.metadata(k, v);
    }
    match spec.lifetime {
        Lifetime::Default => {}
        Lifetime::After(d) => opts = opts.timeout(d),
        Lifetime::Manual => opts = opts.manual_cleanup(),
    }
    if !spec.allow.is_empty() || !spec.deny.is_empty() {
        let mut policy = if spec.allow.is_empty() {
            NetworkPolicy::allow_by_default()
        } else {
            NetworkPolicy::deny_by_default()
        };
        for h in spec.allow {
            policy = policy.allow(h);
        }
        for h in spec.deny {
            policy = policy.deny(h);
        }
        opts = opts.network_policy(policy);
    }
    if !spec.entrypoint.is_empty() {
        opts = opts.entrypoint(spec.entrypoint);
    }
    if spec.credential_proxy {
        opts = opts.credential_proxy(true);
    }
    if spec.secure_access {
        opts = opts.secure_access(true);
    }
    for (k, v) in spec.extensions {
        opts = opts.extension(k, v);
    }
    if let Some(t) = spec.ready_timeout {
        opts = opts.ready_timeout(t);
    }
    let sandbox = Sandbox::create(conn.config(), opts.health_check(spec.wait)).await?;
    json_of(&sandbox.info().await?)
}

/// Filters of `osb sandbox list`.
#[derive(Debug, Clone, Default)]
pub struct ListSpec {
    /// States to keep.
    pub states: Vec<String>,
    /// Metadata labels to match.
    pub metadata: Vec<(String, String)>,
    /// The page (1-based).
    pub page: Option<u64>,
    /// Items per page.
    pub page_size: Option<u64>,
    /// Every page, not just one.
    pub all: bool,
}

/// Lists sandboxes: one page, or every page with `all`.
pub async fn list(conn: &Conn, spec: ListSpec) -> OpResult<Vec<Value>> {
    let mut opts = ListOptions::new();
    for s in spec.states {
        opts = opts.state(SandboxState::from(s));
    }
    for (k, v) in spec.metadata {
        opts = opts.metadata(k, v);
    }
    if let Some(p) = spec.page {
        opts = opts.page(p);
    }
    if let Some(s) = spec.page_size {
        opts = opts.page_size(s);
    }
    let manager = conn.manager()?;
    if spec.all {
        return all_as_json(manager.list_all(opts)).await;
    }
    let page = manager.list(&opts).await?;
    page.items.iter().map(json_of).collect()
}

/// One sandbox.
pub async fn get(conn: &Conn, id: &str) -> OpResult<Value> {
    json_of(&conn.manager()?.get(id).await?)
}

/// Deletes a sandbox.
pub async fn kill(conn: &Conn, id: &str) -> OpResult<()> {
    Ok(conn.manager()?.kill(id).await?)
}

/// Pauses a sandbox.
pub async fn pause(conn: &Conn, id: &str) -> OpResult<()> {
    Ok(conn.manager()?.pause(id).await?)
}

/// Resumes a sandbox; with `wait`, until it runs and execd answers.
pub async fn resume(conn: &Conn, id: &str, wait: bool) -> OpResult<()> {
    if !wait {
        return Ok(conn.manager()?.resume(id).await?);
    }
    let sandbox =
        Sandbox::connect_with(conn.config(), id, ConnectOptions::new().health_check(false)).await?;
    Ok(sandbox.resume().await?)
}

/// Moves the expiry to `duration` from now; returns the new expiry (RFC 3339).
pub async fn renew(conn: &Conn, id: &str, duration: Duration) -> OpResult<String> {
    let at = conn.manager()?.renew(id, duration).await?;
    Ok(at.to_rfc3339())
}

/// The endpoint of `port` in the sandbox: its URL and the names of the headers to send
/// (their values are credentials and are not shown).
pub async fn endpoint(conn: &Conn, id: &str, port: u16) -> OpResult<Value> {
    let proxy = conn.config().uses_server_proxy();
    let ep = conn
        .manager()?
        .lifecycle()
        .get_endpoint(id, port, proxy)
        .await?;
    let url = format!("{}://{}", conn.config().effective_protocol(), ep.endpoint);
    let headers: Vec<String> = ep.headers.keys().cloned().collect();
    Ok(json!({ "endpoint": ep.endpoint, "url": url, "header_names": headers }))
}

/// Whether execd in the sandbox answers.
pub async fn health(conn: &Conn, id: &str) -> OpResult<Value> {
    let sandbox = conn.sandbox(id).await?;
    sandbox.ping().await?;
    Ok(json!({ "id": id, "healthy": true }))
}

/// One CPU and memory sample.
pub async fn metrics(conn: &Conn, id: &str) -> OpResult<Value> {
    let sandbox = conn.sandbox(id).await?;
    Ok(metrics_json(&sandbox.metrics().await?))
}

/// Samples, one a second, until the stream fails or is dropped.
pub async fn watch_metrics(
    conn: &Conn,
    id: &str,
) -> OpResult<impl Stream<Item = OpResult<Value>> + use<>> {
    let sandbox = conn.sandbox(id).await?;
    let stream = sandbox.watch_metrics().await?;
    Ok(stream.map(|m| m.map(|m| metrics_json(&m)).map_err(CliError::from)))
}

fn metrics_json(m: &opensandbox::stream::Metrics) -> Value {
    json!({
        "cpu_count": m.cpu_count,
        "cpu_used_pct": m.cpu_used_pct,
        "mem_total_mib": m.mem_total_mib,
        "mem_used_mib": m.mem_used_mib,
        "timestamp": m.timestamp,
    })
}

/// Any API value as JSON.
pub(crate) fn json_of<T: serde::Serialize>(value: &T) -> OpResult<Value> {
    serde_json::to_value(value).map_err(|e| CliError::failure(format!("cannot encode: {e}")))
}

/// Every item of a listing walked page by page (`--all`), as JSON; stops at the first
/// error.
pub(crate) async fn all_as_json<T: serde::Serialize>(
    items: impl Stream<Item = opensandbox::Result<T>>,
) -> OpResult<Vec<Value>> {
    let mut out = Vec::new();
    let mut items = std::pin::pin!(items);
    while let Some(item) = items.next().await {
        out.push(json_of(&item?)?);
    }
    Ok(out)
}
