//! The lifecycle and diagnostics APIs (`/v1/...` and `/...`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{FromRequest, Path as UrlPath, RawQuery, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::{DateTime, Utc};
use opensandbox_lifecycle_api::types as lt;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use crate::state::{AppState, Sandbox, SandboxCore, SignedRoute, SnapshotRecord, lock, states};
use crate::{EGRESS_PORT, EGRESS_TOKEN_HEADER, EXECD_PORT, EXECD_TOKEN_HEADER, process};
use crate::{egress, execd, proxy, util};

/// Largest page the server hands out.
const MAX_PAGE_SIZE: i64 = 200;
/// Most bytes of log text returned inline by diagnostics.
const DIAGNOSTICS_LIMIT: u64 = 256 * 1024;
/// Default entrypoint of sandboxes restored from a snapshot.
const SNAPSHOT_ENTRYPOINT: [&str; 3] = ["tail", "-f", "/dev/null"];

/// The whole HTTP application: lifecycle routes at `/v1` and `/`, proxy routes to each
/// sandbox's execd, egress sidecar and other ports.
pub(crate) fn app(state: Arc<AppState>) -> Router {
    let lifecycle = Router::new()
        .route("/sandboxes", get(list_sandboxes).post(create_sandbox))
        .route(
            "/sandboxes/{sandbox_id}",
            get(get_sandbox).delete(delete_sandbox),
        )
        .route(
            "/sandboxes/{sandbox_id}/metadata",
            axum::routing::patch(patch_metadata),
        )
        .route("/sandboxes/{sandbox_id}/pause", post(pause_sandbox))
        .route("/sandboxes/{sandbox_id}/resume", post(resume_sandbox))
        .route(
            "/sandboxes/{sandbox_id}/renew-expiration",
            post(renew_expiration),
        )
        .route(
            "/sandboxes/{sandbox_id}/endpoints/{port}",
            get(get_endpoint),
        )
        .route("/sandboxes/{sandbox_id}/snapshots", post(create_snapshot))
        .route(
            "/sandboxes/{sandbox_id}/diagnostics/logs",
            get(diagnostics_logs),
        )
        .route(
            "/sandboxes/{sandbox_id}/diagnostics/events",
            get(diagnostics_events),
        )
        .route("/snapshots", get(list_snapshots))
        .route(
            "/snapshots/{snapshot_id}",
            get(get_snapshot).delete(delete_snapshot),
        )
        .method_not_allowed_fallback(method_not_allowed)
        .route_layer(middleware::from_fn_with_state(state.clone(), api_key_auth));

    Router::new()
        .route(
            "/health",
            get(|| async { util::json(StatusCode::OK, &json!({"status": "healthy"})) }),
        )
        .nest("/v1", lifecycle.clone())
        .merge(lifecycle)
        .merge(proxy::routes())
        .fallback(not_found)
        .layer(middleware::from_fn(util::request_id))
        .with_state(state)
}

async fn not_found() -> Response {
    util::json(StatusCode::NOT_FOUND, &json!({"detail": "Not Found"}))
}

async fn method_not_allowed() -> Response {
    util::json(
        StatusCode::METHOD_NOT_ALLOWED,
        &json!({"detail": "Method Not Allowed"}),
    )
}

/// `{code, message}` error body.
pub(crate) fn error(status: StatusCode, code: &str, message: impl Into<String>) -> Response {
    util::json(
        status,
        &lt::ErrorResponse {
            code: code.to_owned(),
            message: message.into(),
        },
    )
}

fn sandbox_not_found(id: &str) -> Response {
    error(
        StatusCode::NOT_FOUND,
        "SANDBOX::NOT_FOUND",
        format!("Sandbox {id} not found"),
    )
}

/// A FastAPI-style validation failure (422 `{"detail": [...]}`).
pub(crate) fn validation(items: Vec<Value>) -> Response {
    util::json(
        StatusCode::UNPROCESSABLE_ENTITY,
        &json!({ "detail": items }),
    )
}

fn detail(kind: &str, loc: Vec<Value>, msg: impl Into<String>, input: Value) -> Value {
    json!({"type": kind, "loc": loc, "msg": msg.into(), "input": input})
}

fn value_error(msg: &str, input: Value) -> Response {
    validation(vec![detail(
        "value_error",
        vec![json!("body")],
        format!("Value error, {msg}"),
        input,
    )])
}

async fn api_key_auth(State(state): State<Arc<AppState>>, req: Request, next: Next) -> Response {
    let Some(expected) = state.cfg.api_key.as_deref() else {
        return next.run(req).await;
    };
    match req
        .headers()
        .get(crate::API_KEY_HEADER)
        .and_then(|v| v.to_str().ok())
    {
        None | Some("") => error(
            StatusCode::UNAUTHORIZED,
            "MISSING_API_KEY",
            format!(
                "Authentication credentials are missing. Provide API key via {} header.",
                crate::API_KEY_HEADER
            ),
        ),
        Some(key) if key == expected => next.run(req).await,
        Some(_) => error(
            StatusCode::UNAUTHORIZED,
            "INVALID_API_KEY",
            "Authentication credentials are invalid. Check your API key and try again.",
        ),
    }
}

/// A JSON body decoded into a generated type, rejected FastAPI-style (422).
pub(crate) struct ApiJson<T> {
    pub(crate) body: T,
    pub(crate) raw: Value,
}

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Response> {
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(IntoResponse::into_response)?;
        parse_body(&bytes)
    }
}

fn parse_body<T: DeserializeOwned>(bytes: &[u8]) -> Result<ApiJson<T>, Response> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(validation(vec![detail(
            "missing",
            vec![json!("body")],
            "Field required",
            Value::Null,
        )]));
    }
    let raw: Value = serde_json::from_slice(bytes).map_err(|e| {
        validation(vec![json!({
            "type": "json_invalid",
            "loc": ["body", e.column()],
            "msg": "JSON decode error",
            "input": {},
            "ctx": {"error": e.to_string()},
        })])
    })?;
    let body = serde_path_to_error::deserialize(raw.clone()).map_err(|e| {
        let mut loc = vec![json!("body")];
        for seg in e.path().iter() {
            match seg {
                serde_path_to_error::Segment::Seq { index } => loc.push(json!(index)),
                serde_path_to_error::Segment::Map { key } => loc.push(json!(key)),
                serde_path_to_error::Segment::Enum { variant } => loc.push(json!(variant)),
                serde_path_to_error::Segment::Unknown => {}
            }
        }
        validation(vec![detail(
            "value_error",
            loc,
            e.inner().to_string(),
            raw.clone(),
        )])
    })?;
    Ok(ApiJson { body, raw })
}

