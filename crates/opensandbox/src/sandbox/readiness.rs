//! Waiting for a sandbox to be ready: state `Running`, an execd endpoint, and a ping.

use std::time::{Duration, Instant};

use super::endpoint::{execd_client, resolve};
use super::{EXECD_PORT, EndpointOptions, Readiness};
use crate::connection::ConnectionConfig;
use crate::error::{Error, Result};
use crate::execd::ExecdClient;
use crate::lifecycle::LifecycleClient;
use crate::model::SandboxState;

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
             server with ConnectionConfig::server_proxy(true) or map the address \
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
pub(super) async fn wait_ready(
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
    let is_dead = |s: &str| {
        let state = SandboxState::parse(s);
        state.is_dead()
            || (paused_is_dead && matches!(state, SandboxState::Paused | SandboxState::Pausing))
    };

    // 1. State `Running`.
    loop {
        if SandboxState::parse(&last_state) == SandboxState::Running {
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
        match tokio::time::timeout(
            remaining,
            resolve(
                lifecycle,
                config,
                id,
                EXECD_PORT,
                &EndpointOptions::default(),
            ),
        )
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
