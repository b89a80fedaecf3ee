//! `POST /command`, status, background logs, interrupts.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::{ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::{Path as UrlPath, RawQuery, State};
use axum::http::{HeaderValue, StatusCode};
use axum::response::Response;
use chrono::{DateTime, Utc};
use opensandbox_execd_api::types as et;
use tokio::io::AsyncReadExt;
use tokio::sync::mpsc;
use tokio::time::Instant;

use super::{EventStream, ExecdJson, bad_request, error, resolve, runtime_error};
use crate::state::{SandboxCore, lock};
use crate::{process, util};

/// How long an interrupted command gets between SIGINT and SIGKILL.
const INTERRUPT_GRACE: Duration = Duration::from_secs(3);

/// A command started through `POST /command` (or a stateless `POST /code`).
pub(crate) struct CommandRecord {
    id: String,
    content: String,
    background: bool,
    started_at: DateTime<Utc>,
    pgid: i32,
    log_path: Option<PathBuf>,
    status: Mutex<CmdStatus>,
}

#[derive(Default)]
struct CmdStatus {
    running: bool,
    exit_code: Option<i32>,
    error: Option<String>,
    finished_at: Option<DateTime<Utc>>,
}

impl CommandRecord {
    fn to_api(&self) -> et::CommandStatusResponse {
        let st = lock(&self.status);
        et::CommandStatusResponse {
            content: Some(self.content.clone()),
            error: st.error.clone(),
            exit_code: st.exit_code,
            finished_at: st.finished_at,
            id: Some(self.id.clone()),
            running: Some(st.running),
            started_at: Some(self.started_at),
        }
    }

    fn finish(&self, result: &std::io::Result<ExitStatus>) -> i32 {
        let mut st = lock(&self.status);
        st.running = false;
        st.finished_at = Some(Utc::now());
        match result {
            Ok(status) => {
                let code = process::exit_code(status);
                st.exit_code = Some(code);
                if !status.success() {
                    st.error = Some(process::exit_description(status));
                }
                code
            }
            Err(e) => {
                st.exit_code = Some(-1);
                st.error = Some(e.to_string());
                -1
            }
        }
    }

    fn is_running(&self) -> bool {
        lock(&self.status).running
    }

    /// SIGINT to the process group, SIGKILL if it is still running after a grace period.
    pub(crate) fn interrupt(self: &Arc<Self>) {
        if !self.is_running() {
            return;
        }
        process::signal_group(self.pgid, process::SIGINT);
        let me = self.clone();
        tokio::spawn(async move {
            tokio::time::sleep(INTERRUPT_GRACE).await;
            if me.is_running() {
                process::kill_group(me.pgid);
            }
        });
    }
}

/// What to run.
pub(crate) struct Spec {
    pub(crate) command: String,
    pub(crate) cwd: Option<String>,
    pub(crate) background: bool,
    pub(crate) timeout_ms: Option<i64>,
    pub(crate) envs: HashMap<String, String>,
    pub(crate) uid: Option<i32>,
    pub(crate) gid: Option<i32>,
}

/// Build a shell command for the sandbox (own process group, sandbox env, cwd).
pub(crate) fn shell_command(
    core: &SandboxCore,
    command: &str,
    cwd: &std::path::Path,
    envs: &HashMap<String, String>,
) -> tokio::process::Command {
    let mut cmd = tokio::process::Command::new(process::shell());
    cmd.arg("-c")
        .arg(command)
        .current_dir(cwd)
        .env_remove("OPEN_SANDBOX_API_KEY")
        .env_remove(crate::DEVSERVER_API_KEY_ENV)
        .envs(core.process_env())
        .envs(envs)
        .stdin(Stdio::null())
        .process_group(0);
    cmd
}

/// `POST /command`.
pub(crate) async fn run(
    State(core): State<Arc<SandboxCore>>,
    ExecdJson(req): ExecdJson<et::RunCommandRequest>,
) -> Response {
    start(
        core,
        Spec {
            command: req.command,
            cwd: req.cwd,
            background: req.background,
            timeout_ms: req.timeout,
            envs: req.envs,
            uid: req.uid,
            gid: req.gid,
        },
    )
    .await
}