/// Parse an integer query parameter with FastAPI's bounds messages.
fn int_query(
    pairs: &[(String, String)],
    name: &str,
    default: i64,
    min: i64,
    max: Option<i64>,
) -> Result<i64, Value> {
    let Some(raw) = util::query_get(pairs, name) else {
        return Ok(default);
    };
    let loc = vec![json!("query"), json!(name)];
    let n: i64 = raw.trim().parse().map_err(|_| {
        detail(
            "int_parsing",
            loc.clone(),
            "Input should be a valid integer, unable to parse string as an integer",
            json!(raw),
        )
    })?;
    if n < min {
        let mut d = detail(
            "greater_than_equal",
            loc,
            format!("Input should be greater than or equal to {min}"),
            json!(raw),
        );
        d["ctx"] = json!({"ge": min});
        return Err(d);
    }
    if let Some(max) = max
        && n > max
    {
        let mut d = detail(
            "less_than_equal",
            loc,
            format!("Input should be less than or equal to {max}"),
            json!(raw),
        );
        d["ctx"] = json!({"le": max});
        return Err(d);
    }
    Ok(n)
}

fn bool_query(pairs: &[(String, String)], name: &str) -> Result<bool, Value> {
    match util::query_get(pairs, name) {
        None => Ok(false),
        Some(raw) => match raw.trim().to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" | "on" | "t" | "y" => Ok(true),
            "false" | "0" | "no" | "off" | "f" | "n" => Ok(false),
            _ => Err(detail(
                "bool_parsing",
                vec![json!("query"), json!(name)],
                "Input should be a valid boolean, unable to interpret input",
                json!(raw),
            )),
        },
    }
}

fn pagination(total: usize, page: i64, page_size: i64) -> lt::PaginationInfo {
    let total = total as u64;
    let size = page_size.max(1) as u64;
    let total_pages = total.div_ceil(size);
    let page = page.max(1) as u64;
    lt::PaginationInfo {
        has_next_page: page < total_pages,
        page: std::num::NonZeroU64::new(page).unwrap_or(std::num::NonZeroU64::MIN),
        page_size: std::num::NonZeroU64::new(size).unwrap_or(std::num::NonZeroU64::MIN),
        total_items: total,
        total_pages,
    }
}

fn page_slice<T>(items: Vec<T>, page: i64, page_size: i64) -> Vec<T> {
    let start = ((page - 1).max(0) as usize).saturating_mul(page_size as usize);
    items
        .into_iter()
        .skip(start)
        .take(page_size as usize)
        .collect()
}

// ---------------------------------------------------------------------------------
// Validation helpers
// ---------------------------------------------------------------------------------

fn is_label_name(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.len() <= 63
        && b[0].is_ascii_alphanumeric()
        && b[b.len() - 1].is_ascii_alphanumeric()
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'))
}

fn is_dns_subdomain(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 253
        && s.split('.').all(|label| {
            let b = label.as_bytes();
            !b.is_empty()
                && b.len() <= 63
                && b[0].is_ascii_alphanumeric()
                && b[b.len() - 1].is_ascii_alphanumeric()
                && b.iter()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
        })
}

/// Kubernetes label syntax for metadata keys; `opensandbox.io/` is reserved.
fn check_label_key(key: &str) -> Result<(), String> {
    if key.starts_with("opensandbox.io/") {
        return Err(format!(
            "metadata key {key:?} uses the reserved prefix \"opensandbox.io/\""
        ));
    }
    let ok = match key.split_once('/') {
        Some((prefix, name)) => is_dns_subdomain(prefix) && is_label_name(name),
        None => is_label_name(key),
    };
    if ok {
        Ok(())
    } else {
        Err(format!(
            "metadata key {key:?} is not a valid label key (optional DNS-subdomain prefix and '/', then up to 63 characters of letters, digits, '-', '_' and '.', starting and ending with a letter or digit)"
        ))
    }
}

fn check_label_value(key: &str, value: &str) -> Result<(), String> {
    if value.is_empty() || is_label_name(value) {
        Ok(())
    } else {
        Err(format!(
            "metadata value {value:?} of key {key:?} is not a valid label value (up to 63 characters of letters, digits, '-', '_' and '.', starting and ending with a letter or digit)"
        ))
    }
}

fn invalid_label(message: String) -> Response {
    error(
        StatusCode::BAD_REQUEST,
        "SANDBOX::INVALID_METADATA_LABEL",
        message,
    )
}

/// `host` or `*.host`: what a network rule target may be.
pub(crate) fn valid_rule_target(target: &str) -> bool {
    let t = target.trim().trim_end_matches('.');
    let name = t.strip_prefix("*.").unwrap_or(t);
    if name.is_empty() || name.contains('*') || name.contains('/') || name.contains(':') {
        return false;
    }
    if name.parse::<std::net::IpAddr>().is_ok() {
        return false;
    }
    name.split('.').all(|label| {
        !label.is_empty()
            && label.len() <= 63
            && label
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
    })
}

fn host_arch() -> &'static str {
    match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        other => other,
    }
}

// ---------------------------------------------------------------------------------
// Sandboxes
// ---------------------------------------------------------------------------------

