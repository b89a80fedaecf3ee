//! One execd per sandbox: commands, sessions, code contexts, files, metrics.

mod code;
mod command;
mod files;
mod metrics;
mod port_proxy;
mod pty;
mod session;

use std::collections::HashMap;
use std::convert::Infallible;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{DefaultBodyLimit, FromRequest, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, delete, get, post};
use opensandbox_execd_api::types as et;
use serde::de::DeserializeOwned;
use tokio::sync::mpsc;

use crate::state::{SandboxCore, lock};
use crate::{EXECD_TOKEN_HEADER, process, util};

pub(crate) use command::CommandRecord;

/// Per-sandbox execd bookkeeping.
#[derive(Default)]
pub(crate) struct ExecdState {
    commands: Mutex<HashMap<String, Arc<CommandRecord>>>,
    sessions: Mutex<HashMap<String, Arc<session::BashSession>>>,
    contexts: Mutex<HashMap<String, Arc<code::CodeContext>>>,
    /// Default context per language, for runs that name a language but no id.
    default_contexts: Mutex<HashMap<String, String>>,
    /// Running session commands: run id → session process group.
    session_runs: Mutex<HashMap<String, i32>>,
    /// PTY sessions by id.
    ptys: Mutex<HashMap<String, Arc<pty::PtySession>>>,
}

impl ExecdState {
    /// Drop sessions and contexts after their processes were killed.
    pub(crate) fn forget_processes(&self) {
        lock(&self.sessions).clear();
        lock(&self.contexts).clear();
        lock(&self.default_contexts).clear();
        lock(&self.session_runs).clear();
        pty::kill_all(&self.ptys);
    }
}

/// The execd HTTP API of one sandbox.
pub(crate) fn router(core: Arc<SandboxCore>) -> Router {
    Router::new()
        .route("/ping", get(|| async { util::empty(StatusCode::OK) }))
        .route("/command", post(command::run).delete(interrupt))
        .route("/command/status/{id}", get(command::status))
        .route("/command/{id}/logs", get(command::logs))
        .route("/session", post(session::create))
        .route("/session/{session_id}", delete(session::delete))
        .route("/session/{session_id}/run", post(session::run))
        .route("/code", post(code::run).delete(interrupt))
        .route("/code/context", post(code::create_context))
        .route(
            "/code/contexts",
            get(code::list_contexts).delete(code::delete_contexts_by_language),
        )
        .route(
            "/code/contexts/{context_id}",
            get(code::get_context).delete(code::delete_context),
        )
        .route("/files/info", get(files::info))
        .route("/files", delete(files::remove_files))
        .route("/files/permissions", post(files::chmod))
        .route("/files/mv", post(files::rename))
        .route("/files/search", get(files::search))
        .route("/files/replace", post(files::replace))
        .route("/files/upload", post(files::upload))
        .route("/files/download", get(files::download))
        .route("/directories/list", get(files::list_dir))
        .route(
            "/directories",
            post(files::make_dirs).delete(files::remove_dirs),
        )
        .route("/metrics", get(metrics::snapshot))
        .route("/metrics/watch", get(metrics::watch))
        .route("/pty", post(pty::create))
        .route("/pty/{id}", get(pty::status).delete(pty::delete))
        .route("/pty/{id}/ws", get(pty::ws))
        .route("/proxy/{port}", any(port_proxy::root))
        .route("/proxy/{port}/", any(port_proxy::root))
        .route("/proxy/{port}/{*rest}", any(port_proxy::rest))
        .fallback(|| async { util::text(StatusCode::NOT_FOUND, "404 page not found") })
        .layer(DefaultBodyLimit::disable())
        .layer(middleware::from_fn_with_state(core.clone(), auth))
        .with_state(core)
}

