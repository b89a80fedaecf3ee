//! Code contexts (`/code/context[s]`) and `POST /code`.
//!
//! `python` contexts run a small driver (`py_driver.py`) in a persistent `python3`;
//! `bash` contexts are bash sessions. A run without a context is a plain shell command,
//! as in execd.

use std::process::Stdio;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Path as UrlPath, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use opensandbox_execd_api::types as et;
use serde_json::{Map, Value};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::process::{Child, ChildStdin, ChildStdout};
use tokio::time::Instant;

use super::session::{BashSession, RunEnd};
use super::{EventStream, ExecdJson, bad_request, error, missing_query, resolve, runtime_error};
use crate::state::{SandboxCore, lock};
use crate::{process, util};

const DRIVER: &str = include_str!("py_driver.py");

struct PyIo {
    stdin: ChildStdin,
    lines: tokio::io::Lines<BufReader<ChildStdout>>,
}

struct PyDriver {
    pgid: i32,
    io: tokio::sync::Mutex<Option<PyIo>>,
    child: Mutex<Option<Child>>,
}

enum Kind {
    Python(Box<PyDriver>),
    Bash(Arc<BashSession>),
}

/// One stateful interpreter.
pub(crate) struct CodeContext {
    id: String,
    language: String,
    kind: Kind,
    count: AtomicI64,
}

impl CodeContext {
    fn to_api(&self) -> et::CodeContext {
        et::CodeContext {
            id: Some(self.id.clone()),
            language: self.language.clone(),
        }
    }

    fn pgid(&self) -> i32 {
        match &self.kind {
            Kind::Python(d) => d.pgid,
            Kind::Bash(s) => s.pgid,
        }
    }

    /// Interrupt the running cell (state survives).
    pub(crate) fn interrupt(&self) {
        process::signal_group(self.pgid(), process::SIGINT);
    }

    fn kill(&self) {
        match &self.kind {
            Kind::Python(d) => {
                process::kill_group(d.pgid);
                drop(lock(&d.child).take());
            }
            Kind::Bash(s) => s.kill(),
        }
    }
}

fn python3() -> Option<std::path::PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join("python3"))
        .find(|p| p.is_file())
}

