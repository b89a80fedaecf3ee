//! PTY sessions: `POST /pty`, `GET /pty/{id}`, `DELETE /pty/{id}` and the WebSocket
//! `GET /pty/{id}/ws?pty=0|1&since=<offset>&takeover=1`.
//!
//! The shell starts on the first attach, in a real pseudo-terminal (`pty=1`, the
//! default) or with pipes (`pty=0`, stdout and stderr apart). Output goes into a 1 MiB
//! replay buffer with absolute offsets, so a client that reconnects with `since` gets
//! exactly what it missed. One connection at a time: another gets 409 unless it asks
//! for `takeover=1`, which closes the old one with code 4001 `TAKEN_OVER`.
//!
//! Frames, server to client: text `connected` first, binary `0x01` stdout, `0x02`
//! stderr (pipe mode), `0x03` replay (8-byte big-endian offset, then bytes), text
//! `exit` last, text `error` for failures. Client to server: binary `0x00` stdin, text
//! `resize`, `signal`, `ping` (answered by `pong`) and `stdin`.

use std::collections::VecDeque;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::process::Stdio;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Path as UrlPath, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use serde_json::json;
use tokio::sync::{mpsc, oneshot};

use super::{error, resolve};
use crate::state::{SandboxCore, lock};
use crate::{process, util};

/// Bytes of output kept for replay.
pub(crate) const REPLAY_WINDOW: usize = 1024 * 1024;
/// Close code sent to a connection evicted by a takeover.
const CLOSE_TAKEN_OVER: u16 = 4001;
/// Output queued for one connection beyond which it is dropped as too slow (it can
/// reattach with `since`; what fell out of the replay window meanwhile is reported to
/// it as a gap).
const MAX_QUEUED: usize = 8 * 1024 * 1024;
/// Close code for a connection dropped as too slow.
const CLOSE_SLOW_CONSUMER: u16 = 1008;
/// Interval of the server's WebSocket pings.
const PING_INTERVAL: Duration = Duration::from_secs(3);

/// `POST /pty` body.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct CreateRequest {
    cwd: Option<String>,
    command: Option<String>,
}

/// What the output side sends to the attached connection.
enum Out {
    /// Live output: `0x01` stdout or `0x02` stderr.
    Data(u8, Vec<u8>),
    /// The shell ended.
    Exit(i32),
}

/// The attached connection.
struct Attached {
    conn: u64,
    tx: mpsc::UnboundedSender<Out>,
    /// Output bytes queued in `tx` and not yet written to the socket.
    queued: Arc<AtomicUsize>,
    kick: Option<oneshot::Sender<()>>,
}

/// Input side of a started shell.
struct Running {
    pty: bool,
    /// PTY master (for resize and the foreground process group); `None` in pipe mode.
    master: Option<Arc<OwnedFd>>,
    stdin: std::sync::mpsc::Sender<Vec<u8>>,
    pgid: i32,
}

#[derive(Default)]
struct Inner {
    running: Option<Running>,
    exit_code: Option<i32>,
    /// The last [`REPLAY_WINDOW`] bytes of output.
    buffer: VecDeque<u8>,
    /// Total bytes of output so far (the offset just past the buffer's end).
    total: u64,
    attached: Option<Attached>,
}

/// One PTY session.
pub(crate) struct PtySession {
    id: String,
    cwd: std::path::PathBuf,
    command: Option<String>,
    inner: Mutex<Inner>,
    /// Held while the shell starts, so two attaches (a takeover) cannot start two.
    starting: Mutex<()>,
}

static CONN_SEQ: AtomicU64 = AtomicU64::new(1);

impl PtySession {
    fn offset(&self) -> u64 {
        lock(&self.inner).total
    }

    fn running(&self) -> bool {
        let inner = lock(&self.inner);
        inner.running.is_some() && inner.exit_code.is_none()
    }