async fn create_sandbox(
    State(st): State<Arc<AppState>>,
    ApiJson { body: req, raw }: ApiJson<lt::CreateSandboxRequest>,
) -> Response {
    // Pydantic-level checks (the reference server answers these with 422).
    if let Some(t) = req.timeout
        && t < 60
    {
        let mut d = detail(
            "greater_than_equal",
            vec![json!("body"), json!("timeout")],
            "Input should be greater than or equal to 60",
            json!(t),
        );
        d["ctx"] = json!({"ge": 60});
        return validation(vec![d]);
    }
    if raw
        .get("entrypoint")
        .and_then(Value::as_array)
        .is_some_and(Vec::is_empty)
    {
        let mut d = detail(
            "too_short",
            vec![json!("body"), json!("entrypoint")],
            "List should have at least 1 item after validation, not 0",
            json!([]),
        );
        d["ctx"] = json!({"field_type": "List", "min_length": 1, "actual_length": 0});
        return validation(vec![d]);
    }
    if req
        .extensions
        .get("poolRef")
        .is_some_and(|p| !p.trim().is_empty())
    {
        return error(
            StatusCode::BAD_REQUEST,
            "SANDBOX::API_NOT_SUPPORTED",
            "opensandbox-devserver has no pre-provisioned pools (extensions.poolRef)",
        );
    }
    // Registry credentials are accepted but never stored or echoed back.
    let image = req
        .image
        .clone()
        .filter(|i| !i.uri.trim().is_empty())
        .map(|mut i| {
            i.auth = None;
            i
        });
    let snapshot_id = req.snapshot_id.clone().filter(|s| !s.trim().is_empty());
    if image.is_some() == snapshot_id.is_some() {
        return value_error("Exactly one of image or snapshotId must be provided.", raw);
    }
    if image.is_some() && req.entrypoint.is_empty() {
        return value_error("Entrypoint is required when image is provided.", raw);
    }
    if req.resource_limits.is_none() {
        return value_error(
            "resourceLimits is required when poolRef is not provided.",
            raw,
        );
    }

    // Service-level checks (400 / 404 / 409 with `{code, message}`).
    for (k, v) in &req.metadata {
        if let Err(msg) = check_label_key(k).and_then(|()| check_label_value(k, v)) {
            return invalid_label(msg);
        }
    }
    if let Some(p) = &req.platform {
        let (os, arch) = (p.os.as_str(), p.arch.as_str());
        if os != "linux" || arch != host_arch() {
            return error(
                StatusCode::BAD_REQUEST,
                "SANDBOX::INVALID_PARAMETER",
                format!(
                    "platform {os}/{arch} cannot be satisfied: opensandbox-devserver runs sandboxes on this host (linux/{})",
                    host_arch()
                ),
            );
        }
    }
    if !req.volumes.is_empty() {
        return error(
            StatusCode::BAD_REQUEST,
            "VOLUME::UNSUPPORTED_BACKEND",
            "opensandbox-devserver does not mount volumes",
        );
    }
    let renew_extend = match req.extensions.get("access.renew.extend.seconds") {
        None => None,
        Some(v) => match v.trim().parse::<i64>() {
            Ok(n) if (300..=86_400).contains(&n) => Some(n),
            _ => {
                return error(
                    StatusCode::BAD_REQUEST,
                    "SANDBOX::INVALID_PARAMETER",
                    format!(
                        "extensions[\"access.renew.extend.seconds\"] must be a whole number from 300 to 86400, got {v:?}"
                    ),
                );
            }
        },
    };
    let credential_proxy = req.credential_proxy.as_ref().is_some_and(|c| c.enabled);
    let policy = match &req.network_policy {
        Some(p) if !p.egress.is_empty() || p.default_action.is_some() => {
            if let Some(bad) = p.egress.iter().find(|r| !valid_rule_target(&r.target)) {
                return error(
                    StatusCode::BAD_REQUEST,
                    "SANDBOX::INVALID_PARAMETER",
                    format!(
                        "networkPolicy target {:?} is not a domain name or *.domain wildcard",
                        bad.target
                    ),
                );
            }
            Some(egress::policy_from_lifecycle(p))
        }
        _ => None,
    };
    if credential_proxy && policy.is_none() {
        return error(
            StatusCode::BAD_REQUEST,
            "SANDBOX::INVALID_PARAMETER",
            "credentialProxy.enabled requires networkPolicy",
        );
    }

    let mut env: HashMap<String, String> = HashMap::new();
    let mut from_snapshot = None;
    if let Some(snap_id) = &snapshot_id {
        let snaps = lock(&st.snapshots);
        let Some(snap) = snaps.get(snap_id) else {
            return error(
                StatusCode::NOT_FOUND,
                "SNAPSHOT::NOT_FOUND",
                format!("Snapshot {snap_id} not found"),
            );
        };
        if snap.state() != states::SNAP_READY {
            return error(
                StatusCode::CONFLICT,
                "SNAPSHOT::NOT_READY",
                format!(
                    "Snapshot {snap_id} is {} and cannot be restored",
                    snap.state()
                ),
            );
        }
        env.extend(snap.env.clone());
        from_snapshot = Some(st.snapshot_dir(snap_id));
    }
    env.extend(req.env.clone());

    let id = util::new_id();
    let now = Utc::now();
    let entrypoint = if req.entrypoint.is_empty() {
        SNAPSHOT_ENTRYPOINT
            .iter()
            .map(|s| (*s).to_owned())
            .collect()
    } else {
        req.entrypoint.clone()
    };
    let core = Arc::new(SandboxCore::new(
        id.clone(),
        st.sandbox_dir(&id),
        st.state_dir(&id),
        env,
        credential_proxy,
        policy,
    ));
    let sandbox = Arc::new(Sandbox {
        id: id.clone(),
        seq: st.next_seq(),
        created_at: now,
        image,
        snapshot_id,
        platform: req.platform.clone(),
        entrypoint,
        renew_extend,
        execd: execd::router(core.clone()),
        egress: egress::router(core.clone()),
        core,
        inner: std::sync::Mutex::new(crate::state::SandboxInner {
            status: crate::state::status(
                states::PENDING,
                "provisioning",
                "Preparing the working directory and starting the entrypoint",
            ),
            metadata: req.metadata.clone(),
            expires_at: req.timeout.map(|t| now + chrono::Duration::seconds(t)),
            events: vec![format!(
                "{} lifecycle Pending provisioning: sandbox accepted",
                util::rfc3339(now)
            )],
            main_pgid: None,
        }),
    });
    lock(&st.sandboxes).insert(id.clone(), sandbox.clone());
    tokio::spawn(provision(sandbox.clone(), from_snapshot));

    let mut resp = util::json(StatusCode::ACCEPTED, &sandbox.to_create_response());
    if let Ok(loc) = HeaderValue::from_str(&format!("/v1/sandboxes/{id}")) {
        resp.headers_mut().insert(header::LOCATION, loc);
    }
    resp
}

