//! Persistent bash sessions (`/session`), also used for `bash` code contexts.
//!
//! A session is one long-lived `bash` reading commands from its stdin. Each run writes
//! the command to a script file and sources it (so `cd`, variables and functions
//! persist), then prints a per-run marker carrying the exit status on stdout and a
//! marker on stderr; output up to the markers belongs to the run.

use std::process::Stdio;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Path as UrlPath, State};
use axum::http::StatusCode;
use axum::response::Response;
use opensandbox_execd_api::types as et;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::process::{Child, ChildStderr, ChildStdin, ChildStdout};
use tokio::time::Instant;

use super::{EventStream, ExecdJson, bad_request, error, resolve, runtime_error};
use crate::state::{SandboxCore, lock};
use crate::{process, util};

/// Grace between SIGINT and SIGKILL when a run times out.
const TIMEOUT_GRACE: Duration = Duration::from_secs(2);

struct SessionIo {
    stdin: ChildStdin,
    stdout: ChildStdout,
    stderr: ChildStderr,
}

/// A persistent bash process.
pub(crate) struct BashSession {
    pub(crate) id: String,
    pub(crate) pgid: i32,
    io: tokio::sync::Mutex<Option<SessionIo>>,
    child: Mutex<Option<Child>>,
    script_dir: std::path::PathBuf,
    runs: AtomicU64,
}

/// How a run ended.
pub(crate) enum RunEnd {
    /// The command finished with this exit status.
    Exited(i32),
    /// The shell itself is gone (`exit`, killed); the session is unusable.
    SessionDied(i32),
    /// The session was already closed.
    Closed,
}

impl BashSession {
    /// Start bash in `cwd` with the sandbox environment.
    pub(crate) async fn spawn(
        core: &SandboxCore,
        cwd: &std::path::Path,
    ) -> Result<Arc<Self>, String> {
        let Some(bash) = process::bash() else {
            return Err("bash is not installed on this host".to_owned());
        };
        if !cwd.is_dir() {
            return Err(format!("chdir {}: no such directory", cwd.display()));
        }
        let id = util::new_id();
        let script_dir = core.state_dir.join("sessions").join(&id);
        std::fs::create_dir_all(&script_dir).map_err(|e| e.to_string())?;
        let mut child = tokio::process::Command::new(bash)
            .args(["--noprofile", "--norc", "-s"])
            .current_dir(cwd)
            .env_remove("OPEN_SANDBOX_API_KEY")
            .env_remove(crate::DEVSERVER_API_KEY_ENV)
            .envs(core.process_env())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .process_group(0)
            .spawn()
            .map_err(|e| e.to_string())?;
        let pgid = child.id().ok_or("bash exited at once")? as i32;
        core.register(pgid);
        let (Some(mut stdin), Some(stdout), Some(stderr)) =
            (child.stdin.take(), child.stdout.take(), child.stderr.take())
        else {
            return Err("bash pipes unavailable".to_owned());
        };
        // A trap (not an ignore) keeps the shell alive on SIGINT while its children,
        // which get the default disposition back, are interrupted.
        stdin
            .write_all(b"trap ':' INT\n")
            .await
            .map_err(|e| e.to_string())?;
        Ok(Arc::new(BashSession {
            id,
            pgid,
            io: tokio::sync::Mutex::new(Some(SessionIo {
                stdin,
                stdout,
                stderr,
            })),
            child: Mutex::new(Some(child)),
            script_dir,
            runs: AtomicU64::new(0),
        }))
    }

    /// Kill the shell and everything it started.
    pub(crate) fn kill(&self) {
        process::kill_group(self.pgid);
        let _ = std::fs::remove_dir_all(&self.script_dir);
    }