    /// Appends output to the replay buffer and forwards it to the attached connection,
    /// under one lock so that replay and live output never overlap or leave a gap.
    fn push(&self, kind: u8, bytes: &[u8]) {
        let mut inner = lock(&self.inner);
        inner.total += bytes.len() as u64;
        inner.buffer.extend(bytes);
        let excess = inner.buffer.len().saturating_sub(REPLAY_WINDOW);
        inner.buffer.drain(..excess);
        if let Some(a) = &inner.attached {
            let queued = a.queued.fetch_add(bytes.len(), Ordering::Relaxed) + bytes.len();
            if queued > MAX_QUEUED {
                // Too slow: drop it (its queue closes) rather than grow without bound.
                inner.attached = None;
            } else {
                let _ = a.tx.send(Out::Data(kind, bytes.to_vec()));
            }
        }
    }

    fn finish(&self, code: i32) {
        let mut inner = lock(&self.inner);
        inner.exit_code = Some(code);
        if let Some(a) = &inner.attached {
            let _ = a.tx.send(Out::Exit(code));
        }
    }

    /// Kills the shell and everything it started.
    pub(crate) fn kill(&self) {
        if let Some(r) = &lock(&self.inner).running {
            process::kill_group(r.pgid);
        }
    }

    /// Starts the shell (once).
    fn start(self: &Arc<Self>, core: &SandboxCore, pty: bool) -> Result<(), String> {
        let _starting = lock(&self.starting);
        if lock(&self.inner).running.is_some() {
            return Ok(());
        }
        let Some(bash) = process::bash() else {
            return Err("bash is not installed on this host".to_owned());
        };
        if !self.cwd.is_dir() {
            return Err(format!("chdir {}: no such directory", self.cwd.display()));
        }
        let mut cmd = std::process::Command::new(bash);
        match &self.command {
            Some(c) => cmd.args(["--noprofile", "--norc", "-c", c]),
            None if pty => cmd.args(["--noprofile", "--norc", "-i"]),
            None => cmd.args(["--noprofile", "--norc", "-s"]),
        };
        cmd.current_dir(&self.cwd)
            .env_remove("OPEN_SANDBOX_API_KEY")
            .envs(core.process_env())
            .env("TERM", "xterm-256color")
            .env("PS1", "$ ");
        let running = if pty {
            self.start_pty(cmd, core)?
        } else {
            self.start_pipes(cmd, core)?
        };
        lock(&self.inner).running = Some(running);
        Ok(())
    }