/// Prepare the working directory and start the entrypoint.
async fn provision(sb: Arc<Sandbox>, from_snapshot: Option<PathBuf>) {
    let core = sb.core.clone();
    let prepared: Result<(), String> = async {
        tokio::fs::create_dir_all(&core.state_dir)
            .await
            .map_err(|e| format!("cannot create state directory: {e}"))?;
        match from_snapshot {
            Some(src) => {
                let dest = core.dir.clone();
                tokio::task::spawn_blocking(move || copy_tree(&src, &dest))
                    .await
                    .map_err(|e| e.to_string())?
                    .map_err(|e| format!("cannot restore snapshot: {e}"))
            }
            None => tokio::fs::create_dir_all(&core.dir)
                .await
                .map_err(|e| format!("cannot create working directory: {e}")),
        }
    }
    .await;
    if let Err(msg) = prepared {
        sb.set_state(states::FAILED, "provision_failed", msg);
        return;
    }
    let log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(core.container_log());
    let (out, err) = match log.and_then(|f| Ok((f.try_clone()?, f))) {
        Ok((a, b)) => (std::process::Stdio::from(a), std::process::Stdio::from(b)),
        Err(_) => (std::process::Stdio::null(), std::process::Stdio::null()),
    };
    let mut cmd = tokio::process::Command::new(&sb.entrypoint[0]);
    cmd.args(&sb.entrypoint[1..])
        .current_dir(&core.dir)
        .env_remove("OPEN_SANDBOX_API_KEY")
        .env_remove(crate::DEVSERVER_API_KEY_ENV)
        .envs(core.process_env())
        .stdin(std::process::Stdio::null())
        .stdout(out)
        .stderr(err)
        .process_group(0);
    let mut child = match cmd.spawn() {
        Ok(child) => child,
        Err(e) => {
            sb.set_state(
                states::FAILED,
                "entrypoint_start_failed",
                format!("cannot start entrypoint {:?}: {e}", sb.entrypoint),
            );
            return;
        }
    };
    let Some(pgid) = child.id().map(|p| p as i32) else {
        sb.set_state(
            states::FAILED,
            "entrypoint_start_failed",
            "entrypoint exited at once",
        );
        return;
    };
    core.register(pgid);
    {
        let mut inner = sb.inner();
        inner.main_pgid = Some(pgid);
        if inner.status.state.as_str() == states::PENDING {
            Sandbox::set_state_locked(
                &mut inner,
                states::RUNNING,
                "sandbox_running",
                format!(
                    "Entrypoint {:?} running as process group {pgid}",
                    sb.entrypoint
                ),
            );
        } else {
            // Deleted while provisioning.
            drop(inner);
            process::kill_group(pgid);
        }
    }
    let status = child.wait().await;
    let mut inner = sb.inner();
    inner.main_pgid = None;
    let state = inner.status.state.as_str().to_owned();
    if matches!(
        state.as_str(),
        states::STOPPING | states::TERMINATED | states::FAILED
    ) {
        return;
    }
    match status {
        Ok(s) if s.success() => Sandbox::set_state_locked(
            &mut inner,
            states::TERMINATED,
            "entrypoint_exited",
            "The entrypoint exited with status 0; the sandbox has stopped",
        ),
        Ok(s) => Sandbox::set_state_locked(
            &mut inner,
            states::FAILED,
            "entrypoint_exited",
            format!(
                "The entrypoint ended ({}); the sandbox has stopped",
                process::exit_description(&s)
            ),
        ),
        Err(e) => Sandbox::set_state_locked(
            &mut inner,
            states::FAILED,
            "runtime_error",
            format!("cannot wait for the entrypoint: {e}"),
        ),
    }
    drop(inner);
    // Like a stopped container: nothing keeps running.
    core.kill_all();
}

/// Recursive copy that keeps symlinks and permissions.
fn copy_tree(src: &Path, dest: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dest)?;
    std::fs::set_permissions(dest, std::fs::metadata(src)?.permissions())?;
    for entry in std::fs::read_dir(src)? {
        let entry = entry?;
        let ty = entry.file_type()?;
        let to = dest.join(entry.file_name());
        if ty.is_dir() {
            copy_tree(&entry.path(), &to)?;
        } else if ty.is_symlink() {
            std::os::unix::fs::symlink(std::fs::read_link(entry.path())?, &to)?;
        } else if ty.is_file() {
            std::fs::copy(entry.path(), &to)?;
        }
    }
    Ok(())
}

/// Start deleting a sandbox: `Stopping` now; processes killed and files removed in the
/// background, then the record disappears. Returns false when already stopping.
pub(crate) fn begin_delete(
    st: &Arc<AppState>,
    sb: &Arc<Sandbox>,
    reason: &str,
    message: &str,
) -> bool {
    {
        let mut inner = sb.inner();
        if inner.status.state.as_str() == states::STOPPING {
            return false;
        }
        Sandbox::set_state_locked(&mut inner, states::STOPPING, reason, message);
    }
    let st = st.clone();
    let sb = sb.clone();
    let reason = reason.to_owned();
    tokio::spawn(async move {
        sb.core.kill_all();
        let dir = sb.core.dir.clone();
        let state_dir = sb.core.state_dir.clone();
        let _ = tokio::task::spawn_blocking(move || {
            let _ = std::fs::remove_dir_all(dir);
            let _ = std::fs::remove_dir_all(state_dir);
        })
        .await;
        sb.set_state(states::TERMINATED, &reason, "The sandbox has been removed");
        lock(&st.sandboxes).remove(&sb.id);
        lock(&st.signed).retain(|_, r| r.sandbox_id != sb.id);
    });
    true
}