async fn auth(State(core): State<Arc<SandboxCore>>, req: Request, next: Next) -> Response {
    let ok = req
        .headers()
        .get(EXECD_TOKEN_HEADER)
        .is_some_and(|v| v.as_bytes() == core.execd_token.as_bytes());
    if ok {
        next.run(req).await
    } else {
        util::json(
            StatusCode::UNAUTHORIZED,
            &serde_json::json!({"error": format!("missing or invalid {EXECD_TOKEN_HEADER} header")}),
        )
    }
}

/// `{code, message}` error body.
pub(crate) fn error(status: StatusCode, code: &str, message: impl Into<String>) -> Response {
    util::json(
        status,
        &et::ErrorResponse {
            code: code.to_owned(),
            message: message.into(),
        },
    )
}

pub(crate) fn missing_query(name: &str) -> Response {
    error(
        StatusCode::BAD_REQUEST,
        "MISSING_QUERY",
        format!("missing query parameter '{name}'"),
    )
}

pub(crate) fn bad_request(message: impl Into<String>) -> Response {
    error(StatusCode::BAD_REQUEST, "INVALID_REQUEST_BODY", message)
}

pub(crate) fn runtime_error(message: impl Into<String>) -> Response {
    error(StatusCode::INTERNAL_SERVER_ERROR, "RUNTIME_ERROR", message)
}

/// A JSON body decoded into a generated type; failures are execd's 400.
pub(crate) struct ExecdJson<T>(pub(crate) T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ExecdJson<T> {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Response> {
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(IntoResponse::into_response)?;
        serde_json::from_slice(&bytes).map(ExecdJson).map_err(|e| {
            bad_request(format!(
                "error parsing request, MAYBE invalid body format. {e}"
            ))
        })
    }
}

/// Resolve a request path: absolute paths are host paths, relative ones are relative
/// to the sandbox working directory.
pub(crate) fn resolve(core: &SandboxCore, path: &str) -> PathBuf {
    let p = Path::new(path);
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        core.dir.join(p)
    }
}

/// A stream event of the given type, stamped now.
pub(crate) fn event(kind: &str) -> et::ServerStreamEvent {
    et::ServerStreamEvent {
        type_: Some(kind.to_owned().into()),
        timestamp: Some(util::now_ms()),
        ..Default::default()
    }
}

/// An event carrying text (`init`, `stdout`, `stderr`, `status`, `ping`).
pub(crate) fn text_event(kind: &str, text: impl Into<String>) -> et::ServerStreamEvent {
    et::ServerStreamEvent {
        text: Some(text.into()),
        ..event(kind)
    }
}

/// The terminal `error` event.
pub(crate) fn error_event(
    ename: &str,
    evalue: &str,
    traceback: Vec<String>,
) -> et::ServerStreamEvent {
    et::ServerStreamEvent {
        error: Some(et::ServerStreamEventError {
            ename: Some(ename.to_owned()),
            evalue: Some(evalue.to_owned()),
            traceback,
        }),
        ..event("error")
    }
}

/// The terminal `execution_complete` event.
pub(crate) fn complete_event(elapsed: Duration) -> et::ServerStreamEvent {
    et::ServerStreamEvent {
        execution_time: Some(elapsed.as_millis() as i64),
        ..event("execution_complete")
    }
}

/// Serialize an event in execd's wire format: bare JSON, then a blank line.
fn encode(ev: &et::ServerStreamEvent) -> Bytes {
    let mut value = serde_json::to_value(ev).unwrap_or_default();
    // execd always sends `traceback` (possibly empty) inside `error`.
    if let Some(err) = value.get_mut("error").and_then(|e| e.as_object_mut()) {
        err.entry("traceback")
            .or_insert_with(|| serde_json::Value::Array(vec![]));
    }
    // execd writes `type` first; keep that order for clients that peek at it.
    if let serde_json::Value::Object(map) = value {
        let mut ordered = serde_json::Map::with_capacity(map.len());
        let mut rest = map;
        if let Some(t) = rest.remove("type") {
            ordered.insert("type".to_owned(), t);
        }
        ordered.extend(rest);
        value = serde_json::Value::Object(ordered);
    }
    let mut bytes = serde_json::to_vec(&value).unwrap_or_default();
    bytes.extend_from_slice(b"\n\n");
    Bytes::from(bytes)
}

