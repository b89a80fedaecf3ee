//! Every call the pool makes into the sandbox facade, in one place: create, connect,
//! renew, kill, the default health check and the metadata label of pooled sandboxes.

use std::time::Duration;

use crate::connection::ConnectionConfig;
use crate::error::Result;
use crate::sandbox::{ConnectOptions, Sandbox, SandboxCreateOptions};

/// The metadata label that names the pool a sandbox was warmed for.
pub const POOL_LABEL: &str = "opensandbox.pool";

/// The spec the replenisher creates idle sandboxes from: the caller's, labelled with the
/// pool's name when the name is a valid label value (Kubernetes rules: at most 63
/// characters, alphanumerics, `-`, `_`, `.`, alphanumeric at both ends).
pub(crate) fn warm_spec(spec: &SandboxCreateOptions, pool: &str) -> SandboxCreateOptions {
    let alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let valid = pool.len() <= 63
        && alnum(pool.chars().next())
        && alnum(pool.chars().last())
        && pool
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if valid {
        spec.clone().metadata(POOL_LABEL, pool)
    } else {
        spec.clone()
    }
}

/// The spec of a sandbox created directly for a caller: the pool's, living `timeout`
/// (the hand-out timeout) when one is given.
pub(crate) fn direct_spec(
    spec: &SandboxCreateOptions,
    timeout: Option<Duration>,
) -> SandboxCreateOptions {
    match timeout {
        Some(t) => spec.clone().timeout(t),
        None => spec.clone(),
    }
}

/// The server-side lifetime the creation spec asks for (`None`: until killed).
pub(crate) fn spec_timeout(spec: &SandboxCreateOptions) -> Option<Duration> {
    spec.timeout
}

/// Whether the spec is built into a request without error (checked once at start).
pub(crate) fn check_spec(spec: &SandboxCreateOptions) -> Result<()> {
    spec.to_request().map(|_| ())
}

/// The pool's connection config: the caller's, with one HTTP client (built with the
/// SDK's own policy, unless the caller supplied one) shared by every call the pool
/// makes, so hand-outs reuse open connections instead of opening new ones.
pub(crate) fn shared_config(config: &ConnectionConfig) -> Result<ConnectionConfig> {
    let options = config.client_options();
    if options.http_client.is_some() {
        return Ok(config.clone());
    }
    let client = crate::transport::http::build_client(&options)?;
    Ok(config.clone().options(options.http_client(client)))
}

/// Creates a sandbox and waits until it is ready.
pub(crate) async fn create(
    config: &ConnectionConfig,
    spec: SandboxCreateOptions,
) -> Result<Sandbox> {
    Sandbox::create(config, spec).await
}

/// A handle on an idle sandbox by id, without the facade's own readiness check (the
/// pool's health check runs instead).
pub(crate) async fn connect(config: &ConnectionConfig, sandbox_id: &str) -> Result<Sandbox> {
    Sandbox::connect_with(
        config,
        sandbox_id,
        ConnectOptions::new().health_check(false),
    )
    .await
}

/// Moves the sandbox's expiry to `timeout` from now.
pub(crate) async fn renew(sandbox: &Sandbox, timeout: Duration) -> Result<()> {
    sandbox.renew(timeout).await.map(|_| ())
}

/// The default health check: execd answers ping.
pub(crate) async fn ping(sandbox: &Sandbox) -> Result<()> {
    sandbox.ping().await
}

/// Deletes a sandbox by id; one that is already gone counts as deleted.
pub(crate) async fn kill_id(config: &ConnectionConfig, sandbox_id: &str) -> Result<()> {
    let manager = crate::sandbox::SandboxManager::new(config)?;
    match manager.kill(sandbox_id).await {
        Err(e) if e.is_not_found() => Ok(()),
        other => other,
    }
}

/// Deletes a sandbox; one that is already gone counts as deleted.
pub(crate) async fn kill(sandbox: &Sandbox) -> Result<()> {
    match sandbox.kill().await {
        Err(e) if e.is_not_found() => Ok(()),
        other => other,
    }
}