/// Deletes expired sandboxes and forgets expired signed routes.
pub(crate) async fn reaper(st: Arc<AppState>) {
    let mut tick = tokio::time::interval(Duration::from_millis(500));
    loop {
        tick.tick().await;
        let now = Utc::now();
        let expired: Vec<Arc<Sandbox>> = lock(&st.sandboxes)
            .values()
            .filter(|sb| sb.inner().expires_at.is_some_and(|t| t <= now))
            .cloned()
            .collect();
        for sb in expired {
            if begin_delete(
                &st,
                &sb,
                "ttl_expiry",
                "The sandbox reached its expiry time",
            ) {
                tracing::info!("sandbox {} expired", sb.id);
            }
        }
        let all: Vec<Arc<Sandbox>> = lock(&st.sandboxes).values().cloned().collect();
        for sb in all {
            sb.core.prune_groups();
        }
        let now_s = now.timestamp();
        lock(&st.signed).retain(|_, r| r.expires > now_s);
    }
}

async fn get_sandbox(State(st): State<Arc<AppState>>, UrlPath(id): UrlPath<String>) -> Response {
    match st.sandbox(&id) {
        Some(sb) => util::json(StatusCode::OK, &sb.to_api()),
        None => sandbox_not_found(&id),
    }
}

async fn list_sandboxes(State(st): State<Arc<AppState>>, RawQuery(q): RawQuery) -> Response {
    let pairs = util::query_pairs(q.as_deref());
    let mut problems = vec![];
    let page = int_query(&pairs, "page", 1, 1, None).unwrap_or_else(|d| {
        problems.push(d);
        1
    });
    let page_size = int_query(&pairs, "pageSize", 20, 1, Some(MAX_PAGE_SIZE)).unwrap_or_else(|d| {
        problems.push(d);
        20
    });
    if !problems.is_empty() {
        return validation(problems);
    }
    let wanted_states: Vec<String> = util::query_all(&pairs, "state")
        .into_iter()
        .map(str::to_ascii_lowercase)
        .collect();
    let metadata = match util::query_get(&pairs, "metadata") {
        None | Some("") => vec![],
        Some(raw) => match parse_metadata_filter(raw) {
            Ok(m) => m,
            Err(msg) => {
                return error(
                    StatusCode::BAD_REQUEST,
                    "INVALID_METADATA_FORMAT",
                    format!("Invalid metadata format: {msg}"),
                );
            }
        },
    };
    let mut all: Vec<Arc<Sandbox>> = lock(&st.sandboxes).values().cloned().collect();
    all.sort_by_key(|sb| sb.seq);
    let matching: Vec<lt::Sandbox> = all
        .iter()
        .map(|sb| sb.to_api())
        .filter(|sb| {
            wanted_states.is_empty()
                || wanted_states.contains(&sb.status.state.as_str().to_ascii_lowercase())
        })
        .filter(|sb| {
            metadata
                .iter()
                .all(|(k, v)| sb.metadata.get(k).is_some_and(|have| have == v))
        })
        .collect();
    let info = pagination(matching.len(), page, page_size);
    util::json(
        StatusCode::OK,
        &lt::ListSandboxesResponse {
            items: page_slice(matching, page, page_size),
            pagination: info,
        },
    )
}

/// `key=value&key=value` with `+` and `%XX` decoding (Python's strict `parse_qsl`).
fn parse_metadata_filter(raw: &str) -> Result<Vec<(String, String)>, String> {
    let mut out = vec![];
    for segment in raw.split('&') {
        if !segment.contains('=') {
            return Err(format!("bad query field: {segment:?}"));
        }
        out.extend(
            form_urlencoded::parse(segment.as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned())),
        );
    }
    Ok(out)
}

async fn delete_sandbox(State(st): State<Arc<AppState>>, UrlPath(id): UrlPath<String>) -> Response {
    let Some(sb) = st.sandbox(&id) else {
        return sandbox_not_found(&id);
    };
    begin_delete(&st, &sb, "user_delete", "Deletion requested");
    util::empty(StatusCode::NO_CONTENT)
}

async fn patch_metadata(
    State(st): State<Arc<AppState>>,
    UrlPath(id): UrlPath<String>,
    ApiJson { body, .. }: ApiJson<lt::PatchSandboxMetadataRequest>,
) -> Response {
    let Some(sb) = st.sandbox(&id) else {
        return sandbox_not_found(&id);
    };
    for (k, v) in body.iter() {
        let checked = match v {
            Some(v) => check_label_key(k).and_then(|()| check_label_value(k, v)),
            None => check_label_key(k),
        };
        if let Err(msg) = checked {
            return invalid_label(msg);
        }
    }
    {
        let mut inner = sb.inner();
        for (k, v) in body.iter() {
            match v {
                Some(v) => {
                    inner.metadata.insert(k.clone(), v.clone());
                }
                None => {
                    inner.metadata.remove(k);
                }
            }
        }
    }
    util::json(StatusCode::OK, &sb.to_api())
}

async fn pause_sandbox(State(st): State<Arc<AppState>>, UrlPath(id): UrlPath<String>) -> Response {
    signal_transition(
        &st,
        &id,
        Transition {
            from: states::RUNNING,
            via: states::PAUSING,
            to: states::PAUSED,
            signal: process::SIGSTOP,
            reason: "user_pause",
            refusal_code: "SANDBOX::NOT_RUNNING",
            refusal: "only a Running sandbox can be paused",
            via_message: "Freezing processes",
            done_message: "All sandbox processes are stopped (SIGSTOP)",
        },
    )
}

async fn resume_sandbox(State(st): State<Arc<AppState>>, UrlPath(id): UrlPath<String>) -> Response {
    signal_transition(
        &st,
        &id,
        Transition {
            from: states::PAUSED,
            via: states::RESUMING,
            to: states::RUNNING,
            signal: process::SIGCONT,
            reason: "user_resume",
            refusal_code: "SANDBOX::NOT_PAUSED",
            refusal: "only a Paused sandbox can be resumed",
            via_message: "Waking processes",
            done_message: "All sandbox processes continue (SIGCONT)",
        },
    )
}