    #[allow(unsafe_code)]
    fn start_pty(
        self: &Arc<Self>,
        mut cmd: std::process::Command,
        core: &SandboxCore,
    ) -> Result<Running, String> {
        let (master, slave) = open_pty().map_err(|e| format!("openpty: {e}"))?;
        let io = |fd: &OwnedFd| -> Result<Stdio, String> {
            Ok(Stdio::from(fd.try_clone().map_err(|e| e.to_string())?))
        };
        cmd.stdin(io(&slave)?)
            .stdout(io(&slave)?)
            .stderr(io(&slave)?);
        // SAFETY: only async-signal-safe calls between fork and exec: setsid(2) and
        // ioctl(2) on the inherited descriptor 0.
        unsafe {
            use std::os::unix::process::CommandExt;
            cmd.pre_exec(|| {
                if libc::setsid() < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                if libc::ioctl(0, libc::TIOCSCTTY as _, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let mut child = cmd.spawn().map_err(|e| e.to_string())?;
        drop(cmd);
        drop(slave);
        let pgid = child.id() as i32;
        core.register(pgid);
        let master = Arc::new(master);
        let mut reader = std::fs::File::from(master.try_clone().map_err(|e| e.to_string())?);
        let writer = std::fs::File::from(master.try_clone().map_err(|e| e.to_string())?);
        let stdin = spawn_writer(writer);
        let session = self.clone();
        std::thread::spawn(move || {
            let mut buf = vec![0u8; 64 * 1024];
            loop {
                match reader.read(&mut buf) {
                    // EIO once the last slave descriptor is closed: the shell is gone.
                    Ok(0) | Err(_) => break,
                    Ok(n) => session.push(0x01, &buf[..n]),
                }
            }
            let code = child.wait().map(|s| process::exit_code(&s)).unwrap_or(-1);
            session.finish(code);
        });
        Ok(Running {
            pty: true,
            master: Some(master),
            stdin,
            pgid,
        })
    }

    fn start_pipes(
        self: &Arc<Self>,
        mut cmd: std::process::Command,
        core: &SandboxCore,
    ) -> Result<Running, String> {
        use std::os::unix::process::CommandExt;
        cmd.stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .process_group(0);
        let mut child = cmd.spawn().map_err(|e| e.to_string())?;
        let pgid = child.id() as i32;
        core.register(pgid);
        let (Some(stdin), Some(stdout), Some(stderr)) =
            (child.stdin.take(), child.stdout.take(), child.stderr.take())
        else {
            return Err("shell pipes unavailable".to_owned());
        };
        let stdin = spawn_writer(stdin);
        let readers: Vec<_> = [(0x01u8, Box::new(stdout) as Box<dyn Read + Send>)]
            .into_iter()
            .chain([(0x02u8, Box::new(stderr) as Box<dyn Read + Send>)])
            .map(|(kind, mut r)| {
                let session = self.clone();
                std::thread::spawn(move || {
                    let mut buf = vec![0u8; 64 * 1024];
                    loop {
                        match r.read(&mut buf) {
                            Ok(0) | Err(_) => break,
                            Ok(n) => session.push(kind, &buf[..n]),
                        }
                    }
                })
            })
            .collect();
        let session = self.clone();
        std::thread::spawn(move || {
            for r in readers {
                let _ = r.join();
            }
            let code = child.wait().map(|s| process::exit_code(&s)).unwrap_or(-1);
            session.finish(code);
        });
        Ok(Running {
            pty: false,
            master: None,
            stdin,
            pgid,
        })
    }
}

/// Opens a pseudo-terminal pair (master, slave).
#[allow(unsafe_code)]
fn open_pty() -> std::io::Result<(OwnedFd, OwnedFd)> {
    let mut master: libc::c_int = -1;
    let mut slave: libc::c_int = -1;
    // SAFETY: openpty(3) writes two descriptors into the integers we pass; name,
    // termios and winsize may be null.
    let rc = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    if rc != 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: both descriptors were just opened and are owned by nobody else.
    let pair = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
    // The master must not leak into the shell.
    // SAFETY: fcntl(2) on a descriptor we own.
    unsafe { libc::fcntl(pair.0.as_raw_fd(), libc::F_SETFD, libc::FD_CLOEXEC) };
    Ok(pair)
}

/// A thread that writes stdin chunks in order; dropped sender ends it.
fn spawn_writer(mut w: impl Write + Send + 'static) -> std::sync::mpsc::Sender<Vec<u8>> {
    let (tx, rx) = std::sync::mpsc::channel::<Vec<u8>>();
    std::thread::spawn(move || {
        while let Ok(chunk) = rx.recv() {
            if w.write_all(&chunk).and_then(|()| w.flush()).is_err() {
                break;
            }
        }
    });
    tx
}

/// Sets the terminal size.
#[allow(unsafe_code)]
fn resize(master: &OwnedFd, cols: u16, rows: u16) -> std::io::Result<()> {
    let ws = libc::winsize {
        ws_row: rows,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: TIOCSWINSZ reads one winsize from the pointer, which outlives the call.
    let rc = unsafe { libc::ioctl(master.as_raw_fd(), libc::TIOCSWINSZ as _, &ws) };
    if rc < 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}

/// The terminal's foreground process group, if any.
#[allow(unsafe_code)]
fn foreground_group(master: &OwnedFd) -> Option<i32> {
    // SAFETY: tcgetpgrp(3) on a descriptor we own.
    let pgrp = unsafe { libc::tcgetpgrp(master.as_raw_fd()) };
    (pgrp > 1).then_some(pgrp)
}

fn signal_number(name: &str) -> Option<i32> {
    let name = name.trim().to_ascii_uppercase();
    let name = name.strip_prefix("SIG").unwrap_or(&name);
    Some(match name {
        "INT" => libc::SIGINT,
        "TERM" => libc::SIGTERM,
        "KILL" => libc::SIGKILL,
        "HUP" => libc::SIGHUP,
        "QUIT" => libc::SIGQUIT,
        "TSTP" => libc::SIGTSTP,
        "CONT" => libc::SIGCONT,
        "STOP" => libc::SIGSTOP,
        "USR1" => libc::SIGUSR1,
        "USR2" => libc::SIGUSR2,
        "WINCH" => libc::SIGWINCH,
        _ => return None,
    })
}

fn not_found(id: &str) -> Response {
    error(
        StatusCode::NOT_FOUND,
        "SESSION_GONE",
        format!("pty session {id} not found"),
    )
}

fn session(core: &SandboxCore, id: &str) -> Option<Arc<PtySession>> {
    lock(&core.execd.ptys).get(id).cloned()
}

/// `POST /pty`.
pub(crate) async fn create(
    State(core): State<Arc<SandboxCore>>,
    body: axum::body::Bytes,
) -> Response {
    let req: CreateRequest = if body.iter().all(u8::is_ascii_whitespace) {
        CreateRequest::default()
    } else {
        match serde_json::from_slice(&body) {
            Ok(r) => r,
            Err(e) => return super::bad_request(format!("invalid pty request: {e}")),
        }
    };
    let cwd = match req.cwd.as_deref().filter(|c| !c.is_empty()) {
        Some(c) => resolve(&core, c),
        None => core.dir.clone(),
    };
    if !cwd.is_dir() {
        return super::bad_request(format!("cwd {} is not a directory", cwd.display()));
    }
    let id = util::new_id();
    let session = Arc::new(PtySession {
        id: id.clone(),
        cwd,
        command: req.command.filter(|c| !c.trim().is_empty()),
        inner: Mutex::new(Inner::default()),
        starting: Mutex::new(()),
    });
    lock(&core.execd.ptys).insert(id.clone(), session);
    util::json(StatusCode::OK, &json!({ "session_id": id }))
}

/// `GET /pty/{id}`.
pub(crate) async fn status(
    State(core): State<Arc<SandboxCore>>,
    UrlPath(id): UrlPath<String>,
) -> Response {
    match session(&core, &id) {
        Some(s) => util::json(
            StatusCode::OK,
            &json!({"session_id": s.id, "running": s.running(), "output_offset": s.offset()}),
        ),
        None => not_found(&id),
    }
}

/// `DELETE /pty/{id}`.
pub(crate) async fn delete(
    State(core): State<Arc<SandboxCore>>,
    UrlPath(id): UrlPath<String>,
) -> Response {
    match lock(&core.execd.ptys).remove(&id) {
        Some(s) => {
            s.kill();
            util::empty(StatusCode::OK)
        }
        None => not_found(&id),
    }
}

/// `GET /pty/{id}/ws`.
pub(crate) async fn ws(
    State(core): State<Arc<SandboxCore>>,
    UrlPath(id): UrlPath<String>,
    RawQuery(query): RawQuery,
    upgrade: Result<WebSocketUpgrade, axum::extract::ws::rejection::WebSocketUpgradeRejection>,
) -> Response {
    let Some(s) = session(&core, &id) else {
        return not_found(&id);
    };
    let pairs = util::query_pairs(query.as_deref());
    let flag = |k: &str| util::query_get(&pairs, k);
    let pty = !matches!(flag("pty"), Some("0" | "false"));
    let takeover = matches!(flag("takeover"), Some("1" | "true"));
    let since = match flag("since").map(str::parse::<u64>) {
        None => 0,
        Some(Ok(v)) => v,
        Some(Err(_)) => return super::bad_request("since must be a byte offset"),
    };
    if !takeover && lock(&s.inner).attached.is_some() {
        return error(
            StatusCode::CONFLICT,
            "ALREADY_CONNECTED",
            format!("pty session {id} already has a connection; attach with takeover=1"),
        );
    }
    let upgrade = match upgrade {
        Ok(u) => u,
        Err(e) => return super::bad_request(format!("websocket upgrade required: {e}")),
    };
    upgrade.on_upgrade(move |socket| serve(core, s, socket, pty, since, takeover))
}

async fn send_json(socket: &mut WebSocket, v: serde_json::Value) -> bool {
    socket
        .send(Message::Text(v.to_string().into()))
        .await
        .is_ok()
}

async fn send_error(socket: &mut WebSocket, code: &str, message: impl Into<String>) -> bool {
    send_json(
        socket,
        json!({"type": "error", "code": code, "error": message.into()}),
    )
    .await
}

/// One WebSocket connection to a session.
async fn serve(
    core: Arc<SandboxCore>,
    s: Arc<PtySession>,
    mut socket: WebSocket,
    pty: bool,
    since: u64,
    takeover: bool,
) {
    let conn = CONN_SEQ.fetch_add(1, Ordering::Relaxed);
    let (tx, mut rx) = mpsc::unbounded_channel();
    let queued = Arc::new(AtomicUsize::new(0));
    let (kick_tx, mut kick_rx) = oneshot::channel();
    // Register (evicting the previous connection on takeover).
    let refused = {
        let mut inner = lock(&s.inner);
        match inner.attached.as_mut() {
            Some(_) if !takeover => true,
            old => {
                if let Some(k) = old.and_then(|o| o.kick.take()) {
                    let _ = k.send(());
                }
                inner.attached = Some(Attached {
                    conn,
                    tx,
                    queued: queued.clone(),
                    kick: Some(kick_tx),
                });
                false
            }
        }
    };
    if refused {
        let _ = send_error(
            &mut socket,
            "ALREADY_CONNECTED",
            "the session already has a connection",
        )
        .await;
        return;
    }
    let mode = {
        let started = lock(&s.inner).running.as_ref().map(|r| r.pty);
        started.unwrap_or(pty)
    };
    if !send_json(
        &mut socket,
        json!({"type": "connected", "session_id": s.id, "mode": if mode { "pty" } else { "pipe" }}),
    )
    .await
    {
        detach(&s, conn);
        return;
    }
    // Replay what the client has not seen, then live output through `rx` (queued from
    // the moment of registration, so nothing falls between the two).
    let replay = {
        let inner = lock(&s.inner);
        // Live frames queued before this point are in the buffer too: drop them under
        // the same lock the output side takes, so none is dropped that is not replayed.
        while rx.try_recv().is_ok() {}
        queued.store(0, Ordering::Relaxed);
        let oldest = inner.total - inner.buffer.len() as u64;
        let from = since.clamp(oldest, inner.total);
        let skip = (from - oldest) as usize;
        let bytes: Vec<u8> = inner.buffer.iter().skip(skip).copied().collect();
        let exit = inner.exit_code;
        (from, bytes, exit)
    };
    let (from, bytes, exit) = replay;
    if !bytes.is_empty() {
        let mut frame = Vec::with_capacity(9 + bytes.len());
        frame.push(0x03);
        frame.extend_from_slice(&from.to_be_bytes());
        frame.extend_from_slice(&bytes);
        if socket.send(Message::Binary(frame.into())).await.is_err() {
            detach(&s, conn);
            return;
        }
    }
    // Start the shell (first attach) only now: everything it prints arrives live, with
    // its stream (stdout or stderr) known, instead of as replay.
    if let Err(e) = s.start(&core, mode) {
        let _ = send_error(&mut socket, "START_FAILED", e).await;
        detach(&s, conn);
        return;
    }
    if let Some(code) = exit {
        let _ = send_json(&mut socket, json!({"type": "exit", "exit_code": code})).await;
        let _ = socket.send(Message::Close(None)).await;
        detach(&s, conn);
        return;
    }
    let mut ping = tokio::time::interval(PING_INTERVAL);
    ping.tick().await;
    loop {
        tokio::select! {
            // Replacing or dropping `attached` closes `rx` right after the kick fires (or
            // is dropped): look at the kick first so the client learns why.
            biased;
            // Fired: taken over. Dropped unfired: this connection was let go as too slow.
            kicked = &mut kick_rx => {
                let (code, reason) = match kicked {
                    Ok(()) => (CLOSE_TAKEN_OVER, "TAKEN_OVER"),
                    Err(_) => (CLOSE_SLOW_CONSUMER, "SLOW_CONSUMER"),
                };
                let _ = socket
                    .send(Message::Close(Some(CloseFrame {
                        code,
                        reason: reason.into(),
                    })))
                    .await;
                // Already replaced or let go: nothing to detach.
                return;
            }
            out = rx.recv() => match out {
                Some(Out::Data(kind, bytes)) => {
                    queued.fetch_sub(bytes.len(), Ordering::Relaxed);
                    let mut frame = Vec::with_capacity(1 + bytes.len());
                    frame.push(kind);
                    frame.extend_from_slice(&bytes);
                    if socket.send(Message::Binary(frame.into())).await.is_err() {
                        break;
                    }
                }
                Some(Out::Exit(code)) => {
                    let _ = send_json(&mut socket, json!({"type": "exit", "exit_code": code})).await;
                    let _ = socket.send(Message::Close(None)).await;
                    break;
                }
                None => break,
            },
            _ = ping.tick() => {
                if socket.send(Message::Ping(Vec::new().into())).await.is_err() {
                    break;
                }
            }
            msg = socket.recv() => match msg {
                Some(Ok(msg)) => {
                    if !handle(&s, &mut socket, msg).await {
                        break;
                    }
                }
                _ => break,
            },
        }
    }
    detach(&s, conn);
}

/// Forgets the connection `conn` if it is still the attached one.
fn detach(s: &PtySession, conn: u64) {
    let mut inner = lock(&s.inner);
    if inner.attached.as_ref().is_some_and(|a| a.conn == conn) {
        inner.attached = None;
    }
}

#[derive(Deserialize)]
struct Control {
    #[serde(rename = "type")]
    kind: String,
    cols: Option<u16>,
    rows: Option<u16>,
    signal: Option<String>,
    data: Option<String>,
}

/// Handles one client frame; `false` ends the connection.
async fn handle(s: &PtySession, socket: &mut WebSocket, msg: Message) -> bool {
    let stdin = |bytes: Vec<u8>| -> bool {
        match &lock(&s.inner).running {
            Some(r) => r.stdin.send(bytes).is_ok(),
            None => false,
        }
    };
    match msg {
        Message::Binary(b) => match b.split_first() {
            Some((0x00, rest)) => {
                if !stdin(rest.to_vec()) {
                    return send_error(socket, "STDIN_WRITE_FAILED", "the shell's stdin is closed")
                        .await;
                }
                true
            }
            _ => {
                send_error(
                    socket,
                    "INVALID_FRAME",
                    "binary frames must start with 0x00",
                )
                .await
            }
        },
        Message::Text(t) => {
            let c: Control = match serde_json::from_str(t.as_str()) {
                Ok(c) => c,
                Err(e) => return send_error(socket, "INVALID_FRAME", e.to_string()).await,
            };
            match c.kind.as_str() {
                "ping" => send_json(socket, json!({"type": "pong"})).await,
                "stdin" => {
                    let data = c.data.unwrap_or_default().into_bytes();
                    if !stdin(data) {
                        return send_error(
                            socket,
                            "STDIN_WRITE_FAILED",
                            "the shell's stdin is closed",
                        )
                        .await;
                    }
                    true
                }
                "resize" => {
                    let (Some(cols), Some(rows)) = (c.cols, c.rows) else {
                        return send_error(socket, "INVALID_FRAME", "resize needs cols and rows")
                            .await;
                    };
                    let master = lock(&s.inner)
                        .running
                        .as_ref()
                        .and_then(|r| r.master.clone());
                    match master {
                        Some(m) => match resize(&m, cols, rows) {
                            Ok(()) => true,
                            Err(e) => send_error(socket, "RUNTIME_ERROR", e.to_string()).await,
                        },
                        // Pipes have no size: accepted and ignored.
                        None => true,
                    }
                }
                "signal" => {
                    let name = c.signal.unwrap_or_default();
                    let Some(sig) = signal_number(&name) else {
                        return send_error(
                            socket,
                            "INVALID_FRAME",
                            format!("unknown signal {name:?}"),
                        )
                        .await;
                    };
                    let target = lock(&s.inner).running.as_ref().map(|r| {
                        r.master
                            .as_deref()
                            .and_then(foreground_group)
                            .unwrap_or(r.pgid)
                    });
                    if let Some(pgid) = target {
                        process::signal_group(pgid, sig);
                    }
                    true
                }
                other => {
                    send_error(
                        socket,
                        "INVALID_FRAME",
                        format!("unknown frame type {other:?}"),
                    )
                    .await
                }
            }
        }
        Message::Close(_) => false,
        Message::Ping(_) | Message::Pong(_) => true,
    }
}

/// Kill every PTY session's shell.
pub(crate) fn kill_all(sessions: &Mutex<std::collections::HashMap<String, Arc<PtySession>>>) {
    for (_, s) in lock(sessions).drain() {
        s.kill();
    }
}