    /// Run one command, sending `stdout`/`stderr` events to `stream`.
    pub(crate) async fn run(
        &self,
        command: &str,
        cwd: Option<std::path::PathBuf>,
        timeout: Option<Duration>,
        stream: &EventStream,
    ) -> RunEnd {
        let mut guard = self.io.lock().await;
        let Some(io) = guard.as_mut() else {
            return RunEnd::Closed;
        };
        let n = self.runs.fetch_add(1, Ordering::Relaxed);
        let script = self.script_dir.join(format!("run-{n}.sh"));
        if std::fs::write(&script, command).is_err() {
            return RunEnd::Closed;
        }
        let marker = format!("OSB{}", uuid::Uuid::new_v4().simple());
        let cd = match &cwd {
            Some(dir) => format!("cd -- {} && ", util::shell_quote(&dir.to_string_lossy())),
            None => String::new(),
        };
        let line = format!(
            "{{ {cd}. {script}; }} </dev/null; __osb_ec=$?; printf '\\036{marker}:%d\\036' \"$__osb_ec\"; printf '\\036{marker}\\036' >&2\n",
            script = util::shell_quote(&script.to_string_lossy()),
        );
        if io.stdin.write_all(line.as_bytes()).await.is_err() {
            drop(guard);
            return self.died().await;
        }
        let out_pat = format!("\x1e{marker}:").into_bytes();
        let err_pat = format!("\x1e{marker}\x1e").into_bytes();
        let mut out = Scanner::default();
        let mut err = Scanner::default();
        let mut code: Option<i32> = None;
        let mut err_done = false;
        let mut dead = false;
        let far = Instant::now() + Duration::from_secs(86_400 * 365);
        let mut interrupt_at = timeout.map(|t| Instant::now() + t);
        let mut kill_at: Option<Instant> = None;
        let mut b1 = vec![0u8; 16 * 1024];
        let mut b2 = vec![0u8; 16 * 1024];
        while code.is_none() || !err_done {
            tokio::select! {
                r = io.stdout.read(&mut b1), if code.is_none() => match r {
                    Ok(0) | Err(_) => { dead = true; break; }
                    Ok(k) => {
                        let (text, found) = out.push(&b1[..k], &out_pat, true);
                        if !text.is_empty() { stream.send(&super::text_event("stdout", text)).await; }
                        if let Some(c) = found { code = Some(c); }
                    }
                },
                r = io.stderr.read(&mut b2), if !err_done => match r {
                    Ok(0) | Err(_) => { dead = true; break; }
                    Ok(k) => {
                        let (text, found) = err.push(&b2[..k], &err_pat, false);
                        if !text.is_empty() { stream.send(&super::text_event("stderr", text)).await; }
                        if found.is_some() { err_done = true; }
                    }
                },
                _ = tokio::time::sleep_until(interrupt_at.unwrap_or(far)), if interrupt_at.is_some() => {
                    interrupt_at = None;
                    process::signal_group(self.pgid, process::SIGINT);
                    kill_at = Some(Instant::now() + TIMEOUT_GRACE);
                }
                _ = tokio::time::sleep_until(kill_at.unwrap_or(far)), if kill_at.is_some() => {
                    kill_at = None;
                    process::kill_group(self.pgid);
                }
            }
        }
        for (scanner, kind) in [(&mut out, "stdout"), (&mut err, "stderr")] {
            let rest = scanner.finish();
            if !rest.is_empty() && dead {
                stream.send(&super::text_event(kind, rest)).await;
            }
        }
        let _ = std::fs::remove_file(&script);
        if dead {
            *guard = None;
            drop(guard);
            return self.died().await;
        }
        RunEnd::Exited(code.unwrap_or(-1))
    }

    async fn died(&self) -> RunEnd {
        let child = lock(&self.child).take();
        let code = match child {
            Some(mut c) => match tokio::time::timeout(Duration::from_secs(2), c.wait()).await {
                Ok(Ok(status)) => process::exit_code(&status),
                _ => {
                    process::kill_group(self.pgid);
                    -1
                }
            },
            None => -1,
        };
        *self.io.lock().await = None;
        RunEnd::SessionDied(code)
    }
}

/// Finds a marker in a byte stream, holding back bytes that may start one.
#[derive(Default)]
struct Scanner {
    buf: Vec<u8>,
    text: util::Utf8Chunker,
}

impl Scanner {
    /// Feed bytes; returns text that is certainly output, and — once the marker has been
    /// seen — `Some(exit code)` (`0` for markers without a code).
    fn push(&mut self, bytes: &[u8], pat: &[u8], with_code: bool) -> (String, Option<i32>) {
        self.buf.extend_from_slice(bytes);
        if let Some(pos) = find(&self.buf, pat) {
            let after = pos + pat.len();
            let code = if with_code {
                // `<digits>\x1e` follows the stdout marker.
                match self.buf[after..].iter().position(|b| *b == 0x1e) {
                    Some(end) => std::str::from_utf8(&self.buf[after..after + end])
                        .ok()
                        .and_then(|s| s.parse().ok())
                        .or(Some(-1)),
                    None => {
                        let text = self.text.push(&self.buf[..pos]);
                        self.buf.drain(..pos);
                        return (text, None);
                    }
                }
            } else {
                Some(0)
            };
            let mut text = self.text.push(&self.buf[..pos]);
            text.push_str(&self.text.finish());
            self.buf.clear();
            return (text, code);
        }
        let keep = partial_suffix(&self.buf, pat);
        let cut = self.buf.len() - keep;
        let text = self.text.push(&self.buf[..cut]);
        self.buf.drain(..cut);
        (text, None)
    }