/// A state change carried out by signalling every process group: pause and resume.
struct Transition {
    from: &'static str,
    via: &'static str,
    to: &'static str,
    signal: i32,
    reason: &'static str,
    refusal_code: &'static str,
    refusal: &'static str,
    via_message: &'static str,
    done_message: &'static str,
}

/// Moves a sandbox in state `t.from` to `t.via` (answering 202), then signals its
/// processes and settles it in `t.to` unless something else changed its state meanwhile.
fn signal_transition(st: &AppState, id: &str, t: Transition) -> Response {
    let Some(sb) = st.sandbox(id) else {
        return sandbox_not_found(id);
    };
    {
        let mut inner = sb.inner();
        let state = inner.status.state.as_str().to_owned();
        if state != t.from {
            return error(
                StatusCode::CONFLICT,
                t.refusal_code,
                format!("Sandbox {id} is {state}; {}", t.refusal),
            );
        }
        Sandbox::set_state_locked(&mut inner, t.via, t.reason, t.via_message);
    }
    tokio::spawn(async move {
        sb.core.signal_all(t.signal);
        let mut inner = sb.inner();
        if inner.status.state.as_str() == t.via {
            Sandbox::set_state_locked(&mut inner, t.to, t.reason, t.done_message);
        }
    });
    util::empty(StatusCode::ACCEPTED)
}

async fn renew_expiration(
    State(st): State<Arc<AppState>>,
    UrlPath(id): UrlPath<String>,
    ApiJson { body, .. }: ApiJson<lt::RenewSandboxExpirationRequest>,
) -> Response {
    let Some(sb) = st.sandbox(&id) else {
        return sandbox_not_found(&id);
    };
    let new: DateTime<Utc> = body.expires_at;
    let mut inner = sb.inner();
    let state = inner.status.state.as_str().to_owned();
    if matches!(
        state.as_str(),
        states::STOPPING | states::TERMINATED | states::FAILED
    ) {
        return error(
            StatusCode::CONFLICT,
            "SANDBOX::INVALID_STATE",
            format!("Sandbox {id} is {state}"),
        );
    }
    let Some(current) = inner.expires_at else {
        return error(
            StatusCode::BAD_REQUEST,
            "SANDBOX::INVALID_EXPIRATION",
            format!(
                "Sandbox {id} was created without a timeout (manual cleanup) and has no expiration to renew"
            ),
        );
    };
    if new <= Utc::now() {
        return error(
            StatusCode::BAD_REQUEST,
            "SANDBOX::INVALID_EXPIRATION",
            "expiresAt must lie in the future",
        );
    }
    if new <= current {
        return error(
            StatusCode::BAD_REQUEST,
            "SANDBOX::EXPIRATION_NOT_EXTENDED",
            format!(
                "expiresAt {} is not later than the current expiration {}",
                util::rfc3339(new),
                util::rfc3339(current)
            ),
        );
    }
    inner.expires_at = Some(new);
    drop(inner);
    sb.event(format!("renewed: expires at {}", util::rfc3339(new)));
    util::json(
        StatusCode::OK,
        &lt::RenewSandboxExpirationResponse { expires_at: new },
    )
}