/// Start a command and answer with its event stream.
pub(crate) async fn start(core: Arc<SandboxCore>, spec: Spec) -> Response {
    if spec.command.trim().is_empty() {
        return bad_request("invalid request, validation error command is required");
    }
    if spec.gid.is_some() && spec.uid.is_none() {
        return bad_request("invalid request, validation error gid requires uid");
    }
    if spec.uid.is_some_and(|u| u < 0) || spec.gid.is_some_and(|g| g < 0) {
        return bad_request("invalid request, validation error uid and gid must be >= 0");
    }
    let cwd = match spec.cwd.as_deref().filter(|c| !c.is_empty()) {
        Some(c) => resolve(&core, c),
        None => core.dir.clone(),
    };
    if !cwd.is_dir() {
        return runtime_error(format!(
            "error running commands chdir {}: no such directory",
            cwd.display()
        ));
    }
    let id = util::new_id();
    let mut cmd = shell_command(&core, &spec.command, &cwd, &spec.envs);
    if let Some(uid) = spec.uid {
        let euid = process::euid();
        if euid == 0 {
            cmd.uid(uid as u32);
            if let Some(gid) = spec.gid {
                cmd.gid(gid as u32);
            }
        } else if euid != uid as u32 {
            tracing::warn!(
                "sandbox {}: ignoring uid {uid}/gid {:?}: the devserver is not running as root",
                core.id,
                spec.gid
            );
        }
    }
    let log_path = if spec.background {
        let dir = core.state_dir.join("commands");
        if let Err(e) = std::fs::create_dir_all(&dir) {
            return runtime_error(format!("error running commands: {e}"));
        }
        let path = dir.join(format!("{id}.log"));
        let file = match std::fs::File::create(&path).and_then(|f| Ok((f.try_clone()?, f))) {
            Ok(pair) => pair,
            Err(e) => return runtime_error(format!("error running commands: {e}")),
        };
        cmd.stdout(Stdio::from(file.0)).stderr(Stdio::from(file.1));
        Some(path)
    } else {
        cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
        None
    };
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => return runtime_error(format!("error running commands {e}")),
    };
    let Some(pgid) = child.id().map(|p| p as i32) else {
        return runtime_error("error running commands: the process vanished");
    };
    core.register(pgid);
    let rec = Arc::new(CommandRecord {
        id: id.clone(),
        content: spec.command.clone(),
        background: spec.background,
        started_at: Utc::now(),
        pgid,
        log_path,
        status: Mutex::new(CmdStatus {
            running: true,
            ..Default::default()
        }),
    });
    lock(&core.execd.commands).insert(id.clone(), rec.clone());
    let timeout = spec
        .timeout_ms
        .filter(|t| *t > 0)
        .map(|t| Duration::from_millis(t as u64));

    let (stream, response) = EventStream::start();
    let started = Instant::now();
    if spec.background {
        tokio::spawn(async move {
            stream.send(&super::text_event("init", &id)).await;
            stream
                .finish(&super::complete_event(started.elapsed()))
                .await;
        });
        tokio::spawn(async move {
            let result = match timeout {
                Some(limit) => match tokio::time::timeout(limit, child.wait()).await {
                    Ok(r) => r,
                    Err(_) => {
                        process::kill_group(pgid);
                        child.wait().await
                    }
                },
                None => child.wait().await,
            };
            rec.finish(&result);
        });
        return response;
    }

    tokio::spawn(async move {
        stream.send(&super::text_event("init", &id)).await;
        let (otx, mut orx) = mpsc::channel::<(bool, Vec<u8>)>(32);
        if let Some(out) = child.stdout.take() {
            tokio::spawn(pump(out, false, otx.clone()));
        }
        if let Some(err) = child.stderr.take() {
            tokio::spawn(pump(err, true, otx.clone()));
        }
        drop(otx);
        let mut out_text = util::Utf8Chunker::default();
        let mut err_text = util::Utf8Chunker::default();
        let far = Instant::now() + Duration::from_secs(86_400 * 365);
        let kill_at = timeout.map(|t| started + t);
        let mut killed = false;
        let mut exit: Option<std::io::Result<ExitStatus>> = None;
        let mut drain_until: Option<Instant> = None;
        let wait = child.wait();
        tokio::pin!(wait);
        loop {
            tokio::select! {
                msg = orx.recv() => match msg {
                    Some((is_err, bytes)) => {
                        let (chunker, kind) = if is_err { (&mut err_text, "stderr") } else { (&mut out_text, "stdout") };
                        let text = chunker.push(&bytes);
                        if !text.is_empty() {
                            stream.send(&super::text_event(kind, text)).await;
                        }
                    }
                    None => break,
                },
                status = &mut wait, if exit.is_none() => {
                    exit = Some(status);
                    // Output still in the pipes arrives quickly; a background grandchild
                    // holding them open must not hold the stream open.
                    drain_until = Some(Instant::now() + Duration::from_millis(500));
                }
                _ = tokio::time::sleep_until(kill_at.unwrap_or(far)), if kill_at.is_some() && !killed => {
                    killed = true;
                    process::kill_group(pgid);
                }
                _ = tokio::time::sleep_until(drain_until.unwrap_or(far)), if drain_until.is_some() => break,
            }
        }
        let exit = match exit {
            Some(e) => e,
            None => wait.await,
        };
        for (chunker, kind) in [(&mut out_text, "stdout"), (&mut err_text, "stderr")] {
            let rest = chunker.finish();
            if !rest.is_empty() {
                stream.send(&super::text_event(kind, rest)).await;
            }
        }
        let code = rec.finish(&exit);
        let terminal = if code == 0 {
            super::complete_event(started.elapsed())
        } else {
            super::error_event("CommandExecError", &code.to_string(), vec![])
        };
        stream.finish(&terminal).await;
    });
    response
}