    fn finish(&mut self) -> String {
        let mut text = self.text.push(&self.buf);
        text.push_str(&self.text.finish());
        self.buf.clear();
        text
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Length of the longest suffix of `buf` that is a proper prefix of `pat`.
fn partial_suffix(buf: &[u8], pat: &[u8]) -> usize {
    (1..pat.len().min(buf.len() + 1))
        .rev()
        .find(|&k| buf.ends_with(&pat[..k]))
        .unwrap_or(0)
}

/// `POST /session`.
pub(crate) async fn create(State(core): State<Arc<SandboxCore>>, body: Bytes) -> Response {
    let req: et::CreateSessionRequest = if body.iter().all(u8::is_ascii_whitespace) {
        et::CreateSessionRequest::default()
    } else {
        match serde_json::from_slice(&body) {
            Ok(r) => r,
            Err(e) => return bad_request(format!("error parsing request. {e}")),
        }
    };
    let cwd = match req.cwd.as_deref().filter(|c| !c.is_empty()) {
        Some(c) => resolve(&core, c),
        None => core.dir.clone(),
    };
    match BashSession::spawn(&core, &cwd).await {
        Ok(session) => {
            let id = session.id.clone();
            lock(&core.execd.sessions).insert(id.clone(), session);
            util::json(
                StatusCode::OK,
                &et::CreateSessionResponse { session_id: id },
            )
        }
        Err(e) => runtime_error(format!("error creating session. {e}")),
    }
}

/// `DELETE /session/{id}`.
pub(crate) async fn delete(
    State(core): State<Arc<SandboxCore>>,
    UrlPath(id): UrlPath<String>,
) -> Response {
    match lock(&core.execd.sessions).remove(&id) {
        Some(session) => {
            session.kill();
            util::empty(StatusCode::OK)
        }
        None => error(
            StatusCode::NOT_FOUND,
            "CONTEXT_NOT_FOUND",
            format!("session {id} not found"),
        ),
    }
}

/// `POST /session/{id}/run`.
pub(crate) async fn run(
    State(core): State<Arc<SandboxCore>>,
    UrlPath(id): UrlPath<String>,
    ExecdJson(req): ExecdJson<et::RunInSessionRequest>,
) -> Response {
    if req.command.trim().is_empty() {
        return bad_request("invalid request. command is required");
    }
    let Some(session) = lock(&core.execd.sessions).get(&id).cloned() else {
        return error(
            StatusCode::NOT_FOUND,
            "CONTEXT_NOT_FOUND",
            "session not found",
        );
    };
    let cwd = req
        .cwd
        .as_deref()
        .filter(|c| !c.is_empty())
        .map(|c| resolve(&core, c));
    let timeout = req
        .timeout
        .filter(|t| *t > 0)
        .map(|t| Duration::from_millis(t as u64));
    let run_id = util::new_id();
    let (stream, response) = EventStream::start();
    tokio::spawn(async move {
        let started = Instant::now();
        stream.send(&super::text_event("init", &run_id)).await;
        lock(&core.execd.session_runs).insert(run_id.clone(), session.pgid);
        let end = session.run(&req.command, cwd, timeout, &stream).await;
        lock(&core.execd.session_runs).remove(&run_id);
        let terminal = match end {
            RunEnd::Exited(0) => super::complete_event(started.elapsed()),
            RunEnd::Exited(code) | RunEnd::SessionDied(code) => {
                if matches!(end, RunEnd::SessionDied(_)) {
                    lock(&core.execd.sessions).remove(&session.id);
                }
                super::error_event("CommandExecError", &code.to_string(), vec![])
            }
            RunEnd::Closed => super::error_event("RuntimeError", "session is closed", vec![]),
        };
        stream.finish(&terminal).await;
    });
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scanner_finds_split_marker() {
        let pat = b"\x1eMK:";
        let mut s = Scanner::default();
        let (t, c) = s.push(b"hello\x1eM", pat, true);
        assert_eq!((t.as_str(), c), ("hello", None));
        let (t, c) = s.push(b"K:1", pat, true);
        assert_eq!((t.as_str(), c), ("", None));
        let (t, c) = s.push(b"7\x1e", pat, true);
        assert_eq!((t.as_str(), c), ("", Some(17)));
    }

    #[test]
    fn scanner_passes_plain_output() {
        let pat = b"\x1eMK\x1e";
        let mut s = Scanner::default();
        let (t, c) = s.push(b"no marker here\n", pat, false);
        assert_eq!((t.as_str(), c), ("no marker here\n", None));
        let (t, c) = s.push(b"tail\x1eMK\x1e", pat, false);
        assert_eq!((t.as_str(), c), ("tail", Some(0)));
    }
}