async fn get_endpoint(
    State(st): State<Arc<AppState>>,
    UrlPath((id, port)): UrlPath<(String, String)>,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> Response {
    let pairs = util::query_pairs(q.as_deref());
    let mut problems = vec![];
    let port: i64 = match port.trim().parse() {
        Ok(p) => p,
        Err(_) => {
            problems.push(detail(
                "int_parsing",
                vec![json!("path"), json!("port")],
                "Input should be a valid integer, unable to parse string as an integer",
                json!(port),
            ));
            0
        }
    };
    let use_server_proxy = bool_query(&pairs, "use_server_proxy").unwrap_or_else(|d| {
        problems.push(d);
        false
    });
    let expires = match util::query_get(&pairs, "expires") {
        None => None,
        Some(raw) => match raw.trim().parse::<i64>() {
            Ok(n) => Some(n),
            Err(_) => {
                problems.push(detail(
                    "int_parsing",
                    vec![json!("query"), json!("expires")],
                    "Input should be a valid integer, unable to parse string as an integer",
                    json!(raw),
                ));
                None
            }
        },
    };
    if !problems.is_empty() {
        return validation(problems);
    }
    if use_server_proxy && expires.is_some() {
        return error(
            StatusCode::BAD_REQUEST,
            "SANDBOX::INVALID_PARAMETER",
            "use_server_proxy cannot be combined with expires; signed endpoints require the gateway route.",
        );
    }
    let Some(sb) = st.sandbox(&id) else {
        return sandbox_not_found(&id);
    };
    let port = match u16::try_from(port) {
        Ok(p) if p > 0 => p,
        _ => {
            return error(
                StatusCode::BAD_REQUEST,
                "SANDBOX::INVALID_PORT",
                format!("port {port} is outside 1-65535"),
            );
        }
    };
    let request_host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(str::to_owned)
        .unwrap_or_else(|| st.cfg.addr.to_string());
    let direct_host = if st.cfg.addr.ip().is_unspecified() {
        request_host.clone()
    } else {
        st.cfg.addr.to_string()
    };
    let endpoint = if use_server_proxy {
        format!("{request_host}/sandboxes/{id}/proxy/{port}")
    } else if let Some(expires) = expires {
        let now = Utc::now().timestamp();
        if expires <= now {
            return error(
                StatusCode::BAD_REQUEST,
                "SANDBOX::INVALID_PARAMETER",
                format!("expires {expires} is not in the future (Unix seconds)"),
            );
        }
        let token = format!(
            "{id}-{port}-{}-{}",
            base36(expires as u64),
            util::short_id()
        );
        lock(&st.signed).insert(
            token.clone(),
            SignedRoute {
                sandbox_id: id.clone(),
                port,
                expires,
            },
        );
        format!("{direct_host}/signed/{token}")
    } else {
        format!("{direct_host}/proxy/{id}/{port}")
    };
    let mut out_headers = HashMap::new();
    match port {
        EXECD_PORT => {
            out_headers.insert(EXECD_TOKEN_HEADER.to_owned(), sb.core.execd_token.clone());
        }
        EGRESS_PORT => {
            out_headers.insert(EGRESS_TOKEN_HEADER.to_owned(), sb.core.egress_token.clone());
        }
        _ => {}
    }
    util::json(
        StatusCode::OK,
        &lt::Endpoint {
            endpoint,
            headers: out_headers,
        },
    )
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = vec![];
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

// ---------------------------------------------------------------------------------
// Snapshots
// ---------------------------------------------------------------------------------

fn snapshot_not_found(id: &str) -> Response {
    error(
        StatusCode::NOT_FOUND,
        "SNAPSHOT::NOT_FOUND",
        format!("Snapshot {id} not found"),
    )
}

fn snapshot_status(state: &str, reason: &str, message: impl Into<String>) -> lt::SnapshotStatus {
    lt::SnapshotStatus {
        last_transition_at: Some(Utc::now()),
        message: Some(message.into()),
        reason: Some(reason.to_owned()),
        state: lt::SnapshotState::from(state.to_owned()),
    }
}

async fn create_snapshot(
    State(st): State<Arc<AppState>>,
    UrlPath(id): UrlPath<String>,
    body: Bytes,
) -> Response {
    let req: lt::CreateSnapshotRequest = if body.iter().all(u8::is_ascii_whitespace) {
        lt::CreateSnapshotRequest::default()
    } else {
        match parse_body(&body) {
            Ok(ApiJson { body, .. }) => body,
            Err(resp) => return resp,
        }
    };
    let Some(sb) = st.sandbox(&id) else {
        return sandbox_not_found(&id);
    };
    let state = sb.state();
    if state != states::RUNNING && state != states::PAUSED {
        return error(
            StatusCode::CONFLICT,
            "SANDBOX::NOT_RUNNING",
            format!("Sandbox {id} is {state}; snapshots need a Running sandbox"),
        );
    }
    let snap_id = util::new_id();
    let record = SnapshotRecord {
        id: snap_id.clone(),
        seq: st.next_seq(),
        sandbox_id: id.clone(),
        name: req.name.map(String::from),
        created_at: Utc::now(),
        status: snapshot_status(
            states::SNAP_CREATING,
            "snapshot_creating",
            "Copying the sandbox working directory",
        ),
        env: sb.core.env.clone(),
    };
    let api = record.to_api();
    lock(&st.snapshots).insert(snap_id.clone(), record);
    sb.event(format!("snapshot {snap_id} requested"));

    let src = sb.core.dir.clone();
    let dest = st.snapshot_dir(&snap_id);
    let st2 = st.clone();
    tokio::spawn(async move {
        let copied = tokio::task::spawn_blocking(move || copy_tree(&src, &dest))
            .await
            .map_err(|e| std::io::Error::other(e.to_string()))
            .and_then(|r| r);
        let status = match copied {
            Ok(()) => snapshot_status(
                states::SNAP_READY,
                "snapshot_ready",
                "The snapshot can be restored",
            ),
            Err(e) => snapshot_status(
                states::SNAP_FAILED,
                "snapshot_capture_failed",
                format!("cannot copy the working directory: {e}"),
            ),
        };
        if let Some(rec) = lock(&st2.snapshots).get_mut(&snap_id) {
            rec.status = status;
        }
    });

    let mut resp = util::json(StatusCode::ACCEPTED, &api);
    if let Ok(loc) = HeaderValue::from_str(&format!("/v1/snapshots/{}", api.id)) {
        resp.headers_mut().insert(header::LOCATION, loc);
    }
    resp
}

async fn list_snapshots(State(st): State<Arc<AppState>>, RawQuery(q): RawQuery) -> Response {
    let pairs = util::query_pairs(q.as_deref());
    let mut problems = vec![];
    let page = int_query(&pairs, "page", 1, 1, None).unwrap_or_else(|d| {
        problems.push(d);
        1
    });
    let page_size = int_query(&pairs, "pageSize", 20, 1, Some(MAX_PAGE_SIZE)).unwrap_or_else(|d| {
        problems.push(d);
        20
    });
    if !problems.is_empty() {
        return validation(problems);
    }
    let sandbox_id = util::query_get(&pairs, "sandboxId").filter(|s| !s.is_empty());
    let wanted: Vec<String> = util::query_all(&pairs, "state")
        .into_iter()
        .map(str::to_ascii_lowercase)
        .collect();
    let mut all: Vec<SnapshotRecord> = lock(&st.snapshots).values().cloned().collect();
    all.sort_by_key(|s| s.seq);
    let matching: Vec<lt::Snapshot> = all
        .into_iter()
        .filter(|s| sandbox_id.is_none_or(|id| s.sandbox_id == id))
        .filter(|s| wanted.is_empty() || wanted.contains(&s.state().to_ascii_lowercase()))
        .map(|s| s.to_api())
        .collect();
    let info = pagination(matching.len(), page, page_size);
    util::json(
        StatusCode::OK,
        &lt::ListSnapshotsResponse {
            items: page_slice(matching, page, page_size),
            pagination: info,
        },
    )
}

async fn get_snapshot(State(st): State<Arc<AppState>>, UrlPath(id): UrlPath<String>) -> Response {
    match lock(&st.snapshots).get(&id) {
        Some(s) => util::json(StatusCode::OK, &s.to_api()),
        None => snapshot_not_found(&id),
    }
}

async fn delete_snapshot(
    State(st): State<Arc<AppState>>,
    UrlPath(id): UrlPath<String>,
) -> Response {
    {
        let mut snaps = lock(&st.snapshots);
        let Some(snap) = snaps.get(&id) else {
            return snapshot_not_found(&id);
        };
        if snap.state() == states::SNAP_CREATING {
            return error(
                StatusCode::CONFLICT,
                "SNAPSHOT::INVALID_STATE",
                format!("Snapshot {id} is still being captured"),
            );
        }
        snaps.remove(&id);
    }
    let dir = st.snapshot_dir(&id);
    let _ = tokio::task::spawn_blocking(move || std::fs::remove_dir_all(dir)).await;
    util::empty(StatusCode::NO_CONTENT)
}

// ---------------------------------------------------------------------------------
// Diagnostics
// ---------------------------------------------------------------------------------

const SCOPES: [&str; 6] = [
    "container",
    "lifecycle",
    "runtime",
    "network",
    "process",
    "all",
];

fn diagnostics_scope(q: Option<&str>) -> Result<String, Response> {
    let pairs = util::query_pairs(q);
    match util::query_get(&pairs, "scope") {
        None => Err(validation(vec![detail(
            "missing",
            vec![json!("query"), json!("scope")],
            "Field required",
            Value::Null,
        )])),
        Some(s) if SCOPES.contains(&s) => Ok(s.to_owned()),
        Some(s) => Err(error(
            StatusCode::BAD_REQUEST,
            "DIAGNOSTICS::INVALID_SCOPE",
            format!("unknown scope {s:?}; expected one of {}", SCOPES.join(", ")),
        )),
    }
}

fn diagnostics_envelope(
    id: &str,
    kind: &str,
    scope: &str,
    content: String,
    truncated: bool,
    warnings: Vec<String>,
) -> Response {
    util::json(
        StatusCode::OK,
        &lt::DiagnosticContentResponse {
            content_length: Some(content.len() as u64),
            content: Some(content),
            content_type: "text/plain; charset=utf-8".to_owned(),
            content_url: None,
            delivery: "inline".to_owned().into(),
            expires_at: None,
            kind: kind.to_owned().into(),
            sandbox_id: id.to_owned(),
            scope: scope.to_owned(),
            truncated,
            warnings,
        },
    )
}

/// The last `limit` bytes of a file, and whether it was cut.
fn tail_file(path: &Path, limit: u64) -> (String, bool) {
    use std::io::{Read, Seek, SeekFrom};
    let Ok(mut f) = std::fs::File::open(path) else {
        return (String::new(), false);
    };
    let len = f.metadata().map(|m| m.len()).unwrap_or(0);
    let start = len.saturating_sub(limit);
    let mut buf = vec![];
    if f.seek(SeekFrom::Start(start)).is_ok() {
        let _ = f.read_to_end(&mut buf);
    }
    (String::from_utf8_lossy(&buf).into_owned(), start > 0)
}

async fn diagnostics_logs(
    State(st): State<Arc<AppState>>,
    UrlPath(id): UrlPath<String>,
    RawQuery(q): RawQuery,
) -> Response {
    let scope = match diagnostics_scope(q.as_deref()) {
        Ok(s) => s,
        Err(resp) => return resp,
    };
    let Some(sb) = st.sandbox(&id) else {
        return sandbox_not_found(&id);
    };
    let mut content = String::new();
    let mut truncated = false;
    let mut warnings = vec![];
    if scope == "container" || scope == "all" {
        let path = sb.core.container_log();
        let (text, cut) = tokio::task::spawn_blocking(move || tail_file(&path, DIAGNOSTICS_LIMIT))
            .await
            .unwrap_or_default();
        content.push_str(&text);
        truncated |= cut;
    }
    if scope == "lifecycle" || scope == "all" {
        for line in sb.inner().events.iter() {
            content.push_str(line);
            content.push('\n');
        }
    }
    if matches!(scope.as_str(), "runtime" | "network" | "process") {
        warnings.push(format!(
            "opensandbox-devserver collects no {scope} logs (sandboxes are plain host processes)"
        ));
    }
    diagnostics_envelope(&id, "logs", &scope, content, truncated, warnings)
}

async fn diagnostics_events(
    State(st): State<Arc<AppState>>,
    UrlPath(id): UrlPath<String>,
    RawQuery(q): RawQuery,
) -> Response {
    let scope = match diagnostics_scope(q.as_deref()) {
        Ok(s) => s,
        Err(resp) => return resp,
    };
    let Some(sb) = st.sandbox(&id) else {
        return sandbox_not_found(&id);
    };
    let mut content = String::new();
    let mut warnings = vec![];
    if matches!(scope.as_str(), "lifecycle" | "runtime" | "all") {
        for line in sb.inner().events.iter() {
            content.push_str(line);
            content.push('\n');
        }
    } else {
        warnings.push(format!("opensandbox-devserver records no {scope} events"));
    }
    diagnostics_envelope(&id, "events", &scope, content, false, warnings)
}

/// Whether a request method may change state (used by the proxy for renew-on-access).
pub(crate) fn touch_on_access(sb: &Sandbox, _method: &Method) {
    if let Some(extend) = sb.renew_extend {
        let mut inner = sb.inner();
        let target = Utc::now() + chrono::Duration::seconds(extend);
        if inner.expires_at.is_some_and(|t| t < target) {
            inner.expires_at = Some(target);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert!(check_label_key("team").is_ok());
        assert!(check_label_key("example.com/team").is_ok());
        assert!(check_label_key("opensandbox.io/id").is_err());
        assert!(check_label_key("-bad").is_err());
        assert!(check_label_key("a/b/c").is_err());
        assert!(check_label_value("k", "").is_ok());
        assert!(check_label_value("k", "v1.2_x-y").is_ok());
        assert!(check_label_value("k", "has space").is_err());
    }

    #[test]
    fn metadata_filter_is_strict_and_decodes() {
        assert_eq!(
            parse_metadata_filter("env=prod&owner=Ada%20Lovelace&x=a+b").unwrap(),
            vec![
                ("env".to_owned(), "prod".to_owned()),
                ("owner".to_owned(), "Ada Lovelace".to_owned()),
                ("x".to_owned(), "a b".to_owned()),
            ]
        );
        assert!(parse_metadata_filter("a=1&broken").is_err());
    }

    #[test]
    fn targets() {
        assert!(valid_rule_target("pypi.org"));
        assert!(valid_rule_target("*.github.com"));
        assert!(!valid_rule_target("10.0.0.1"));
        assert!(!valid_rule_target("a.*.com"));
        assert!(!valid_rule_target("https://x.com"));
    }

    #[test]
    fn base36_digits() {
        assert_eq!(base36(0), "0");
        assert_eq!(base36(35), "z");
        assert_eq!(base36(36), "10");
    }
}