/// Forward a pipe's bytes as they arrive.
async fn pump(
    mut reader: impl tokio::io::AsyncRead + Unpin,
    is_err: bool,
    tx: mpsc::Sender<(bool, Vec<u8>)>,
) {
    let mut buf = vec![0u8; 16 * 1024];
    loop {
        match reader.read(&mut buf).await {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                if tx.send((is_err, buf[..n].to_vec())).await.is_err() {
                    break;
                }
            }
        }
    }
}

/// `GET /command/status/{id}`.
pub(crate) async fn status(
    State(core): State<Arc<SandboxCore>>,
    UrlPath(id): UrlPath<String>,
) -> Response {
    match lock(&core.execd.commands).get(&id) {
        Some(rec) => util::json(StatusCode::OK, &rec.to_api()),
        None => error(
            StatusCode::NOT_FOUND,
            "INVALID_REQUEST_BODY",
            format!("command {id} not found"),
        ),
    }
}

/// `GET /command/{id}/logs?cursor=N`.
pub(crate) async fn logs(
    State(core): State<Arc<SandboxCore>>,
    UrlPath(id): UrlPath<String>,
    RawQuery(q): RawQuery,
) -> Response {
    let pairs = util::query_pairs(q.as_deref());
    let cursor: u64 = match util::query_get(&pairs, "cursor").filter(|c| !c.is_empty()) {
        None => 0,
        Some(c) => match c.parse() {
            Ok(n) => n,
            Err(_) => return bad_request(format!("invalid cursor {c:?}")),
        },
    };
    let Some(rec) = lock(&core.execd.commands).get(&id).cloned() else {
        return error(
            StatusCode::NOT_FOUND,
            "INVALID_REQUEST_BODY",
            format!("command {id} not found"),
        );
    };
    let Some(path) = rec.log_path.clone().filter(|_| rec.background) else {
        return bad_request(format!(
            "command {id} is not a background command; logs are kept for background commands only"
        ));
    };
    let read = tokio::task::spawn_blocking(move || -> std::io::Result<Vec<u8>> {
        use std::io::{Read, Seek, SeekFrom};
        let mut f = std::fs::File::open(path)?;
        let len = f.metadata()?.len();
        if cursor >= len {
            return Ok(vec![]);
        }
        f.seek(SeekFrom::Start(cursor))?;
        let mut buf = Vec::with_capacity((len - cursor) as usize);
        f.take(len - cursor).read_to_end(&mut buf)?;
        Ok(buf)
    })
    .await;
    let bytes = match read {
        Ok(Ok(b)) => b,
        Ok(Err(e)) => return runtime_error(format!("error reading command output: {e}")),
        Err(e) => return runtime_error(format!("error reading command output: {e}")),
    };
    let next = cursor + bytes.len() as u64;
    let mut resp = Response::new(axum::body::Body::from(bytes));
    resp.headers_mut().insert(
        axum::http::header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    if let Ok(v) = HeaderValue::from_str(&next.to_string()) {
        resp.headers_mut().insert("EXECD-COMMANDS-TAIL-CURSOR", v);
    }
    resp
}