/// How long execd keeps a stream open after its terminal event.
const LINGER: Duration = Duration::from_secs(1);
/// Keep-alive period.
const PING_EVERY: Duration = Duration::from_secs(3);

struct SinkInner {
    tx: Option<mpsc::Sender<Bytes>>,
    finished: bool,
}

/// The writing side of an execd event stream. Sends `ping` every 3 s by itself; after
/// [`EventStream::finish`] it holds the connection for a second, then ends it.
#[derive(Clone)]
pub(crate) struct EventStream {
    inner: Arc<tokio::sync::Mutex<SinkInner>>,
}

impl EventStream {
    /// A new stream and the HTTP response that carries it.
    pub(crate) fn start() -> (EventStream, Response) {
        let (tx, rx) = mpsc::channel::<Bytes>(64);
        let stream = EventStream {
            inner: Arc::new(tokio::sync::Mutex::new(SinkInner {
                tx: Some(tx),
                finished: false,
            })),
        };
        let pinger = stream.clone();
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(PING_EVERY).await;
                let mut inner = pinger.inner.lock().await;
                if inner.finished || inner.tx.is_none() {
                    break;
                }
                send_locked(&mut inner, &text_event("ping", "pong")).await;
            }
        });
        let body = futures::stream::unfold(rx, |mut rx| async move {
            rx.recv().await.map(|b| (Ok::<_, Infallible>(b), rx))
        });
        let mut resp = Response::new(Body::from_stream(body));
        let h = resp.headers_mut();
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/event-stream"),
        );
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        h.insert("x-accel-buffering", HeaderValue::from_static("no"));
        (stream, resp)
    }

    /// Send one event (dropped silently once the client is gone).
    pub(crate) async fn send(&self, ev: &et::ServerStreamEvent) {
        let mut inner = self.inner.lock().await;
        if !inner.finished {
            send_locked(&mut inner, ev).await;
        }
    }

    /// Send the terminal event, then end the stream about a second later.
    pub(crate) async fn finish(&self, ev: &et::ServerStreamEvent) {
        {
            let mut inner = self.inner.lock().await;
            if inner.finished {
                return;
            }
            send_locked(&mut inner, ev).await;
            inner.finished = true;
        }
        let inner = self.inner.clone();
        tokio::spawn(async move {
            tokio::time::sleep(LINGER).await;
            inner.lock().await.tx = None;
        });
    }
}

async fn send_locked(inner: &mut SinkInner, ev: &et::ServerStreamEvent) {
    if let Some(tx) = &inner.tx
        && tx.send(encode(ev)).await.is_err()
    {
        inner.tx = None;
    }
}

/// `DELETE /command?id=` and `DELETE /code?id=`: interrupt a command, a session run or
/// a code context's current execution.
async fn interrupt(
    State(core): State<Arc<SandboxCore>>,
    axum::extract::RawQuery(q): axum::extract::RawQuery,
) -> Response {
    let pairs = util::query_pairs(q.as_deref());
    let Some(id) = util::query_get(&pairs, "id").filter(|s| !s.is_empty()) else {
        return missing_query("id");
    };
    let cmd = lock(&core.execd.commands).get(id).cloned();
    if let Some(cmd) = cmd {
        cmd.interrupt();
        return util::empty(StatusCode::OK);
    }
    let run = lock(&core.execd.session_runs).get(id).copied();
    if let Some(pgid) = run {
        process::signal_group(pgid, process::SIGINT);
        return util::empty(StatusCode::OK);
    }
    let ctx = lock(&core.execd.contexts).get(id).cloned();
    if let Some(ctx) = ctx {
        ctx.interrupt();
        return util::empty(StatusCode::OK);
    }
    runtime_error(format!(
        "error interruptting code context. execution {id} not found"
    ))
}