async fn spawn_context(
    core: &SandboxCore,
    language: &str,
    cwd: &std::path::Path,
) -> Result<Arc<CodeContext>, String> {
    let id = util::new_id();
    let kind = match language {
        "python" | "python3" => {
            let python = python3().ok_or("python3 is not installed on this host")?;
            if !cwd.is_dir() {
                return Err(format!("chdir {}: no such directory", cwd.display()));
            }
            let log = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(core.container_log())
                .map(Stdio::from)
                .unwrap_or_else(|_| Stdio::null());
            let mut child = tokio::process::Command::new(python)
                .args(["-u", "-c", DRIVER])
                .current_dir(cwd)
                .env_remove("OPEN_SANDBOX_API_KEY")
                .env_remove(crate::DEVSERVER_API_KEY_ENV)
                .envs(core.process_env())
                .env("PYTHONUNBUFFERED", "1")
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(log)
                .process_group(0)
                .spawn()
                .map_err(|e| format!("cannot start python3: {e}"))?;
            let pgid = child.id().ok_or("python3 exited at once")? as i32;
            core.register(pgid);
            let (Some(stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
                return Err("python3 pipes unavailable".to_owned());
            };
            let mut lines = BufReader::new(stdout).lines();
            let ready = tokio::time::timeout(Duration::from_secs(20), lines.next_line()).await;
            match ready {
                Ok(Ok(Some(line))) if line.contains("\"ready\"") => {}
                _ => {
                    process::kill_group(pgid);
                    return Err("the python3 interpreter did not start".to_owned());
                }
            }
            Kind::Python(Box::new(PyDriver {
                pgid,
                io: tokio::sync::Mutex::new(Some(PyIo { stdin, lines })),
                child: Mutex::new(Some(child)),
            }))
        }
        "bash" | "shell" | "sh" => Kind::Bash(BashSession::spawn(core, cwd).await?),
        other => {
            return Err(format!(
                "language {other:?} is not supported by opensandbox-devserver (python, bash)"
            ));
        }
    };
    Ok(Arc::new(CodeContext {
        id,
        language: language.to_owned(),
        kind,
        count: AtomicI64::new(0),
    }))
}

/// `POST /code/context`. Besides `language` it accepts `cwd`, like recent execd.
pub(crate) async fn create_context(State(core): State<Arc<SandboxCore>>, body: Bytes) -> Response {
    let (req, raw): (et::CodeContextRequest, Value) = if body.iter().all(u8::is_ascii_whitespace) {
        (et::CodeContextRequest::default(), Value::Null)
    } else {
        match serde_json::from_slice::<Value>(&body)
            .and_then(|raw| Ok((serde_json::from_value(raw.clone())?, raw)))
        {
            Ok(pair) => pair,
            Err(e) => {
                return bad_request(format!(
                    "error parsing request, MAYBE invalid body format. {e}"
                ));
            }
        }
    };
    let language = req.language.unwrap_or_default();
    if language.trim().is_empty() {
        return bad_request("invalid request, validation error language is required");
    }
    let cwd = match raw
        .get("cwd")
        .and_then(Value::as_str)
        .filter(|c| !c.is_empty())
    {
        Some(c) => resolve(&core, c),
        None => core.dir.clone(),
    };
    match spawn_context(&core, &language, &cwd).await {
        Ok(ctx) => {
            lock(&core.execd.contexts).insert(ctx.id.clone(), ctx.clone());
            util::json(StatusCode::OK, &ctx.to_api())
        }
        Err(e) => runtime_error(format!("error creating code context. {e}")),
    }
}

/// `GET /code/contexts?language=` (without `language`: every context).
pub(crate) async fn list_contexts(
    State(core): State<Arc<SandboxCore>>,
    RawQuery(q): RawQuery,
) -> Response {
    let pairs = util::query_pairs(q.as_deref());
    let language = util::query_get(&pairs, "language").filter(|l| !l.is_empty());
    let mut list: Vec<et::CodeContext> = lock(&core.execd.contexts)
        .values()
        .filter(|c| language.is_none_or(|l| c.language == l))
        .map(|c| c.to_api())
        .collect();
    list.sort_by(|a, b| a.id.cmp(&b.id));
    util::json(StatusCode::OK, &list)
}

/// `DELETE /code/contexts?language=`.
pub(crate) async fn delete_contexts_by_language(
    State(core): State<Arc<SandboxCore>>,
    RawQuery(q): RawQuery,
) -> Response {
    let pairs = util::query_pairs(q.as_deref());
    let Some(language) = util::query_get(&pairs, "language").filter(|l| !l.is_empty()) else {
        return missing_query("language");
    };
    let removed: Vec<Arc<CodeContext>> = {
        let mut map = lock(&core.execd.contexts);
        let ids: Vec<String> = map
            .values()
            .filter(|c| c.language == language)
            .map(|c| c.id.clone())
            .collect();
        ids.iter().filter_map(|id| map.remove(id)).collect()
    };
    lock(&core.execd.default_contexts).retain(|_, id| removed.iter().all(|c| &c.id != id));
    for ctx in removed {
        ctx.kill();
    }
    util::empty(StatusCode::OK)
}

fn context_not_found(id: &str) -> Response {
    error(
        StatusCode::NOT_FOUND,
        "CONTEXT_NOT_FOUND",
        format!("context {id} not found"),
    )
}

/// `GET /code/contexts/{id}`.
pub(crate) async fn get_context(
    State(core): State<Arc<SandboxCore>>,
    UrlPath(id): UrlPath<String>,
) -> Response {
    match lock(&core.execd.contexts).get(&id) {
        Some(ctx) => util::json(StatusCode::OK, &ctx.to_api()),
        None => context_not_found(&id),
    }
}

/// `DELETE /code/contexts/{id}`.
pub(crate) async fn delete_context(
    State(core): State<Arc<SandboxCore>>,
    UrlPath(id): UrlPath<String>,
) -> Response {
    let removed = lock(&core.execd.contexts).remove(&id);
    match removed {
        Some(ctx) => {
            lock(&core.execd.default_contexts).retain(|_, d| d != &id);
            ctx.kill();
            util::empty(StatusCode::OK)
        }
        None => context_not_found(&id),
    }
}

/// `POST /code`.
pub(crate) async fn run(
    State(core): State<Arc<SandboxCore>>,
    ExecdJson(req): ExecdJson<et::RunCodeRequest>,
) -> Response {
    let language = req
        .context
        .as_ref()
        .map(|c| c.language.trim().to_owned())
        .unwrap_or_default();
    let ctx_id = req
        .context
        .as_ref()
        .and_then(|c| c.id.clone())
        .filter(|id| !id.is_empty());

    // No context and no language: execd runs the code as a shell command.
    if ctx_id.is_none() && language.is_empty() {
        return super::command::start(
            core,
            super::command::Spec {
                command: req.code,
                cwd: None,
                background: false,
                timeout_ms: None,
                envs: Default::default(),
                uid: None,
                gid: None,
            },
        )
        .await;
    }
    let ctx = match ctx_id {
        Some(id) => match lock(&core.execd.contexts).get(&id).cloned() {
            Some(ctx) => ctx,
            None => return context_not_found(&id),
        },
        None => match default_context(&core, &language).await {
            Ok(ctx) => ctx,
            Err(e) => return runtime_error(format!("error running codes {e}")),
        },
    };
    let (stream, response) = EventStream::start();
    tokio::spawn(async move {
        let started = Instant::now();
        stream.send(&super::text_event("init", &ctx.id)).await;
        stream.send(&super::text_event("status", "busy")).await;
        let outcome = match &ctx.kind {
            Kind::Python(driver) => run_python(&ctx, driver, &req.code, &stream).await,
            Kind::Bash(session) => run_bash(&ctx, session, &req.code, &stream).await,
        };
        stream.send(&super::text_event("status", "idle")).await;
        let terminal = match outcome {
            Ok(()) => super::complete_event(started.elapsed()),
            Err(err) => err,
        };
        stream.finish(&terminal).await;
        if ctx_dead(&ctx).await {
            lock(&core.execd.contexts).remove(&ctx.id);
        }
    });
    response
}

async fn ctx_dead(ctx: &CodeContext) -> bool {
    match &ctx.kind {
        Kind::Python(d) => d.io.lock().await.is_none(),
        Kind::Bash(_) => false,
    }
}

async fn default_context(
    core: &Arc<SandboxCore>,
    language: &str,
) -> Result<Arc<CodeContext>, String> {
    let existing = lock(&core.execd.default_contexts)
        .get(language)
        .and_then(|id| lock(&core.execd.contexts).get(id).cloned());
    if let Some(ctx) = existing {
        return Ok(ctx);
    }
    let ctx = spawn_context(core, language, &core.dir).await?;
    lock(&core.execd.contexts).insert(ctx.id.clone(), ctx.clone());
    lock(&core.execd.default_contexts).insert(language.to_owned(), ctx.id.clone());
    Ok(ctx)
}

async fn run_python(
    ctx: &CodeContext,
    driver: &PyDriver,
    code: &str,
    stream: &EventStream,
) -> Result<(), et::ServerStreamEvent> {
    let mut guard = driver.io.lock().await;
    let Some(io) = guard.as_mut() else {
        return Err(super::error_event(
            "DeadKernelError",
            "the interpreter of this context has exited",
            vec![],
        ));
    };
    let mut line = serde_json::to_vec(&serde_json::json!({ "code": code })).unwrap_or_default();
    line.push(b'\n');
    if io.stdin.write_all(&line).await.is_err() {
        *guard = None;
        return Err(super::error_event(
            "DeadKernelError",
            "the interpreter of this context has exited",
            vec![],
        ));
    }
    let mut failure = None;
    loop {
        let msg = match io.lines.next_line().await {
            Ok(Some(l)) => l,
            _ => {
                *guard = None;
                return Err(super::error_event(
                    "DeadKernelError",
                    "the interpreter of this context has exited",
                    vec![],
                ));
            }
        };
        let Ok(v) = serde_json::from_str::<Value>(&msg) else {
            continue;
        };
        let text = || {
            v.get("text")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned()
        };
        match v.get("type").and_then(Value::as_str).unwrap_or("") {
            "stdout" => stream.send(&super::text_event("stdout", text())).await,
            "stderr" => stream.send(&super::text_event("stderr", text())).await,
            "execution_count" => {
                let n = v
                    .get("execution_count")
                    .and_then(Value::as_i64)
                    .unwrap_or(0);
                ctx.count.store(n, Ordering::Relaxed);
                stream
                    .send(&et::ServerStreamEvent {
                        execution_count: Some(n),
                        ..super::event("execution_count")
                    })
                    .await;
            }
            "result" => {
                let mut results = Map::new();
                if let Some(map) = v.get("results").and_then(Value::as_object) {
                    for (k, val) in map {
                        let key = if k == "text/plain" {
                            "text"
                        } else {
                            k.as_str()
                        };
                        results.insert(key.to_owned(), val.clone());
                    }
                }
                stream
                    .send(&et::ServerStreamEvent {
                        results,
                        execution_count: v.get("execution_count").and_then(Value::as_i64),
                        ..super::event("result")
                    })
                    .await;
            }
            "error" => {
                let s = |k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_owned();
                let traceback = v
                    .get("traceback")
                    .and_then(Value::as_array)
                    .map(|a| {
                        a.iter()
                            .filter_map(|l| l.as_str().map(str::to_owned))
                            .collect()
                    })
                    .unwrap_or_default();
                failure = Some(super::error_event(&s("ename"), &s("evalue"), traceback));
            }
            "done" => break,
            _ => {}
        }
    }
    match failure {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

async fn run_bash(
    ctx: &CodeContext,
    session: &BashSession,
    code: &str,
    stream: &EventStream,
) -> Result<(), et::ServerStreamEvent> {
    let n = ctx.count.fetch_add(1, Ordering::Relaxed) + 1;
    stream
        .send(&et::ServerStreamEvent {
            execution_count: Some(n),
            ..super::event("execution_count")
        })
        .await;
    match session.run(code, None, None, stream).await {
        RunEnd::Exited(0) => Ok(()),
        RunEnd::Exited(c) | RunEnd::SessionDied(c) => Err(super::error_event(
            "CommandExecError",
            &c.to_string(),
            vec![],
        )),
        RunEnd::Closed => Err(super::error_event(
            "DeadKernelError",
            "the shell of this context has exited",
            vec![],
        )),
    }
}
